// The handler inside another server: a prefix, other routes passed on
// (Express-style `next`, or the resolved `false`), a store of one's own.

import assert from 'node:assert/strict';
import http from 'node:http';
import { describe, it } from 'node:test';
import { createCounterHandler } from '../dist/index.js';
import { openStream, request, visit } from './support/client.mjs';

function listen(server) {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`));
  });
}

describe('createCounterHandler in a host server', () => {
  it('answers under its base path and passes every other URL on', async () => {
    const counter = createCounterHandler({
      db: 'sqlite::memory:',
      basePath: '/api/',
      rateLimit: 0,
    });
    await counter.ready;
    let passedOn = 0;
    const server = http.createServer((req, res) => {
      // Express-style: the handler calls next() for URLs that are not its own.
      counter(req, res, () => {
        passedOn += 1;
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('host page');
      });
    });
    const base = await listen(server);
    try {
      assert.equal((await request(`${base}/api/stats`)).json.total, 0);
      assert.equal((await visit(`${base}/api`, 'embedded')).json.today, 1);
      assert.equal((await request(`${base}/api/stats/`)).json.today, 1, 'a trailing slash is fine');
      const other = await request(`${base}/api/articles`);
      assert.equal(other.text, 'host page');
      assert.equal((await request(`${base}/stats`)).text, 'host page');
      assert.equal(passedOn, 2);
      assert.equal((await counter.readStats()).today, 1);

      // Closing ends open event streams, so the host server can close too.
      const stream = openStream(`${base}/api/stats/stream`);
      await stream.next();
      const ended = stream.next().catch((error) => error);
      await counter.close();
      assert.match(String(await ended), /the stream closed/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('resolves to false for URLs that are not its own', async () => {
    const counter = createCounterHandler({ db: 'sqlite::memory:' });
    const server = http.createServer(async (req, res) => {
      if (await counter(req, res)) return;
      res.writeHead(418);
      res.end();
    });
    const base = await listen(server);
    try {
      assert.equal((await request(`${base}/elsewhere`)).status, 418);
      assert.equal((await request(`${base}/health`)).status, 200);
    } finally {
      await counter.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('reports a store that cannot open through ready, and answers 503 meanwhile', async () => {
    const counter = createCounterHandler({
      db: 'sqlite:/nonexistent-dir/visits.sqlite',
      onError: () => {},
    });
    await assert.rejects(counter.ready, /Cannot open the SQLite database/);
    const server = http.createServer((req, res) => counter(req, res));
    const base = await listen(server);
    try {
      const answer = await request(`${base}/stats`, { headers: { 'accept-language': 'en' } });
      assert.equal(answer.status, 503);
      assert.equal(answer.json.error, 'storage_unavailable');
      assert.equal(answer.headers.get('retry-after'), '5');
      assert.equal((await request(`${base}/health`)).status, 503);
    } finally {
      await counter.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('counts the days of the zone given as timeZone, or by its older spelling timezone', async () => {
    // 20:00 UTC on 31 December is already 03:00 on 1 January in Hanoi.
    const clock = { at: Date.UTC(2024, 11, 31, 20) };
    const counters = {
      hanoi: createCounterHandler({ db: 'sqlite::memory:', now: () => clock.at }),
      utc: createCounterHandler({ db: 'sqlite::memory:', timeZone: 'UTC', now: () => clock.at }),
      older: createCounterHandler({ db: 'sqlite::memory:', timezone: 'UTC', now: () => clock.at }),
    };
    const servers = [];
    try {
      for (const [name, counter] of Object.entries(counters)) {
        const server = http.createServer((req, res) => counter(req, res));
        servers.push(server);
        assert.equal((await visit(await listen(server), `reader-${name}`)).status, 200);
      }
      // 08:00 in Hanoi: the same local day there, the next one in UTC.
      clock.at = Date.UTC(2025, 0, 1, 1);
      const figuresOf = async (counter) => {
        const { today, yesterday, year } = await counter.readStats();
        return { today, yesterday, year };
      };
      assert.deepEqual(await figuresOf(counters.hanoi), { today: 1, yesterday: 0, year: 1 });
      assert.deepEqual(await figuresOf(counters.utc), { today: 0, yesterday: 1, year: 0 });
      assert.deepEqual(await figuresOf(counters.older), { today: 0, yesterday: 1, year: 0 });
    } finally {
      await Promise.all(Object.values(counters).map((counter) => counter.close()));
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    }
  });

  it('refuses out-of-range options at once', () => {
    assert.throws(
      () => createCounterHandler({ db: 'sqlite::memory:', onlineWindow: 0 }),
      /onlineWindow/,
    );
    assert.throws(
      () => createCounterHandler({ db: 'sqlite::memory:', initialTotal: -1 }),
      /initialTotal/,
    );
    assert.throws(
      () => createCounterHandler({ db: 'sqlite::memory:', rateLimit: 2.5 }),
      /rateLimit/,
    );
    assert.throws(
      () => createCounterHandler({ db: 'sqlite::memory:', timeZone: 'Nowhere' }),
      /Unknown time zone "Nowhere" \(expected an IANA name such as Asia\/Ho_Chi_Minh\)/,
    );
    assert.throws(
      () => createCounterHandler({ db: 'sqlite::memory:', timezone: 'Nowhere' }),
      /Unknown time zone/,
    );
    assert.throws(() => createCounterHandler({ db: 'ftp://x' }), /Unknown database/);
  });
});
