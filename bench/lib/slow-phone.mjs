// The "slow phone" bench: how long README's script-tag page takes to show its
// four boxes on a cold visit over a slow mobile connection with a slow CPU.
//
// bench/pages/slow-phone.html is served by the demo server (compressed and
// cached as docs/guide/deploying.md asks), on the same origin as the
// data. Every run opens a fresh browser context, and the Chrome DevTools
// Protocol throttles it: 150 ms of latency, 1.6 Mb/s down, 750 kb/s up, the
// CPU four times slower, the HTTP cache off. Each fact is computed from what
// the run recorded (the boxes' events and the network log), never assumed
// from how the build is meant to behave.

import { median } from './browser.mjs';

/** The network and CPU of the slow phone. */
export const SLOW_PHONE = {
  latencyMs: 150,
  downloadBitsPerSecond: 1.6e6,
  uploadBitsPerSecond: 750e3,
  cpuSlowdown: 4,
};

/** The four boxes on the page, in the order the table lists them. */
export const BOXES = ['pw-activity-list', 'pw-article', 'pw-link-box', 'pw-visit-stats'];

const PAGE_PATH = '/bench/slow-phone.html';
/** The article the page shows; its related items are read as a list of its category. */
const ARTICLE_PATH = '/api/articles/hong-bang-tiep-doan-kiem-tra';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * How many script requests had to follow one another before the first /api
 * request started: a script that started after another script had finished
 * is one level deeper. Only scripts that had finished when the first data
 * request started count: a chunk fetched beside the data (the sanitizer)
 * is not a round trip before it. The page's own HTML is not counted.
 */
export function scriptRoundTrips(requests) {
  const firstApi = Math.min(
    ...requests.filter((r) => r.path.startsWith('/api/')).map((r) => r.start),
  );
  const scripts = requests
    .filter((r) => r.type === 'Script' && r.end !== undefined && r.end <= firstApi)
    .sort((a, b) => a.start - b.start);
  const level = new Map();
  for (const script of scripts) {
    const before = scripts.filter((other) => other.end !== undefined && other.end <= script.start);
    level.set(script, 1 + Math.max(0, ...before.map((other) => level.get(other) ?? 0)));
  }
  return Math.max(0, ...level.values());
}

/**
 * Whether the article's body chunk (DOMPurify and the article drawing) was requested before the article's
 * data had fully arrived: `true`, `false`, or `undefined` when either request
 * is missing from the log.
 */
export function sanitizerOverlapsArticle(requests) {
  const sanitizer = requests.find((r) => /article-body|purify/.test(r.path));
  const article = requests.find((r) => r.path === ARTICLE_PATH);
  if (!sanitizer || !article?.end) return undefined;
  return sanitizer.start < article.end;
}

