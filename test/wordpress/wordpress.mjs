// A real WordPress for the tests, on loopback, from Debian's packages:
//
//   const wp = await startWordPress();
//   // wp.url: 'http://127.0.0.1:PORT'; wp.categories, wp.posts, wp.links, wp.mediaId
//   await wp.stop();
//
// Every run is private: its own MariaDB (a fresh data folder, reached through a
// Unix socket only, no TCP), its own PHP built-in server on a free 127.0.0.1
// port, its own wp-content folder for uploads, and its own configuration file
// (/etc/wordpress/config-<key>.php, where Debian's wp-config.php looks, chosen
// by a key the router passes as WORDPRESS_CONFIG, so two runs never share
// one). When /etc/wordpress cannot be written (not root), the run uses a
// private copy of WordPress's top-level files with its own wp-config.php
// instead. stop() ends both servers and removes everything the run wrote; so
// does the exit of the Node process, and a run that could not clean up (its
// process was killed) is cleaned up by the next one.
//
// Seeded: a Vietnamese site name, the categories "Hoạt động của lãnh đạo"
// (four posts) and "Tin tức" (two posts), a JPEG as the featured image of the
// newest leadership post, four links in one link category, which
// /wp-links-opml.php lists, and a page of links grouped under headings. Pretty permalinks are on, so the REST API answers
// under /wp-json/ as well as under /?rest_route=.
//
// Needs: apt-get install -y wordpress mariadb-server php-cli php-mysql php-mbstring php-xml
//
// `node test/wordpress/wordpress.mjs` starts one, prints its URL and seeded ids
// as JSON, and runs until Ctrl-C.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The one command that installs everything this harness runs. */
export const APT_INSTALL =
  'apt-get install -y wordpress mariadb-server php-cli php-mysql php-mbstring php-xml';

/** Where Debian's wordpress package puts WordPress, and where it reads per-site configurations. */
const WORDPRESS_ROOT = '/usr/share/wordpress';
const DEBIAN_CONFIG_DIR = '/etc/wordpress';
const RUN_PREFIX = 'pw-wordpress-';

// ---------------------------------------------------------------- the seeded content

const paragraph = (text) => `<!-- wp:paragraph -->\n<p>${text}</p>\n<!-- /wp:paragraph -->`;
const heading = (text) =>
  `<!-- wp:heading -->\n<h2 class="wp-block-heading">${text}</h2>\n<!-- /wp:heading -->`;

