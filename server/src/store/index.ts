import { openRedisStore, type RedisStoreOptions } from './redis.js';
import { openSqliteStore } from './sqlite.js';
import type { CounterStore } from './types.js';

export type { CounterStore, CountsQuery, StoredCounts, VisitRecord } from './types.js';
export type { RedisStoreOptions } from './redis.js';

/** The default database: a SQLite file in the working directory. */
export const DEFAULT_DB = 'sqlite:./visits.sqlite';

/** What a `--db` value names. */
export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'redis'; url: string };

/**
 * Reads a database URL: `sqlite:PATH` (`sqlite::memory:` for a throwaway
 * in-memory database) or `redis://HOST:PORT/DB` (`rediss://` for TLS).
 *
 * @throws {RangeError} for anything else.
 */
export function parseDatabaseUrl(db: string): DatabaseTarget {
  const value = db.trim();
  if (/^rediss?:\/\//i.test(value)) {
    try {
      new URL(value);
    } catch {
      throw new RangeError(`"${db}" is not a valid Redis URL (expected redis://HOST:PORT/DB).`);
    }
    return { kind: 'redis', url: value };
  }
  const sqlite = /^sqlite:(.+)$/i.exec(value);
  if (sqlite) {
    // sqlite:///abs/path and sqlite://./rel are accepted as well as sqlite:path.
    const file = sqlite[1].replace(/^\/\/(?=[./])/, '');
    return { kind: 'sqlite', file };
  }
  throw new RangeError(
    `Unknown database "${db}": use sqlite:PATH (e.g. sqlite:./visits.sqlite) or redis://HOST:PORT/DB.`,
  );
}

/** Opens the store a database URL names. */
export function openStore(db: string, redisOptions?: RedisStoreOptions): Promise<CounterStore> {
  const target = parseDatabaseUrl(db);
  return target.kind === 'redis'
    ? openRedisStore(target.url, redisOptions)
    : openSqliteStore(target.file);
}