/** Records the page's requests from the Network domain's events (monotonic seconds). */
function recordNetwork(cdp) {
  const byId = new Map();
  cdp.on('Network.requestWillBeSent', (event) => {
    // A redirect reuses the id; the log keeps the request that was answered.
    byId.set(event.requestId, {
      url: event.request.url,
      method: event.request.method,
      type: event.type,
      sentAt: event.timestamp,
    });
  });
  cdp.on('Network.responseReceived', (event) => {
    const entry = byId.get(event.requestId);
    if (!entry) return;
    entry.status = event.response.status;
    entry.timing = event.response.timing;
    const headers = Object.fromEntries(
      Object.entries(event.response.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    );
    entry.encoding = headers['content-encoding'];
  });
  cdp.on('Network.loadingFinished', (event) => {
    const entry = byId.get(event.requestId);
    if (!entry) return;
    entry.finishedAt = event.timestamp;
    entry.bytes = event.encodedDataLength;
  });
  cdp.on('Network.loadingFailed', (event) => {
    const entry = byId.get(event.requestId);
    if (entry) entry.failedAt = event.timestamp;
  });
  return byId;
}

/** One cold visit; resolves to the boxes' times, FCP and the waterfall, in ms since navigation start. */
async function visit(browser, origin, cpuSlowdown) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const log = recordNetwork(cdp);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: SLOW_PHONE.latencyMs,
      downloadThroughput: SLOW_PHONE.downloadBitsPerSecond / 8,
      uploadThroughput: SLOW_PHONE.uploadBitsPerSecond / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });

    const url = `${origin}${PAGE_PATH}`;
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    // Awaited over the protocol rather than with page.waitForFunction, whose
    // injected script costs the throttled page some 180 ms of main thread
    // just as the boxes draw (seen in a trace): the harness must not be timed.
    const shown = cdp.send('Runtime.evaluate', {
      expression: 'window.boxesShown',
      awaitPromise: true,
      returnByValue: true,
    });
    let timer;
    const tooLong = new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`not every box showed within 60 s of ${PAGE_PATH} loading`)),
        60_000,
      );
    });
    await Promise.race([shown, tooLong]).finally(() => clearTimeout(timer));
    // Let the requests still under way (a late chunk, the visit record) finish.
    const quietSince = Date.now();
    while (
      [...log.values()].some((r) => r.finishedAt === undefined && r.failedAt === undefined) &&
      Date.now() - quietSince < 10_000
    ) {
      await sleep(100);
    }

    const inPage = await page.evaluate(`(async () => {
      const fcp = await new Promise((resolve) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
          if (entry) resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
        setTimeout(() => resolve(undefined), 2000);
      });
      const navigation = performance.getEntriesByType('navigation')[0];
      return { boxes: window.boxTimes, fcp, requestStart: navigation?.requestStart };
    })()`);

    // Network timestamps are monotonic seconds; the page's clock starts at
    // navigation start. The document's request start, seen by both, joins them.
    const requests = [...log.values()];
    const documentRequest = requests.find((r) => r.url === url);
    if (!documentRequest) throw new Error(`the network log has no request for ${url}`);
    const { timing } = documentRequest;
    const originSeconds =
      timing && inPage.requestStart !== undefined
        ? timing.requestTime + (timing.sendStart - inPage.requestStart) / 1000
        : documentRequest.sentAt;
    const toMs = (seconds) =>
      seconds === undefined ? undefined : (seconds - originSeconds) * 1000;
    const waterfall = requests
      .filter((r) => r.url.startsWith(origin) && r.url !== url)
      .map((r) => {
        const { pathname, search } = new URL(r.url);
        return {
          method: r.method,
          path: pathname + search,
          type: r.type,
          start: toMs(r.sentAt),
          end: toMs(r.finishedAt),
          failed: r.failedAt !== undefined,
          bytes: r.bytes,
          encoding: r.encoding,
          status: r.status,
        };
      })
      .sort((a, b) => a.start - b.start);
    const documentRow = {
      method: 'GET',
      path: PAGE_PATH,
      type: 'Document',
      start: toMs(documentRequest.sentAt),
      end: toMs(documentRequest.finishedAt),
      bytes: documentRequest.bytes,
      encoding: documentRequest.encoding,
      status: documentRequest.status,
    };
    return {
      boxes: inPage.boxes,
      fcp: inPage.fcp,
      waterfall: [documentRow, ...waterfall],
      roundTrips: scriptRoundTrips(waterfall),
      sanitizerEarly: sanitizerOverlapsArticle(waterfall),
    };
  } finally {
    await context.close();
  }
}

/**
 * One warm-up visit, then `runs` measured ones. Resolves to the median of
 * each figure, the share of runs with the sanitizer requested early, and the
 * waterfall of the median run (the one whose last box is the median).
 * `cpuSlowdown: 1` keeps the slow network but not the slow CPU, to tell the
 * two apart.
 */
export async function slowPhone(
  browser,
  origin,
  { runs = 5, cpuSlowdown = SLOW_PHONE.cpuSlowdown } = {},
) {
  await visit(browser, origin, cpuSlowdown);
  const measured = [];
  for (let i = 0; i < runs; i++) measured.push(await visit(browser, origin, cpuSlowdown));

  const errors = measured.flatMap((run) =>
    Object.entries(run.boxes)
      .filter(([, time]) => time.type !== 'pw-load')
      .map(([box]) => box),
  );
  const lastOf = (run) => Math.max(...BOXES.map((box) => run.boxes[box]?.at ?? Infinity));
  const byLast = [...measured].sort((a, b) => lastOf(a) - lastOf(b));
  const representative = byLast[Math.floor((byLast.length - 1) / 2)];
  return {
    runs,
    boxes: Object.fromEntries(
      BOXES.map((box) => [box, median(measured.map((run) => run.boxes[box]?.at ?? Infinity))]),
    ),
    last: median(measured.map(lastOf)),
    fcp: median(measured.map((run) => run.fcp ?? Infinity)),
    roundTrips: median(measured.map((run) => run.roundTrips)),
    roundTripsPerRun: measured.map((run) => run.roundTrips),
    sanitizerEarly: measured.filter((run) => run.sanitizerEarly === true).length,
    sanitizerMissing: measured.filter((run) => run.sanitizerEarly === undefined).length,
    errors: [...new Set(errors)],
    waterfall: representative.waterfall,
    representativeLast: lastOf(representative),
  };
}
