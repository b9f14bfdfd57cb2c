// Package-shape test: does what `npm publish` would ship work for its users?
//
//  1. builds if dist/ is missing or older than the sources;
//  2. packs the package with `npm pack` and checks the tarball holds every file
//     package.json points at, every chunk those files import and every
//     declaration file the declarations import;
//  3. installs the tarball into a scratch project, type-checks a consumer
//     against it and bundles a consumer app with Vite;
//  4. serves that app and the script-tag bundle over HTTP on 127.0.0.1 and
//     looks at them in headless Chromium.
//
// Plain Node ESM. Prints `N passed, N failed` last; exits non-zero on any failure.
// KEEP_TMP=1 keeps the scratch folders for a look after the run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'acorn';
import { chromium } from 'playwright-core';
import { assert, createReport, section } from '../server/checks.mjs';
import { CHROMIUM_ARGS, newestMtime } from '../server/node-helpers.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
const TAGS = ['pw-article', 'pw-activity-list', 'pw-link-box', 'pw-visit-stats', 'pw-source'];
/** The per-element npm entries: `portal-widgets/<entry>.js` defines `pw-<entry>`. */
const ENTRIES = TAGS.map((tag) => tag.slice('pw-'.length));
/**
 * What each element entry's page shows (fed by `src`), and a phrase the element
 * can only draw from its own Vietnamese strings.
 */
const ENTRY_WIDGETS = {
  article: {
    markup: '<pw-article article-id="42" src="/api/articles/{id}.json" tools="print"></pw-article>',
    text: 'In bài',
  },
  'activity-list': {
    markup:
      '<pw-activity-list src="/api/list.json" page-size="1" paging="more"></pw-activity-list>',
    text: 'Xem thêm',
  },
  'link-box': {
    markup: '<pw-link-box src="/api/links.json"></pw-link-box>',
    text: 'Chọn liên kết',
  },
  'visit-stats': {
    markup: '<pw-visit-stats src="/api/stats.json" refresh="0"></pw-visit-stats>',
    text: 'Tổng số lượt truy cập',
  },
};
const LINKS = [
  { title: 'Cổng thông tin điện tử Chính phủ', url: 'https://chinhphu.vn/' },
  { title: 'Cổng Dịch vụ công quốc gia', url: 'https://dichvucong.gov.vn/' },
];

// ---------------------------------------------------------------- reporting

const { check, skip, fail, finish } = createReport();

// ---------------------------------------------------------------- helpers

