/**
 * The embedded store: one SQLite file in WAL mode. Visits are written in
 * immediate transactions committed with synchronous=FULL, and a visit is
 * acknowledged only after its transaction committed, so an acknowledged visit
 * is on disk and survives a crash or a kill -9 of the process.
 */

import type { Database as SqliteDatabase } from 'better-sqlite3';
import { counterKeys } from '../periods.js';
import type { CounterStore, CountsQuery, StoredCounts, VisitRecord } from './types.js';

/** How often old day sessions and stale presence are deleted. */
const PRUNE_EVERY_MS = 60 * 1000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS counters (
  name TEXT PRIMARY KEY,
  visits INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS day_sessions (
  day TEXT NOT NULL,
  session TEXT NOT NULL,
  PRIMARY KEY (day, session)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS presence (
  session TEXT PRIMARY KEY,
  seen INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS presence_seen ON presence (seen);
`;

/**
 * Opens (creating if needed) the SQLite database at `file`; `:memory:` keeps
 * everything in memory, for tests.
 */
export async function openSqliteStore(file: string): Promise<CounterStore> {
  let Database: typeof import('better-sqlite3');
  try {
    // Loaded on demand: a Redis deployment, or a test server that never counts, needs no native addon.
    ({ default: Database } = await import('better-sqlite3'));
  } catch (error) {
    throw new Error(
      `The SQLite store needs the better-sqlite3 package: ${(error as Error).message}`,
      { cause: error },
    );
  }
  let db: SqliteDatabase;
  try {
    db = new Database(file);
  } catch (error) {
    throw new Error(`Cannot open the SQLite database "${file}": ${(error as Error).message}`, {
      cause: error,
    });
  }
  db.pragma('journal_mode = WAL');
  // FULL: a commit is fsynced before it returns, so "acknowledged" means "on disk".
  db.pragma('synchronous = FULL');
  // Several processes may share the file; they wait for each other's writes.
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);

  const insertSession = db.prepare(
    'INSERT OR IGNORE INTO day_sessions (day, session) VALUES (?, ?)',
  );
  const increment = db.prepare(
    'INSERT INTO counters (name, visits) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET visits = visits + 1',
  );
  const touch = db.prepare(
    'INSERT INTO presence (session, seen) VALUES (?, ?) ON CONFLICT (session) DO UPDATE SET seen = max(seen, excluded.seen)',
  );
  const pruneSessions = db.prepare('DELETE FROM day_sessions WHERE day < ?');
  const prunePresence = db.prepare('DELETE FROM presence WHERE seen <= ?');
  const selectCounter = db.prepare<[string], { visits: number }>(
    'SELECT visits FROM counters WHERE name = ?',
  );
  const countOnline = db.prepare<[number], { online: number }>(
    'SELECT count(*) AS online FROM presence WHERE seen > ?',
  );
  let lastPrune = Number.NEGATIVE_INFINITY;

  /** Counts one visit; runs inside the batch's transaction. */
  const visit = (record: VisitRecord): boolean => {
    const keys = counterKeys(record.periods);
    const counted = insertSession.run(record.periods.day, record.session).changes === 1;
    if (counted) {
      for (const name of [keys.today, keys.week, keys.month, keys.year, keys.total]) {
        increment.run(name);
      }
    }
    touch.run(record.session, record.at);
    if (Math.abs(record.at - lastPrune) >= PRUNE_EVERY_MS) {
      // Only today's sessions are needed to count each once; yesterday's stay for clock skew.
      pruneSessions.run(record.periods.yesterday);
      prunePresence.run(record.onlineCutoff);
      lastPrune = record.at;
    }
    return counted;
  };

  const read = db.transaction((query: CountsQuery): StoredCounts => {
    const keys = counterKeys(query.periods);
    const value = (name: string) => selectCounter.get(name)?.visits ?? 0;
    return {
      online: countOnline.get(query.onlineCutoff)?.online ?? 0,
      today: value(keys.today),
      yesterday: value(keys.yesterday),
      week: value(keys.week),
      month: value(keys.month),
      year: value(keys.year),
      total: value(keys.total),
    };
  });

  // Group commit: visits that arrive while a commit is being synced wait for the
  // next turn of the event loop and share one transaction (and one fsync). Each
  // caller is answered only after the transaction holding its visit committed.
  let pending: {
    record: VisitRecord;
    resolve: (counted: boolean) => void;
    reject: (error: unknown) => void;
  }[] = [];
  const commitPending = db.transaction((batch: typeof pending): boolean[] =>
    batch.map(({ record }) => visit(record)),
  );
  function flush(): void {
    const batch = pending;
    pending = [];
    let results: boolean[];
    try {
      // IMMEDIATE takes the write lock up front, so two processes never both count a session.
      results = commitPending.immediate(batch);
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    batch.forEach((waiting, i) => waiting.resolve(results[i]));
  }

  return {
    kind: 'sqlite',
    recordVisit(record) {
      return new Promise((resolve, reject) => {
        if (!db.open) {
          reject(new Error('The SQLite database is closed.'));
          return;
        }
        if (pending.length === 0) setImmediate(flush);
        pending.push({ record, resolve, reject });
      });
    },
    async read(query) {
      return read(query);
    },
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (pending.length > 0) flush();
      if (db.open) db.close();
    },
  };
}
