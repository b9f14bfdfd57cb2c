// Load check of the counter service: `npm run bench:counter` from the repo root.
//
// Starts the service (the built command line, as a separate process) on
// 127.0.0.1 with SQLite and then with a private redis-server, sends a bounded
// number of visits from a fixed number of concurrent keep-alive connections,
// each visit a new session (so each is a durable write), and prints
// sustained visits per second and latency percentiles as a table.
//
// Bounds (environment): BENCH_VISITS (default 3000) per store, BENCH_SECONDS
// (default 20) per store, BENCH_CONCURRENCY (default 16). Loopback only.

import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startCli } from '../test/support/client.mjs';
import { startRedis } from '../test/support/redis.mjs';

function bound(name, fallback, max) {
  const value = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isInteger(value) && value > 0 ? Math.min(value, max) : fallback;
}

const VISITS = bound('BENCH_VISITS', 3000, 100_000);
const SECONDS = bound('BENCH_SECONDS', 20, 120);
const CONCURRENCY = bound('BENCH_CONCURRENCY', 16, 256);
const WARM_UP = 100;

function post(agent, url, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36',
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Sends up to `count` visits within `seconds`; returns the measurements. */
async function load(base, prefix, count, seconds) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const url = `${base}/stats/visit`;
  const latencies = [];
  let next = 0;
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  async function worker() {
    while (next < count && performance.now() < deadline) {
      const body = JSON.stringify({ session: `${prefix}-${(next += 1)}` });
      const t0 = performance.now();
      try {
        const status = await post(agent, url, body);
        if (status !== 200) errors += 1;
      } catch {
        errors += 1;
      }
      latencies.push(performance.now() - t0);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    visits: latencies.length,
    errors,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1],
  };
}

async function measure(label, db) {
  const service = startCli(['--db', db, '--rate-limit', '0']);
  try {
    const base = await service.listening;
    await load(base, 'warm', WARM_UP, SECONDS);
    const result = await load(base, 'bench', VISITS, SECONDS);
    return { label, ...result };
  } finally {
    service.child.kill('SIGTERM');
    await service.exited;
  }
}

const rows = [];
const dir = mkdtempSync(path.join(tmpdir(), 'counter-bench-'));
try {
  rows.push(
    await measure('SQLite (WAL, synchronous=FULL)', `sqlite:${path.join(dir, 'visits.sqlite')}`),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const redis = await startRedis();
if (redis.skipReason) {
  rows.push({ label: 'Redis', skipped: redis.skipReason });
} else {
  try {
    rows.push(await measure('Redis (appendfsync always)', redis.url));
  } finally {
    await redis.stop();
  }
}

const fixed = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const table = [
  '| store | visits | errors | visits/s | p50 ms | p99 ms | max ms |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((row) =>
    row.skipped
      ? `| ${row.label} | skipped: ${row.skipped} | | | | | |`
      : `| ${row.label} | ${row.visits} | ${row.errors} | ${fixed(row.perSecond, 0)} | ${fixed(row.p50, 2)} | ${fixed(row.p99, 2)} | ${fixed(row.max, 2)} |`,
  ),
];
console.log(
  `\nCounter load check: POST /stats/visit, a new session each, ${CONCURRENCY} concurrent keep-alive connections on 127.0.0.1,` +
    ` at most ${VISITS} visits or ${SECONDS} s per store (node ${process.version}).\n`,
);
console.log(table.join('\n'));
if (rows.some((row) => !row.skipped && row.errors > 0)) process.exitCode = 1;
