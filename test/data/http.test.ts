import { expect } from '@open-wc/testing';
import {
  DataError,
  HttpError,
  NetworkError,
  NotFoundError,
  ParseError,
  TimeoutError,
} from '../../src/data/errors.js';
import type * as ErrorsModule from '../../src/data/errors.js';
import { HttpClient, defaultHttpClient } from '../../src/data/http.js';
import type * as HttpModule from '../../src/data/http.js';
import {
  createScenario,
  settle,
  sleep,
  toBase64,
  waitFor,
  waitForRequests,
} from '../helpers/server.js';
import {
  absolute,
  closeFramePages,
  fetchCount,
  openFramePageImporting,
} from '../helpers/frames.js';

/** A client with fast retries, so failing tests fail quickly. */
function client(options: ConstructorParameters<typeof HttpClient>[0] = {}): HttpClient {
  return new HttpClient({ retryBaseMs: 5, timeoutMs: 3000, ...options });
}

async function rejection(promise: Promise<unknown>): Promise<DataError> {
  const outcome = await settle(promise);
  expect(outcome.error, 'the promise should have rejected').to.be.instanceOf(DataError);
  return outcome.error as DataError;
}

describe('HttpClient', () => {
  describe('reads', () => {
    it('returns status, lower-case headers, the final URL and the parsed body', async () => {
      const scenario = await createScenario([{ body: { a: 1 }, headers: { 'X-Total': '7' } }]);
      const response = await client().getJson(`${scenario.base}/x`);
      expect(response.status).to.equal(200);
      expect(response.data).to.deep.equal({ a: 1 });
      expect(response.headers['x-total']).to.equal('7');
      expect(response.url).to.equal(new URL(`${scenario.base}/x`, location.href).href);
    });

    it('sends Accept: application/json and the caller headers', async () => {
      const scenario = await createScenario([{ body: {} }]);
      await client().getJson(`${scenario.base}/x`, {
        headers: { 'X-Api-Key': 'k1', 'Accept-Language': 'en' },
      });
      const [request] = (await scenario.log()).requests;
      expect(request!.headers.accept).to.equal('application/json');
      expect(request!.headers['x-api-key']).to.equal('k1');
      expect(request!.headers['accept-language']).to.equal('en');
    });

    it('getText returns the body as text', async () => {
      const scenario = await createScenario([
        {
          body: '<rss><channel><title>Tin</title></channel></rss>',
          headers: { 'content-type': 'application/rss+xml' },
        },
      ]);
      const response = await client().getText(`${scenario.base}/feed`);
      expect(response.text).to.contain('<title>Tin</title>');
      expect(response.headers['content-type']).to.equal('application/rss+xml');
    });

    it('getText decodes the charset named in Content-Type', async () => {
      // "Việt" is not Latin-1; use "café" in ISO-8859-1: é = 0xE9.
      const bytes = [...new TextEncoder().encode('caf'), 0xe9];
      const scenario = await createScenario([
        {
          bodyBase64: toBase64(bytes),
          headers: { 'content-type': 'text/plain; charset=iso-8859-1' },
        },
      ]);
      expect((await client().getText(`${scenario.base}/t`)).text).to.equal('café');
    });
  });

  describe('sharing in-flight reads', () => {
    it('answers N concurrent identical reads with one request', async () => {
      const scenario = await createScenario([{ body: { n: 1 }, delayMs: 150 }]);
      const http = client();
      const results = await Promise.all(
        Array.from({ length: 5 }, () => http.getJson(`${scenario.base}/same`)),
      );
      for (const result of results) expect(result.data).to.deep.equal({ n: 1 });
      expect((await scenario.log()).count).to.equal(1);
    });

    it('treats different URLs and different headers as different reads', async () => {
      const scenario = await createScenario([{ body: {}, delayMs: 50 }]);
      const http = client();
      await Promise.all([
        http.getJson(`${scenario.base}/a`),
        http.getJson(`${scenario.base}/b`),
        http.getJson(`${scenario.base}/a`, { headers: { 'Accept-Language': 'en' } }),
        http.getJson(`${scenario.base}/a`, { headers: { 'accept-language': 'en' } }),
      ]);
      // /a, /b, /a in English (header name case does not matter).
      expect((await scenario.log()).count).to.equal(3);
    });

    it('shares reads across widgets through the default client', async () => {
      const scenario = await createScenario([{ body: { shared: true }, delayMs: 100 }]);
      const url = `${scenario.base}/default-${Math.random()}`;
      await Promise.all([defaultHttpClient.getJson(url), defaultHttpClient.getJson(url)]);
      expect((await scenario.log()).count).to.equal(1);
    });
  });

  describe('cache', () => {
    it('answers a second read within the TTL from the cache', async () => {
      const scenario = await createScenario([{ body: { v: 1 } }, { body: { v: 2 } }]);
      const http = client();
      const first = await http.getJson(`${scenario.base}/c`);
      const second = await http.getJson(`${scenario.base}/c`);
      expect(first.data).to.deep.equal({ v: 1 });
      expect(second.data).to.deep.equal({ v: 1 });
      expect((await scenario.log()).count).to.equal(1);
    });

    it('asks again after the fresh and stale periods have passed', async () => {
      const scenario = await createScenario([{ body: { v: 1 } }, { body: { v: 2 } }]);
      const http = client({ cacheTtlMs: 30, staleTtlMs: 30 });
      await http.getJson(`${scenario.base}/c`);
      await sleep(100);
      expect((await http.getJson(`${scenario.base}/c`)).data).to.deep.equal({ v: 2 });
      expect((await scenario.log()).count).to.equal(2);
    });

    it('returns a stale value at once and revalidates with exactly one background request', async () => {
      const scenario = await createScenario([{ body: { v: 1 } }, { body: { v: 2 }, delayMs: 200 }]);
      const http = client({ cacheTtlMs: 50, staleTtlMs: 60_000 });
      const url = `${scenario.base}/swr`;
      await http.getJson(url);
      await sleep(80);

      const staleReads = await Promise.all([
        http.getJson(url),
        http.getJson(url),
        http.getJson(url),
      ]);
      for (const read of staleReads) expect(read.data).to.deep.equal({ v: 1 });
      // The background request is under way but not finished (it takes 200 ms).
      await waitForRequests(scenario, 2);

      const fresh = await waitFor(async () => {
        const read = await http.getJson(url);
        return (read.data as { v: number }).v === 2 ? read : undefined;
      }, 'the revalidated value never arrived');
      expect(fresh.data).to.deep.equal({ v: 2 });
      expect((await scenario.log()).count).to.equal(2);
    });

    it('keeps the stale value when the background revalidation fails', async () => {
      const scenario = await createScenario([{ body: { v: 1 } }, { status: 500 }]);
      const http = client({ cacheTtlMs: 20, staleTtlMs: 60_000, retries: 0 });
      const url = `${scenario.base}/swr-fail`;
      await http.getJson(url);
      await sleep(40);
      expect((await http.getJson(url)).data).to.deep.equal({ v: 1 });
      await waitForRequests(scenario, 2);
      await sleep(30);
      expect((await http.getJson(url)).data).to.deep.equal({ v: 1 });
    });

    it('fresh: true bypasses the cache, shares an in-flight read and updates the cache', async () => {
      const scenario = await createScenario([
        { body: { v: 1 } },
        { body: { v: 2 }, delayMs: 100 },
        { body: { v: 3 } },
      ]);
      const http = client();
      const url = `${scenario.base}/fresh`;
      await http.getJson(url);
      const [a, b] = await Promise.all([
        http.getJson(url, { fresh: true }),
        http.getJson(url, { fresh: true }),
      ]);
      expect(a.data).to.deep.equal({ v: 2 });
      expect(b.data).to.deep.equal({ v: 2 });
      expect((await http.getJson(url)).data).to.deep.equal({ v: 2 });
      expect((await scenario.log()).count).to.equal(2);
    });

    it('is a bounded LRU', async () => {
      const scenario = await createScenario([{ body: {} }]);
      const http = client({ maxEntries: 2 });
      const url = (k: string) => `${scenario.base}/lru?k=${k}`;
      await http.getJson(url('a'));
      await http.getJson(url('b'));
      await http.getJson(url('a')); // a is now the most recently used
      await http.getJson(url('c')); // evicts b
      expect((await scenario.log()).count).to.equal(3);
      await http.getJson(url('a'));
      expect((await scenario.log()).count).to.equal(3);
      await http.getJson(url('b'));
      expect((await scenario.log()).count).to.equal(4);
    });

    it('clear() empties the cache', async () => {
      const scenario = await createScenario([{ body: {} }]);
      const http = client();
      await http.getJson(`${scenario.base}/clear`);
      http.clear();
      await http.getJson(`${scenario.base}/clear`);
      expect((await scenario.log()).count).to.equal(2);
    });

    it('never caches failures', async () => {
      const scenario = await createScenario([{ status: 400 }, { body: { ok: true } }]);
      const http = client();
      await rejection(http.getJson(`${scenario.base}/fail`));
      expect((await http.getJson(`${scenario.base}/fail`)).data).to.deep.equal({ ok: true });
    });
  });

  describe('retries', () => {
    it('retries 500 and 503, then succeeds', async () => {
      const scenario = await createScenario([
        { status: 500 },
        { status: 503 },
        { body: { ok: true } },
      ]);
      const response = await client({ retries: 2 }).getJson(`${scenario.base}/r`);
      expect(response.data).to.deep.equal({ ok: true });
      expect((await scenario.log()).count).to.equal(3);
    });

    it('gives up after `retries` extra attempts with an HttpError', async () => {
      const scenario = await createScenario([{ status: 502 }]);
      const error = await rejection(client({ retries: 2 }).getJson(`${scenario.base}/r`));
      expect(error).to.be.instanceOf(HttpError);
      expect((error as HttpError).status).to.equal(502);
      expect(error.kind).to.equal('http');
      expect((await scenario.log()).count).to.equal(3);
    });

    it('honours Retry-After (seconds) on 429', async () => {
      const scenario = await createScenario([
        { status: 429, headers: { 'Retry-After': '1' } },
        { body: { ok: true } },
      ]);
      const pending = settle(
        client({ retries: 2, retryBaseMs: 1 }).getJson(`${scenario.base}/slow-down`),
      );
      await waitForRequests(scenario, 1);
      // Backoff alone (retryBaseMs 1) would have retried long before this.
      await sleep(600);
      expect((await scenario.log()).count).to.equal(1);
      const outcome = await pending;
      expect(outcome.value?.data).to.deep.equal({ ok: true });
      const { requests } = await scenario.log();
      expect(requests).to.have.length(2);
      expect(requests[1]!.at - requests[0]!.at).to.be.at.least(900);
    });

    it('honours Retry-After as an HTTP date', async () => {
      const when = new Date(Date.now() + 2000).toUTCString();
      const scenario = await createScenario([
        { status: 503, headers: { 'Retry-After': when } },
        { body: { ok: true } },
      ]);
      const pending = settle(client({ retryBaseMs: 1 }).getJson(`${scenario.base}/date`));
      await waitForRequests(scenario, 1);
      await sleep(300);
      // HTTP dates have 1 s resolution, so at least ~1 s remained.
      expect((await scenario.log()).count).to.equal(1);
      expect((await pending).value?.data).to.deep.equal({ ok: true });
    });

    it('caps Retry-After at retryMaxDelayMs', async () => {
      const scenario = await createScenario([
        { status: 429, headers: { 'Retry-After': '120' } },
        { body: { ok: true } },
      ]);
      const response = await client({ retryMaxDelayMs: 50 }).getJson(`${scenario.base}/cap`);
      expect(response.data).to.deep.equal({ ok: true });
    });

    for (const status of [400, 401, 403, 422]) {
      it(`does not retry ${status}`, async () => {
        const scenario = await createScenario([{ status }, { body: { ok: true } }]);
        const error = await rejection(client().getJson(`${scenario.base}/no`));
        expect(error).to.be.instanceOf(HttpError);
        expect((error as HttpError).status).to.equal(status);
        expect((await scenario.log()).count).to.equal(1);
      });
    }

    it('does not retry 404, which is a NotFoundError', async () => {
      const scenario = await createScenario([
        { status: 404, body: { error: 'gone' } },
        { body: { ok: true } },
      ]);
      const error = await rejection(client().getJson(`${scenario.base}/missing`));
      expect(error).to.be.instanceOf(NotFoundError);
      expect(error.kind).to.equal('not-found');
      expect(error.url).to.contain('/missing');
      expect((await scenario.log()).count).to.equal(1);
    });

    it('turns a failed connection into a NetworkError that mentions CORS', async () => {
      // Nothing listens on port 9 (discard) here; the connection is refused.
      const error = await rejection(client({ retries: 1 }).getJson('http://127.0.0.1:9/nothing'));
      expect(error).to.be.instanceOf(NetworkError);
      expect(error.kind).to.equal('network');
      expect(error.message).to.contain('CORS');
    });
  });

  describe('timeouts', () => {
    it('rejects with a TimeoutError when the server does not answer', async () => {
      const scenario = await createScenario([{ hang: true }]);
      const error = await rejection(
        client({ timeoutMs: 200, retries: 0 }).getJson(`${scenario.base}/hang`),
      );
      expect(error).to.be.instanceOf(TimeoutError);
      expect(error.kind).to.equal('timeout');
      expect((error as TimeoutError).timeoutMs).to.equal(200);
      // The request is cancelled, not left open on the server.
      await waitFor(
        async () => (await scenario.log()).requests[0]?.aborted,
        'the server never saw the cancel',
      );
    });

    it('applies the timeout per attempt, retrying after one', async () => {
      const scenario = await createScenario([{ hang: true }, { body: { ok: true } }]);
      const response = await client({ timeoutMs: 150, retries: 1 }).getJson(
        `${scenario.base}/hang-once`,
      );
      expect(response.data).to.deep.equal({ ok: true });
      expect((await scenario.log()).count).to.equal(2);
    });

    it('a per-call timeoutMs overrides the client default', async () => {
      const scenario = await createScenario([{ hang: true }]);
      const error = await rejection(
        client({ timeoutMs: 5000, retries: 0 }).getJson(`${scenario.base}/h`, { timeoutMs: 100 }),
      );
      expect((error as TimeoutError).timeoutMs).to.equal(100);
    });

    it('covers a body that trickles in too slowly', async () => {
      const scenario = await createScenario([
        { body: { text: 'x'.repeat(64) }, dripMs: 60, dripBytes: 4 },
      ]);
      const error = await rejection(
        client({ timeoutMs: 300, retries: 0 }).getJson(`${scenario.base}/drip`),
      );
      expect(error).to.be.instanceOf(TimeoutError);
    });

    it('reads a body that arrives in chunks within the time limit', async () => {
      const scenario = await createScenario([
        { body: { text: 'Hoạt động của lãnh đạo' }, dripMs: 10, dripBytes: 3 },
      ]);
      const response = await client().getJson(`${scenario.base}/drip-ok`);
      expect(response.data).to.deep.equal({ text: 'Hoạt động của lãnh đạo' });
    });
  });

  describe('abort', () => {
    it('rejects at once with kind "aborted" for an already aborted signal, sending nothing', async () => {
      const scenario = await createScenario([{ body: {} }]);
      const controller = new AbortController();
      controller.abort();
      const error = await rejection(
        client().getJson(`${scenario.base}/x`, { signal: controller.signal }),
      );
      expect(error.kind).to.equal('aborted');
      expect((await scenario.log()).count).to.equal(0);
    });

    it('rejects only the caller that aborted; the shared request carries on for the others', async () => {
      const scenario = await createScenario([{ body: { v: 1 }, delayMs: 300 }]);
      const http = client();
      const controller = new AbortController();
      const first = settle(http.getJson(`${scenario.base}/shared`, { signal: controller.signal }));
      const second = settle(
        http.getJson(`${scenario.base}/shared`, { signal: new AbortController().signal }),
      );
      await waitForRequests(scenario, 1);
      controller.abort();
      const firstOutcome = await first;
      expect((firstOutcome.error as DataError).kind).to.equal('aborted');
      const secondOutcome = await second;
      expect(secondOutcome.value?.data).to.deep.equal({ v: 1 });
      const log = await scenario.log();
      expect(log.count).to.equal(1);
      expect(log.requests[0]!.aborted).to.equal(false);
    });

    it('cancels the request on the server when every caller has aborted', async () => {
      const scenario = await createScenario([{ hang: true }, { body: { v: 2 } }]);
      const http = client();
      const a = new AbortController();
      const b = new AbortController();
      const first = settle(http.getJson(`${scenario.base}/all`, { signal: a.signal }));
      const second = settle(http.getJson(`${scenario.base}/all`, { signal: b.signal }));
      await waitForRequests(scenario, 1);
      a.abort();
      await sleep(100);
      expect(
        (await scenario.log()).requests[0]!.aborted,
        'cancelled while a caller still waited',
      ).to.equal(false);
      b.abort();
      expect(((await first).error as DataError).kind).to.equal('aborted');
      expect(((await second).error as DataError).kind).to.equal('aborted');
      await waitFor(
        async () => (await scenario.log()).requests[0]?.aborted,
        'the server never saw the cancel',
      );
      // The next caller starts a new request instead of joining the cancelled one.
      expect((await http.getJson(`${scenario.base}/all`)).data).to.deep.equal({ v: 2 });
    });

    it('abandons a backoff wait once every caller has aborted', async () => {
      const scenario = await createScenario([
        { status: 503, headers: { 'Retry-After': '2' } },
        { body: { ok: true } },
      ]);
      const http = client();
      const controller = new AbortController();
      const pending = settle(
        http.getJson(`${scenario.base}/backoff`, { signal: controller.signal }),
      );
      await waitForRequests(scenario, 1);
      controller.abort();
      expect(((await pending).error as DataError).kind).to.equal('aborted');
      // A new read is not stuck behind the abandoned retry: it goes out at once.
      const response = await http.getJson(`${scenario.base}/backoff`, { timeoutMs: 1000 });
      expect(response.data).to.deep.equal({ ok: true });
      await sleep(2300);
      expect((await scenario.log()).count, 'the abandoned retry still fired').to.equal(2);
    });
  });

  describe('parse errors', () => {
    it('rejects an HTML page served with status 200', async () => {
      const scenario = await createScenario([
        {
          body: '<!DOCTYPE html><html><body>Đăng nhập</body></html>',
          headers: { 'content-type': '' },
        },
      ]);
      const error = await rejection(client().getJson(`${scenario.base}/page`));
      expect(error).to.be.instanceOf(ParseError);
      expect(error.kind).to.equal('parse');
      expect(error.message).to.contain('not valid JSON');
      expect(error.message).to.contain('<!DOCTYPE html>');
      expect((await scenario.log()).count, 'parse errors are not retried').to.equal(1);
    });

    it('rejects a text/html answer even when it happens to be JSON', async () => {
      const scenario = await createScenario([
        { body: { a: 1 }, headers: { 'content-type': 'text/html; charset=utf-8' } },
      ]);
      const error = await rejection(client().getJson(`${scenario.base}/html`));
      expect(error).to.be.instanceOf(ParseError);
      expect(error.message).to.contain('text/html');
      expect((await scenario.log()).count).to.equal(1);
    });

    it('rejects truncated JSON', async () => {
      const scenario = await createScenario([{ body: '{"items": [{"id": 1, "title": "Tin' }]);
      const error = await rejection(client().getJson(`${scenario.base}/cut`));
      expect(error).to.be.instanceOf(ParseError);
    });

    it('rejects invalid UTF-8 instead of showing replacement characters', async () => {
      const bytes = [
        ...new TextEncoder().encode('{"title": "Tin '),
        0xc3,
        0x28,
        ...new TextEncoder().encode('"}'),
      ];
      const scenario = await createScenario([{ bodyBase64: toBase64(bytes) }]);
      const error = await rejection(client().getJson(`${scenario.base}/bytes`));
      expect(error).to.be.instanceOf(ParseError);
      expect(error.message).to.contain('UTF-8');
    });

    it('rejects an empty body', async () => {
      const scenario = await createScenario([{ body: '' }]);
      expect(await rejection(client().getJson(`${scenario.base}/empty`))).to.be.instanceOf(
        ParseError,
      );
    });

    it('accepts JSON with a byte-order mark and vendor JSON types', async () => {
      const bytes = [0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"ok": true}')];
      const scenario = await createScenario([
        { bodyBase64: toBase64(bytes), headers: { 'content-type': 'application/vnd.api+json' } },
      ]);
      expect((await client().getJson(`${scenario.base}/bom`)).data).to.deep.equal({ ok: true });
    });
  });

  describe('post', () => {
    it('sends the body as JSON and parses the answer', async () => {
      const scenario = await createScenario([{ body: { total: 5 } }]);
      const response = await client().post(`${scenario.base}/visit`, { session: 'abc' });
      expect(response.data).to.deep.equal({ total: 5 });
      const [request] = (await scenario.log()).requests;
      expect(request!.method).to.equal('POST');
      expect(JSON.parse(request!.body!)).to.deep.equal({ session: 'abc' });
    });

    it('is never retried', async () => {
      const scenario = await createScenario([{ status: 503 }, { body: {} }]);
      const error = await rejection(client({ retries: 3 }).post(`${scenario.base}/visit`, {}));
      expect((error as HttpError).status).to.equal(503);
      expect((await scenario.log()).count).to.equal(1);
    });

    it('is never cached or shared', async () => {
      const scenario = await createScenario([{ body: {}, delayMs: 50 }]);
      const http = client();
      await Promise.all([
        http.post(`${scenario.base}/visit`, {}),
        http.post(`${scenario.base}/visit`, {}),
      ]);
      await http.post(`${scenario.base}/visit`, {});
      expect((await scenario.log()).count).to.equal(3);
    });

    it('gives data null for an empty answer', async () => {
      const scenario = await createScenario([{ status: 204, headers: { 'content-type': '' } }]);
      expect((await client().post(`${scenario.base}/visit`, {})).data).to.equal(null);
    });

    it('times out and aborts like reads', async () => {
      const scenario = await createScenario([{ hang: true }]);
      const error = await rejection(
        client().post(`${scenario.base}/visit`, {}, { timeoutMs: 100 }),
      );
      expect(error).to.be.instanceOf(TimeoutError);
      const controller = new AbortController();
      const pending = settle(
        client().post(`${scenario.base}/visit`, {}, { signal: controller.signal }),
      );
      await waitForRequests(scenario, 2);
      controller.abort();
      expect(((await pending).error as DataError).kind).to.equal('aborted');
    });
  });

  /**
   * A page that has just lost its network may have lost its script server too,
   * so failing well and retrying must need no code fetched at that moment.
   * Each test loads the client into an iframe, a module graph of its own, and
   * counts the scripts that page fetched.
   */
  describe('failure handling', () => {
    type DataLayer = typeof HttpModule & typeof ErrorsModule;
    const SCRIPT = /\.(js|ts)$/;
    afterEach(closeFramePages);

    it('retries a 503 and recovers without fetching any module', async () => {
      const { win, exports: data } = await openFramePageImporting<DataLayer>([
        '/src/data/http.ts',
        '/src/data/errors.ts',
      ]);
      const scriptsBefore = fetchCount(win, SCRIPT);
      const scenario = await createScenario([
        { status: 503, headers: { 'retry-after': '0' } },
        { status: 500 },
        { body: { ok: true } },
      ]);
      const http = new data.HttpClient({ retryBaseMs: 5, retries: 2 });
      expect((await http.getJson(absolute(`${scenario.base}/a`))).data).to.deep.equal({ ok: true });
      expect((await scenario.log()).count).to.equal(3);
      expect(fetchCount(win, SCRIPT), 'scripts fetched during the failure').to.equal(scriptsBefore);
    });

    it('words every kind of failure without fetching any module', async () => {
      const { win, exports: data } = await openFramePageImporting<DataLayer>([
        '/src/data/http.ts',
        '/src/data/errors.ts',
      ]);
      const scriptsBefore = fetchCount(win, SCRIPT);
      const scenario = await createScenario([
        { status: 502, body: { code: 'upstream_down', message: 'Máy chủ nguồn không trả lời' } },
        { status: 404 },
        { hang: true },
      ]);
      const http = new data.HttpClient({ retries: 0, timeoutMs: 300 });

      const httpError = (await settle(http.getJson(absolute(`${scenario.base}/bad`)))).error;
      expect(httpError).to.be.instanceOf(data.HttpError);
      expect((httpError as HttpError).status).to.equal(502);
      expect((httpError as HttpError).body?.code).to.equal('upstream_down');

      const notFound = (await settle(http.getJson(absolute(`${scenario.base}/gone`)))).error;
      expect(notFound).to.be.instanceOf(data.NotFoundError);

      const timeout = (await settle(http.getJson(absolute(`${scenario.base}/hang`)))).error;
      expect(timeout).to.be.instanceOf(data.TimeoutError);

      const refused = (await settle(http.getJson('http://127.0.0.1:9/nothing'))).error;
      expect(refused).to.be.instanceOf(data.NetworkError);
      expect((refused as DataError).message).to.contain('127.0.0.1:9');

      expect(fetchCount(win, SCRIPT), 'scripts fetched during the failures').to.equal(
        scriptsBefore,
      );
    });
  });
});