/** Runs a command to completion; throws with its output when it fails. */
function run(command, args, { cwd = repo, timeout = 300_000, env = process.env } = {}) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim().split('\n').slice(-40);
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${output.join('\n')}`);
  }
  return result.stdout;
}

/**
 * An environment for npm commands run on another folder: drops what `npm run`
 * exported about this package, so the child npm works on its own folder only.
 */
function cleanNpmEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_(package|lifecycle)_/i.test(key) || /^npm_config_(local_)?prefix$/i.test(key)) {
      delete env[key];
    }
  }
  delete env.INIT_CWD;
  return env;
}

/** The string targets of an `exports` map, however deeply nested its conditions are. */
function exportTargets(value) {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(exportTargets);
  return [];
}

const stripDot = (file) => file.replace(/^\.\//, '');

/**
 * Module specifiers a .d.ts file imports (static, re-exported, bare), read
 * with patterns: declarations hold no code that could look like an import.
 */
function declarationSpecifiers(code) {
  const found = new Set();
  const patterns = [
    /\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.add(match[1]);
  return [...found];
}

/**
 * Module specifiers a JS file imports: static, re-exported and (unless
 * `dynamic` is false) dynamic ones with a literal address. Read from the
 * parsed module, so comments and strings that mention imports do not count.
 */
function importSpecifiers(code, { dynamic = true } = {}) {
  const found = new Set();
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    const literal = node.source?.type === 'Literal' ? node.source.value : undefined;
    if (
      literal !== undefined &&
      (['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration'].includes(
        node.type,
      ) ||
        (dynamic && node.type === 'ImportExpression'))
    ) {
      found.add(literal);
    }
    for (const value of Object.values(node)) {
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object') visit(child);
      }
    }
  };
  visit(parse(code, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true }));
  return [...found];
}

const isRelative = (specifier) => specifier.startsWith('./') || specifier.startsWith('../');
const bareName = (specifier) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];

/**
 * Follows relative imports from `starts` through the packed files; returns the
 * files reached, the relative imports that point at nothing packed, and the
 * bare imports seen.
 */
async function followImports(packageDir, starts, { declarations = false } = {}) {
  const reached = new Set();
  const missing = [];
  const bare = new Set();
  const queue = [...starts];
  while (queue.length) {
    const file = queue.shift();
    if (reached.has(file)) continue;
    reached.add(file);
    const code = await readFile(path.join(packageDir, file), 'utf8');
    const specifiers = declarations ? declarationSpecifiers(code) : importSpecifiers(code);
    for (const specifier of specifiers) {
      if (!isRelative(specifier)) {
        bare.add(specifier);
        continue;
      }
      let target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      if (declarations) target = target.replace(/\.js$/, '.d.ts');
      if (existsSync(path.join(packageDir, target))) queue.push(target);
      else missing.push(`${file} → ${specifier}`);
    }
  }
  return { reached, missing, bare };
}

/** Finds a Chromium or Chrome: CHROME_PATH first, then the usual names and places. */
function findBrowser() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
  const dirs = (process.env.PATH ?? '')
    .split(path.delimiter)
    .concat(['/usr/bin', '/usr/local/bin']);
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  for (const candidate of [
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * A small static server on 127.0.0.1 and a free port: `mounts` maps URL
 * prefixes to folders, `pages` maps exact paths to in-memory answers, and
 * `answer(pathname)`, asked first, may script an answer ({ status, body }),
 * or a promise of one.
 */
async function serve({ mounts, pages, answer = () => undefined }) {
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url, 'http://127.0.0.1');
    const page = (await answer(pathname)) ?? pages[pathname];
    if (page) {
      response.writeHead(page.status ?? 200, {
        'content-type': page.type ?? 'text/plain',
        'cache-control': 'no-store',
      });
      response.end(page.body);
      return;
    }
    for (const [prefix, root] of Object.entries(mounts)) {
      if (!pathname.startsWith(prefix)) continue;
      const relative = decodeURIComponent(pathname.slice(prefix.length)) || 'index.html';
      const file = path.resolve(root, relative);
      if (!file.startsWith(path.resolve(root) + path.sep)) break;
      try {
        const body = await readFile(file);
        const type = MIME[path.extname(file)] ?? 'application/octet-stream';
        response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
        response.end(body);
        return;
      } catch {
        break;
      }
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

/** Opens `url` in a new page and collects uncaught errors, console errors and failed requests. */
async function openPage(browser, url, ready, readyArg) {
  const page = await browser.newPage();
  const problems = [];
  const requests = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`),
  );
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url, { waitUntil: 'load', timeout: 20_000 });
  if (ready) await page.waitForFunction(ready, readyArg, { timeout: 15_000 });
  return { page, problems, requests };
}

// ---------------------------------------------------------------- the scratch consumer

