// What every store must do, run once per store against a real listening
// server: `describeCounter('SQLite', { database })` where `database()` returns
// the options (`db`, and for Redis a key prefix) of a fresh, empty database
// each time it is called, and `slowStore(ms)`, when the store can be made to
// hold its answers for a while, resolves once it does.

import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createCounterServer } from '../../dist/index.js';
import { BROWSER_UA, figures, getAtOnce, openStream, request, stats, visit } from './client.mjs';

/** An instant given as local time in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
export function hanoi(year, month, day, hour = 0, minute = 0, second = 0) {
  return Date.UTC(year, month - 1, day, hour - 7, minute, second);
}

/** A clock the tests move by hand. */
export function manualClock(start) {
  const clock = { at: start, now: () => clock.at };
  return clock;
}

const ZERO = { online: 0, today: 0, yesterday: 0, week: 0, month: 0, year: 0, total: 0 };

export function describeCounter(label, { database, skip, slowStore }) {
  describe(`counter on ${label}`, { skip }, () => {
    const open = [];
    after(async () => {
      await Promise.all(open.map((server) => server.close()));
    });

    /** A counter on a fresh database (or on the one given, to reopen it), on a free port. */
    async function start(options = {}) {
      const server = await createCounterServer({
        port: 0,
        rateLimit: 0,
        ...database(),
        ...options,
      });
      open.push(server);
      return server;
    }

    it('answers zero figures, plus the carried-over total, on a new database', async () => {
      const { url } = await start({ initialTotal: 9313603 });
      const first = await stats(url);
      assert.deepEqual(figures(first), { ...ZERO, total: 9313603 });
      assert.ok(!Number.isNaN(Date.parse(first.updatedAt)), 'updatedAt is an ISO date');
      const head = await request(`${url}/stats`, { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal(head.text, '');
      assert.equal(head.headers.get('cache-control'), 'no-store');
    });

    it('counts a session once per local day and answers the new figures', async () => {
      const clock = manualClock(hanoi(2024, 5, 3, 9, 30));
      const { url } = await start({ now: clock.now, initialTotal: 100 });
      const first = await visit(url, 'session-a');
      assert.equal(first.status, 200);
      assert.deepEqual(figures(first.json), {
        online: 1,
        today: 1,
        yesterday: 0,
        week: 1,
        month: 1,
        year: 1,
        total: 101,
      });
      assert.equal(first.json.updatedAt, new Date(clock.at).toISOString());
      clock.at += 60_000;
      const again = await visit(url, 'session-a');
      assert.deepEqual(figures(again.json), figures(first.json));
      const other = await visit(url, 'session-b');
      assert.equal(other.json.today, 2);
      assert.equal(other.json.online, 2);
      assert.equal(other.json.total, 102);
      assert.deepEqual(figures(await stats(url)), figures(other.json));
    });

    it('rolls days, weeks, months and years over at local midnight (injected clock)', async () => {
      // Tuesday 31 December 2024, a minute before midnight in Hanoi (16:59 UTC).
      const clock = manualClock(hanoi(2024, 12, 31, 23, 59));
      const { url } = await start({ now: clock.now });
      await visit(url, 'a');
      await visit(url, 'b');
      assert.deepEqual(figures(await stats(url)), {
        online: 2,
        today: 2,
        yesterday: 0,
        week: 2,
        month: 2,
        year: 2,
        total: 2,
      });

      // Wednesday 1 January 2025, 00:00:30 local (still 17:00 UTC on the 31st).
      clock.at = hanoi(2025, 1, 1, 0, 0, 30);
      assert.deepEqual(figures(await stats(url)), {
        online: 2,
        today: 0,
        yesterday: 2,
        week: 2,
        month: 0,
        year: 0,
        total: 2,
      });
      // A new day: the same session counts again.
      await visit(url, 'a');
      assert.deepEqual(figures(await stats(url)), {
        online: 2,
        today: 1,
        yesterday: 2,
        week: 3,
        month: 1,
        year: 1,
        total: 3,
      });

      // Monday 6 January 2025 starts a new week; Sunday the 5th had no visits.
      clock.at = hanoi(2025, 1, 6, 8);
      assert.deepEqual(figures(await stats(url)), {
        online: 0,
        today: 0,
        yesterday: 0,
        week: 0,
        month: 1,
        year: 1,
        total: 3,
      });
      await visit(url, 'c');
      clock.at = hanoi(2025, 1, 7, 8);
      assert.deepEqual(figures(await stats(url)), {
        online: 0,
        today: 0,
        yesterday: 1,
        week: 1,
        month: 2,
        year: 2,
        total: 4,
      });
    });

    it('counts sessions online within the window, refreshed by every visit call', async () => {
      const clock = manualClock(hanoi(2024, 6, 1, 10));
      const { url } = await start({ now: clock.now, onlineWindow: 300 });
      await visit(url, 'reader-1');
      await visit(url, 'reader-2');
      clock.at += 200_000;
      // reader-1 is still reading: its call refreshes its presence without counting it again.
      const refreshed = await visit(url, 'reader-1');
      assert.equal(refreshed.json.online, 2);
      assert.equal(refreshed.json.today, 2);
      clock.at += 200_000;
      assert.equal((await stats(url)).online, 1, 'reader-2 left 400 s ago');
      clock.at += 100_000;
      assert.equal((await stats(url)).online, 0, 'the window is exclusive at 300 s');
      assert.equal((await stats(url)).today, 2);
    });

    it('counts concurrent visits exactly: no session dropped, none counted twice', async () => {
      const { url } = await start();
      const sessions = Array.from({ length: 150 }, (_, i) => `concurrent-${i}`);
      // Every session three times, all at once and interleaved.
      const calls = [...sessions, ...sessions, ...sessions].map((session) => visit(url, session));
      const answers = await Promise.all(calls);
      for (const answer of answers) assert.equal(answer.status, 200);
      const now = await stats(url);
      assert.equal(now.today, 150);
      assert.equal(now.total, 150);
      assert.equal(now.online, 150);
      // The final answers agree with one another: the last count seen is the full one.
      assert.equal(Math.max(...answers.map((answer) => answer.json.today)), 150);
    });

    it('keeps every acknowledged visit across a restart on the same database', async () => {
      const db = database();
      const first = await start({ ...db, initialTotal: 10 });
      for (let i = 0; i < 25; i += 1)
        assert.equal((await visit(first.url, `restart-${i}`)).status, 200);
      const before = figures(await stats(first.url));
      await first.close();
      const second = await start({ ...db, initialTotal: 10 });
      assert.deepEqual(figures(await stats(second.url)), before);
      assert.equal(before.total, 35);
      // Sessions counted before the restart are still known.
      assert.equal((await visit(second.url, 'restart-0')).json.today, 25);
    });

    it('refuses bad input with a 4xx JSON error and changes nothing', async () => {
      const { url } = await start();
      const post = (body, headers = {}) =>
        request(`${url}/stats/visit`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        });
      const cases = [
        ['malformed JSON', () => post('{"session": "abc"'), 400, 'invalid_json'],
        ['invalid UTF-8', () => post(Buffer.from([0x7b, 0xff, 0x7d])), 400, 'invalid_json'],
        ['an empty body', () => post(''), 400, 'invalid_json'],
        ['a JSON array', () => post('["abc"]'), 400, 'invalid_body'],
        ['a JSON string', () => post('"abc"'), 400, 'invalid_body'],
        ['no session', () => post('{}'), 400, 'missing_session'],
        ['an empty session', () => post('{"session": ""}'), 400, 'missing_session'],
        ['a numeric session', () => post('{"session": 42}'), 400, 'invalid_session'],
        ['an object session', () => post('{"session": {"id": 1}}'), 400, 'invalid_session'],
        ['a session with spaces', () => post('{"session": "a b"}'), 400, 'invalid_session'],
        [
          'a 65-character session',
          () => post(JSON.stringify({ session: 'x'.repeat(65) })),
          400,
          'session_too_long',
        ],
        [
          'a body over 1 KB',
          () => post(JSON.stringify({ session: 'abc', padding: 'p'.repeat(1100) })),
          413,
          'body_too_large',
        ],
        [
          'a form post',
          () => post('session=abc', { 'content-type': 'application/x-www-form-urlencoded' }),
          415,
          'unsupported_media_type',
        ],
        [
          'text/plain JSON',
          () => post('{"session": "abc"}', { 'content-type': 'text/plain' }),
          415,
          'unsupported_media_type',
        ],
        [
          'GET on the visit endpoint',
          () => request(`${url}/stats/visit`),
          405,
          'method_not_allowed',
        ],
        [
          'DELETE on the figures',
          () => request(`${url}/stats`, { method: 'DELETE' }),
          405,
          'method_not_allowed',
        ],
        [
          'POST on the stream',
          () => request(`${url}/stats/stream`, { method: 'POST' }),
          405,
          'method_not_allowed',
        ],
      ];
      for (const [name, send, status, code] of cases) {
        const answer = await send();
        assert.equal(answer.status, status, `${name}: status`);
        assert.match(answer.headers.get('content-type'), /^application\/json/, `${name}: JSON`);
        assert.equal(answer.json?.error, code, `${name}: error code`);
        assert.ok(answer.json.message.length > 10, `${name}: a message`);
        assert.doesNotMatch(answer.json.message, /undefined|NaN|\[object/, `${name}: readable`);
      }
      const wrongMethod = await request(`${url}/stats/visit`);
      assert.equal(wrongMethod.headers.get('allow'), 'POST');
      // The message follows the client's language: Vietnamese by default, English on request.
      const vi = await post('{');
      assert.equal(vi.headers.get('content-language'), 'vi');
      assert.match(vi.json.message, /JSON hợp lệ/);
      const en = await post('{', { 'accept-language': 'en-GB,en;q=0.8' });
      assert.equal(en.headers.get('content-language'), 'en');
      assert.equal(en.json.message, 'The request body is not valid JSON.');
      // A 64-character session is fine; nothing before it was counted.
      const longest = await visit(url, 'y'.repeat(64));
      assert.equal(longest.status, 200);
      assert.deepEqual(figures(longest.json), {
        ...ZERO,
        online: 1,
        today: 1,
        week: 1,
        month: 1,
        year: 1,
        total: 1,
      });
    });

    it('answers bots with the figures but does not count them', async () => {
      const { url } = await start();
      const crawlers = [
        'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
        'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
        'Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)',
        'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
        'python-requests/2.31.0',
      ];
      for (const [i, ua] of crawlers.entries()) {
        const answer = await visit(url, `bot-${i}`, { 'user-agent': ua });
        assert.equal(answer.status, 200, ua);
        assert.equal(answer.json.today, 0, ua);
        assert.equal(answer.json.online, 0, ua);
      }
      const person = await visit(url, 'person', { 'user-agent': BROWSER_UA });
      assert.equal(person.json.today, 1);
    });

    it('pushes changed figures over Server-Sent Events, coalesced', async () => {
      const { url } = await start();
      const started = Date.now();
      const stream = openStream(`${url}/stats/stream`);
      const { status, headers } = await stream.opened;
      assert.equal(status, 200);
      assert.match(headers['content-type'], /^text\/event-stream/);
      assert.equal(headers['cache-control'], 'no-store');
      const first = await stream.next(() => true, { past: true });
      assert.deepEqual(figures(first), ZERO);

      await visit(url, 'watched-1');
      const one = await stream.next((event) => event.today === 1, { past: true });
      assert.equal(one.online, 1);

      // A burst of visits arrives as a few events, not one per visit.
      await Promise.all(Array.from({ length: 20 }, (_, i) => visit(url, `burst-${i}`)));
      const all = await stream.next((event) => event.today === 21, { past: true });
      assert.equal(all.total, 21);
      const elapsedSeconds = (Date.now() - started) / 1000;
      // At most one event a second (plus the first one, sent on connect).
      assert.ok(
        stream.events.length <= Math.ceil(elapsedSeconds) + 1,
        `${stream.events.length} events in ${elapsedSeconds.toFixed(1)} s`,
      );
      for (let i = 1; i < stream.events.length; i += 1) {
        assert.notDeepEqual(
          figures(stream.events[i]),
          figures(stream.events[i - 1]),
          'only changes are pushed',
        );
      }
      stream.close();
    });

    it('accepts exactly maxStreams event streams opened at once, and refuses the rest with 503', async () => {
      const limit = 3;
      const { url } = await start({ maxStreams: limit });
      // Every request arrives while the first figures are still being read, as in a
      // reconnect storm against a busy store: the limit must count streams still starting.
      // (SQLite reads without yielding, so there the requests are simply queued.)
      await slowStore?.(300);
      const answers = await getAtOnce(`${url}/stats/stream`, limit * 4, {
        'accept-language': 'en',
      });
      try {
        const accepted = answers.filter((answer) => answer.status === 200);
        const refused = answers.filter((answer) => answer.status !== 200);
        assert.equal(accepted.length, limit, 'streams accepted');
        assert.equal(refused.length, limit * 3, 'streams refused');
        for (const answer of accepted) {
          assert.match(answer.headers['content-type'], /^text\/event-stream/);
        }
        for (const answer of refused) {
          assert.equal(answer.status, 503);
          assert.equal(answer.headers['retry-after'], '30');
          const body = JSON.parse(await answer.body);
          assert.equal(body.error, 'too_many_streams');
          assert.equal(body.message, 'The server has too many live connections; try again later.');
        }
      } finally {
        for (const answer of answers) answer.close();
      }
    });

    it('allows only the configured origins (CORS), same origin by default', async () => {
      const plain = await start();
      const foreign = { origin: 'https://other.example' };
      const noCors = await request(`${plain.url}/stats`, { headers: foreign });
      assert.equal(noCors.headers.get('access-control-allow-origin'), null);
      const noPreflight = await request(`${plain.url}/stats/visit`, {
        method: 'OPTIONS',
        headers: { ...foreign, 'access-control-request-method': 'POST' },
      });
      assert.equal(noPreflight.status, 403);
      assert.equal(noPreflight.json.error, 'origin_not_allowed');

      const portal = 'https://portal.example.vn';
      const { url } = await start({ corsOrigins: [portal, 'https://second.example.vn/'] });
      const allowed = await request(`${url}/stats`, { headers: { origin: portal } });
      assert.equal(allowed.headers.get('access-control-allow-origin'), portal);
      assert.match(allowed.headers.get('vary'), /Origin/);
      const second = await request(`${url}/stats`, {
        headers: { origin: 'https://second.example.vn' },
      });
      assert.equal(second.headers.get('access-control-allow-origin'), 'https://second.example.vn');
      const other = await request(`${url}/stats`, { headers: foreign });
      assert.equal(other.headers.get('access-control-allow-origin'), null);

      const preflight = await request(`${url}/stats/visit`, {
        method: 'OPTIONS',
        headers: {
          origin: portal,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), portal);
      assert.match(preflight.headers.get('access-control-allow-methods'), /POST/);
      assert.equal(preflight.headers.get('access-control-allow-headers'), 'content-type');
      const refused = await request(`${url}/stats/visit`, {
        method: 'OPTIONS',
        headers: { ...foreign, 'access-control-request-method': 'POST' },
      });
      assert.equal(refused.status, 403);

      // Errors carry the header too, so the page can read them.
      const bad = await request(`${url}/stats/visit`, {
        method: 'POST',
        headers: { origin: portal, 'content-type': 'application/json' },
        body: '{',
      });
      assert.equal(bad.status, 400);
      assert.equal(bad.headers.get('access-control-allow-origin'), portal);

      const stream = openStream(`${url}/stats/stream`, { origin: portal });
      assert.equal((await stream.opened).headers['access-control-allow-origin'], portal);
      stream.close();
    });

    it('limits requests per address and answers 429 with Retry-After', async () => {
      const clock = manualClock(hanoi(2024, 8, 1, 12));
      const { url } = await start({ now: clock.now, rateLimit: 3, trustProxy: true });
      const from = (address) => ({ 'x-forwarded-for': `203.0.113.9, ${address}` });
      for (let i = 0; i < 3; i += 1) {
        assert.equal((await visit(url, `limited-${i}`, from('198.51.100.1'))).status, 200);
      }
      const refused = await visit(url, 'limited-3', from('198.51.100.1'));
      assert.equal(refused.status, 429);
      assert.equal(refused.json.error, 'rate_limited');
      // Three a minute: one more every 20 s.
      assert.equal(refused.headers.get('retry-after'), '20');
      assert.match(refused.json.message, /20/);
      // Another address has its own allowance; health checks are never limited.
      assert.equal((await visit(url, 'elsewhere', from('198.51.100.2'))).status, 200);
      assert.equal((await request(`${url}/health`, { headers: from('198.51.100.1') })).status, 200);
      clock.at += 20_000;
      assert.equal((await visit(url, 'limited-3', from('198.51.100.1'))).status, 200);
      assert.equal((await stats(url)).today, 5, 'the refused visit was not counted');

      // Without --trust-proxy the header is ignored: every call comes from 127.0.0.1.
      const direct = await start({ now: clock.now, rateLimit: 2 });
      assert.equal((await visit(direct.url, 'd1', from('198.51.100.3'))).status, 200);
      assert.equal((await visit(direct.url, 'd2', from('198.51.100.4'))).status, 200);
      assert.equal((await visit(direct.url, 'd3', from('198.51.100.5'))).status, 429);
    });

    it('reports health with the kind of store', async () => {
      const { url } = await start();
      const health = await request(`${url}/health`);
      assert.equal(health.status, 200);
      assert.equal(health.json.status, 'ok');
      assert.equal(health.json.store, label.toLowerCase());
      const missing = await request(`${url}/nothing-here`);
      assert.equal(missing.status, 404);
      assert.equal(missing.json.error, 'not_found');
    });
  });
}
