/**
 * The one HTTP layer under every adapter: per-attempt timeouts, retries with
 * backoff for reads, one network request for identical in-flight reads, a
 * bounded cache with stale-while-revalidate, and typed errors.
 */

import { ConfigError, NotFoundError, ParseError } from './errors.js';
import {
  abortError,
  failedAnswer,
  type FailedAttempt,
  pauseBeforeRetry,
  transportFailure,
} from './http-failure.js';
import { pageBaseUrl } from './page-url.js';

/** The transport: `fetch` or anything with its signature (for tests of other runtimes, proxies, …). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Settings of an {@link HttpClient}; every one has a sensible default. */
export interface HttpClientOptions {
  /** Time limit of one attempt (headers and body), in ms. Default 10000. */
  timeoutMs?: number;
  /** Extra attempts for a failed read (network error, timeout, 5xx, 429). Default 2. */
  retries?: number;
  /** Base of the exponential backoff, in ms. Default 300. */
  retryBaseMs?: number;
  /** Longest wait between attempts, also the cap on `Retry-After`, in ms. Default 30000. */
  retryMaxDelayMs?: number;
  /** How long a cached answer is used without asking again, in ms. Default 30000. */
  cacheTtlMs?: number;
  /**
   * How long after that a cached answer is still returned at once while it is
   * refreshed in the background (stale-while-revalidate), in ms. Default 300000.
   */
  staleTtlMs?: number;
  /** Most answers kept in the cache (least recently used go first). Default 100. */
  maxEntries?: number;
  /** The transport. Default: the global `fetch`. */
  fetch?: FetchLike;
}

/** Options of a read ({@link HttpClient.getJson}, {@link HttpClient.getText}). */
export interface GetOptions {
  /** Rejects this caller's promise; the request itself stops once every caller sharing it has aborted. */
  signal?: AbortSignal;
  /** Skip cached answers (still shares an in-flight request, and updates the cache). */
  fresh?: boolean;
  /** Extra request headers; they are part of the cache key. */
  headers?: Record<string, string>;
  /** Time limit per attempt for this call, in ms. */
  timeoutMs?: number;
}

/** Options of {@link HttpClient.post}. */
export interface PostOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** What every answer carries. */
export interface HttpResponse {
  /** The final URL (after redirects). */
  url: string;
  status: number;
  /** Response headers, names in lower case (cross-origin: only those the server exposes). */
  headers: Record<string, string>;
}

/** A parsed JSON answer. */
export interface JsonResponse extends HttpResponse {
  /** The parsed body; unvalidated, so adapters pass it through the normalizers. */
  data: unknown;
}

/** A text answer (RSS, Atom, XML). */
export interface TextResponse extends HttpResponse {
  text: string;
}

type BodyFormat = 'json' | 'text';
type AnyResponse = JsonResponse | TextResponse;

interface RequestSpec {
  format: BodyFormat;
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  cache?: RequestCache;
  timeoutMs: number;
}

type AttemptOutcome = { ok: true; value: AnyResponse } | FailedAttempt;

interface Flight {
  url: string;
  promise: Promise<AnyResponse>;
  controller: AbortController;
  /** Callers currently waiting on this request. */
  waiters: number;
  /** Started by stale-while-revalidate: no caller owns it, so it runs to the end. */
  background: boolean;
  settled: boolean;
}

interface CacheEntry {
  value: AnyResponse;
  storedAt: number;
}

const JSON_ACCEPT = 'application/json';
const TEXT_ACCEPT =
  'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8';

// Content types that can never hold JSON; an HTML login or error page is the usual culprit.
const NOT_JSON =
  /^(text\/(html|xml|css)|application\/(xhtml\+xml|xml)|image\/|audio\/|video\/|font\/)|\+xml$/i;

