/**
 * The transport under the HTTP client: one request per attempt with its own
 * time limit, retries with backoff for reads, and the decoding of an answer
 * into text or JSON, failures as typed errors. It keeps nothing between calls:
 * caching and sharing reads is http-cache.ts's job, and http.ts joins the two.
 */

import { NotFoundError, ParseError } from './errors.js';
import {
  abortError,
  failedAnswer,
  type FailedAttempt,
  pauseBeforeRetry,
  transportFailure,
} from './http-failure.js';

/** The transport: `fetch` or anything with its signature (for tests of other runtimes, proxies, …). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

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

/** @internal How the body is decoded. */
export type BodyFormat = 'json' | 'text';
/** @internal Either kind of answer. */
export type AnyResponse = JsonResponse | TextResponse;

/** @internal One request as the transport sends it: URL resolved, header names in lower case. */
export interface RequestSpec {
  format: BodyFormat;
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  cache?: RequestCache;
  timeoutMs: number;
}

/** @internal How often, and how patiently, a failed read is tried again. */
export interface RetrySettings {
  /** Extra attempts after the first. */
  retries: number;
  /** Base of the exponential backoff, in ms. */
  retryBaseMs: number;
  /** Longest wait between attempts, also the cap on `Retry-After`, in ms. */
  retryMaxDelayMs: number;
}

type AttemptOutcome = { ok: true; value: AnyResponse } | FailedAttempt;

// Content types that can never hold JSON; an HTML login or error page is the usual culprit.
const NOT_JSON =
  /^(text\/(html|xml|css)|application\/(xhtml\+xml|xml)|image\/|audio\/|video\/|font\/)|\+xml$/i;

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

function parseFailure(message: string, url: string, cause?: unknown): AttemptOutcome {
  return { ok: false, retryable: false, error: new ParseError(message, { url, cause }) };
}

/**
 * @internal Attempts a read until it succeeds, fails for good, or `signal`
 * aborts (every caller has left).
 */
export async function readWithRetries(
  fetchImpl: FetchLike,
  spec: RequestSpec,
  settings: RetrySettings,
  signal: AbortSignal,
): Promise<AnyResponse> {
  for (let attempt = 0; ; attempt += 1) {
    const outcome = await attemptRequest(fetchImpl, spec, signal);
    if (outcome.ok) return outcome.value;
    if (!outcome.retryable || attempt >= settings.retries) throw outcome.error;
    await pauseBeforeRetry(
      attempt,
      outcome.retryAfterMs,
      settings.retryBaseMs,
      settings.retryMaxDelayMs,
      signal,
      spec.url,
    );
  }
}

/**
 * @internal One request with its own timeout. Throws only when `signal`
 * aborts; other failures are outcomes.
 */
export async function attemptRequest(
  fetchImpl: FetchLike,
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
      response = await fetchImpl(url, {
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
      return parseFailure(
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
      return parseFailure(
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
      return parseFailure(`The response from ${finalUrl} is empty; expected JSON.`, finalUrl);
    }
    try {
      return { ok: true, value: { ...base, data: JSON.parse(text) as unknown } };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return parseFailure(
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