/** What every run creates; the ids WordPress gives them come back from startWordPress(). */
export const SEED = {
  blogName: 'Cổng thông tin điện tử thành phố Hoa Phượng',
  tagline: 'Trang thử nghiệm của portal-widgets',
  timeZone: 'Asia/Ho_Chi_Minh',
  admin: { user: 'admin', email: 'admin@example.test', displayName: 'Ban Biên tập' },
  categories: {
    leadership: { name: 'Hoạt động của lãnh đạo', slug: 'hoat-dong-cua-lanh-dao' },
    news: { name: 'Tin tức', slug: 'tin-tuc' },
  },
  // Newest first within each category, as the REST API lists them. Dates are site time (UTC+7).
  posts: [
    {
      category: 'leadership',
      slug: 'chu-tich-kiem-tra-du-an-duong-ven-bien',
      date: '2024-05-20 08:30:00',
      title: 'Chủ tịch UBND thành phố kiểm tra tiến độ dự án đường ven biển',
      excerpt: 'Chủ tịch UBND thành phố yêu cầu hoàn thành giải phóng mặt bằng trong quý III.',
      content: [
        paragraph(
          'Sáng 20/5, Chủ tịch UBND thành phố đã kiểm tra thực địa tiến độ thi công dự án đường ven biển đoạn qua huyện Kiến Thụy.',
        ),
        heading('Yêu cầu hoàn thành giải phóng mặt bằng'),
        paragraph(
          'Chủ tịch yêu cầu các sở, ngành và địa phương phối hợp chặt chẽ, hoàn thành giải phóng mặt bằng trong quý III năm 2024.',
        ),
      ].join('\n\n'),
    },
    {
      category: 'leadership',
      slug: 'pho-chu-tich-lam-viec-voi-so-giao-duc',
      date: '2024-05-18 14:00:00',
      title: 'Phó Chủ tịch thường trực làm việc với Sở Giáo dục và Đào tạo',
      content: [
        heading('Chuẩn bị cho kỳ thi tốt nghiệp trung học phổ thông'),
        paragraph(
          'Phó Chủ tịch thường trực đề nghị ngành giáo dục bảo đảm an toàn, nghiêm túc cho kỳ thi năm 2024.',
        ),
      ].join('\n\n'),
    },
    {
      category: 'leadership',
      slug: 'hoi-nghi-chuyen-doi-so-cai-cach-hanh-chinh',
      date: '2024-05-15 09:15:00',
      // Curly quotes and an ampersand: the API sends the title with HTML entities.
      title: 'Hội nghị “Chuyển đổi số” & cải cách hành chính năm 2024',
      content: [
        heading('Kết quả sáu tháng đầu năm'),
        paragraph('Hội nghị đánh giá kết quả chuyển đổi số và cải cách hành chính của thành phố.'),
      ].join('\n\n'),
    },
    {
      category: 'leadership',
      slug: 'tiep-doan-cong-tac-tinh-champasak',
      date: '2024-05-10 10:00:00',
      title: 'Lãnh đạo thành phố tiếp đoàn công tác tỉnh Champasak (Lào)',
      content: [
        heading('Tăng cường hợp tác hữu nghị'),
        paragraph('Hai bên trao đổi về hợp tác trong các lĩnh vực giáo dục, y tế và du lịch.'),
      ].join('\n\n'),
    },
    {
      category: 'news',
      slug: 'don-khach-du-lich-thang-tu',
      date: '2024-05-19 16:45:00',
      title: 'Thành phố đón hơn 1,2 triệu lượt khách du lịch trong tháng Tư',
      content: paragraph('Lượng khách du lịch tăng 15% so với cùng kỳ năm trước.'),
    },
    {
      category: 'news',
      slug: 'khai-mac-le-hoi-hoa-phuong-do',
      date: '2024-05-16 19:30:00',
      title: 'Khai mạc Lễ hội Hoa phượng đỏ năm 2024',
      content: [
        heading('Nhiều hoạt động văn hóa đặc sắc'),
        paragraph('Lễ hội diễn ra trong ba ngày với nhiều hoạt động văn hóa, thể thao.'),
      ].join('\n\n'),
    },
  ],
  image: {
    post: 'chu-tich-kiem-tra-du-an-duong-ven-bien',
    file: 'kiem-tra-duong-ven-bien.jpg',
    title: 'Kiểm tra dự án đường ven biển',
    alt: 'Chủ tịch UBND thành phố kiểm tra công trường',
  },
  linkCategory: 'Liên kết website',
  // A page whose anchors are links, grouped by the headings above them (links-page="…").
  linksPage: {
    slug: 'lien-ket-website',
    title: 'Liên kết website',
    groups: [
      {
        name: 'Cơ quan Trung ương',
        links: [
          { name: 'Cổng thông tin điện tử Chính phủ', url: 'https://chinhphu.vn/' },
          { name: 'Cổng Dịch vụ công quốc gia', url: 'https://dichvucong.gov.vn/' },
        ],
      },
      {
        name: 'Địa phương',
        links: [
          { name: 'Cổng thông tin điện tử thành phố Hải Phòng', url: 'https://haiphong.gov.vn/' },
        ],
      },
    ],
  },
  links: [
    { name: 'Cổng thông tin điện tử Chính phủ', url: 'https://chinhphu.vn/' },
    { name: 'Cổng Dịch vụ công quốc gia', url: 'https://dichvucong.gov.vn/' },
    { name: 'Bộ Thông tin và Truyền thông', url: 'https://mic.gov.vn/' },
    { name: 'Cổng thông tin điện tử thành phố Hải Phòng', url: 'https://haiphong.gov.vn/' },
  ],
};

