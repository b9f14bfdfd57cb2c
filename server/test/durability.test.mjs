// Restart durability of the service as a separate process: every visit the
// service acknowledged (2xx) is still counted after a kill -9.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { figures, startCli, stats, visit } from './support/client.mjs';
import { startRedis } from './support/redis.mjs';

/** Visits sequentially, then a concurrent burst; returns how many were acknowledged. */
async function acknowledgedVisits(url, prefix) {
  let acknowledged = 0;
  for (let i = 0; i < 30; i += 1) {
    if ((await visit(url, `${prefix}-seq-${i}`)).status === 200) acknowledged += 1;
  }
  const burst = await Promise.all(
    Array.from({ length: 70 }, (_, i) => visit(url, `${prefix}-burst-${i}`)),
  );
  acknowledged += burst.filter((answer) => answer.status === 200).length;
  return acknowledged;
}

async function killAndRestart(args) {
  const first = startCli(args);
  const url = await first.listening;
  const acknowledged = await acknowledgedVisits(url, 'k');
  assert.equal(acknowledged, 100);
  const before = figures(await stats(url));
  first.child.kill('SIGKILL');
  const { signal } = await first.exited;
  assert.equal(signal, 'SIGKILL');

  const second = startCli(args);
  const again = await second.listening;
  try {
    const after = figures(await stats(again));
    assert.equal(after.total, 100 + 5000);
    assert.equal(after.today, 100);
    assert.deepEqual({ ...after, online: 0 }, { ...before, online: 0 });
    return again;
  } finally {
    second.child.kill('SIGTERM');
    const { code } = await second.exited;
    assert.equal(code, 0, 'SIGTERM stops the service cleanly');
  }
}

describe('durability after kill -9', () => {
  it('SQLite keeps every acknowledged visit', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'counter-kill-'));
    try {
      const db = `sqlite:${path.join(dir, 'visits.sqlite')}`;
      await killAndRestart(['--db', db, '--rate-limit', '0', '--initial-total', '5000']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('on Redis', async () => {
    const redis = await startRedis();
    if (redis.skipReason) console.log(`# Redis tests skipped: ${redis.skipReason}`);
    after(() => redis.stop?.());
    const skip = redis.skipReason ?? false;

    it('keeps every acknowledged visit when the service is killed', { skip }, async () => {
      await killAndRestart(['--db', redis.url, '--rate-limit', '0', '--initial-total', '5000']);
    });

    it(
      'keeps them when Redis itself is killed and restarted (appendonly, fsync always)',
      { skip },
      async () => {
        const service = startCli(['--db', redis.url, '--rate-limit', '0']);
        const url = await service.listening;
        try {
          const before = (await stats(url)).total;
          for (let i = 0; i < 20; i += 1)
            assert.equal((await visit(url, `redis-kill-${i}`)).status, 200);
          await redis.kill('SIGKILL');
          await redis.restart();
          // The client reconnects by itself; the figures come back whole.
          let after;
          for (let attempt = 0; attempt < 50 && after === undefined; attempt += 1) {
            try {
              after = await stats(url);
            } catch {
              await new Promise((resolve) => setTimeout(resolve, 100));
            }
          }
          assert.ok(after, 'the service answers again once Redis is back');
          assert.equal(after.total, before + 20);
        } finally {
          service.child.kill('SIGTERM');
          await service.exited;
        }
      },
    );
  });
});
