import { expect } from '@open-wc/testing';
import { createJsonSource, watchWhenLoaded } from '../../src/data/adapters/json.js';
import { ConfigError } from '../../src/data/errors.js';
import { HttpClient } from '../../src/data/http.js';
import type { VisitStats } from '../../src/data/types.js';
import { createScenario, sleep, waitFor, waitForRequests } from '../helpers/server.js';

/** Where the test server mounts the counter service (server/). */
const COUNTER = '/counter';
const STREAM = { stream: '{base}/stats/stream' };
const EVENT_STREAM = { 'content-type': 'text/event-stream', 'cache-control': 'no-store' };

function http(): HttpClient {
  return new HttpClient({ retryBaseMs: 5 });
}

function randomSession(): string {
  return `watch-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
}

/** Counts a visit at the counter service, as another browser would. */
async function visitCounter(): Promise<VisitStats> {
  const response = await fetch(`${COUNTER}/stats/visit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ session: randomSession() }),
  });
  expect(response.status).to.equal(200);
  return (await response.json()) as VisitStats;
}

describe('json source: watchVisitStats', () => {
  const stops: (() => void)[] = [];
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
  });

  it('is offered only when a stream endpoint is configured', () => {
    expect(createJsonSource({ baseUrl: COUNTER }).watchVisitStats).to.equal(undefined);
    expect(
      createJsonSource({ baseUrl: COUNTER, endpoints: { stream: null } }).watchVisitStats,
    ).to.equal(undefined);
    expect(createJsonSource({ baseUrl: COUNTER, endpoints: STREAM }).watchVisitStats).to.be.a(
      'function',
    );
    expect(() =>
      createJsonSource({ baseUrl: COUNTER, endpoints: { stream: '{base}/{nope}' } }),
    ).to.throw(ConfigError, /nope/);
    expect(() =>
      createJsonSource({ baseUrl: COUNTER, endpoints: STREAM, watch: { pollMs: -1 } }),
    ).to.throw(ConfigError, /watch\.pollMs/);
  });

  it('pushes the live figures of the counter service as visits are counted', async () => {
    const source = createJsonSource({ baseUrl: COUNTER, endpoints: STREAM, http: http() });
    const seen: VisitStats[] = [];
    stops.push(source.watchVisitStats!((stats) => seen.push(stats)));
    const first = await waitFor(() => seen[0], 'no figures arrived from the stream');
    expect(first.total).to.be.a('number');
    expect(first.updatedAt).to.match(/Z$/);

    const counted = await visitCounter();
    expect(counted.today).to.equal(first.today! + 1);
    await waitFor(
      () => seen.some((stats) => stats.today === counted.today && stats.total === counted.total),
      'the counted visit was not pushed',
    );
    expect(seen.at(-1)!.online).to.be.at.least(1);
  });

  it('reconnects with backoff after the stream drops, and closes it on unsubscribe', async () => {
    const scenario = await createScenario([
      { headers: EVENT_STREAM, body: 'data: {"online":1,"total":10}\n\n' },
      { headers: EVENT_STREAM, body: 'data: {"online":2,"total":11}\n\n' },
      { headers: EVENT_STREAM, hang: true },
    ]);
    const source = createJsonSource({
      baseUrl: scenario.base,
      endpoints: STREAM,
      http: http(),
      watch: { retryMs: 20 },
    });
    const seen: VisitStats[] = [];
    const stop = source.watchVisitStats!((stats) => seen.push(stats));
    await waitFor(() => seen.some((stats) => stats.total === 11), 'no figures after reconnecting');
    expect(seen.slice(0, 2)).to.deep.equal([
      { online: 1, total: 10 },
      { online: 2, total: 11 },
    ]);
    const { requests } = await waitForRequests(scenario, 3);
    expect(requests.map((r) => `${r.method} ${r.url}`)).to.deep.equal(
      Array(3).fill(`GET ${scenario.base}/stats/stream`),
    );

    stop();
    // The open (hanging) stream is closed: the server sees the client go away.
    await waitFor(async () => (await scenario.log()).requests[2].aborted, 'the stream stayed open');
  });

  it('skips malformed events and keeps the good ones', async () => {
    const scenario = await createScenario([
      {
        headers: EVENT_STREAM,
        body: 'data: not json\n\ndata: ["a list"]\n\ndata: {"online":3,"total":30}\n\n',
      },
      { headers: EVENT_STREAM, hang: true },
    ]);
    const source = createJsonSource({ baseUrl: scenario.base, endpoints: STREAM, http: http() });
    const seen: VisitStats[] = [];
    stops.push(source.watchVisitStats!((stats) => seen.push(stats)));
    await waitFor(() => seen.length > 0, 'the good event was not delivered');
    expect(seen).to.deep.equal([{ online: 3, total: 30 }]);
  });

  it('polls the figures while the stream keeps failing, and stops polling on unsubscribe', async () => {
    const scenario = await createScenario([
      { status: 404, body: { error: 'no stream here' } },
      { body: { online: 5, total: 50 } },
    ]);
    const source = createJsonSource({
      baseUrl: scenario.base,
      endpoints: STREAM,
      http: http(),
      // One failure starts polling; the stream is not retried within the test.
      watch: { failuresBeforePolling: 1, retryMs: 60_000, pollMs: 50 },
    });
    const seen: VisitStats[] = [];
    const stop = source.watchVisitStats!((stats) => seen.push(stats));
    await waitFor(() => seen.length >= 2, 'the figures were not polled');
    expect(seen[0]).to.deep.equal({ online: 5, total: 50 });
    const { requests } = await scenario.log();
    expect(requests[0].url).to.equal(`${scenario.base}/stats/stream`);
    expect(requests.slice(1).every((r) => r.url === `${scenario.base}/stats`)).to.equal(true);

    stop();
    const requested = (await scenario.log()).count;
    const delivered = seen.length;
    await sleep(300);
    expect((await scenario.log()).count).to.equal(requested);
    expect(seen.length).to.equal(delivered);
  });

  it('falls back to polling the fixture backend, which has no stream', async () => {
    const source = createJsonSource({
      baseUrl: '/api',
      endpoints: STREAM,
      http: http(),
      watch: { retryMs: 10, pollMs: 50 },
    });
    const expected = await source.getVisitStats({ fresh: true });
    const seen: VisitStats[] = [];
    stops.push(source.watchVisitStats!((stats) => seen.push(stats)));
    const polled = await waitFor(() => seen[0], 'nothing was polled');
    expect(polled.total).to.equal(expected.total);
  });

  it('opens nothing when stopped before its code has loaded', async () => {
    const scenario = await createScenario([{ headers: EVENT_STREAM, hang: true }]);
    const source = createJsonSource({ baseUrl: scenario.base, endpoints: STREAM, http: http() });
    const seen: VisitStats[] = [];
    // The stream code arrives asynchronously (even when already downloaded): stopped before that.
    source.watchVisitStats!((stats) => seen.push(stats))();
    await sleep(300);
    expect((await scenario.log()).count).to.equal(0);
    expect(seen).to.deep.equal([]);

    // Not stopped, the same source does open the stream.
    stops.push(source.watchVisitStats!((stats) => seen.push(stats)));
    const { requests } = await waitForRequests(scenario, 1);
    expect(requests[0].url).to.equal(`${scenario.base}/stats/stream`);
  });

  it('polls the figures, with a warning, when the stream code cannot be loaded', async () => {
    // The missing chunk is a real 404 from the server, as a half-deployed bundle would give.
    const chunk = await createScenario([{ status: 404, body: 'not found', headers: {} }]);
    const stats = await createScenario([{ body: { online: 7, total: 70 } }]);
    const source = createJsonSource({ baseUrl: stats.base, http: http() });
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    const seen: VisitStats[] = [];
    let stop: () => void;
    try {
      stop = watchWhenLoaded(
        () => import(`${chunk.base}/json-watch.js`),
        50,
        (signal) => source.getVisitStats({ fresh: true, signal }),
        (figures) => seen.push(figures),
      );
      await waitFor(() => seen.length >= 2, 'the figures were not polled');
    } finally {
      console.warn = warn;
    }
    expect(seen[0]).to.deep.equal({ online: 7, total: 70 });
    expect((await chunk.log()).count).to.equal(1);
    expect(String(warnings[0]?.[0])).to.contain('the live figures could not be loaded');

    stop();
    const requested = (await stats.log()).count;
    const delivered = seen.length;
    await sleep(300);
    expect((await stats.log()).count).to.equal(requested);
    expect(seen.length).to.equal(delivered);
  });

  it('starts nothing, not even polling, when stopped before a failed load settles', async () => {
    const chunk = await createScenario([
      { status: 404, body: 'not found', headers: {}, delayMs: 100 },
    ]);
    const stats = await createScenario([{ body: { online: 1 } }]);
    const source = createJsonSource({ baseUrl: stats.base, http: http() });
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const stop = watchWhenLoaded(
        () => import(`${chunk.base}/json-watch.js`),
        20,
        (signal) => source.getVisitStats({ fresh: true, signal }),
        () => undefined,
      );
      stop();
      await waitForRequests(chunk, 1);
      await sleep(300);
    } finally {
      console.warn = warn;
    }
    expect((await stats.log()).count).to.equal(0);
  });
});