const consumerFiles = {
  'package.json': JSON.stringify(
    { name: 'portal-widgets-consumer', private: true, version: '0.0.0', type: 'module' },
    null,
    2,
  ),

  // The widgets page, one that loads the data layer alone, and one per element entry.
  'vite.config.mjs': `export default {
  logLevel: 'warn',
  build: {
    rolldownOptions: {
      input: {
        main: 'index.html',
        data: 'data-only.html',
${ENTRIES.map((entry) => `        '${entry}': 'entry-${entry}.html',`).join('\n')}
      },
    },
  },
};
`,

  'index.html': `<!doctype html>
<html lang="vi">
  <head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>Consumer</title></head>
  <body>
    <main id="app"></main>
    <script type="module" src="./main.js"></script>
  </body>
</html>
`,

  'main.js': `import 'portal-widgets/link-box.js';
import 'portal-widgets/source.js';
import { createStaticSource } from 'portal-widgets/data';

const links = ${JSON.stringify(LINKS, null, 2)};

const source = document.createElement('pw-source');
source.source = createStaticSource({ data: { links } });
const box = document.createElement('pw-link-box');
box.setAttribute('variant', 'list');
source.append(box);
document.querySelector('#app').append(source);
`,

  // The classic script runs before any module: it records every registration.
  'data-only.html': `<!doctype html>
<html lang="vi">
  <head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>Data layer only</title></head>
  <body>
    <script>
      window.definedTags = [];
      const define = customElements.define.bind(customElements);
      customElements.define = (name, ...rest) => {
        window.definedTags.push(name);
        return define(name, ...rest);
      };
    </script>
    <script type="module" src="./data-only.js"></script>
  </body>
</html>
`,

  // One page per element entry, imported alone for its side effect: a production
  // build must keep the registration even when it sits in a shared chunk, and
  // the element's own Vietnamese strings, which join the catalogue the same way.
  ...Object.fromEntries(
    ENTRIES.flatMap((entry) => [
      [
        `entry-${entry}.html`,
        `<!doctype html>
<html lang="vi">
  <head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>${entry}</title></head>
  <body>
    ${ENTRY_WIDGETS[entry]?.markup ?? ''}
    <script type="module">
      import 'portal-widgets/${entry}.js';
      window.entryLoaded = true;
    </script>
  </body>
</html>
`,
      ],
    ]),
  ),

  'data-only.js': `import * as data from 'portal-widgets/data';

window.dataExports = Object.keys(data).sort();
`,

  // Type-checked with both resolution modes an app is likely to use.
  'consumer.ts': `import type { DataSource, Link } from 'portal-widgets/data';
import { createStaticSource } from 'portal-widgets/data';
import { LinkBoxElement } from 'portal-widgets/link-box.js';
import 'portal-widgets/source.js';

const links: Link[] = [{ title: 'Chính phủ', url: 'https://chinhphu.vn/' }];
const source: DataSource = createStaticSource({ data: { links } });
const box: LinkBoxElement = document.createElement('pw-link-box');
const provider = document.createElement('pw-source');
provider.source = source;
provider.append(box);
export { provider };
`,
};

const consumerTsconfig = (moduleResolution) =>
  JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: moduleResolution === 'bundler' ? 'ES2022' : 'NodeNext',
      moduleResolution,
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: [],
    },
    files: ['consumer.ts'],
  });

// The page for the script-tag bundle: loaded twice, from two folders (two
// deployments of the library on one page), so the second copy really runs;
// the article makes it fetch the lazy DOMPurify chunk.
const scriptTagPage = `<!doctype html>
<html lang="vi">
  <head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>Script tag</title></head>
  <body>
    <pw-article article-id="42" src="/api/articles/{id}.json" related="0" tools=""></pw-article>
    <script type="module" src="/cdn/dist/portal-widgets.min.js"></script>
    <script
      type="module"
      src="/second-cdn/dist/portal-widgets.min.js"
      onload="window.secondCopyRan = true"
    ></script>
  </body>
</html>
`;

const fixtureArticle = {
  id: '42',
  title: 'Lãnh đạo huyện làm việc với các xã',
  date: '2020-02-26T10:05:00+07:00',
  summary: 'Tóm tắt.',
  body:
    '<p id="safe-paragraph">Nội dung bài viết.</p>' +
    '<img src="data:," onerror="window.articleScriptRan = 1" alt="">' +
    '<script>window.articleScriptRan = 2</script>' +
    '<a href="javascript:window.articleScriptRan = 3">liên kết</a>',
};

// The minified templates must keep the text the source templates give: the
// space between a related item's title and its date is text, not indentation.
const relatedPage = `<!doctype html>
<html lang="vi">
  <head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>Related</title></head>
  <body>
    <pw-source type="static" base-url="/api/portal.json">
      <pw-article article-id="a1" related="2" tools=""></pw-article>
    </pw-source>
    <script type="module" src="/cdn/dist/portal-widgets.min.js"></script>
  </body>
</html>
`;

// A box whose first data request fails and whose script server goes down at
// that moment: the stats answer 503 once, and from then on every file under
// /failing-cdn/ but the bundle itself answers 503. What the box draws with was
// asked for beside its data (so before the failure); the retry must need
// nothing more from the network than the data.
const failurePage = `<!doctype html>
<html lang="vi">
  <head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>Failure</title></head>
  <body>
    <pw-visit-stats src="/api/flaky-stats.json" refresh="0"></pw-visit-stats>
    <script type="module" src="/failing-cdn/dist/portal-widgets.min.js"></script>
  </body>
</html>
`;