// ---------------------------------------------------------------- prerequisites

/** The path of a program on PATH or in the system folders (mariadbd is in /usr/sbin). */
function findProgram(name) {
  const dirs = (process.env.PATH ?? '')
    .split(path.delimiter)
    .concat(['/usr/sbin', '/usr/bin', '/sbin', '/bin']);
  for (const dir of dirs) {
    const candidate = dir && path.join(dir, name);
    if (candidate && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The programs a run needs.
 *
 * @throws {Error} naming the missing pieces and the apt-get command that installs them.
 */
function prerequisites() {
  const missing = [];
  const mariadbd = findProgram('mariadbd');
  const installDb = findProgram('mariadb-install-db');
  const php = findProgram('php');
  if (!mariadbd || !installDb) missing.push('mariadb-server (mariadbd, mariadb-install-db)');
  if (!php) missing.push('php-cli (php)');
  if (!existsSync(path.join(WORDPRESS_ROOT, 'wp-load.php'))) {
    missing.push(`wordpress (${WORDPRESS_ROOT}/wp-load.php)`);
  }
  if (php) {
    const modules = spawnSync(php, ['-m'], { encoding: 'utf8' }).stdout?.toLowerCase() ?? '';
    const has = (name) => modules.split('\n').some((line) => line.trim() === name);
    if (!has('mysqli')) missing.push('php-mysql (the mysqli extension)');
    if (!has('mbstring')) missing.push('php-mbstring (the mbstring extension)');
    if (!has('xml') || !has('dom')) missing.push('php-xml (the xml and dom extensions)');
    if (!has('gd')) missing.push('php-gd (the gd extension, a dependency of wordpress)');
  }
  if (missing.length > 0) {
    throw new Error(
      `The WordPress test server needs Debian's packages; missing: ${missing.join(', ')}. ` +
        `Install them with: ${APT_INSTALL}`,
    );
  }
  return { mariadbd, installDb, php };
}

// ---------------------------------------------------------------- process helpers

/** A free TCP port on 127.0.0.1 (free when asked; the PHP server binds it right after). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Whether process `pid` runs `program` (checked before signalling a pid recorded earlier). */
function runs(pid, program) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0].endsWith(program);
  } catch {
    return false;
  }
}

/** Signals the process group a child leads (children are started detached, each its own group). */
function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Whether any process of the group led by `pid` is still there. */
function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** The last lines of a log file, for error messages. */
function tail(file, lines = 25) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Runs a program to completion; resolves to its stdout, rejects with its output on failure. */
function run(program, args, { env, timeout = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    execFile(
      program,
      args,
      { env: { ...process.env, ...env }, timeout, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error) {
          const output = `${stdout}\n${stderr}`.trim().split('\n').slice(-30).join('\n');
          reject(new Error(`${path.basename(program)} ${args.join(' ')} failed: ${output}`));
        } else resolve(stdout);
      },
    );
  });
}

/** Waits until `test()` is true, or throws `message()` after `timeout` ms. */
async function waitFor(test, message, timeout) {
  const deadline = Date.now() + timeout;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(message());
    await sleep(100);
  }
}

// ---------------------------------------------------------------- cleanup

/** Runs that have not been stopped yet: the exit handler cleans them up. */
const running = new Set();
let handlersInstalled = false;

/** Synchronous cleanup of one run (the exit handler cannot wait). */
function cleanupNow(state) {
  for (const pid of [state.phpPid, state.mariadbPid]) if (pid) signalGroup(pid, 'SIGKILL');
  if (state.configFile) rmSync(state.configFile, { force: true });
  if (state.dir && !state.keep) rmSync(state.dir, { recursive: true, force: true });
  running.delete(state);
}

