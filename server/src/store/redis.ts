/**
 * The shared store, for several service instances behind one load balancer:
 * every instance runs the same atomic Lua script on one Redis, so they all
 * count each session once and return the same figures.
 *
 * Keys (under the prefix, `pw-counter:` by default):
 *   visits          hash: one field per period counter (`day:2024-05-03`, `week:…`, `month:…`, `year:…`, `total`)
 *   sessions:{day}  set of the sessions counted that local day; expires after three days
 *   presence        sorted set: session → last seen (ms), for "online"
 *
 * Durability is Redis' own: run it with `appendonly yes` (and `appendfsync always`
 * where not even a second of visits may be lost on a power cut).
 */

import type { Redis as RedisClient } from 'ioredis';
import { counterKeys } from '../periods.js';
import type { CounterStore, StoredCounts } from './types.js';

/**
 * KEYS: 1 the day's session set, 2 the counters hash, 3 the presence sorted set.
 * ARGV: 1 session, 2 now (ms), 3 presence cutoff (ms), 4 session-set lifetime (s),
 * 5… the counter fields to increment.
 * Returns 1 when the session was counted now, 0 when it had been counted that day.
 */
const VISIT_SCRIPT = `
local counted = redis.call('SADD', KEYS[1], ARGV[1])
if counted == 1 then
  redis.call('EXPIRE', KEYS[1], ARGV[4])
  for i = 5, #ARGV do
    redis.call('HINCRBY', KEYS[2], ARGV[i], 1)
  end
end
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', ARGV[3])
return counted
`;

const SESSION_SET_TTL_SECONDS = 3 * 24 * 60 * 60;

interface VisitCommand {
  counterVisit(
    daySessions: string,
    counters: string,
    presence: string,
    session: string,
    now: number,
    cutoff: number,
    ttl: number,
    ...fields: string[]
  ): Promise<number>;
}

export interface RedisStoreOptions {
  /** Prefix of every key, so several counters can share one Redis. Default `pw-counter:`. */
  keyPrefix?: string;
  /** Reports connection trouble (default: console.error, at most once a minute). */
  onError?: (error: Error) => void;
}

/** Connects to Redis at `url` (`redis://host:port/db`, `rediss://` for TLS). */
export async function openRedisStore(
  url: string,
  options: RedisStoreOptions = {},
): Promise<CounterStore> {
  let Redis: typeof RedisClient;
  try {
    ({ Redis } = await import('ioredis'));
  } catch (error) {
    throw new Error(`The Redis store needs the ioredis package: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const prefix = options.keyPrefix ?? 'pw-counter:';
  let lastReport = Number.NEGATIVE_INFINITY;
  const onError =
    options.onError ??
    ((error: Error) => {
      if (Date.now() - lastReport < 60_000) return;
      lastReport = Date.now();
      console.error(`Redis store: ${error.message}`);
    });

  const client = new Redis(url, {
    lazyConnect: true,
    // Fail a request after a short wait rather than hold it while Redis is away;
    // the visit script is idempotent, so a retried one never double-counts.
    maxRetriesPerRequest: 2,
    connectTimeout: 5000,
  });
  client.on('error', onError);
  client.defineCommand('counterVisit', { numberOfKeys: 3, lua: VISIT_SCRIPT });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.disconnect();
    throw new Error(`Cannot connect to Redis at ${url}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const commands = client as unknown as RedisClient & VisitCommand;
  const countersKey = `${prefix}visits`;
  const presenceKey = `${prefix}presence`;

  return {
    kind: 'redis',
    async recordVisit(record) {
      const keys = counterKeys(record.periods);
      const counted = await commands.counterVisit(
        `${prefix}sessions:${record.periods.day}`,
        countersKey,
        presenceKey,
        record.session,
        record.at,
        record.onlineCutoff,
        SESSION_SET_TTL_SECONDS,
        keys.today,
        keys.week,
        keys.month,
        keys.year,
        keys.total,
      );
      return counted === 1;
    },
    async read(query): Promise<StoredCounts> {
      const keys = counterKeys(query.periods);
      // One MULTI, so the figures are a consistent snapshot.
      const replies = await client
        .multi()
        .hmget(
          countersKey,
          keys.today,
          keys.yesterday,
          keys.week,
          keys.month,
          keys.year,
          keys.total,
        )
        .zcount(presenceKey, `(${query.onlineCutoff}`, '+inf')
        .exec();
      if (!replies) throw new Error('Redis discarded the read transaction.');
      for (const [error] of replies) if (error) throw error;
      const values = (replies[0][1] as (string | null)[]).map((v) => (v === null ? 0 : Number(v)));
      return {
        online: Number(replies[1][1]),
        today: values[0],
        yesterday: values[1],
        week: values[2],
        month: values[3],
        year: values[4],
        total: values[5],
      };
    },
    async ping() {
      await client.ping();
    },
    async close() {
      try {
        await client.quit();
      } catch {
        client.disconnect();
      }
    },
  };
}
