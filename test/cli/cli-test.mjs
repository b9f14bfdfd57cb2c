// The `portal-widgets` command line (dist/cli/portal-widgets.js), run as a
// web team would run it, against real servers on loopback:
//  - usage, exit codes and `--json` (one JSON object, also when unreachable);
//  - `init` against a real WordPress (test/wordpress/wordpress.mjs): the
//    backend, its categories, the leadership category, the snippet, and the
//    CORS problem of an endpoint that does not allow the page's origin;
//  - that snippet pasted into a page on another origin, in headless Chromium:
//    the real posts show;
//  - `check` on that page (exit 1, naming the endpoint CORS refuses), on the
//    demo portal page (exit 0) and on a page whose source answers 404 (exit 1,
//    naming the URL and the status);
//  - `init` against fixture servers reproducing Drupal, Joomla, Liferay, an
//    RSS portal and a canonical-JSON API (test/cli/fixtures/cms-servers.mjs).
//
// Plain Node ESM. Prints `N passed, N failed` last; exits non-zero on any failure.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import {
  CHROMIUM_ARGS,
  ensureBuilt,
  ensureCounterBuilt,
  startDemo,
} from '../server/node-helpers.mjs';
import { SEED, startWordPress } from '../wordpress/wordpress.mjs';
import {
  startDrupal,
  startJoomla,
  startJsonApi,
  startLiferay,
  startRssPortal,
} from './fixtures/cms-servers.mjs';
import { assert, createReport, section } from '../server/checks.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(repo, 'dist');
const bin = path.join(dist, 'cli', 'portal-widgets.js');

// ---------------------------------------------------------------- reporting

const { check, fail, finish } = createReport();

// ---------------------------------------------------------------- helpers

/** Runs the command line; resolves to its exit code and output (never rejects on a non-zero exit). */
function run(args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Runs with `--json` and parses stdout, which must be exactly one JSON object. */
async function runJson(args) {
  const result = await run([...args, '--json']);
  let json;
  try {
    json = JSON.parse(result.stdout);
  } catch {
    throw new Error(`stdout is not one JSON object:\n${result.stdout}\n${result.stderr}`);
  }
  assert(json && typeof json === 'object' && !Array.isArray(json), 'not an object');
  return { ...result, json };
}

const MIME = { '.js': 'text/javascript; charset=utf-8', '.map': 'application/json' };

/** A web server of its own origin: dist/ under /dist/, and the pages put in `pages`. */
async function servePages() {
  const pages = new Map();
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url, 'http://127.0.0.1');
    if (pages.has(pathname)) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(pages.get(pathname));
      return;
    }
    if (pathname.startsWith('/dist/')) {
      const file = path.resolve(dist, pathname.slice('/dist/'.length));
      if (file.startsWith(dist + path.sep) && existsSync(file)) {
        response.writeHead(200, {
          'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
        });
        response.end(await readFile(file));
        return;
      }
    }
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end('{"error":"not found"}');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    pages,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

