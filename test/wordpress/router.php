<?php
/**
 * Router of PHP's built-in server for the test WordPress (see wordpress.mjs):
 *
 *   php -S 127.0.0.1:PORT -t WORDPRESS_ROOT router.php
 *
 * - names the configuration: Debian's wp-config.php loads
 *   /etc/wordpress/config-$WORDPRESS_CONFIG.php, a file private to this run;
 * - serves /wp-content/ from the run's own content folder (uploads, and the
 *   themes linked into it);
 * - hands existing PHP files and static files to the built-in server;
 * - sends every other path (pretty permalinks, /wp-json/…) to index.php, as
 *   Apache's rewrite rules for WordPress do.
 */

if (getenv('PW_WP_CONFIG')) {
    $_SERVER['WORDPRESS_CONFIG'] = getenv('PW_WP_CONFIG');
}

$root = rtrim($_SERVER['DOCUMENT_ROOT'], '/');
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');

if (str_contains($path, "\0") || str_contains($path, '/../')) {
    http_response_code(400);
    return true;
}

$types = [
    'css' => 'text/css; charset=utf-8',
    'js' => 'text/javascript; charset=utf-8',
    'json' => 'application/json',
    'svg' => 'image/svg+xml',
    'png' => 'image/png',
    'jpg' => 'image/jpeg',
    'jpeg' => 'image/jpeg',
    'gif' => 'image/gif',
    'webp' => 'image/webp',
    'woff2' => 'font/woff2',
    'txt' => 'text/plain; charset=utf-8',
];

if (str_starts_with($path, '/wp-content/')) {
    $file = getenv('PW_WP_CONTENT_DIR') . substr($path, strlen('/wp-content'));
    $extension = strtolower(pathinfo($file, PATHINFO_EXTENSION));
    if ($extension !== 'php' && is_file($file)) {
        header('Content-Type: ' . ($types[$extension] ?? 'application/octet-stream'));
        header('Content-Length: ' . filesize($file));
        readfile($file);
        return true;
    }
    http_response_code(404);
    return true;
}

if ($path !== '/' && is_file($root . $path)) {
    return false;
}
if (is_dir($root . $path) && is_file($root . rtrim($path, '/') . '/index.php')) {
    return false;
}

$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
chdir($root);
require $root . '/index.php';