/** Makes the cache key and header merging independent of header-name case. */
function lowerCaseHeaders(
  ...sources: (Record<string, string> | undefined)[]
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const source of sources) {
    if (!source) continue;
    for (const [name, value] of Object.entries(source)) {
      if (typeof value === 'string') result[name.toLowerCase()] = value;
    }
  }
  return result;
}

/** One cache entry per format, URL and request headers (names already lower-case). */
function cacheKey(format: BodyFormat, url: string, headers: Record<string, string>): string {
  const lines = Object.keys(headers)
    .sort()
    .map((name) => `${name}: ${headers[name]}`);
  return ['GET', format, url, ...lines].join('\n');
}

function resolveUrl(url: string): string {
  try {
    return new URL(url, pageBaseUrl()).href;
  } catch {
    throw new ConfigError(`"${url}" is not a valid URL.`);
  }
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 80)}…` : flat;
}

function charsetOf(contentType: string): string {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return match?.[1] ?? 'utf-8';
}

function decoderFor(label: string): TextDecoder {
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    return new TextDecoder('utf-8', { fatal: true });
  }
}

/**
 * HTTP client shared by all adapters. Use {@link defaultHttpClient} so that
 * every widget on the page shares its cache and in-flight requests.
 */
export class HttpClient {
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryBaseMs: number;
  private readonly retryMaxDelayMs: number;
  private readonly cacheTtlMs: number;
  private readonly staleTtlMs: number;
  private readonly maxEntries: number;
  private readonly fetchImpl: FetchLike;
  /** Insertion order doubles as recency order: a hit moves its entry to the end. */
  private readonly cache = new Map<string, CacheEntry>();
  private readonly inflight = new Map<string, Flight>();
  /** Bumped by clear(), so requests already running do not refill the cache with old data. */
  private generation = 0;

  constructor(options: HttpClientOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retries = Math.max(0, Math.floor(options.retries ?? 2));
    this.retryBaseMs = options.retryBaseMs ?? 300;
    this.retryMaxDelayMs = options.retryMaxDelayMs ?? 30_000;
    this.cacheTtlMs = options.cacheTtlMs ?? 30_000;
    this.staleTtlMs = options.staleTtlMs ?? 300_000;
    this.maxEntries = Math.max(0, Math.floor(options.maxEntries ?? 100));
    // Looked up at call time, so a page that replaces fetch later is honoured.
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /**
   * GETs `url` and parses the body as JSON.
   *
   * @throws {DataError} `NetworkError`, `TimeoutError`, `NotFoundError` (404),
   *   `HttpError` (other non-2xx), `ParseError` (not JSON), or kind `aborted`.
   */
  getJson(url: string, options: GetOptions = {}): Promise<JsonResponse> {
    return this.read('json', url, options) as Promise<JsonResponse>;
  }

  /** GETs `url` as text (RSS, Atom, XML), with the same caching, sharing and retries as {@link getJson}. */
  getText(url: string, options: GetOptions = {}): Promise<TextResponse> {
    return this.read('text', url, options) as Promise<TextResponse>;
  }

  /**
   * POSTs `body` as JSON and parses the JSON answer (an empty answer gives
   * `data: null`). Never retried, cached or shared, since it changes state.
   */
  async post(url: string, body: unknown, options: PostOptions = {}): Promise<JsonResponse> {
    const resolved = resolveUrl(url);
    const { signal } = options;
    if (signal?.aborted) throw abortError(resolved, signal.reason);
    let payload: string;
    try {
      payload = JSON.stringify(body ?? null);
    } catch (error) {
      throw new ConfigError(
        `The body for POST ${resolved} cannot be sent as JSON: ${String(error)}`,
      );
    }
    const outcome = await this.attempt(
      {
        format: 'json',
        method: 'POST',
        url: resolved,
        headers: lowerCaseHeaders(
          { accept: JSON_ACCEPT, 'content-type': 'application/json' },
          options.headers,
        ),
        body: payload,
        cache: 'no-store',
        timeoutMs: options.timeoutMs ?? this.timeoutMs,
      },
      signal,
    );
    if (!outcome.ok) throw outcome.error;
    return outcome.value as JsonResponse;
  }

  /**
   * Keeps `data` as the fresh JSON answer of a GET of `url` (with `headers`),
   * for an answer the server gave by another route: the visit POST returns
   * the new figures, so showing them again within the cache time needs no
   * request. A URL that does not parse is ignored.
   */
  remember(url: string, data: unknown, headers?: Record<string, string>): void {
    let resolved: string;
    try {
      resolved = resolveUrl(url);
    } catch {
      return;
    }
    const key = cacheKey('json', resolved, lowerCaseHeaders({ accept: JSON_ACCEPT }, headers));
    this.store(key, { url: resolved, status: 200, headers: {}, data });
  }

  /** Empties the cache (requests in flight still complete for their callers, but are not stored). */
  clear(): void {
    this.cache.clear();
    this.generation += 1;
  }

  private read(format: BodyFormat, url: string, options: GetOptions): Promise<AnyResponse> {
    let resolved: string;
    try {
      resolved = resolveUrl(url);
    } catch (error) {
      return Promise.reject(error);
    }
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(abortError(resolved, signal.reason));

    const headers = lowerCaseHeaders(
      { accept: format === 'json' ? JSON_ACCEPT : TEXT_ACCEPT },
      options.headers,
    );
    const spec: RequestSpec = {
      format,
      method: 'GET',
      url: resolved,
      headers,
      timeoutMs: options.timeoutMs ?? this.timeoutMs,
    };
    const key = cacheKey(format, resolved, headers);

    if (!options.fresh) {
      const entry = this.cache.get(key);
      if (entry) {
        const age = Date.now() - entry.storedAt;
        if (age < this.cacheTtlMs + this.staleTtlMs) {
          this.cache.delete(key);
          this.cache.set(key, entry);
          if (age >= this.cacheTtlMs && !this.inflight.has(key)) {
            this.startFlight(key, { ...spec, cache: 'no-cache' }, true);
          }
          return Promise.resolve(entry.value);
        }
        this.cache.delete(key);
      }
    }

    const flight =
      this.inflight.get(key) ??
      this.startFlight(key, options.fresh ? { ...spec, cache: 'no-cache' } : spec, false);
    return this.join(key, flight, signal);
  }

  private startFlight(key: string, spec: RequestSpec, background: boolean): Flight {
    const controller = new AbortController();
    const generation = this.generation;
    const flight: Flight = {
      url: spec.url,
      controller,
      waiters: 0,
      background,
      settled: false,
      promise: this.run(spec, controller.signal).then((value) => {
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

  /** Gives one caller its own promise on a shared request, rejecting only it when its signal aborts. */
  private join(key: string, flight: Flight, signal: AbortSignal | undefined): Promise<AnyResponse> {
    flight.waiters += 1;
    if (!signal) return flight.promise;
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        reject(abortError(flight.url, signal.reason));
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

  private leave(key: string, flight: Flight): void {
    flight.waiters -= 1;
    if (flight.waiters > 0 || flight.background || flight.settled) return;
    // The last caller is gone: cancel the request, and let the next caller start a new one.
    if (this.inflight.get(key) === flight) this.inflight.delete(key);
    flight.controller.abort();
  }

  private store(key: string, value: AnyResponse): void {
    if (this.maxEntries === 0 || this.cacheTtlMs + this.staleTtlMs <= 0) return;
    this.cache.delete(key);
    this.cache.set(key, { value, storedAt: Date.now() });
    while (this.cache.size > this.maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
  }

  /** Attempts a read until it succeeds, fails for good, or every caller has left. */
  private async run(spec: RequestSpec, signal: AbortSignal): Promise<AnyResponse> {
    for (let attempt = 0; ; attempt += 1) {
      const outcome = await this.attempt(spec, signal);
      if (outcome.ok) return outcome.value;
      if (!outcome.retryable || attempt >= this.retries) throw outcome.error;
      await pauseBeforeRetry(
        attempt,
        outcome.retryAfterMs,
        this.retryBaseMs,
        this.retryMaxDelayMs,
        signal,
        spec.url,
      );
    }
  }

  /** One request with its own timeout. Throws only when `signal` aborts; other failures are outcomes. */
  private async attempt(
    spec: RequestSpec,
    signal: AbortSignal | undefined,
  ): Promise<AttemptOutcome> {
    const { url } = spec;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, spec.timeoutMs);
    const onAbort = (): void => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });

    // Classifies an exception from fetch or from reading the body.
    const failedTransport = (error: unknown): AttemptOutcome => {
      if (signal?.aborted) throw abortError(url, signal.reason);
      return transportFailure(error, url, timedOut ? spec.timeoutMs : undefined);
    };

    try {
      let response: Response;
      try {
        response = await this.fetchImpl(url, {
          method: spec.method,
          headers: spec.headers,
          body: spec.body,
          cache: spec.cache,
          credentials: 'same-origin',
          signal: controller.signal,
        });
      } catch (error) {
        return failedTransport(error);
      }
      const finalUrl = response.url || url;

      if (!response.ok) {
        // A 404 is an expected answer (a missing page of a feed, a lookup by slug):
        // final, and its body unread.
        if (response.status === 404) {
          void response.body?.cancel().catch(() => undefined);
          return {
            ok: false,
            retryable: false,
            error: new NotFoundError(`Not found: ${finalUrl} (HTTP 404)`, { url: finalUrl }),
          };
        }
        // Its body is read within this attempt's time limit.
        return await failedAnswer(response, finalUrl, spec.method);
      }

      const contentType = response.headers.get('content-type') ?? '';
      if (spec.format === 'json' && NOT_JSON.test(contentType.split(';')[0]!.trim())) {
        void response.body?.cancel().catch(() => undefined);
        return this.parseFailure(
          `Expected JSON from ${finalUrl} but got "${contentType}". Is the URL right, ` +
            `or did the server answer with a web page (login, error or SPA fallback page)?`,
          finalUrl,
        );
      }

      let bytes: ArrayBuffer;
      try {
        bytes = await response.arrayBuffer();
      } catch (error) {
        return failedTransport(error);
      }

      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      const base = { url: finalUrl, status: response.status, headers };

      let text: string;
      try {
        text = decoderFor(spec.format === 'json' ? 'utf-8' : charsetOf(contentType)).decode(bytes);
      } catch (error) {
        return this.parseFailure(
          `The response from ${finalUrl} is not valid text in its encoding (e.g. invalid UTF-8).`,
          finalUrl,
          error,
        );
      }

      if (spec.format === 'text') return { ok: true, value: { ...base, text } };

      if (text.trim() === '') {
        // An empty answer is normal for a POST (204) but means a broken endpoint for a read.
        if (spec.method === 'POST' || response.status === 204)
          return { ok: true, value: { ...base, data: null } };
        return this.parseFailure(
          `The response from ${finalUrl} is empty; expected JSON.`,
          finalUrl,
        );
      }
      try {
        return { ok: true, value: { ...base, data: JSON.parse(text) as unknown } };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return this.parseFailure(
          `The response from ${finalUrl} is not valid JSON (${reason}). It starts with: ${snippet(text)}`,
          finalUrl,
          error,
        );
      }
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private parseFailure(message: string, url: string, cause?: unknown): AttemptOutcome {
    return { ok: false, retryable: false, error: new ParseError(message, { url, cause }) };
  }
}

/**
 * The client shared by every widget and adapter on the page, so identical
 * reads from different widgets share one request and one cache.
 */
export const defaultHttpClient = new HttpClient();
