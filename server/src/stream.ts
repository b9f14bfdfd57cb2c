/**
 * Server-Sent Events for GET /stats/stream. One timer per service instance
 * reads the figures once a second while anyone listens and pushes them when
 * they differ from the last push: changes are coalesced to at most one event
 * a second, and figures changed by other instances sharing the store (or
 * presence running out) reach every listener too.
 */

import type { ServerResponse } from 'node:http';
import type { VisitStats } from './types.js';

export interface StreamOptions {
  /** How often the figures are read while someone listens (ms). */
  intervalMs: number;
  /** A comment line keeps idle proxies from closing the connection (ms). */
  heartbeatMs: number;
  /** Listeners beyond this are refused. */
  maxClients: number;
  /** Reports a failed read (the stream goes on). */
  onError: (error: unknown) => void;
}

/**
 * A place held for one listener while its first figures are read: taken
 * before the read starts, so listeners arriving together cannot all pass the
 * limit while none of them is a client yet.
 */
export interface StreamSlot {
  /** Turns `res` into an event stream in this place (see {@link StatsStream.reserve}). */
  open(res: ServerResponse, headers: Record<string, string>, first: VisitStats): void;
  /** Gives the place up unused (the read failed); nothing happens once opened. */
  release(): void;
}

/** A client that reads slower than this many buffered bytes is dropped. */
const MAX_BUFFERED_BYTES = 256 * 1024;

/** The figures without their timestamp: what decides whether anything changed. */
function contentKey(stats: VisitStats): string {
  return JSON.stringify({ ...stats, updatedAt: undefined });
}

export class StatsStream {
  private readonly clients = new Set<ServerResponse>();
  /** Slots reserved for listeners whose first figures are still being read. */
  private reserved = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private lastKey: string | undefined;
  private lastWrite = 0;
  private reading = false;
  private closed = false;

  constructor(
    private readonly read: () => Promise<VisitStats>,
    private readonly options: StreamOptions,
  ) {}

  get size(): number {
    return this.clients.size;
  }

  /**
   * Holds a place for one more listener, or answers `undefined` when the
   * listeners and the places already held reach `maxClients`. Call it before
   * reading the first figures, and open or release the slot after.
   */
  reserve(): StreamSlot | undefined {
    if (this.clients.size + this.reserved >= this.options.maxClients) return undefined;
    this.reserved += 1;
    let held = true;
    const release = (): void => {
      if (!held) return;
      held = false;
      this.reserved -= 1;
    };
    return {
      open: (res, headers, first) => {
        if (!held) throw new Error('This stream slot was already used or released.');
        release();
        this.add(res, headers, first);
      },
      release,
    };
  }

  /**
   * Turns `res` into an event stream: the headers, then the current figures
   * at once, then every change. `headers` are added to the response (CORS).
   */
  private add(res: ServerResponse, headers: Record<string, string>, first: VisitStats): void {
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      // nginx would otherwise buffer the stream.
      'X-Accel-Buffering': 'no',
    });
    // The client may have gone while the figures were being read.
    if (this.closed || res.destroyed) {
      res.end();
      return;
    }
    this.clients.add(res);
    res.on('close', () => {
      this.clients.delete(res);
      if (this.clients.size === 0) this.stop();
    });
    // EventSource waits this long before reconnecting after a dropped connection.
    this.write(res, `retry: 3000\ndata: ${JSON.stringify(first)}\n\n`);
    if (this.timer === undefined) {
      // The first listener has just been sent these figures; only a change is news.
      this.lastKey = contentKey(first);
      this.start();
    }
  }

  /** Ends every stream; clients reconnect to another instance or after a restart. */
  close(): void {
    this.closed = true;
    this.stop();
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private start(): void {
    if (this.timer !== undefined || this.closed) return;
    this.lastWrite = Date.now();
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs);
    // Listeners must not keep a process alive that is otherwise done.
    this.timer.unref?.();
  }

  private stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async tick(): Promise<void> {
    if (this.reading || this.clients.size === 0) return;
    this.reading = true;
    try {
      const stats = await this.read();
      const key = contentKey(stats);
      if (key !== this.lastKey) {
        this.lastKey = key;
        this.broadcast(`data: ${JSON.stringify(stats)}\n\n`);
      } else if (Date.now() - this.lastWrite >= this.options.heartbeatMs) {
        this.broadcast(': keep-alive\n\n');
      }
    } catch (error) {
      this.options.onError(error);
    } finally {
      this.reading = false;
    }
  }

  private broadcast(chunk: string): void {
    this.lastWrite = Date.now();
    for (const res of this.clients) this.write(res, chunk);
  }

  private write(res: ServerResponse, chunk: string): void {
    if (res.writableLength > MAX_BUFFERED_BYTES) {
      // A stalled reader; it can reconnect when it catches up.
      res.destroy();
      return;
    }
    res.write(chunk);
  }
}
