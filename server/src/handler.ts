/**
 * The counter as a plain Node request handler: `(req, res, next?) => Promise<boolean>`.
 * It answers its own routes and resolves to true; for any other URL it calls
 * `next` when given (Express, Connect) and resolves to false, so it can sit in
 * front of other handlers or inside a framework.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { isBot } from './bots.js';
import { errorMessage, languageOf, type ErrorCode } from './messages.js';
import { checkTimeZone, createCalendar, DEFAULT_TIME_ZONE } from './periods.js';
import { RateLimiter } from './rate-limit.js';
import { DEFAULT_DB, openStore } from './store/index.js';
import type { CounterStore } from './store/types.js';
import { StatsStream } from './stream.js';
import type { VisitStats } from './types.js';

/** Options of {@link createCounterHandler}; every one is optional. */
export interface CounterOptions {
  /**
   * Where the counters live: `sqlite:PATH` (default `sqlite:./visits.sqlite`),
   * `sqlite::memory:`, `redis://HOST:PORT/DB`, or a ready {@link CounterStore}.
   */
  db?: string | CounterStore;
  /** URL prefix of the endpoints, e.g. `/api` for `/api/stats`. Default none. */
  basePath?: string;
  /** IANA zone whose days, weeks (from Monday), months and years are counted. Default {@link DEFAULT_TIME_ZONE} (`Asia/Ho_Chi_Minh`). */
  timeZone?: string;
  /** @deprecated The first spelling of {@link CounterOptions.timeZone}, still accepted; `timeZone` wins when both are given. */
  timezone?: string;
  /** Visits counted before this service, added to `total` (e.g. the old counter's 9313603). Default 0. */
  initialTotal?: number;
  /** Seconds a session counts as online after its last visit. Default 300. */
  onlineWindow?: number;
  /** Origins allowed to call from other sites (`https://portal.example.vn`, or `*`). Default none: same origin only. */
  corsOrigins?: readonly string[];
  /** Take the client address from the last X-Forwarded-For entry (behind a reverse proxy). Default false. */
  trustProxy?: boolean;
  /** Requests per minute per client address; 0 turns the limit off. Default 120. */
  rateLimit?: number;
  /** Most simultaneous /stats/stream listeners. Default 10000. */
  maxStreams?: number;
  /** Key prefix in Redis, so several counters can share one server. Default `pw-counter:`. */
  redisKeyPrefix?: string;
  /** The clock, ms since the epoch (tests move it across midnight). Default `Date.now`. */
  now?: () => number;
  /** Where unexpected errors are reported. Default `console.error`. */
  onError?: (error: unknown) => void;
}

/** The handler returned by {@link createCounterHandler}. */
export interface CounterHandler {
  (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): Promise<boolean>;
  /** Settles when the store is open; rejects when it cannot be opened. */
  readonly ready: Promise<void>;
  /** The current figures, as GET /stats answers them. */
  readStats(): Promise<VisitStats>;
  /** Ends the event streams, waits for requests under way, and closes the store. */
  close(): Promise<void>;
}

/** Largest accepted POST body. */
export const MAX_BODY_BYTES = 1024;
/** Longest accepted session id. */
export const MAX_SESSION_LENGTH = 64;

const JSON_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly detail = '',
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}

type Route = 'stats' | 'visit' | 'stream' | 'health';

const ALLOWED_METHODS: Record<Route, string[]> = {
  stats: ['GET', 'HEAD'],
  visit: ['POST'],
  stream: ['GET'],
  health: ['GET', 'HEAD'],
};

function wholeNumber(name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`"${name}" must be a whole number ≥ ${min} (got ${String(value)}).`);
  }
  return value;
}

function normalizeOrigin(origin: string): string {
  if (origin === '*') return origin;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new RangeError(`CORS origin "${origin}" is not a URL such as https://portal.example.vn.`);
  }
  if (url.origin === 'null') throw new RangeError(`CORS origin "${origin}" has no http(s) origin.`);
  return url.origin;
}

/** `::ffff:1.2.3.4` (IPv4 on a dual-stack socket) → `1.2.3.4`. */
function plainAddress(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
}

function isJsonType(contentType: string | undefined): boolean {
  const media = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return media === 'application/json' || /^application\/[\w.+-]+\+json$/.test(media);
}

/** A plain object (not null, not an array): the one test of this kind in the counter. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads at most `max` bytes of body; a longer one is refused with 413. */
function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.off('data', onData);
        // Let the rest drain so the 413 can still be delivered, then close.
        req.resume();
        reject(new HttpError(413, 'body_too_large', String(max), { Connection: 'close' }));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Validates the visit body and returns its session id. */
