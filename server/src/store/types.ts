import type { PeriodKeys } from '../periods.js';

/** The raw figures a store holds; the handler adds the carried-over total and the time. */
export interface StoredCounts {
  online: number;
  today: number;
  yesterday: number;
  week: number;
  month: number;
  year: number;
  /** Visits counted by this store, without any carried-over total. */
  total: number;
}

/** One visit to record. */
export interface VisitRecord {
  /** The client's random session id (already validated). */
  session: string;
  /** When it happened, ms since the epoch. */
  at: number;
  /** The local periods `at` falls in. */
  periods: PeriodKeys;
  /** Presence older than this (ms since the epoch, inclusive) no longer counts as online. */
  onlineCutoff: number;
}

/** What to read. */
export interface CountsQuery {
  periods: PeriodKeys;
  onlineCutoff: number;
}

/**
 * Where the counters live. Every method resolves only once the change is
 * durably stored, so an acknowledged visit survives a crash.
 */
export interface CounterStore {
  /** `sqlite` or `redis`, for /health and logs. */
  readonly kind: string;
  /**
   * Counts the session once per local day and refreshes its presence.
   * Resolves to true when this call counted it, false when it was already counted today.
   */
  recordVisit(visit: VisitRecord): Promise<boolean>;
  read(query: CountsQuery): Promise<StoredCounts>;
  /** Rejects when the storage cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
