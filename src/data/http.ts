/**
 * The one HTTP layer under every adapter: per-attempt timeouts, retries with
 * backoff for reads, one network request for identical in-flight reads, a
 * bounded cache with stale-while-revalidate, and typed errors. The client
 * below joins two parts: the transport (http-transport.ts: attempts, retries,
 * timeouts, decoding) and the cache with its request sharing (http-cache.ts).
 */

import { ConfigError } from './errors.js';
import { abortError } from './http-failure.js';
import { ReadCache } from './http-cache.js';
import {
  type AnyResponse,
  attemptRequest,
  type BodyFormat,
  type FetchLike,
  type JsonResponse,
  readWithRetries,
  type RequestSpec,
  type RetrySettings,
  type TextResponse,
} from './http-transport.js';
import { pageBaseUrl } from './page-url.js';

export type { FetchLike, HttpResponse, JsonResponse, TextResponse } from './http-transport.js';

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

const JSON_ACCEPT = 'application/json';
const TEXT_ACCEPT =
  'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8';

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

/**
 * HTTP client shared by all adapters. Use {@link defaultHttpClient} so that
 * every widget on the page shares its cache and in-flight requests.
 */
export class HttpClient {
  private readonly timeoutMs: number;
  private readonly retry: RetrySettings;
  private readonly fetchImpl: FetchLike;
  private readonly cache: ReadCache<AnyResponse>;

  constructor(options: HttpClientOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retry = {
      retries: Math.max(0, Math.floor(options.retries ?? 2)),
      retryBaseMs: options.retryBaseMs ?? 300,
      retryMaxDelayMs: options.retryMaxDelayMs ?? 30_000,
    };
    this.cache = new ReadCache(
      options.cacheTtlMs ?? 30_000,
      options.staleTtlMs ?? 300_000,
      Math.max(0, Math.floor(options.maxEntries ?? 100)),
    );
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
    const outcome = await attemptRequest(
      this.fetchImpl,
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
    this.cache.store(key, { url: resolved, status: 200, headers: {}, data });
  }

  /** Empties the cache (requests in flight still complete for their callers, but are not stored). */
  clear(): void {
    this.cache.clear();
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
    return this.cache.read(
      cacheKey(format, resolved, headers),
      (flightSignal, revalidate) =>
        readWithRetries(
          this.fetchImpl,
          revalidate ? { ...spec, cache: 'no-cache' } : spec,
          this.retry,
          flightSignal,
        ),
      options.fresh,
      signal,
      (reason) => abortError(resolved, reason),
    );
  }
}

/**
 * The client shared by every widget and adapter on the page, so identical
 * reads from different widgets share one request and one cache.
 */
export const defaultHttpClient = new HttpClient();
