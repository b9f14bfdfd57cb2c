<?php
/**
 * Installs WordPress into an empty database and fills it with the test data.
 *
 * Run by wordpress.mjs with php-cli:  php seed.php SEED.json
 * The environment names the configuration (see wordpress.mjs): PW_WP_HOST is
 * the site's host:port, PW_WP_CONFIG the key of the Debian configuration file
 * (unset when the site runs from a private copy, PW_WP_ROOT).
 * SEED.json holds the site name, the admin account, the categories, posts,
 * image, links and links page to create. The last line printed is a JSON object with the
 * ids WordPress gave them.
 */

$seed = json_decode(file_get_contents($argv[1]), true, 512, JSON_THROW_ON_ERROR);

$_SERVER['HTTP_HOST'] = getenv('PW_WP_HOST');
$_SERVER['SERVER_NAME'] = preg_replace('/:.*/', '', $_SERVER['HTTP_HOST']);
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
if (getenv('PW_WP_CONFIG')) {
    $_SERVER['WORDPRESS_CONFIG'] = getenv('PW_WP_CONFIG');
}
define('WP_INSTALLING', true);

// Nothing is mailed: the install would otherwise try to send the new-site notice.
function wp_mail()
{
    return true;
}

// The database exists before WordPress connects to it.
$db = new mysqli('localhost', 'wordpress', '', '', 0, getenv('PW_WP_SOCKET'));
$db->query('CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
$db->close();

require_once rtrim(getenv('PW_WP_ROOT'), '/') . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/bookmark.php';
require_once ABSPATH . 'wp-admin/includes/image.php';

// No HTTP at all during the install (it probes its own permalinks and pings).
add_filter('pre_http_request', function () {
    return new WP_Error('http_request_blocked', 'No HTTP while seeding.');
});

/** Stops with a message naming what failed, when $value is a WP_Error (or false/0). */
function must($value, $what)
{
    if (is_wp_error($value)) {
        fwrite(STDERR, "$what: " . $value->get_error_message() . "\n");
        exit(1);
    }
    if (!$value) {
        fwrite(STDERR, "$what failed\n");
        exit(1);
    }
    return $value;
}

$admin = $seed['admin'];
$installed = wp_install($seed['blogName'], $admin['user'], $admin['email'], 1, '', $admin['password'], '');
$adminId = (int) $installed['user_id'];
wp_update_user(['ID' => $adminId, 'display_name' => $admin['displayName'], 'nickname' => $admin['displayName']]);

update_option('blogdescription', $seed['tagline']);
update_option('timezone_string', $seed['timeZone']);
update_option('date_format', 'd/m/Y');
update_option('time_format', 'H:i');
update_option('link_manager_enabled', 1);
$wp_rewrite->set_permalink_structure($seed['permalinks']);
flush_rewrite_rules(false);

// The starter content of a fresh site ("Hello world!", "Sample Page") would only confuse the lists.
foreach (get_posts(['post_type' => ['post', 'page'], 'post_status' => 'any', 'numberposts' => -1]) as $old) {
    wp_delete_post($old->ID, true);
}

$result = ['categories' => [], 'posts' => [], 'links' => [], 'linkCategory' => null, 'mediaId' => null];

foreach ($seed['categories'] as $key => $category) {
    $term = must(wp_insert_term($category['name'], 'category', ['slug' => $category['slug']]), "category $key");
    $result['categories'][$key] = ['id' => (int) $term['term_id'], 'name' => $category['name'], 'slug' => $category['slug']];
}

foreach ($seed['posts'] as $post) {
    $categoryId = $result['categories'][$post['category']]['id'];
    $id = must(wp_insert_post([
        'post_title' => $post['title'],
        'post_name' => $post['slug'],
        'post_content' => $post['content'],
        'post_excerpt' => $post['excerpt'] ?? '',
        'post_status' => 'publish',
        'post_author' => $adminId,
        'post_date' => $post['date'],
        'post_category' => [$categoryId],
    ], true), 'post ' . $post['slug']);
    $result['posts'][] = [
        'id' => $id,
        'title' => $post['title'],
        'slug' => $post['slug'],
        'categoryId' => $categoryId,
        'date' => str_replace(' ', 'T', get_post_field('post_date_gmt', $id)) . 'Z',
        'link' => get_permalink($id),
    ];
}

// The featured image: a small JPEG drawn here (GD comes with Debian's wordpress),
// stored as an upload of the post it illustrates.
$image = $seed['image'];
$owner = null;
foreach ($result['posts'] as $post) {
    if ($post['slug'] === $image['post']) {
        $owner = $post['id'];
    }
}
must($owner, 'the post of the featured image');
$uploads = wp_upload_dir('2024/05');
must(empty($uploads['error']), 'the upload folder: ' . ($uploads['error'] ?: ''));
$file = $uploads['path'] . '/' . $image['file'];
$canvas = imagecreatetruecolor(640, 360);
imagefilledrectangle($canvas, 0, 0, 639, 359, imagecolorallocate($canvas, 0xb7, 0x1c, 0x1c));
imagefilledrectangle($canvas, 0, 250, 639, 359, imagecolorallocate($canvas, 0xf5, 0xc5, 0x18));
imagefilledellipse($canvas, 320, 140, 160, 160, imagecolorallocate($canvas, 0xff, 0xff, 0xff));
must(imagejpeg($canvas, $file, 80), 'writing the image');
imagedestroy($canvas);
$mediaId = must(wp_insert_attachment([
    'post_title' => $image['title'],
    'post_mime_type' => 'image/jpeg',
    'post_status' => 'inherit',
    'post_author' => $adminId,
], $file, $owner, true), 'the attachment');
wp_update_attachment_metadata($mediaId, wp_generate_attachment_metadata($mediaId, $file));
update_post_meta($mediaId, '_wp_attachment_image_alt', $image['alt']);
must(set_post_thumbnail($owner, $mediaId), 'the featured image');
$result['mediaId'] = $mediaId;
$result['mediaUrl'] = wp_get_attachment_url($mediaId);

// Links of the link manager, in one link category: /wp-links-opml.php lists them.
$linkTerm = must(wp_insert_term($seed['linkCategory'], 'link_category'), 'the link category');
$result['linkCategory'] = ['id' => (int) $linkTerm['term_id'], 'name' => $seed['linkCategory']];
foreach ($seed['links'] as $link) {
    $id = must(wp_insert_link([
        'link_name' => $link['name'],
        'link_url' => $link['url'],
        'link_visible' => 'Y',
        'link_category' => [(int) $linkTerm['term_id']],
    ], true), 'link ' . $link['name']);
    $result['links'][] = ['id' => $id, 'name' => $link['name'], 'url' => $link['url']];
}

// A page of links: its anchors, grouped under its headings, are what links-page="…" reads.
$page = $seed['linksPage'];
$pageId = must(wp_insert_post([
    'post_type' => 'page',
    'post_title' => $page['title'],
    'post_name' => $page['slug'],
    'post_content' => $page['content'],
    'post_status' => 'publish',
    'post_author' => $adminId,
], true), 'the links page');
$result['linksPage'] = ['id' => $pageId, 'slug' => $page['slug'], 'title' => $page['title']];

echo "\n" . json_encode($result, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES) . "\n";