const category = { id: 'tin-tuc', name: 'Tin tức' };
const portalData = {
  articles: [
    {
      id: 'a1',
      title: 'Bài chính',
      date: '2020-03-03T08:00:00+07:00',
      body: '<p>Nội dung.</p>',
      category,
    },
    {
      id: 'a2',
      title: 'Tin thứ hai',
      date: '2020-03-02T08:00:00+07:00',
      body: '<p>Hai.</p>',
      category,
    },
    {
      id: 'a3',
      title: 'Tin thứ ba',
      date: '2020-03-01T08:00:00+07:00',
      body: '<p>Ba.</p>',
      category,
    },
  ],
};

// ---------------------------------------------------------------- the run

async function main() {
  const keep = Boolean(process.env.KEEP_TMP);
  const scratch = mkdtempSync(path.join(tmpdir(), 'pw-pack-test-'));
  const cleanups = [];
  console.log(
    `portal-widgets package test (scratch folder ${keep ? scratch : 'removed at the end'})`,
  );

  try {
    // 1. Build.
    section('build');
    const built = ['dist/index.js', 'dist/portal-widgets.min.js', 'dist/types/index.d.ts'].map(
      (f) => path.join(repo, f),
    );
    const inputs = [
      'src',
      'package.json',
      'rollup.config.mjs',
      'tsconfig.json',
      'tsconfig.build.json',
    ];
    const stale =
      !built.every(existsSync) ||
      !existsSync(path.join(repo, pkg.customElements)) ||
      Math.min(...built.map((f) => statSync(f).mtimeMs)) <
        Math.max(...inputs.map((f) => newestMtime(path.join(repo, f))));
    if (stale) {
      const ok = await check('npm run build (dist/ missing or older than its sources)', () => {
        run('npm', ['run', 'build'], { timeout: 600_000 });
      });
      if (!ok) return;
    } else {
      console.log('  dist/ is newer than its sources: not rebuilding');
    }

    // 2. Pack and look inside.
    section('tarball');
    const packDir = path.join(scratch, 'pack');
    await mkdir(packDir);
    let packed;
    const packedOk = await check('npm pack succeeds', () => {
      // dist/ is built above; --ignore-scripts keeps `prepare`'s build output out of the JSON.
      const out = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir]);
      [packed] = JSON.parse(out.slice(out.indexOf('[')));
      assert(packed?.filename, 'npm pack printed no file name');
    });
    if (!packedOk) return;
    const tarball = path.join(packDir, path.basename(packed.filename));
    const files = new Set(packed.files.map((f) => f.path));
    const extracted = path.join(scratch, 'extracted');
    await mkdir(extracted);
    run('tar', ['-xzf', tarball, '-C', extracted]);
    const packageDir = path.join(extracted, 'package');

    const referenced = [
      pkg.main,
      pkg.module,
      pkg.types,
      pkg.customElements,
      ...exportTargets(pkg.exports),
      ...(pkg.sideEffects || []).filter((f) => !f.startsWith('./src/')),
    ]
      .filter(Boolean)
      .map(stripDot)
      .filter((file, index, all) => all.indexOf(file) === index);

    await check('every file package.json points at is packed', () => {
      // A glob (the shared chunks in sideEffects) must match at least one packed file.
      const packed = (f) =>
        f.includes('*')
          ? [...files].some((file) =>
              new RegExp(`^${f.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`).test(file),
            )
          : files.has(f);
      const absent = [...new Set(referenced)].filter((f) => !packed(f));
      assert(absent.length === 0, `not in the tarball: ${absent.join(', ')}`);
    });

    await check('README.md, LICENSE and package.json are packed', () => {
      for (const file of ['README.md', 'LICENSE', 'package.json'])
        assert(files.has(file), `${file} is not in the tarball`);
    });

    await check('nothing from node_modules, src, tests or stories is packed', () => {
      const stray = [...files].filter((f) =>
        /(^|\/)node_modules\/|^(src|test|stories|demo|\.storybook)\//.test(f),
      );
      assert(stray.length === 0, `unexpected files: ${stray.join(', ')}`);
    });

    const jsEntries = referenced.filter((f) => f.endsWith('.js'));
    const npmEntries = jsEntries.filter((f) => !f.endsWith('.min.js'));
    const minEntries = jsEntries.filter((f) => f.endsWith('.min.js'));
    // Entries that are not packed were reported above; follow the others.
    const packedOnly = (list) => list.filter((f) => files.has(f));
    const npmGraph = await followImports(packageDir, packedOnly(npmEntries));
    const minGraph = await followImports(packageDir, packedOnly(minEntries));

    await check('every chunk the npm entries import is packed', () => {
      assert(npmGraph.missing.length === 0, `missing: ${npmGraph.missing.join('; ')}`);
    });

    await check('the npm build imports only declared dependencies (lit stays shared)', () => {
      const declared = new Set(Object.keys(pkg.dependencies ?? {}));
      const undeclared = [...npmGraph.bare].filter((s) => !declared.has(bareName(s)));
      assert(undeclared.length === 0, `undeclared imports: ${undeclared.join(', ')}`);
      assert(
        [...npmGraph.bare].some((s) => s === 'lit' || s.startsWith('lit/')),
        'lit is bundled instead of imported',
      );
      assert(npmGraph.bare.has('dompurify'), 'DOMPurify is bundled instead of imported');
    });

    await check('the command line imports only Node and declared dependencies', async () => {
      const bins = Object.values(pkg.bin ?? {}).map(stripDot);
      assert(bins.length === 1 && files.has(bins[0]), `bin not packed: ${bins.join(', ')}`);
      const graph = await followImports(packageDir, bins);
      const declared = new Set(Object.keys(pkg.dependencies ?? {}));
      const foreign = [...graph.bare].filter(
        (s) => !s.startsWith('node:') && !declared.has(bareName(s)),
      );
      assert(foreign.length === 0, `undeclared imports: ${foreign.join(', ')}`);
      assert(graph.missing.length === 0, `missing: ${graph.missing.join('; ')}`);
      const code = await readFile(path.join(packageDir, bins[0]), 'utf8');
      assert(code.startsWith('#!/usr/bin/env node'), 'no #! line');
    });

    await check('the script-tag bundle is self-contained and its lazy chunks are packed', () => {
      assert(minGraph.missing.length === 0, `missing: ${minGraph.missing.join('; ')}`);
      assert(minGraph.bare.size === 0, `bare imports left: ${[...minGraph.bare].join(', ')}`);
      assert(
        minGraph.reached.size > minEntries.length,
        'no lazy chunk (DOMPurify) beside the bundle',
      );
    });

    await check(
      'the script tag reaches all its static code in one request (no static imports)',
      async () => {
        for (const entry of minEntries) {
          const code = await readFile(path.join(packageDir, entry), 'utf8');
          // Static imports only: a dynamic import() is a lazy chunk, fetched on use.
          const statics = importSpecifiers(code, { dynamic: false });
          assert(statics.length === 0, `${entry} imports ${statics.join(', ')} before it can run`);
        }
      },
    );

    await check('no stale or unreferenced chunk is packed', () => {
      // The command line (package.json's bin) is a file of its own, imported by nothing.
      const bins = Object.values(pkg.bin ?? {}).map(stripDot);
      const reachable = new Set([...npmGraph.reached, ...minGraph.reached, ...bins]);
      const unused = [...files].filter(
        (f) => f.startsWith('dist/') && f.endsWith('.js') && !reachable.has(f),
      );
      assert(unused.length === 0, `unreferenced: ${unused.join(', ')}`);
    });

    await check('every declaration file the typings import is packed', async () => {
      const dts = referenced.filter((f) => f.endsWith('.d.ts'));
      assert(dts.length >= 7, `only ${dts.length} declaration entry points`);
      const graph = await followImports(packageDir, packedOnly(dts), { declarations: true });
      assert(graph.missing.length === 0, `missing: ${graph.missing.join('; ')}`);
    });

    await check('custom-elements.json names all five elements', async () => {
      const manifest = JSON.parse(
        await readFile(path.join(packageDir, pkg.customElements), 'utf8'),
      );
      const tags = new Set(
        manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName)),
      );
      const absent = TAGS.filter((t) => !tags.has(t));
      assert(absent.length === 0, `not in the manifest: ${absent.join(', ')}`);
    });

    // 3. A scratch consumer project.
    section('consumer project');
    const app = path.join(scratch, 'consumer');
    await mkdir(app);
    for (const [name, content] of Object.entries(consumerFiles)) {
      await writeFile(path.join(app, name), content);
    }
    const installed = await check('npm install <tarball> into a fresh project', () => {
      run(
        'npm',
        [
          'install',
          tarball,
          '--prefix',
          app,
          '--prefer-offline',
          '--no-audit',
          '--no-fund',
          '--ignore-scripts',
        ],
        { cwd: app, env: cleanNpmEnv() },
      );
      assert(
        existsSync(path.join(app, 'node_modules/portal-widgets/package.json')),
        'not installed',
      );
      assert(existsSync(path.join(app, 'node_modules/lit/package.json')), 'lit was not installed');
    });
    if (!installed) return;
    const installedPackage = path.join(app, 'node_modules/portal-widgets');

    await check('the installed bin runs: npx portal-widgets --help', () => {
      const bin = path.join(app, 'node_modules/.bin/portal-widgets');
      assert(existsSync(bin), 'npm linked no portal-widgets bin');
      const out = run(bin, ['--help'], { cwd: app, env: cleanNpmEnv() });
      assert(out.includes('portal-widgets init') && out.includes('portal-widgets check'), out);
    });

    for (const resolution of ['bundler', 'nodenext']) {
      await check(
        `a TypeScript consumer type-checks (moduleResolution ${resolution})`,
        async () => {
          const config = path.join(app, `tsconfig.${resolution}.json`);
          await writeFile(config, consumerTsconfig(resolution));
          run(
            process.execPath,
            [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', config],
            {
              cwd: app,
            },
          );
        },
      );
    }

    // The repo's own Vite, run on the scratch project: nothing to download.
    const viteBuilt = await check('vite build of the consumer app', () => {
      run(process.execPath, [path.join(repo, 'node_modules/vite/bin/vite.js'), 'build'], {
        cwd: app,
        env: cleanNpmEnv(),
      });
      assert(existsSync(path.join(app, 'dist/index.html')), 'no dist/index.html');
      assert(existsSync(path.join(app, 'dist/data-only.html')), 'no dist/data-only.html');
    });

    // 4. In the browser.
    section('browser');
    const executablePath = findBrowser();
    if (!executablePath) {
      await check('a Chromium or Chrome is installed (set CHROME_PATH)', () => {
        throw new Error('no browser found: install chromium or set CHROME_PATH');
      });
      return;
    }
    let flakyStatsRequests = 0;
    // Chunks the failing script server served before it went down, and those
    // asked for after (each one a failure that needed code from the network).
    let cdnDown = false;
    let servedBeforeFailure = 0;
    let firstChunkAsked;
    const chunkAsked = new Promise((resolve) => (firstChunkAsked = resolve));
    const failingCdnRequests = [];
    const server = await serve({
      mounts: {
        '/cdn/': installedPackage,
        '/second-cdn/': installedPackage,
        '/failing-cdn/': installedPackage,
        '/': path.join(app, 'dist'),
      },
      answer: async (pathname) => {
        if (pathname === '/api/flaky-stats.json') {
          flakyStatsRequests += 1;
          if (flakyStatsRequests > 1) {
            return { type: MIME['.json'], body: JSON.stringify({ online: 7, total: 9313603 }) };
          }
          // The box asks for its drawing beside its data; the 503 goes out once
          // that request has come in (or after 3 s, and the checks below say why).
          await Promise.race([chunkAsked, new Promise((r) => setTimeout(r, 3000))]);
          cdnDown = true;
          return { status: 503, body: 'down' };
        }
        const failing = '/failing-cdn/';
        if (pathname.startsWith(failing) && pathname !== `${failing}dist/portal-widgets.min.js`) {
          if (!cdnDown) {
            servedBeforeFailure += 1;
            firstChunkAsked();
            return undefined;
          }
          failingCdnRequests.push(pathname);
          return { status: 503, body: 'down' };
        }
        return undefined;
      },
      pages: {
        '/script-tag.html': { type: MIME['.html'], body: scriptTagPage },
        '/api/articles/42.json': { type: MIME['.json'], body: JSON.stringify(fixtureArticle) },
        '/related.html': { type: MIME['.html'], body: relatedPage },
        '/failure.html': { type: MIME['.html'], body: failurePage },
        '/api/portal.json': { type: MIME['.json'], body: JSON.stringify(portalData) },
        '/api/list.json': {
          type: MIME['.json'],
          body: JSON.stringify({ items: portalData.articles, total: 3 }),
        },
        '/api/links.json': { type: MIME['.json'], body: JSON.stringify(LINKS) },
        '/api/stats.json': {
          type: MIME['.json'],
          body: JSON.stringify({ online: 12, total: 9313603 }),
        },
      },
    });
    cleanups.push(server.close);
    const browser = await chromium.launch({
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    cleanups.push(() => browser.close());

    if (viteBuilt) {
      await check('Vite app: <pw-link-box> is defined and renders the links', async () => {
        const { page, problems } = await openPage(
          browser,
          `${server.origin}/index.html`,
          () => customElements.get('pw-link-box') !== undefined,
        );
        try {
          const hrefs = LINKS.map((l) => l.url);
          await page.waitForFunction(
            (expected) => {
              const root = document.querySelector('pw-link-box')?.shadowRoot;
              if (!root) return false;
              const shown = [...root.querySelectorAll('a[href]')].map((a) => a.href);
              return expected.every((href) => shown.includes(href));
            },
            hrefs,
            { timeout: 10_000 },
          );
          const texts = await page.evaluate(() =>
            [...document.querySelector('pw-link-box').shadowRoot.querySelectorAll('a')].map((a) =>
              a.textContent.trim(),
            ),
          );
          for (const link of LINKS) {
            assert(
              texts.some((text) => text.includes(link.title)),
              `link text "${link.title}" not shown`,
            );
          }
          assert(problems.length === 0, problems.join('\n'));
        } finally {
          await page.close();
        }
      });

      await check(
        'Vite app: importing portal-widgets/data alone registers no element',
        async () => {
          const { page, problems } = await openPage(
            browser,
            `${server.origin}/data-only.html`,
            () => Array.isArray(window.dataExports),
          );
          try {
            const state = await page.evaluate(() => ({
              defined: window.definedTags,
              exports: window.dataExports,
              lit: globalThis.litElementVersions ?? globalThis.litHtmlVersions ?? null,
            }));
            assert(state.defined.length === 0, `registered: ${state.defined.join(', ')}`);
            assert(state.exports.includes('createStaticSource'), 'createStaticSource not exported');
            assert(state.lit === null, 'the data layer loaded lit');
            assert(problems.length === 0, problems.join('\n'));
          } finally {
            await page.close();
          }
        },
      );

      for (const entry of ENTRIES) {
        await check(
          `Vite app: importing portal-widgets/${entry}.js alone defines pw-${entry} and shows its strings`,
          async () => {
            const { page, problems } = await openPage(
              browser,
              `${server.origin}/entry-${entry}.html`,
              () => window.entryLoaded === true,
            );
            try {
              const defined = await page.evaluate(
                (tag) => Boolean(customElements.get(tag)),
                `pw-${entry}`,
              );
              assert(defined, `pw-${entry} is not defined: its registration was tree-shaken away`);
              const expected = ENTRY_WIDGETS[entry];
              if (expected) {
                const text = await page
                  .waitForFunction(
                    ([tag, phrase]) => {
                      const shown = document.querySelector(tag)?.shadowRoot?.textContent ?? '';
                      return shown.includes(phrase) && shown;
                    },
                    [`pw-${entry}`, expected.text],
                    { timeout: 10_000 },
                  )
                  .then((handle) => handle.jsonValue())
                  .catch(() =>
                    page.evaluate(
                      (tag) => document.querySelector(tag)?.shadowRoot?.textContent ?? '',
                      `pw-${entry}`,
                    ),
                  );
                assert(
                  text.includes(expected.text) && !/undefined|NaN/.test(text),
                  `pw-${entry} should show "${expected.text}" from its own strings; it shows: ${text.replace(/\s+/g, ' ').slice(0, 300)}`,
                );
              }
              assert(problems.length === 0, problems.join('\n'));
            } finally {
              await page.close();
            }
          },
        );
      }
    } else {
      skip('Vite app in the browser', 'vite build failed');
    }

    await check('script tag: the bundle, loaded twice, defines all five elements', async () => {
      const { page, problems, requests } = await openPage(
        browser,
        `${server.origin}/script-tag.html`,
        (tags) => tags.every((tag) => customElements.get(tag)),
        TAGS,
      );
      try {
        // A module script fires "load" once it has run: wait for the second copy.
        await page.waitForFunction(() => window.secondCopyRan === true, undefined, {
          timeout: 10_000,
        });
        const undefinedTags = await page.evaluate(
          (tags) => tags.filter((tag) => !customElements.get(tag)),
          TAGS,
        );
        assert(undefinedTags.length === 0, `not defined: ${undefinedTags.join(', ')}`);
        assert(
          requests.filter((url) => url.includes('portal-widgets.min.js')).length === 2,
          'the bundle was not requested twice',
        );
        assert(problems.length === 0, problems.join('\n'));
      } finally {
        await page.close();
      }
    });

    await check(
      'script tag: <pw-article> lazy-loads DOMPurify and renders a clean body',
      async () => {
        const { page, problems, requests } = await openPage(
          browser,
          `${server.origin}/script-tag.html`,
          () =>
            document.querySelector('pw-article')?.shadowRoot?.querySelector('#safe-paragraph') !=
            null,
        );
        try {
          await page.waitForTimeout(300);
          const state = await page.evaluate(() => {
            const root = document.querySelector('pw-article').shadowRoot;
            return {
              title: root.textContent.includes('Lãnh đạo huyện làm việc với các xã'),
              scripts: root.querySelectorAll('script').length,
              javascriptLinks: [...root.querySelectorAll('a[href]')].filter((a) =>
                a.getAttribute('href').trim().toLowerCase().startsWith('javascript:'),
              ).length,
              ran: window.articleScriptRan ?? null,
            };
          });
          assert(state.title, 'the article title is not shown');
          assert(state.scripts === 0, 'a <script> from the body survived');
          assert(state.javascriptLinks === 0, 'a javascript: link from the body survived');
          assert(state.ran === null, `script from the body ran (${state.ran})`);
          const lazy = requests.filter((url) => /\/portal-widgets-[^/]+\.min\.js/.test(url));
          assert(lazy.length > 0, 'no lazy chunk was loaded');
          assert(problems.length === 0, problems.join('\n'));
        } finally {
          await page.close();
        }
      },
    );

    await check(
      'script tag: a 503 as the script server goes down is retried with no code fetched, and the box recovers',
      async () => {
        const { page, problems } = await openPage(
          browser,
          `${server.origin}/failure.html`,
          () =>
            document
              .querySelector('pw-visit-stats')
              ?.shadowRoot?.textContent.includes('9.313.603') === true,
        );
        try {
          assert(flakyStatsRequests === 2, `the stats were asked ${flakyStatsRequests} times`);
          assert(
            servedBeforeFailure > 0,
            'the box asked for no code beside its data before the failure',
          );
          assert(
            failingCdnRequests.length === 0,
            `the failure needed code from the network: ${failingCdnRequests.join(', ')}`,
          );
          // The browser logs the 503 itself, and the client drops its body unread
          // (a request "aborted"); anything else is a problem.
          const unexpected = problems.filter(
            (problem) => !/status of 503|flaky-stats\.json net::ERR_ABORTED/.test(problem),
          );
          assert(unexpected.length === 0, unexpected.join('\n'));
        } finally {
          await page.close();
        }
      },
    );

    await check('script tag: minified templates keep their text ("title (date)")', async () => {
      const { page, problems } = await openPage(
        browser,
        `${server.origin}/related.html`,
        () =>
          (document.querySelector('pw-article')?.shadowRoot?.querySelectorAll('.related li')
            .length ?? 0) === 2,
      );
      try {
        const items = await page.evaluate(() =>
          [...document.querySelector('pw-article').shadowRoot.querySelectorAll('.related li')].map(
            (li) => li.textContent.replace(/\s+/g, ' ').trim(),
          ),
        );
        assert(
          items.join(' | ') === 'Tin thứ hai (02/03/2020) | Tin thứ ba (01/03/2020)',
          `related items read ${JSON.stringify(items)}`,
        );
        assert(problems.length === 0, problems.join('\n'));
      } finally {
        await page.close();
      }
    });
  } catch (error) {
    // An unexpected error in the harness itself counts as a failure too.
    fail('the package test stopped', error);
  } finally {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch(() => {});
    }
    if (!keep) rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
finish();