function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => {
    for (const state of [...running]) cleanupNow(state);
  });
  // A signal that nobody else handles would end the process without 'exit':
  // clean up, then let the signal do what it would have done.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    const onSignal = () => {
      if (process.listenerCount(signal) > 1) return; // Someone else decides; 'exit' cleans up.
      for (const state of [...running]) cleanupNow(state);
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/**
 * Cleans up after earlier runs whose Node process died without doing so (killed
 * with SIGKILL, say): their servers, configuration file and folder. Only runs
 * recorded in run.json by a process that is gone are touched, and a recorded
 * pid is signalled only while it still runs the program it was.
 */
function reapLeftovers() {
  let entries;
  try {
    entries = readdirSync(tmpdir()).filter((name) => name.startsWith(RUN_PREFIX));
  } catch {
    return;
  }
  for (const name of entries) {
    const dir = path.join(tmpdir(), name);
    let record;
    try {
      if (statSync(dir).uid !== process.getuid?.()) continue;
      record = JSON.parse(readFileSync(path.join(dir, 'run.json'), 'utf8'));
    } catch {
      continue;
    }
    if (!record.owner || alive(record.owner)) continue;
    if (record.mariadbPid && runs(record.mariadbPid, 'mariadbd')) {
      signalGroup(record.mariadbPid, 'SIGKILL');
    }
    if (record.phpPid && runs(record.phpPid, 'php')) signalGroup(record.phpPid, 'SIGKILL');
    if (record.configFile?.startsWith(`${DEBIAN_CONFIG_DIR}/config-${RUN_PREFIX}`)) {
      rmSync(record.configFile, { force: true });
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- configuration

const phpString = (value) => `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The constants of one run's configuration (the body of a wp-config.php). */
function configBody({ url, socket, contentDir }) {
  const salts = [
    'AUTH_KEY',
    'SECURE_AUTH_KEY',
    'LOGGED_IN_KEY',
    'NONCE_KEY',
    'AUTH_SALT',
    'SECURE_AUTH_SALT',
    'LOGGED_IN_SALT',
    'NONCE_SALT',
  ];
  const constants = {
    DB_NAME: 'wordpress',
    DB_USER: 'wordpress',
    DB_PASSWORD: '',
    DB_HOST: `localhost:${socket}`,
    DB_CHARSET: 'utf8mb4',
    DB_COLLATE: '',
    WP_HOME: url,
    WP_SITEURL: url,
    WP_CONTENT_DIR: contentDir,
    WP_CONTENT_URL: `${url}/wp-content`,
    WP_ENVIRONMENT_TYPE: 'local',
    ...Object.fromEntries(salts.map((name) => [name, randomBytes(24).toString('hex')])),
  };
  const lines = Object.entries(constants).map(
    ([name, value]) => `define(${phpString(name)}, ${phpString(value)});`,
  );
  // Offline and quiet: no cron requests to itself, no update checks, no outside HTTP.
  lines.push(
    "define('DISABLE_WP_CRON', true);",
    "define('AUTOMATIC_UPDATER_DISABLED', true);",
    "define('WP_HTTP_BLOCK_EXTERNAL', true);",
    "define('WP_DEBUG', false);",
    "$table_prefix = 'wp_';",
  );
  return lines.join('\n');
}

const CONFIG_HEADER =
  '<?php\n// A test WordPress of portal-widgets (test/wordpress/wordpress.mjs), for one run only;\n' +
  '// removed when that run stops.\n';

/**
 * The private layout: WordPress's top-level PHP files copied (their __DIR__ is
 * where wp-load.php looks for wp-config.php), its folders linked, and our own
 * wp-config.php beside them.
 */
function privateTree(dir, body) {
  const root = path.join(dir, 'wordpress');
  mkdirSync(root);
  for (const entry of readdirSync(WORDPRESS_ROOT, { withFileTypes: true })) {
    const from = path.join(WORDPRESS_ROOT, entry.name);
    if (entry.name === 'wp-config.php' || entry.name === 'wp-content') continue;
    if (entry.isDirectory()) symlinkSync(from, path.join(root, entry.name));
    else if (entry.isFile() && entry.name.endsWith('.php')) {
      copyFileSync(from, path.join(root, entry.name));
    }
  }
  writeFileSync(
    path.join(root, 'wp-config.php'),
    `${CONFIG_HEADER}${body}\nif (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');\nrequire_once ABSPATH . 'wp-settings.php';\n`,
  );
  return root;
}

/** wp-content of the run: uploads of its own, themes and translations from the package. */
function contentFolder(dir) {
  const content = path.join(dir, 'wp-content');
  mkdirSync(path.join(content, 'uploads'), { recursive: true });
  mkdirSync(path.join(content, 'plugins'));
  for (const name of ['themes', 'languages']) {
    const from = path.join(WORDPRESS_ROOT, 'wp-content', name);
    if (existsSync(from)) symlinkSync(from, path.join(content, name));
  }
  return content;
}

function canWrite(dir) {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- the harness

/**
 * Starts a seeded WordPress on 127.0.0.1.
 *
 * @param {object} [options]
 * @param {string} [options.permalinks] The permalink structure; '' for none (then /wp-json/ is
 *   not routed and the REST API answers only under /?rest_route=). Default '/%postname%/'.
 * @param {'debian' | 'private'} [options.layout] 'debian': Debian's wp-config.php with a
 *   per-run file in /etc/wordpress (the default when that folder is writable); 'private': a
 *   private copy of the top-level files with their own wp-config.php.
 * @param {boolean} [options.keep] Keep the run's folder (logs, database) after stop().
 * @returns {Promise<{
 *   url: string,
 *   blogName: string,
 *   categories: Record<'leadership' | 'news', { id: number, name: string, slug: string }>,
 *   posts: { id: number, title: string, slug: string, categoryId: number, date: string, link: string }[],
 *   links: { name: string, url: string }[],
 *   linkCategory: { id: number, name: string },
 *   linksPage: { id: number, slug: string, title: string },
 *   mediaId: number,
 *   mediaUrl: string,
 *   admin: { user: string, password: string },
 *   dir: string,
 *   timings: { database: number, install: number, server: number, total: number },
 *   php: (code: string) => Promise<string>,
 *   setPermalinks: (structure: string) => Promise<void>,
 *   stop: () => Promise<void>,
 * }>}
 *   `posts` are in SEED order (newest first per category); `date` is UTC (ISO 8601); timings
 *   are milliseconds; `php(code)` runs PHP code with WordPress loaded and resolves to what it
 *   printed.
 */
export async function startWordPress(options = {}) {
  const { mariadbd, installDb, php } = prerequisites();
  const permalinks = options.permalinks ?? '/%postname%/';
  const layout = options.layout ?? (canWrite(DEBIAN_CONFIG_DIR) ? 'debian' : 'private');
  if (layout === 'debian' && !canWrite(DEBIAN_CONFIG_DIR)) {
    throw new Error(
      `The debian layout writes to ${DEBIAN_CONFIG_DIR}, which is not writable here.`,
    );
  }
  installExitHandlers();
  reapLeftovers();

  const started = Date.now();
  const dir = mkdtempSync(path.join(tmpdir(), RUN_PREFIX));
  const state = { dir, keep: Boolean(options.keep), owner: process.pid };
  running.add(state);
  const record = () =>
    writeFileSync(
      path.join(dir, 'run.json'),
      JSON.stringify({
        owner: state.owner,
        mariadbPid: state.mariadbPid,
        phpPid: state.phpPid,
        configFile: state.configFile,
      }),
    );
  record();
  const children = [];
  /** Ends one child and its group: SIGTERM, then SIGKILL for what is left after 10 s. */
  const end = async (child) => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      signalGroup(child.pid, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    // The PHP server's workers leave with it; wait until the whole group is gone.
    const deadline = Date.now() + 5_000;
    while (groupAlive(child.pid) && Date.now() < deadline) await sleep(50);
    signalGroup(child.pid, 'SIGKILL');
  };
  let stopping;
  // The web server first, then the database; then the files.
  const stop = () =>
    (stopping ??= (async () => {
      for (const child of [...children].reverse()) await end(child);
      cleanupNow(state);
    })());

  try {
    // MariaDB: a fresh data folder, a socket in the run's folder, no network, no
    // accounts (the socket is reachable by this user only, the folder being 0700).
    const dbDir = path.join(dir, 'db');
    const socket = path.join(dir, 'mysql.sock');
    const dbLog = path.join(dir, 'mariadb.log');
    // A private tmpdir too: a starting mariadbd deletes every #sql* file in its
    // tmpdir, which would break another run's install happening at that moment.
    const dbTmp = path.join(dir, 'db-tmp');
    mkdirSync(dbTmp);
    const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];
    await run(installDb, [
      '--no-defaults',
      `--datadir=${dbDir}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      `--tmpdir=${dbTmp}`,
      ...asRoot,
    ]);
    const mariadb = spawn(
      mariadbd,
      [
        '--no-defaults',
        `--datadir=${dbDir}`,
        `--socket=${socket}`,
        `--pid-file=${path.join(dir, 'mariadb.pid')}`,
        `--log-error=${dbLog}`,
        `--tmpdir=${dbTmp}`,
        '--skip-networking',
        '--skip-grant-tables',
        '--skip-log-bin',
        '--skip-name-resolve',
        '--character-set-server=utf8mb4',
        '--collation-server=utf8mb4_unicode_ci',
        '--innodb-buffer-pool-size=32M',
        '--innodb-log-file-size=16M',
        '--innodb-flush-log-at-trx-commit=0',
        ...asRoot,
      ],
      { detached: true, stdio: 'ignore' },
    );
    children.push(mariadb);
    mariadb.unref();
    state.mariadbPid = mariadb.pid;
    record();
    await waitFor(
      () => {
        if (mariadb.exitCode !== null) {
          throw new Error(`MariaDB stopped (exit ${mariadb.exitCode}).`);
        }
        return existsSync(socket) && tail(dbLog, 5).includes('ready for connections');
      },
      () => 'MariaDB was not ready within 30 s.',
      30_000,
    );
    const database = Date.now() - started;

    // WordPress's configuration, for the port the server is about to take.
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const contentDir = contentFolder(dir);
    const body = configBody({ url, socket, contentDir });
    let root = WORDPRESS_ROOT;
    let configKey = '';
    if (layout === 'debian') {
      configKey = `${RUN_PREFIX}${randomBytes(6).toString('hex')}`;
      state.configFile = path.join(DEBIAN_CONFIG_DIR, `config-${configKey}.php`);
      record();
      writeFileSync(state.configFile, `${CONFIG_HEADER}${body}\n`, { mode: 0o600 });
    } else {
      root = privateTree(dir, body);
    }
    const env = {
      PW_WP_HOST: `127.0.0.1:${port}`,
      PW_WP_CONFIG: configKey,
      PW_WP_ROOT: root,
      PW_WP_SOCKET: socket,
      PW_WP_CONTENT_DIR: contentDir,
    };

    // Install and seed.
    const installStarted = Date.now();
    const adminPassword = randomBytes(12).toString('base64url');
    const seedFile = path.join(dir, 'seed.json');
    const linksPageContent = SEED.linksPage.groups
      .map(
        (group) =>
          `${heading(group.name)}\n\n<!-- wp:list -->\n<ul>${group.links
            .map((link) => `<li><a href="${link.url}">${link.name}</a></li>`)
            .join('')}</ul>\n<!-- /wp:list -->`,
      )
      .join('\n\n');
    writeFileSync(
      seedFile,
      JSON.stringify({
        ...SEED,
        permalinks,
        admin: { ...SEED.admin, password: adminPassword },
        linksPage: { ...SEED.linksPage, content: linksPageContent },
      }),
    );
    const output = await run(php, [path.join(here, 'seed.php'), seedFile], { env });
    const seeded = JSON.parse(output.trim().split('\n').at(-1));
    const install = Date.now() - installStarted;

    // The PHP server: a few workers, as the browser asks for several things at once.
    const serverStarted = Date.now();
    const phpLog = path.join(dir, 'php-server.log');
    const phpLogFd = openSync(phpLog, 'a');
    const server = spawn(
      php,
      [
        '-d',
        'opcache.enable_cli=1',
        '-d',
        'display_errors=stderr',
        '-S',
        `127.0.0.1:${port}`,
        '-t',
        root,
        path.join(here, 'router.php'),
      ],
      {
        detached: true,
        stdio: ['ignore', 'ignore', phpLogFd],
        env: { ...process.env, ...env, PHP_CLI_SERVER_WORKERS: '4' },
      },
    );
    closeSync(phpLogFd);
    children.push(server);
    server.unref();
    state.phpPid = server.pid;
    record();
    await waitFor(
      async () => {
        if (server.exitCode !== null) {
          throw new Error(`The PHP server on ${url} stopped (exit ${server.exitCode}).`);
        }
        try {
          const response = await fetch(`${url}/?rest_route=/`);
          return response.ok;
        } catch {
          return false;
        }
      },
      () => `The PHP server did not answer on ${url} within 20 s.`,
      20_000,
    );
    const serverTime = Date.now() - serverStarted;

    /** Runs PHP code with WordPress loaded; resolves to what it printed. */
    let evals = 0;
    const runPhp = async (code) => {
      const file = path.join(dir, `eval-${++evals}.php`);
      writeFileSync(
        file,
        [
          '<?php',
          "$_SERVER['HTTP_HOST'] = getenv('PW_WP_HOST');",
          "$_SERVER['REQUEST_URI'] = '/';",
          "$_SERVER['REQUEST_METHOD'] = 'GET';",
          "if (getenv('PW_WP_CONFIG')) $_SERVER['WORDPRESS_CONFIG'] = getenv('PW_WP_CONFIG');",
          "require_once getenv('PW_WP_ROOT') . '/wp-load.php';",
          code.replace(/^\s*<\?php/, ''),
          '',
        ].join('\n'),
      );
      return run(php, [file], { env });
    };

    return {
      url,
      blogName: SEED.blogName,
      categories: seeded.categories,
      posts: seeded.posts,
      links: seeded.links.map(({ name, url: href }) => ({ name, url: href })),
      linkCategory: seeded.linkCategory,
      linksPage: seeded.linksPage,
      mediaId: seeded.mediaId,
      mediaUrl: seeded.mediaUrl,
      admin: { user: SEED.admin.user, password: adminPassword },
      dir,
      timings: { database, install, server: serverTime, total: Date.now() - started },
      php: runPhp,
      /** Changes the permalink structure ('' turns pretty permalinks, and /wp-json/, off). */
      setPermalinks: async (structure) => {
        await runPhp(
          `global $wp_rewrite;\n$wp_rewrite->set_permalink_structure(${phpString(structure)});\nflush_rewrite_rules(false);`,
        );
      },
      stop,
    };
  } catch (error) {
    const logs = ['mariadb.log', 'php-server.log']
      .filter((name) => existsSync(path.join(dir, name)))
      .map((name) => `--- ${name}\n${tail(path.join(dir, name), 15)}`)
      .join('\n');
    await stop();
    if (logs) error.message += `\n${logs}`;
    throw error;
  }
}

// ---------------------------------------------------------------- manual use

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const wp = await startWordPress();
  const { url, blogName, categories, posts, links, linkCategory, linksPage } = wp;
  const { mediaId, mediaUrl, admin } = wp;
  console.log(
    JSON.stringify(
      {
        url,
        blogName,
        categories,
        posts,
        links,
        linkCategory,
        linksPage,
        mediaId,
        mediaUrl,
        admin,
      },
      null,
      2,
    ),
  );
  console.log(`\nWordPress runs at ${url}/ (admin: ${url}/wp-login.php). Ctrl-C stops it.`);
  const keepAlive = setInterval(() => {}, 1 << 30);
  const quit = async () => {
    clearInterval(keepAlive);
    await wp.stop();
    console.log('Stopped.');
    process.exit(0);
  };
  process.once('SIGINT', quit);
  process.once('SIGTERM', quit);
}
