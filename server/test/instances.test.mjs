// Several service instances behind one load balancer share one store and
// must count exactly and answer the same figures.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { figures, openStream, startCli, stats, visit } from './support/client.mjs';
import { startRedis } from './support/redis.mjs';

async function twoInstances(db) {
  const a = startCli(['--db', db, '--rate-limit', '0']);
  const b = startCli(['--db', db, '--rate-limit', '0']);
  const urls = await Promise.all([a.listening, b.listening]);
  return {
    urls,
    async stop() {
      a.child.kill('SIGTERM');
      b.child.kill('SIGTERM');
      await Promise.all([a.exited, b.exited]);
    },
  };
}

async function countsExactly(db) {
  const { urls, stop } = await twoInstances(db);
  const [a, b] = urls;
  try {
    // Instance B's listeners hear about visits that instance A counted.
    const stream = openStream(`${b}/stats/stream`);
    await stream.opened;
    const sessions = Array.from({ length: 120 }, (_, i) => `shared-${i}`);
    // Each session reaches both instances at the same time, twice.
    const answers = await Promise.all(
      sessions.flatMap((session) => [
        visit(a, session),
        visit(b, session),
        visit(b, session),
        visit(a, session),
      ]),
    );
    for (const answer of answers) assert.equal(answer.status, 200);
    const [fromA, fromB] = await Promise.all([stats(a), stats(b)]);
    assert.deepEqual(figures(fromA), figures(fromB));
    assert.equal(fromA.today, 120);
    assert.equal(fromA.total, 120);
    assert.equal(fromA.online, 120);

    await visit(a, 'only-through-a');
    const pushed = await stream.next((event) => event.today === 121, { past: true });
    assert.equal(pushed.total, 121);
    stream.close();
  } finally {
    await stop();
  }
}

describe('two instances on one store', () => {
  describe('Redis', async () => {
    const redis = await startRedis();
    if (redis.skipReason) console.log(`# Redis tests skipped: ${redis.skipReason}`);
    after(() => redis.stop?.());

    it(
      'count every session exactly once and answer the same figures',
      { skip: redis.skipReason ?? false },
      async () => {
        await countsExactly(redis.url);
      },
    );
  });

  it('SQLite (two processes on one file) count exactly too', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'counter-two-'));
    try {
      await countsExactly(`sqlite:${path.join(dir, 'visits.sqlite')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
