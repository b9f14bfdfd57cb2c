// The WordPress backend against a real WordPress: does `<pw-source type="wordpress">`
// work with what WordPress actually sends?
//
//  1. builds dist/ if it is missing or older than the sources;
//  2. starts a seeded WordPress on loopback (wordpress.mjs: Debian's packages,
//     a private MariaDB, PHP's built-in server);
//  3. serves pages with the script-tag bundle from another origin (another
//     port), as a portal embedding the widgets would, and looks at them in
//     headless Chromium: the activity list, the article (body, featured image,
//     related items), the link box (the OPML list, and a page of links),
//     paging and choosing an item;
//  4. does it with pretty permalinks (the REST API under /wp-json/), then
//     without them (the adapter must fall back to /?rest_route=).
//
// /wp-links-opml.php sends no CORS header, so the link box reads it through
// the page's own server (docs/guide/backends.md: "forward that path"); a page
// without that forwarding must say that CORS is the cause.
//
// Plain Node ESM. Prints `N passed, N failed` last; exits non-zero on any failure.
// Needs Debian's wordpress, mariadb-server, php-cli, php-mysql, php-mbstring and
// php-xml (see wordpress.mjs), and Chromium (CHROME_PATH, default /usr/bin/chromium).
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureBuilt } from '../server/node-helpers.mjs';
import { SEED, startWordPress } from './wordpress.mjs';
import { assert, assertEqual, createReport, section } from '../server/checks.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(repo, 'dist');

// ---------------------------------------------------------------- reporting

const { check, fail, finish } = createReport();

// ---------------------------------------------------------------- helpers

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** WordPress's headers that the adapter reads, passed on by the portal's forwarding. */
const FORWARDED_HEADERS = ['content-type', 'x-wp-total', 'x-wp-totalpages', 'link'];

/**
 * The embedding portal: a server on another port (so another origin) with
 * dist/ under /dist/ and the pages set in `pages`; every other path is
 * forwarded to WordPress, so the site can be read from the portal's own
 * origin too (as docs/guide/backends.md suggests for /wp-links-opml.php).
 */
