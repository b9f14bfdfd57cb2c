// The bench rows measured in a real browser, against the demo server
// (demo/serve.mjs: the fixture backend, the visit counter and dist/).
// Pages of bench/pages are served on the demo's origin by the browser itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, startDemo } from '../../test/server/node-helpers.mjs';

export { startDemo };

/** Headless Chromium without the background traffic (updates, sync) that would join the measured network log. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** A page whose /bench/*.html requests are answered from bench/pages. */
async function benchPage(browser, root, origin) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route(`${origin}/bench/*.html`, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: readFileSync(join(root, 'bench', 'pages', name)),
    });
  });
  return { context, page };
}

/** Records the page's /api/* requests. */
function recordApi(page) {
  const log = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) {
      log.push({ method: request.method(), path: url.pathname + url.search, at: Date.now() });
    }
  });
  return log;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until no /api request has started for `quietMs` (at most `maxMs`). */
async function settle(log, quietMs = 1500, maxMs = 15000) {
  const start = Date.now();
  for (;;) {
    await sleep(250);
    const last = log.length ? log[log.length - 1].at : start;
    if (Date.now() - Math.max(last, start) >= quietMs || Date.now() - start > maxMs) return;
  }
}

/** Splits /api requests into data reads (GET), visit records (POST) and event streams. */
function classify(entries) {
  const stream = entries.filter((entry) => entry.path.includes('/stream'));
  const rest = entries.filter((entry) => !entry.path.includes('/stream'));
  return {
    get: rest.filter((entry) => entry.method === 'GET'),
    post: rest.filter((entry) => entry.method !== 'GET'),
    stream,
  };
}

/**
 * The demo page's /api traffic on first load, then after every widget (and
 * the source) is taken off the page and put back, within the cache TTL.
 */
export async function demoRequests(browser, root, origin) {
  const { context, page } = await benchPage(browser, root, origin);
  const log = recordApi(page);
  await page.goto(`${origin}/`, { waitUntil: 'load' });
  await settle(log);
  const first = classify(log.splice(0));
  await page.evaluate(`(async () => {
    const widgets = [...document.querySelectorAll('pw-source, pw-activity-list, pw-article, pw-link-box, pw-visit-stats')];
    const places = widgets.map((el) => [el, el.parentNode, el.nextSibling]);
    for (const [el] of places) el.remove();
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const [el, parent, next] of places) parent.insertBefore(el.cloneNode(true), next);
    return widgets.length;
  })()`);
  await settle(log);
  const again = classify(log.splice(0));
  await context.close();
  return { first, again };
}

/** /api/stats requests from `<pw-visit-stats refresh="1">` over `seconds`, visible then hidden. */
export async function hiddenRequests(browser, root, origin, seconds = 5) {
  const { context, page } = await benchPage(browser, root, origin);
  const log = recordApi(page);
  await page.goto(`${origin}/bench/hidden.html`, { waitUntil: 'load' });
  await settle(log, 500, 5000);
  const count = () => log.splice(0).filter((entry) => entry.path.startsWith('/api/stats')).length;
  count();
  // The same page while visible, so a zero below means "held back", not "never polls".
  await sleep(seconds * 1000);
  const visible = count();
  await page.evaluate('window.setHidden(true)');
  count();
  await sleep(seconds * 1000);
  const hidden = count();
  await context.close();
  return { visible, hidden, seconds };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