function sessionFrom(body: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new HttpError(400, 'invalid_json');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid_json');
  }
  if (!isRecord(data)) throw new HttpError(400, 'invalid_body');
  const session = data.session;
  if (session === undefined || session === null || session === '') {
    throw new HttpError(400, 'missing_session');
  }
  if (typeof session !== 'string') throw new HttpError(400, 'invalid_session');
  if (session.length > MAX_SESSION_LENGTH) {
    throw new HttpError(400, 'session_too_long', String(MAX_SESSION_LENGTH));
  }
  if (!/^[\x21-\x7e]+$/.test(session)) throw new HttpError(400, 'invalid_session');
  return session;
}

/**
 * Creates the counter. The store opens in the background; requests wait for
 * it, and {@link CounterHandler.ready} tells when it is open (or why not).
 *
 * @throws {RangeError} for an unknown time zone or an out-of-range option.
 */
export function createCounterHandler(options: CounterOptions = {}): CounterHandler {
  const now = options.now ?? Date.now;
  const calendar = createCalendar(
    checkTimeZone(options.timeZone ?? options.timezone ?? DEFAULT_TIME_ZONE),
  );
  const initialTotal = wholeNumber('initialTotal', options.initialTotal ?? 0, 0);
  const windowMs = wholeNumber('onlineWindow', options.onlineWindow ?? 300, 1) * 1000;
  const rateLimit = wholeNumber('rateLimit', options.rateLimit ?? 120, 0);
  const maxStreams = wholeNumber('maxStreams', options.maxStreams ?? 10_000, 1);
  const origins = new Set((options.corsOrigins ?? []).map(normalizeOrigin));
  const trustProxy = options.trustProxy === true;
  const onError = options.onError ?? ((error: unknown) => console.error(error));
  const base = `/${(options.basePath ?? '').replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');
  const routes = new Map<string, Route>([
    [`${base}/stats`, 'stats'],
    [`${base}/stats/visit`, 'visit'],
    [`${base}/stats/stream`, 'stream'],
    [`${base}/health`, 'health'],
  ]);

  const db = options.db ?? DEFAULT_DB;
  const storePromise: Promise<CounterStore> =
    typeof db === 'string'
      ? openStore(db, { keyPrefix: options.redisKeyPrefix })
      : Promise.resolve(db);
  // Requests report a store that failed to open as 503; `ready` carries the reason.
  storePromise.catch(() => undefined);
  const limiter = rateLimit > 0 ? new RateLimiter(rateLimit, now) : undefined;

  async function readStats(): Promise<VisitStats> {
    const store = await storePromise;
    const at = now();
    const counts = await store.read({ periods: calendar(at), onlineCutoff: at - windowMs });
    return {
      online: counts.online,
      today: counts.today,
      yesterday: counts.yesterday,
      week: counts.week,
      month: counts.month,
      year: counts.year,
      total: initialTotal + counts.total,
      updatedAt: new Date(at).toISOString(),
    };
  }

  const stream = new StatsStream(readStats, {
    intervalMs: 1000,
    heartbeatMs: 15_000,
    maxClients: maxStreams,
    onError,
  });

  function clientAddress(req: IncomingMessage): string {
    if (trustProxy) {
      const forwarded = req.headers['x-forwarded-for'];
      const list = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',');
      // The proxy appends the address it saw last; earlier entries are the client's own claims.
      const last = list
        .map((entry) => entry.trim())
        .filter(Boolean)
        .pop();
      if (last) return plainAddress(last);
    }
    return plainAddress(req.socket.remoteAddress ?? 'unknown');
  }

  /** CORS response headers for an allowed origin; none for same-origin or refused requests. */
  function corsHeaders(origin: string | undefined): Record<string, string> {
    if (origins.size === 0) return {};
    const headers: Record<string, string> = { Vary: 'Origin' };
    if (origin !== undefined && (origins.has('*') || origins.has(origin))) {
      headers['Access-Control-Allow-Origin'] = origins.has('*') ? '*' : origin;
    }
    return headers;
  }

  function send(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string>,
  ): void {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      ...JSON_HEADERS,
      ...headers,
      'Content-Length': String(Buffer.byteLength(text)),
    });
    res.end(req.method === 'HEAD' ? undefined : text);
  }

  function sendError(
    req: IncomingMessage,
    res: ServerResponse,
    error: HttpError,
    cors: Record<string, string>,
  ): void {
    const language = languageOf(req.headers['accept-language']);
    send(
      req,
      res,
      error.status,
      { error: error.code, message: errorMessage(error.code, language, error.detail) },
      { ...cors, ...error.headers, 'Content-Language': language },
    );
  }

  async function withStore<T>(action: (store: CounterStore) => Promise<T>): Promise<T> {
    let store: CounterStore;
    try {
      store = await storePromise;
      return await action(store);
    } catch (error) {
      onError(error);
      throw new HttpError(503, 'storage_unavailable', '', { 'Retry-After': '5' });
    }
  }

  async function serve(route: Route, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const origin = req.headers.origin;
    const cors = corsHeaders(origin);

    if (method === 'OPTIONS') {
      const allow = [...ALLOWED_METHODS[route], 'OPTIONS'].join(', ');
      if (origin !== undefined && !cors['Access-Control-Allow-Origin']) {
        throw new HttpError(403, 'origin_not_allowed', origin, { Allow: allow });
      }
      const preflight: Record<string, string> = { ...cors, Allow: allow };
      if (cors['Access-Control-Allow-Origin']) {
        preflight['Access-Control-Allow-Methods'] = allow;
        const asked = req.headers['access-control-request-headers'];
        preflight['Access-Control-Allow-Headers'] =
          typeof asked === 'string' ? asked : 'Content-Type';
        preflight['Access-Control-Max-Age'] = '600';
      }
      res.writeHead(204, preflight);
      res.end();
      return;
    }

    if (!ALLOWED_METHODS[route].includes(method)) {
      const allow = ALLOWED_METHODS[route].join(', ');
      throw new HttpError(405, 'method_not_allowed', allow, { Allow: allow });
    }

    if (route === 'health') {
      try {
        const store = await storePromise;
        await store.ping();
        send(req, res, 200, { status: 'ok', store: store.kind }, cors);
      } catch (error) {
        send(req, res, 503, { status: 'unavailable', error: (error as Error).message }, cors);
      }
      return;
    }

    if (limiter) {
      const decision = limiter.take(clientAddress(req));
      if (!decision.allowed) {
        const seconds = String(decision.retryAfter);
        throw new HttpError(429, 'rate_limited', seconds, { 'Retry-After': seconds });
      }
    }

    if (route === 'stats') {
      send(req, res, 200, await withStore(() => readStats()), cors);
      return;
    }

    if (route === 'stream') {
      // Reserved before the read: checking the count now and adding after the await
      // would let every request that arrives during the read past the limit.
      const slot = stream.reserve();
      if (!slot) throw new HttpError(503, 'too_many_streams', '', { 'Retry-After': '30' });
      try {
        slot.open(res, cors, await withStore(() => readStats()));
      } finally {
        slot.release();
      }
      return;
    }

    // route === 'visit'
    // A JSON content type is required: browsers cannot send one across sites without a
    // CORS preflight, so pages on other sites cannot inflate the count.
    if (!isJsonType(req.headers['content-type'])) {
      throw new HttpError(415, 'unsupported_media_type');
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
      req.resume();
      throw new HttpError(413, 'body_too_large', String(MAX_BODY_BYTES), { Connection: 'close' });
    }
    const session = sessionFrom(await readBody(req, MAX_BODY_BYTES));
    const stats = await withStore(async (store) => {
      if (!isBot(req.headers['user-agent'])) {
        const at = now();
        await store.recordVisit({
          session,
          at,
          periods: calendar(at),
          onlineCutoff: at - windowMs,
        });
      }
      return readStats();
    });
    send(req, res, 200, stats, cors);
  }

  /** Requests being answered (event streams count only while they start). */
  let inFlight = 0;
  const drained: (() => void)[] = [];

  const handler = async (
    req: IncomingMessage,
    res: ServerResponse,
    next?: (error?: unknown) => void,
  ): Promise<boolean> => {
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://counter.invalid').pathname;
    } catch {
      pathname = '';
    }
    const route = routes.get(pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname);
    if (route === undefined) {
      next?.();
      return false;
    }
    inFlight += 1;
    try {
      await serve(route, req, res);
    } catch (error) {
      const cors = corsHeaders(req.headers.origin);
      if (!(error instanceof HttpError)) onError(error);
      if (res.headersSent) {
        res.destroy();
      } else {
        sendError(
          req,
          res,
          error instanceof HttpError ? error : new HttpError(500, 'internal_error'),
          cors,
        );
      }
    } finally {
      inFlight -= 1;
      if (inFlight === 0) for (const resolve of drained.splice(0)) resolve();
    }
    return true;
  };

  const ready = storePromise.then(() => undefined);
  ready.catch(() => undefined);
  let closing: Promise<void> | undefined;
  return Object.assign(handler, {
    ready,
    readStats,
    close(): Promise<void> {
      closing ??= (async () => {
        stream.close();
        // Let answers under way finish with the store they started with.
        if (inFlight > 0) await new Promise<void>((resolve) => drained.push(resolve));
        try {
          await (await storePromise).close();
        } catch {
          // A store that never opened has nothing to close.
        }
      })();
      return closing;
    },
  });
}