async function servePortal(wordpressUrl) {
  const pages = new Map();
  const server = createServer(async (request, response) => {
    const { pathname, search } = new URL(request.url, 'http://127.0.0.1');
    try {
      if (pages.has(pathname)) {
        response.writeHead(200, { 'content-type': MIME['.html'], 'cache-control': 'no-store' });
        response.end(pages.get(pathname));
        return;
      }
      if (pathname.startsWith('/dist/')) {
        const file = path.resolve(dist, decodeURIComponent(pathname.slice('/dist/'.length)));
        if (file.startsWith(dist + path.sep)) {
          const body = await readFile(file);
          response.writeHead(200, {
            'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
            'cache-control': 'no-store',
          });
          response.end(body);
          return;
        }
      }
      if (!pathname.startsWith('/dist/')) {
        const upstream = await fetch(`${wordpressUrl}${pathname}${search}`);
        const headers = { 'cache-control': 'no-store' };
        for (const name of FORWARDED_HEADERS) {
          if (upstream.headers.has(name)) headers[name] = upstream.headers.get(name);
        }
        response.writeHead(upstream.status, headers);
        response.end(Buffer.from(await upstream.arrayBuffer()));
        return;
      }
    } catch {
      // Answered as not found below.
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    pages,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

/** A page of the portal: the script-tag bundle and `body`. */
const portalPage = (body) => `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <title>Cổng thông tin thử nghiệm</title>
    <link rel="icon" href="data:," />
    <script type="module" src="/dist/portal-widgets.min.js"></script>
  </head>
  <body>
${body}
  </body>
</html>
`;

/**
 * Records every pw-load and pw-error on the page, by the id (else the tag) of
 * the element that fired it, with a short summary of what it carried.
 */
function recordEvents() {
  window.portalEvents = [];
  for (const type of ['pw-load', 'pw-error']) {
    document.addEventListener(type, (event) => {
      const element = event.target;
      const detail = event.detail;
      let summary;
      if (type === 'pw-error') {
        summary = {
          kind: detail?.error?.kind,
          message: detail?.message,
          error: detail?.error?.message,
        };
      } else if (Array.isArray(detail)) summary = detail.map((link) => link.title);
      else if (Array.isArray(detail?.items)) {
        summary = {
          items: detail.items.map((item) => item.title),
          page: detail.page,
          total: detail.total,
        };
      } else summary = detail?.article?.title;
      window.portalEvents.push({ type, id: element.id || element.localName, summary });
    });
  }
}

/** Opens `url`, records the widgets' events and the requests, and waits until each of `ids` fired one. */
async function openPage(browser, url, ids) {
  const page = await browser.newPage();
  const problems = [];
  const requests = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('request', (request) => requests.push(request.url()));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} from ${response.url()}`);
  });
  await page.addInitScript(recordEvents);
  await page.goto(url, { waitUntil: 'load', timeout: 20_000 });
  await page
    .waitForFunction(
      (wanted) => wanted.every((id) => window.portalEvents.some((event) => event.id === id)),
      ids,
      { timeout: 20_000 },
    )
    .catch(async (error) => {
      const events = await page.evaluate(() => window.portalEvents).catch(() => []);
      throw new Error(`${error.message}\n  events: ${JSON.stringify(events)}\n  ${problems}`);
    });
  const events = () => page.evaluate(() => window.portalEvents);
  return { page, problems, requests, events };
}

/** The text of what `selector` finds in the shadow root of `host`, whitespace collapsed. */
function shadowTexts(page, host, selector) {
  return page.evaluate(
    ([hostSelector, inner]) =>
      [...(document.querySelector(hostSelector)?.shadowRoot?.querySelectorAll(inner) ?? [])].map(
        (node) => node.textContent.replace(/\s+/g, ' ').trim(),
      ),
    [host, selector],
  );
}

/** Asserts that every element of `ids` fired pw-load and nothing fired pw-error. */
async function assertLoadedWithoutErrors(events, ids) {
  const seen = await events();
  const errors = seen.filter((event) => event.type === 'pw-error');
  assert(errors.length === 0, `pw-error fired: ${JSON.stringify(errors)}`);
  for (const id of ids) {
    assert(
      seen.some((event) => event.type === 'pw-load' && event.id === id),
      `no pw-load from #${id}: ${JSON.stringify(seen)}`,
    );
  }
}

// ---------------------------------------------------------------- the test

async function main() {
  console.log('portal-widgets WordPress backend test');
  const cleanups = [];
  try {
    section('setup');
    ensureBuilt(repo);
    let wp;
    const started = await check('a seeded WordPress starts on loopback', async () => {
      wp = await startWordPress();
      cleanups.push(() => wp.stop());
      const t = wp.timings;
      console.log(
        `        ${wp.url}: database ${t.database} ms, install and seed ${t.install} ms, ` +
          `server ${t.server} ms`,
      );
    });
    if (!started) return;
    const portal = await servePortal(wp.url);
    cleanups.push(() => portal.close());
    const browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    cleanups.push(() => browser.close());

    const { leadership, news } = wp.categories;
    const leadershipPosts = wp.posts.filter((post) => post.categoryId === leadership.id);
    const newsPosts = wp.posts.filter((post) => post.categoryId === news.id);
    const [first, second] = leadershipPosts;
    const image = SEED.image;
    const newsTitles = newsPosts.map((post) => post.title);
    const isWordPress = (url) => url.startsWith(`${wp.url}/`);

    // What the widgets read is what WordPress serves: a look at the raw answers first.
    section('WordPress as seeded');
    await check('REST answers allow other origins and carry X-WP-Total', async () => {
      const origin = portal.origin;
      const response = await fetch(`${wp.url}/wp-json/wp/v2/posts?categories=${leadership.id}`, {
        headers: { origin },
      });
      assertEqual(response.status, 200, 'status');
      assertEqual(response.headers.get('access-control-allow-origin'), origin, 'allowed origin');
      assertEqual(response.headers.get('x-wp-total'), String(leadershipPosts.length), 'X-WP-Total');
      const exposed = response.headers.get('access-control-expose-headers') ?? '';
      assert(/X-WP-TotalPages/i.test(exposed), `exposed headers: ${exposed}`);
    });
    let opmlOrder = wp.links;
    await check('/wp-links-opml.php lists the links and sends no CORS header', async () => {
      const response = await fetch(`${wp.url}/wp-links-opml.php`, {
        headers: { origin: portal.origin },
      });
      const text = await response.text();
      assertEqual(response.status, 200, 'status');
      assertEqual(response.headers.get('access-control-allow-origin'), null, 'allowed origin');
      // WordPress lists links by name, not in the order they were added.
      const listed = [
        ...text.matchAll(/<outline text="([^"]*)" type="link"[^>]*htmlUrl="([^"]*)"/g),
      ];
      opmlOrder = listed.map(([, name, url]) => ({ name, url }));
      assertEqual(
        [...opmlOrder].sort((a, b) => a.url.localeCompare(b.url)),
        [...wp.links].sort((a, b) => a.url.localeCompare(b.url)),
        'links in the OPML',
      );
    });

    // ------------------------------------------------------------ pretty permalinks
    section('pretty permalinks (/wp-json/)');
    portal.pages.set(
      '/pretty.html',
      portalPage(`
    <pw-source id="wp" type="wordpress" base-url="${wp.url}" links-url="${portal.origin}/wp-links-opml.php" default></pw-source>
    <pw-activity-list id="leadership" category="${leadership.id}" page-size="10" target="article"></pw-activity-list>
    <pw-activity-list id="news" category="${news.id}"></pw-activity-list>
    <pw-activity-list id="paged" category="${leadership.id}" page-size="3"></pw-activity-list>
    <pw-article id="article" article-id="${first.id}" related="5"></pw-article>
    <pw-link-box id="links" variant="list"></pw-link-box>`),
    );
    const ids = ['leadership', 'news', 'paged', 'article', 'links'];
    const pretty = await openPage(browser, `${portal.origin}/pretty.html`, ids);
    cleanups.push(() => pretty.page.close());
    const { page } = pretty;

    await check('every widget fired pw-load, none pw-error', () =>
      assertLoadedWithoutErrors(pretty.events, ids),
    );
    await check('the leadership list shows its posts, newest first, and no news', async () => {
      const titles = await shadowTexts(page, '#leadership', '[part~="title"]');
      assertEqual(
        titles,
        leadershipPosts.map((post) => post.title),
        'list titles',
      );
      for (const title of newsTitles) assert(!titles.includes(title), `news item listed: ${title}`);
    });
    await check('titles WordPress sends with entities (“ ” &) read as written', async () => {
      const titles = await shadowTexts(page, '#leadership', '[part~="title"]');
      const written = SEED.posts.find((post) => post.title.includes('&')).title;
      assert(titles.includes(written), `"${written}" not among ${JSON.stringify(titles)}`);
    });
    await check('list dates are the posts’ dates in Vietnam time', async () => {
      const dates = await shadowTexts(page, '#leadership', '[part~="date"]');
      assertEqual(dates, ['(20/05/2024)', '(18/05/2024)', '(15/05/2024)', '(10/05/2024)'], 'dates');
    });
    await check('the news list shows the news posts only', async () => {
      const titles = await shadowTexts(page, '#news', '[part~="title"]');
      assertEqual(titles, newsTitles, 'news titles');
    });
    await check(
      'the article shows the post: title, date, body heading and paragraph, author',
      async () => {
        assertEqual(await shadowTexts(page, '#article', '[part~="title"]'), [first.title], 'title');
        const [date] = await shadowTexts(page, '#article', '[part~="date"]');
        assert(date?.includes('20/05/2024 08:30'), `date line: ${date}`);
        const headings = await shadowTexts(page, '#article', '[part~="content"] h2');
        assertEqual(headings, ['Yêu cầu hoàn thành giải phóng mặt bằng'], 'body headings');
        const paragraphs = await shadowTexts(page, '#article', '[part~="content"] p');
        assert(
          paragraphs.some((text) => text.startsWith('Sáng 20/5, Chủ tịch UBND thành phố')),
          `body paragraphs: ${JSON.stringify(paragraphs)}`,
        );
        const [author] = await shadowTexts(page, '#article', '[part~="author"]');
        assert(author?.includes(SEED.admin.displayName), `author: ${author}`);
      },
    );
    await check('the featured image comes from WordPress’s uploads and loads', async () => {
      const shown = await page.evaluate(() => {
        const img = document.querySelector('#article').shadowRoot.querySelector('[part~="image"]');
        return (
          img && { src: img.src, alt: img.alt, complete: img.complete, width: img.naturalWidth }
        );
      });
      assert(shown, 'no image in the article');
      assertEqual(shown.src, wp.mediaUrl, 'image URL');
      assert(shown.src.startsWith(`${wp.url}/wp-content/uploads/`), `image URL ${shown.src}`);
      assertEqual(shown.alt, image.alt, 'alt text');
      await page.waitForFunction(
        () =>
          document.querySelector('#article').shadowRoot.querySelector('[part~="image"]')
            .naturalWidth > 0,
        null,
        { timeout: 10_000 },
      );
    });
    await check('"Các tin khác" lists the other posts of the category', async () => {
      await page.waitForFunction(
        () =>
          document
            .querySelector('#article')
            .shadowRoot.querySelector('[part~="related"]')
            ?.getAttribute('aria-busy') === 'false',
        null,
        { timeout: 10_000 },
      );
      const related = await shadowTexts(page, '#article', '[part~="related"] li a');
      assertEqual(
        related,
        leadershipPosts.slice(1).map((post) => post.title),
        'related titles',
      );
    });
    await check('the link box lists the seeded links under their link category', async () => {
      const links = await page.evaluate(() =>
        [...document.querySelector('#links').shadowRoot.querySelectorAll('a[part~="link"]')].map(
          (a) => ({
            name: a.querySelector('[part~="link-text"]')?.textContent.trim(),
            url: a.href,
          }),
        ),
      );
      assertEqual(links, opmlOrder, 'links, in the order of the OPML');
      assertEqual(
        await shadowTexts(page, '#links', '[part~="group-name"]'),
        [wp.linkCategory.name],
        'group',
      );
    });
    await check('the REST API was read under /wp-json/, never through ?rest_route=', () => {
      const api = pretty.requests
        .filter(isWordPress)
        .filter((url) => !url.includes('/wp-content/'));
      assert(
        api.some((url) => url.startsWith(`${wp.url}/wp-json/wp/v2/posts`)),
        `requests: ${api.join(' ')}`,
      );
      const plain = api.filter((url) => url.includes('rest_route='));
      assert(plain.length === 0, `plain requests: ${plain.join(' ')}`);
    });
    await check('paging: three of four items, then the fourth on page 2', async () => {
      assertEqual(
        await shadowTexts(page, '#paged', '[part~="title"]'),
        leadershipPosts.slice(0, 3).map((post) => post.title),
        'page 1',
      );
      assertEqual(await shadowTexts(page, '#paged', '[part~="page-button"]'), ['1', '2'], 'pages');
      await page.locator('#paged').locator('[part~="next-button"]').click();
      await page.waitForFunction(
        () => window.portalEvents.some((event) => event.id === 'paged' && event.summary.page === 2),
        null,
        { timeout: 10_000 },
      );
      assertEqual(
        await shadowTexts(page, '#paged', '[part~="title"]'),
        leadershipPosts.slice(3).map((post) => post.title),
        'page 2',
      );
    });
    await check('choosing a list item shows that post in the article', async () => {
      await page.locator('#leadership').getByRole('link', { name: second.title }).click();
      await page.waitForFunction(
        (title) =>
          window.portalEvents.some((event) => event.id === 'article' && event.summary === title),
        second.title,
        { timeout: 10_000 },
      );
      assertEqual(await shadowTexts(page, '#article', '[part~="title"]'), [second.title], 'title');
      const headings = await shadowTexts(page, '#article', '[part~="content"] h2');
      assertEqual(headings, ['Chuẩn bị cho kỳ thi tốt nghiệp trung học phổ thông'], 'body');
      const errors = (await pretty.events()).filter((event) => event.type === 'pw-error');
      assert(errors.length === 0, `pw-error fired: ${JSON.stringify(errors)}`);
    });
    await check('no page errors', () =>
      assert(pretty.problems.length === 0, pretty.problems.join('\n')),
    );
    await pretty.page.close();

    await check('an unknown post id: "not found", not a network or parse error', async () => {
      portal.pages.set(
        '/missing.html',
        portalPage(`
    <pw-source type="wordpress" base-url="${wp.url}" default></pw-source>
    <pw-article id="article" article-id="999999"></pw-article>`),
      );
      const opened = await openPage(browser, `${portal.origin}/missing.html`, ['article']);
      try {
        const [event] = await opened.events();
        assertEqual([event.type, event.summary?.kind], ['pw-error', 'not-found'], 'event');
        const text = await shadowTexts(opened.page, '#article', '*');
        assert(text.join(' ').includes('Không tìm thấy bài viết'), `shown: ${text.join(' ')}`);
      } finally {
        await opened.page.close();
      }
    });

    await check('links straight from another origin: the box fails and names CORS', async () => {
      portal.pages.set(
        '/no-forwarding.html',
        portalPage(`
    <pw-source type="wordpress" base-url="${wp.url}" default></pw-source>
    <pw-link-box id="links" variant="list"></pw-link-box>`),
      );
      const opened = await openPage(browser, `${portal.origin}/no-forwarding.html`, ['links']);
      try {
        const [event] = await opened.events();
        assertEqual([event.type, event.summary?.kind], ['pw-error', 'network'], 'event');
        assert(
          /CORS/.test(event.summary.error) && event.summary.error.includes('/wp-links-opml.php'),
          `error: ${event.summary.error}`,
        );
      } finally {
        await opened.page.close();
      }
    });

    await check('links-page: the anchors of a page, grouped under its headings', async () => {
      portal.pages.set(
        '/links-page.html',
        portalPage(`
    <pw-source type="wordpress" base-url="${wp.url}" links-page="${wp.linksPage.slug}" default></pw-source>
    <pw-link-box id="links" variant="list"></pw-link-box>`),
      );
      const opened = await openPage(browser, `${portal.origin}/links-page.html`, ['links']);
      try {
        await assertLoadedWithoutErrors(opened.events, ['links']);
        const groups = await opened.page.evaluate(() =>
          [...document.querySelector('#links').shadowRoot.querySelectorAll('[part~="group"]')].map(
            (group) => ({
              name: group.querySelector('[part~="group-name"]').textContent.trim(),
              links: [...group.querySelectorAll('a[part~="link"]')].map((a) => ({
                name: a.querySelector('[part~="link-text"]').textContent.trim(),
                url: a.href,
              })),
            }),
          ),
        );
        assertEqual(groups, SEED.linksPage.groups, 'groups');
        assert(
          opened.requests.some((url) => url.startsWith(`${wp.url}/wp-json/wp/v2/pages?slug=`)),
          `requests: ${opened.requests.join(' ')}`,
        );
        assert(opened.problems.length === 0, opened.problems.join('\n'));
      } finally {
        await opened.page.close();
      }
    });

    // ------------------------------------------------------------ without pretty permalinks
    section('plain permalinks (/?rest_route=)');
    let plainSite = false;
    await check('with permalinks off, /wp-json/ is no longer the API', async () => {
      await wp.setPermalinks('');
      const response = await fetch(`${wp.url}/wp-json/wp/v2/posts`);
      const type = response.headers.get('content-type') ?? '';
      await response.arrayBuffer();
      assert(response.status === 404 || !type.includes('json'), `${response.status} ${type}`);
      plainSite = true;
    });
    if (plainSite) {
      const third = leadershipPosts[2];
      const plainPage = (siteUrl, links) =>
        portalPage(`
    <pw-source type="wordpress" base-url="${siteUrl}/" default></pw-source>
    <pw-activity-list id="leadership" category="${leadership.slug}" page-size="10" target="article"></pw-activity-list>
    <pw-article id="article" article-id="${third.slug}"></pw-article>
    ${links ? '<pw-link-box id="links" variant="list"></pw-link-box>' : ''}`);
      const plainIds = ['leadership', 'article', 'links'];

      // The site read from the portal's origin (forwarded): the answer under /wp-json/
      // is readable, so the adapter sees it is not the API and switches.
      portal.pages.set('/plain-forwarded.html', plainPage(portal.origin, true));
      const plain = await openPage(browser, `${portal.origin}/plain-forwarded.html`, plainIds);
      cleanups.push(() => plain.page.close());
      const isForwarded = (url) => url.startsWith(`${portal.origin}/`) && !url.includes('/dist/');
      await check('forwarded: every widget fired pw-load, none pw-error', () =>
        assertLoadedWithoutErrors(plain.events, plainIds),
      );
      await check('forwarded: the list, by category slug, shows the leadership posts', async () => {
        assertEqual(
          await shadowTexts(plain.page, '#leadership', '[part~="title"]'),
          leadershipPosts.map((post) => post.title),
          'list titles',
        );
      });
      await check('forwarded: the article, by post slug, shows the post and its body', async () => {
        assertEqual(
          await shadowTexts(plain.page, '#article', '[part~="title"]'),
          [third.title],
          'title',
        );
        const headings = await shadowTexts(plain.page, '#article', '[part~="content"] h2');
        assertEqual(headings, ['Kết quả sáu tháng đầu năm'], 'body headings');
      });
      await check('forwarded: the link box shows the links (the default OPML URL)', async () => {
        const names = await shadowTexts(plain.page, '#links', '[part~="link-text"]');
        assertEqual(
          names,
          opmlOrder.map((link) => link.name),
          'link names',
        );
      });
      await check('forwarded: the adapter switched to ?rest_route= and stayed there', () => {
        const api = plain.requests.filter(isForwarded).filter((url) => !url.includes('.html'));
        for (const route of ['/wp/v2/categories', '/wp/v2/posts']) {
          assert(
            api.some((url) => url.startsWith(`${portal.origin}/?rest_route=${route}`)),
            `no ${route} through rest_route: ${api.join(' ')}`,
          );
        }
        // Requests that started before the first answer each try /wp-json/ once; the
        // category's posts, asked after the slug lookup, go straight to ?rest_route=.
        const late = api.filter((url) => url.includes('/wp-json/') && url.includes('categories='));
        assert(late.length === 0, `still asked /wp-json/ later: ${late.join(' ')}`);
      });
      await check('forwarded: no page errors', () => {
        // The probes of /wp-json/ are answered with the home page (200), so nothing is logged.
        assert(plain.problems.length === 0, plain.problems.join('\n'));
      });
      await plain.page.close();

      // The site read from another origin, as README's example does: WordPress
      // answers /wp-json/ with a page that has no CORS header, so the browser
      // reports a network error, not a 404; the adapter must still try ?rest_route=.
      await check(
        'another origin: the adapter falls back to ?rest_route= and the widgets load',
        async () => {
          portal.pages.set('/plain.html', plainPage(wp.url, false));
          const opened = await openPage(browser, `${portal.origin}/plain.html`, [
            'leadership',
            'article',
          ]);
          try {
            await assertLoadedWithoutErrors(opened.events, ['leadership', 'article']);
          } finally {
            await opened.page.close();
          }
        },
      );
    }
  } catch (error) {
    // An unexpected error in the test itself counts as a failure too.
    fail('the WordPress test stopped', error);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  }
}

await main();
finish();