/** The visit counter service on a port of its own, answering CORS for any page. */
async function startCounter() {
  const { createCounterHandler } = await import(path.join(repo, 'server/dist/index.js'));
  const handler = createCounterHandler({ db: 'sqlite::memory:', corsOrigins: ['*'], rateLimit: 0 });
  const server = createServer(async (request, response) => {
    if (!(await handler(request, response))) {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: async () => {
      await handler.close?.();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const page = (body) =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng thử</title></head><body>\n${body}\n</body></html>`;

const errors = (json) => json.problems.filter((problem) => problem.level === 'error');

// ---------------------------------------------------------------- the test

async function main() {
  console.log('portal-widgets command line');
  const cleanups = [];
  try {
    section('setup');
    ensureBuilt(repo, ['dist/portal-widgets.min.js', 'dist/cli/portal-widgets.js']);
    ensureCounterBuilt(repo);

    section('usage and exit codes');
    await check('--help prints the usage and exits 0', async () => {
      const { code, stdout } = await run(['--help']);
      assert(code === 0, `exit ${code}`);
      assert(
        stdout.includes('portal-widgets init') && stdout.includes('portal-widgets check'),
        stdout,
      );
    });
    await check('an unknown command, or no address, exits 2 with the usage', async () => {
      for (const args of [['deploy', 'x'], ['init'], ['check', 'a', 'b']]) {
        const { code, stderr } = await run(args);
        assert(code === 2, `${args.join(' ')}: exit ${code}`);
        assert(stderr.includes('Sai cách dùng'), stderr);
      }
    });
    await check(
      'an unreachable address is a clear message and exit 2 (init and check)',
      async () => {
        for (const command of ['init', 'check']) {
          const { code, stdout } = await run([command, 'http://127.0.0.1:9/']);
          assert(code === 2, `${command}: exit ${code}`);
          assert(stdout.includes('Không kết nối được tới http://127.0.0.1:9/'), stdout);
        }
        const { code, json } = await runJson(['init', 'http://127.0.0.1:9/', '--lang', 'en']);
        assert(code === 2, `--json: exit ${code}`);
        assert(
          json.type === null && json.problems[0].message.startsWith('Could not reach'),
          JSON.stringify(json),
        );
      },
    );

    section('init against a real WordPress');
    const wp = await startWordPress();
    cleanups.push(() => wp.stop());
    const portal = await servePages();
    cleanups.push(() => portal.close());
    const counter = await startCounter();
    cleanups.push(() => counter.close());
    const leadership = wp.categories.leadership;

    let snippet = '';
    await check('recognises WordPress and picks “Hoạt động của lãnh đạo”', async () => {
      const { code, json } = await runJson(['init', wp.url]);
      assert(code === 0, `exit ${code}: ${JSON.stringify(errors(json))}`);
      assert(json.type === 'wordpress', json.type);
      assert(json.baseUrl === wp.url, json.baseUrl);
      assert(
        json.attributes.type === 'wordpress' && json.attributes['base-url'] === wp.url,
        JSON.stringify(json.attributes),
      );
      const names = json.categories.map((c) => c.name);
      assert(
        names.includes(leadership.name) && names.includes(wp.categories.news.name),
        names.join(', '),
      );
      assert(
        json.categories.some((c) => c.id === String(leadership.id)),
        JSON.stringify(json.categories),
      );
      assert(json.snippet.includes(`category="${leadership.id}"`), json.snippet);
      assert(json.snippet.includes(`type="wordpress" base-url="${wp.url}"`), json.snippet);
      // The page of links, read through the REST API (which answers other origins).
      assert(json.attributes['links-page'] === wp.linksPage.slug, JSON.stringify(json.attributes));
      for (const key of ['type', 'baseUrl', 'attributes', 'categories', 'snippet', 'problems']) {
        assert(key in json, `no ${key}`);
      }
    });
    const initFor = (lang) =>
      runJson([
        'init',
        wp.url,
        '--origin',
        portal.origin,
        '--script',
        '/dist/portal-widgets.min.js',
        '--counter',
        counter.url,
        '--lang',
        lang,
      ]);
    await check(
      'with --origin: every endpoint of the snippet allows the page, exit 0',
      async () => {
        const { code, json } = await initFor('en');
        assert(code === 0, `exit ${code}: ${JSON.stringify(errors(json))}`);
        snippet = json.snippet;
        assert(
          snippet.includes(`base-url="${counter.url}"`) &&
            snippet.includes('src="/dist/portal-widgets.min.js"') &&
            snippet.includes(`links-page="${wp.linksPage.slug}"`),
          snippet,
        );
      },
    );
    await check('the Vietnamese report and the snippet, without --json', async () => {
      const { code, stdout } = await run(['init', wp.url]);
      assert(code === 0, `exit ${code}`);
      assert(stdout.includes('Nhận ra WordPress'), stdout);
      assert(stdout.includes('Đoạn mã nhúng') && stdout.includes('<pw-activity-list'), stdout);
    });

    section('the snippet on a page of another origin');
    portal.pages.set('/wordpress.html', page(snippet));
    await check('shows the real leadership posts and article from WordPress', async () => {
      const browser = await chromium.launch({
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        args: CHROMIUM_ARGS,
      });
      cleanups.push(() => browser.close());
      const tab = await browser.newPage();
      const logged = [];
      tab.on('console', (message) => logged.push(message.text()));
      tab.on('pageerror', (error) => logged.push(error.message));
      await tab.goto(`${portal.origin}/wordpress.html`);
      const text = (tag) =>
        tab.evaluate(
          (name) =>
            document.querySelector(name)?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '',
          tag,
        );
      const leadershipTitles = wp.posts
        .filter((post) => post.categoryId === leadership.id)
        .map((post) => post.title);
      await tab
        .waitForFunction(
          (title) =>
            document.querySelector('pw-activity-list')?.shadowRoot?.textContent?.includes(title),
          leadershipTitles[0],
          { timeout: 20_000 },
        )
        .catch(async () => {
          throw new Error(
            `the list shows: ${await text('pw-activity-list')}\n${logged.join('\n')}`,
          );
        });
      const list = await text('pw-activity-list');
      for (const title of leadershipTitles.slice(0, 4))
        assert(list.includes(title.replace(/\s+/g, ' ')), `missing ${title}`);
      for (const post of wp.posts.filter((p) => p.categoryId !== leadership.id)) {
        assert(!list.includes(post.title), `a news post in the list: ${post.title}`);
      }
      // The article shows the item chosen in the list (target="article").
      await tab.evaluate(() =>
        document
          .querySelector('pw-activity-list')
          .shadowRoot.querySelector('a[part~="title"]')
          .click(),
      );
      await tab.waitForFunction(
        () =>
          document
            .querySelector('pw-article')
            ?.shadowRoot?.querySelector('[part~="article"] [part~="title"]'),
        null,
        { timeout: 20_000 },
      );
      const article = await text('pw-article');
      assert(
        leadershipTitles.some((title) => article.includes(title)),
        `article: ${article.slice(0, 300)}`,
      );
      await tab.waitForFunction(
        () =>
          document.querySelector('pw-visit-stats')?.shadowRoot?.querySelector('[part~="value"]'),
        null,
        { timeout: 20_000 },
      );
      // The links of the WordPress page, read from the page's other origin.
      const site = SEED.linksPage.groups[0].links[0];
      await tab
        .waitForFunction(
          (url) =>
            document
              .querySelector('pw-link-box')
              ?.shadowRoot?.querySelector(`option[value="${url}"]`),
          site.url,
          { timeout: 20_000 },
        )
        .catch(async () => {
          throw new Error(`the link box shows: ${await text('pw-link-box')}\n${logged.join('\n')}`);
        });
      assert((await text('pw-link-box')).includes(site.name), await text('pw-link-box'));
    });

    section('check');
    await check('the snippet page on real WordPress: exit 0, every box read', async () => {
      const { code, json, stdout } = await runJson(['check', `${portal.origin}/wordpress.html`]);
      assert(code === 0, `exit ${code}: ${stdout}`);
      const info = json.problems.map((p) => p.message).join('\n');
      for (const tag of ['pw-activity-list', 'pw-article', 'pw-link-box', 'pw-visit-stats']) {
        assert(info.includes(`<${tag}`), `${tag} not reported: ${info}`);
      }
    });
    await check(
      'without the links page, init falls back to the OPML list and names its CORS problem',
      async () => {
        await wp.php(`wp_delete_post(${wp.linksPage.id}, true);`);
        const { code, json } = await initFor('en');
        assert(code === 1, `exit ${code}`);
        const cors = errors(json);
        assert(cors.length === 1, JSON.stringify(cors));
        assert(cors[0].url === `${wp.url}/wp-links-opml.php`, cors[0].url);
        assert(cors[0].message.includes('Access-Control-Allow-Origin: none'), cors[0].message);
        assert(
          cors[0].message.includes(portal.origin) && cors[0].fix.includes('OPML'),
          JSON.stringify(cors[0]),
        );
        assert(!('links-page' in json.attributes), JSON.stringify(json.attributes));
      },
    );
    await check('check on a page reading that OPML list: exit 1, naming it', async () => {
      portal.pages.set('/opml.html', page((await initFor('vi')).json.snippet));
      const { code, json } = await runJson(['check', `${portal.origin}/opml.html`]);
      assert(code === 1, `exit ${code}`);
      const found = errors(json);
      assert(
        found.length === 1 && found[0].url === `${wp.url}/wp-links-opml.php`,
        JSON.stringify(found),
      );
    });
    await check('the demo portal page: exit 0, every box read', async () => {
      const demo = await startDemo(repo);
      cleanups.push(() => demo.stop());
      const { code, json, stdout } = await runJson(['check', `${demo.origin}/`]);
      assert(code === 0, `exit ${code}: ${stdout}`);
      const info = json.problems.map((p) => p.message).join('\n');
      for (const tag of ['pw-activity-list', 'pw-article', 'pw-link-box', 'pw-visit-stats']) {
        assert(info.includes(`<${tag}`), `${tag} not reported: ${info}`);
      }
      assert(info.includes('portal-widgets.min.js'), info);
    });
    await check(
      'a page whose source answers 404: exit 1, with the URL and the status',
      async () => {
        portal.pages.set(
          '/missing.html',
          page(`<script type="module" src="/dist/portal-widgets.min.js"></script>
<pw-source base-url="${portal.origin}/khong-co/api" default></pw-source>
<pw-activity-list category="tin-tuc"></pw-activity-list>`),
        );
        const { code, json } = await runJson(['check', `${portal.origin}/missing.html`]);
        assert(code === 1, `exit ${code}`);
        const found = errors(json);
        assert(found.length === 1, JSON.stringify(found));
        assert(found[0].url.startsWith(`${portal.origin}/khong-co/api/articles`), found[0].url);
        assert(
          /404/.test(found[0].message) && /base-url/.test(found[0].fix),
          JSON.stringify(found[0]),
        );
        const text = (await run(['check', `${portal.origin}/missing.html`, '--lang', 'en'])).stdout;
        assert(
          text.includes('ERROR') && text.includes('/khong-co/api/articles') && text.includes('404'),
          text,
        );
      },
    );
    await check('a page without the script or any box: exit 1, saying so', async () => {
      portal.pages.set('/empty.html', page('<p>Trang chủ</p>'));
      const { code, json } = await runJson([
        'check',
        `${portal.origin}/empty.html`,
        '--lang',
        'en',
      ]);
      assert(code === 1, `exit ${code}`);
      const messages = errors(json)
        .map((p) => p.message)
        .join('\n');
      assert(
        messages.includes('no portal-widgets.min.js') && messages.includes('no portal-widgets box'),
        messages,
      );
    });

    section('init against the other backends (fixture servers)');
    /** Starts a fixture server for one check and stops it after. */
    const withServer = async (start, options, fn) => {
      const server = await start(options);
      try {
        await fn(server);
      } finally {
        await server.stop();
      }
    };
    const leadershipOf = (json) => json.categories.find((c) => c.name === 'Hoạt động của lãnh đạo');

    await check('Drupal: the JSON:API, its tags terms and the leadership term id', () =>
      withServer(startDrupal, {}, async (drupal) => {
        const { code, json } = await runJson(['init', drupal.url]);
        assert(code === 0, `exit ${code}: ${JSON.stringify(errors(json))}`);
        assert(
          json.type === 'drupal' && json.baseUrl === drupal.url,
          `${json.type} ${json.baseUrl}`,
        );
        const expected = drupal.seed.categories.leadership.id;
        assert(leadershipOf(json)?.id === expected, JSON.stringify(json.categories));
        assert(json.snippet.includes(`category="${expected}"`), json.snippet);
        // article is the default content type and field_tags the default field: neither is written.
        assert(
          !('content-type' in json.attributes) && !('category-field' in json.attributes),
          JSON.stringify(json.attributes),
        );
      }),
    );
    await check('Joomla with a token-only API: recognised, and the public-token warning', () =>
      withServer(startJoomla, {}, async (joomla) => {
        const { code, json } = await runJson(['init', joomla.url, '--lang', 'en']);
        assert(code === 0, `exit ${code}: ${JSON.stringify(errors(json))}`);
        assert(json.type === 'joomla', json.type);
        const warning = json.problems.find((p) => p.message.includes('needs a token'));
        assert(
          warning?.level === 'warning' && /public/.test(warning.fix),
          JSON.stringify(json.problems),
        );
      }),
    );
    await check('Joomla with a readable API: its categories and the leadership id', () =>
      withServer(startJoomla, { requireToken: false }, async (joomla) => {
        const { json } = await runJson(['init', joomla.url]);
        const expected = joomla.seed.categories.leadership.id;
        assert(
          json.type === 'joomla' && leadershipOf(json)?.id === expected,
          JSON.stringify(json.categories),
        );
        assert(json.snippet.includes(`category="${expected}"`), json.snippet);
      }),
    );
    await check('Liferay: the site id from Liferay.ThemeDisplay and the taxonomy categories', () =>
      withServer(startLiferay, {}, async (liferay) => {
        const { code, json } = await runJson(['init', liferay.url]);
        assert(code === 0, `exit ${code}: ${JSON.stringify(errors(json))}`);
        assert(json.type === 'liferay', json.type);
        assert(json.attributes['site-id'] === liferay.seed.siteId, JSON.stringify(json.attributes));
        const expected = liferay.seed.categories.leadership.id;
        assert(leadershipOf(json)?.id === expected, JSON.stringify(json.categories));
        assert(json.snippet.includes(`site-id="${liferay.seed.siteId}"`), json.snippet);
      }),
    );
    await check('Liferay whose content guests cannot read: an error with the fix', () =>
      withServer(startLiferay, { guestCanRead: false }, async (liferay) => {
        const { code, json } = await runJson(['init', liferay.url, '--lang', 'en']);
        assert(code === 1, `exit ${code}`);
        const found = errors(json).find((p) => p.message.startsWith('Guests cannot read'));
        assert(
          found && /Guest role/.test(found.fix) && found.url.includes('/structured-contents'),
          JSON.stringify(json.problems),
        );
      }),
    );
    await check(
      'an RSS portal (NukeViet): the announced feeds, the leadership feed as base-url',
      () =>
        withServer(startRssPortal, {}, async (portalRss) => {
          const { code, json } = await runJson(['init', portalRss.url]);
          assert(code === 0, `exit ${code}: ${JSON.stringify(errors(json))}`);
          assert(json.type === 'rss', json.type);
          const feed = `${portalRss.url}${portalRss.seed.feeds.leadership}`;
          assert(json.baseUrl === feed, `${json.baseUrl} ≠ ${feed}`);
          assert(
            json.categories.some((c) => c.id === feed),
            JSON.stringify(json.categories),
          );
        }),
    );
    await check('a canonical-JSON API: its categories from the articles', () =>
      withServer(startJsonApi, {}, async (api) => {
        const { code, json } = await runJson(['init', `${api.url}/api`]);
        assert(code === 0, `exit ${code}: ${JSON.stringify(errors(json))}`);
        assert(
          json.type === 'json' && json.baseUrl === `${api.url}/api`,
          `${json.type} ${json.baseUrl}`,
        );
        const expected = api.seed.categories.leadership.id;
        assert(json.snippet.includes(`category="${expected}"`), json.snippet);
      }),
    );
    await check('a backend that allows no other origin: a CORS error naming its endpoint', () =>
      withServer(startDrupal, { allowOrigins: [] }, async (drupal) => {
        const { code, json } = await runJson([
          'init',
          drupal.url,
          '--origin',
          'https://portal.example.vn',
        ]);
        assert(code === 1, `exit ${code}`);
        const found = errors(json);
        assert(
          found.length > 0 && found.every((p) => p.url.startsWith(`${drupal.url}/jsonapi/`)),
          JSON.stringify(found),
        );
        assert(/services\.yml/.test(found[0].fix), found[0].fix);
      }),
    );
    await check('check on a Liferay page naming its category through categories=: exit 0', () =>
      withServer(startLiferay, {}, async (liferay) => {
        const id = liferay.seed.categories.leadership.id;
        portal.pages.set(
          '/liferay.html',
          page(`<script type="module" src="/dist/portal-widgets.min.js"></script>
<pw-source type="liferay" base-url="${liferay.url}" site-id="${liferay.seed.siteId}"
  categories="hoat-dong-lanh-dao=${id}" default></pw-source>
<pw-activity-list category="hoat-dong-lanh-dao"></pw-activity-list>`),
        );
        const { code, json, stdout } = await runJson([
          'check',
          `${portal.origin}/liferay.html`,
          '--lang',
          'en',
        ]);
        assert(code === 0, `exit ${code}: ${stdout}`);
        assert(
          json.problems.some((p) => p.message.includes('<pw-activity-list>: 5 items')),
          stdout,
        );
        const asked = liferay.requests.map((r) => decodeURIComponent(r.path));
        assert(
          asked.some((p) => p.includes(`taxonomyCategoryIds/any(t:t eq ${id})`)),
          asked.join('\n'),
        );
      }),
    );
    await check(
      'a site nothing recognises: exit 1, what was tried, the JSON mapping guide',
      async () => {
        portal.pages.set('/', page('<h1>Cổng thông tin</h1>'));
        const { code, json } = await runJson(['init', portal.origin]);
        assert(code === 1 && json.type === null, `exit ${code}, ${json.type}`);
        const found = errors(json)[0];
        assert(
          found?.message.includes('WordPress') && found.message.includes('Drupal'),
          found?.message,
        );
        assert(found.fix.includes('json-mapping.md'), found.fix);
      },
    );
  } catch (error) {
    fail('the command-line test stopped', error);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  }
}

await main();
finish();
