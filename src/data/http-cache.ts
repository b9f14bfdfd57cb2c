/**
 * What the HTTP client keeps between calls: answers in a bounded LRU cache
 * with a fresh and a stale period (stale-while-revalidate), and one load
 * shared by identical reads while it is in flight. It knows nothing of HTTP:
 * it is given a key and a way to load, and http.ts gives it the transport.
 */
import { LruMap } from './lru.js';

/**
 * @internal Starts the load of one key. `revalidate`: the answer must not
 * come from the browser's own HTTP cache (a background refresh, or a caller
 * that asked for a fresh answer).
 */
export type Load<T> = (signal: AbortSignal, revalidate: boolean) => Promise<T>;

interface Flight<T> {
  promise: Promise<T>;
  controller: AbortController;
  /** Callers currently waiting on this load. */
  waiters: number;
  /** Started by stale-while-revalidate: no caller owns it, so it runs to the end. */
  background: boolean;
  settled: boolean;
}

interface CacheEntry<T> {
  value: T;
  storedAt: number;
}

/**
 * @internal The cache and the loads in flight of one client. Both maps stay
 * small with any number of distinct keys: the cache holds at most
 * `maxEntries`, and a flight leaves its map as soon as it settles or its last
 * caller aborts, so it never holds more than what is being asked for at once.
 */
export class ReadCache<T> {
  private readonly entries: LruMap<string, CacheEntry<T>>;
  private readonly inflight = new Map<string, Flight<T>>();
  /** Bumped by clear(), so loads already running do not refill the cache with old data. */
  private generation = 0;

  /**
   * @param ttlMs How long an answer is used without asking again, in ms.
   * @param staleMs How long after that it is still answered at once while it is refreshed, in ms.
   * @param maxEntries Most answers kept; the least recently used go first.
   */
  constructor(
    private readonly ttlMs: number,
    private readonly staleMs: number,
    private readonly maxEntries: number,
  ) {
    this.entries = new LruMap(maxEntries);
  }

  /**
   * Answers `key` from the cache (a stale answer also starts one background
   * refresh), or by joining the load in flight, or by starting `load`. With
   * `fresh` the cache is skipped but a load in flight is still shared. When
   * `signal` aborts, this caller's promise rejects with `aborted(reason)`; the
   * load stops once every caller sharing it has aborted.
   */
  read(
    key: string,
    load: Load<T>,
    fresh: boolean | undefined,
    signal: AbortSignal | undefined,
    aborted: (reason: unknown) => unknown,
  ): Promise<T> {
    if (!fresh) {
      const entry = this.entries.get(key);
      if (entry) {
        const age = Date.now() - entry.storedAt;
        if (age < this.ttlMs + this.staleMs) {
          if (age >= this.ttlMs && !this.inflight.has(key)) this.start(key, load, true, true);
          return Promise.resolve(entry.value);
        }
        this.entries.delete(key);
      }
    }
    const flight = this.inflight.get(key) ?? this.start(key, load, !!fresh, false);
    return this.join(key, flight, signal, aborted);
  }

  /** Keeps `value` as the fresh answer of `key`, evicting the least recently used beyond the bound. */
  store(key: string, value: T): void {
    if (this.maxEntries === 0 || this.ttlMs + this.staleMs <= 0) return;
    this.entries.set(key, { value, storedAt: Date.now() });
  }

  /** Empties the cache; loads in flight still answer their callers but are not stored. */
  clear(): void {
    this.entries.clear();
    this.generation += 1;
  }

  private start(key: string, load: Load<T>, revalidate: boolean, background: boolean): Flight<T> {
    const controller = new AbortController();
    const generation = this.generation;
    const flight: Flight<T> = {
      controller,
      waiters: 0,
      background,
      settled: false,
      promise: load(controller.signal, revalidate).then((value) => {
        if (generation === this.generation) this.store(key, value);
        return value;
      }),
    };
    void flight.promise
      .finally(() => {
        flight.settled = true;
        if (this.inflight.get(key) === flight) this.inflight.delete(key);
      })
      // A background refresh, or one whose callers all left, has nobody to report to.
      .catch(() => undefined);
    this.inflight.set(key, flight);
    return flight;
  }

  /** Gives one caller its own promise on a shared load, rejecting only it when its signal aborts. */
  private join(
    key: string,
    flight: Flight<T>,
    signal: AbortSignal | undefined,
    aborted: (reason: unknown) => unknown,
  ): Promise<T> {
    flight.waiters += 1;
    if (!signal) return flight.promise;
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        reject(aborted(signal.reason));
        this.leave(key, flight);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  private leave(key: string, flight: Flight<T>): void {
    flight.waiters -= 1;
    if (flight.waiters > 0 || flight.background || flight.settled) return;
    // The last caller is gone: cancel the load, and let the next caller start a new one.
    if (this.inflight.get(key) === flight) this.inflight.delete(key);
    flight.controller.abort();
  }
}
