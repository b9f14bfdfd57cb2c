#!/usr/bin/env node
/**
 * `portal-widgets-counter`: runs the counter service.
 *
 *   npx portal-widgets-counter --port 8787 --host 127.0.0.1 --db sqlite:./visits.sqlite
 */

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_TIME_ZONE } from './periods.js';
import { createCounterServer, type CounterServerOptions } from './server.js';
import { DEFAULT_DB } from './store/index.js';

const USAGE = `Usage: portal-widgets-counter [options]

Serves visit counters for <pw-visit-stats>:
  GET  /stats          the figures (online, today, yesterday, week, month, year, total)
  POST /stats/visit    {"session": "<random id>"} counts a session once per local day
  GET  /stats/stream   Server-Sent Events with the figures when they change
  GET  /health         {"status": "ok"} while the storage answers

Options:
  --port N              port to listen on (default 8787; 0 picks a free one)
  --host ADDRESS        address to listen on (default 127.0.0.1)
  --db URL              sqlite:PATH (default ${DEFAULT_DB}) or redis://HOST:PORT/DB
  --timezone ZONE       IANA zone of the local day, week, month, year (default ${DEFAULT_TIME_ZONE})
  --initial-total N     visits counted before, added to the total (default 0)
  --online-window S     seconds a visitor counts as online (default 300)
  --cors-origin ORIGIN  a site allowed to call the counter from its pages; repeatable,
                        "*" for any (default none: same origin only)
  --trust-proxy         take the client address from X-Forwarded-For (behind a reverse proxy)
  --rate-limit N        requests per minute per client address (default 120; 0 = no limit)
  -h, --help            this help
  -v, --version         the version
`;

class UsageError extends Error {}

function integer(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw.trim()))
    throw new UsageError(`--${name} must be a whole number (got "${raw}").`);
  const value = Number(raw.trim());
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be between ${min} and ${max} (got ${raw}).`);
  }
  return value;
}

function parseOptions(argv: string[]): CounterServerOptions | 'help' | 'version' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        timezone: { type: 'string' },
        'initial-total': { type: 'string' },
        'online-window': { type: 'string' },
        'cors-origin': { type: 'string', multiple: true },
        'trust-proxy': { type: 'boolean' },
        'rate-limit': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const values = parsed.values;
  if (values.help) return 'help';
  if (values.version) return 'version';
  return {
    port: integer('port', values.port, 8787, 0, 65535),
    host: values.host ?? '127.0.0.1',
    db: values.db ?? DEFAULT_DB,
    timeZone: values.timezone,
    initialTotal: integer('initial-total', values['initial-total'], 0, 0),
    onlineWindow: integer('online-window', values['online-window'], 300, 1, 7 * 24 * 3600),
    corsOrigins: values['cors-origin'] ?? [],
    trustProxy: values['trust-proxy'] ?? false,
    rateLimit: integer('rate-limit', values['rate-limit'], 120, 0),
  };
}

async function main(): Promise<void> {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`portal-widgets-counter: ${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  if (options === 'version') {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    process.stdout.write(`${pkg.version}\n`);
    return;
  }

  let counter;
  try {
    counter = await createCounterServer(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'EADDRINUSE'
        ? `port ${options.port} on ${options.host} is already in use; choose another with --port.`
        : (error as Error).message;
    process.stderr.write(`portal-widgets-counter: ${message}\n`);
    process.exitCode = code === undefined && error instanceof RangeError ? 2 : 1;
    return;
  }
  const { server } = counter;
  server.on('error', (error) => {
    process.stderr.write(`portal-widgets-counter: ${error.message}\n`);
  });
  // Tests and the load check read this line to find the port.
  process.stdout.write(
    `portal-widgets-counter listening on ${counter.url} (${String(options.db).replace(/\/\/[^@/]*@/, '//***@')})\n`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: stopping\n`);
    counter.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`portal-widgets-counter: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

await main();
