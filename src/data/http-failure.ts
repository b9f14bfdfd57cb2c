/**
 * What the HTTP client does when a request fails: reading and classifying an
 * error answer, wording a transport failure, and waiting before a retry.
 * Part of the bundle, never a chunk of its own: a page that has just lost its
 * network or its script server must still be able to fail well and retry.
 */

import { DataError, HttpError, type HttpErrorBody, NetworkError, TimeoutError } from './errors.js';
import { isRecord } from './shapes.js';

/**
 * @internal A failed attempt: its error, whether a read may try again, and
 * when the server asked it to (`Retry-After`).
 */
export interface FailedAttempt {
  ok: false;
  error: DataError;
  retryable: boolean;
  retryAfterMs?: number;
}

/** @internal The error of a request that its caller aborted. */
export function abortError(url: string, reason?: unknown): DataError {
  return new DataError('aborted', `The request to ${url} was aborted`, { url, cause: reason });
}

/** Waits `ms`, or rejects as soon as `signal` aborts (so a backoff never outlives its callers). */
function sleep(ms: number, signal: AbortSignal, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(abortError(url, signal.reason));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError(url, signal.reason));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP-date. */
function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - Date.now());
}

// An error answer is read only this far: its code and message come first, and a huge page is not wanted.
const ERROR_BODY_LIMIT = 8192;

/**
 * The `code` and `message` of a JSON error answer, reading at most
 * {@link ERROR_BODY_LIMIT} bytes; `undefined` for any other answer or when
 * reading fails (the status alone then describes the error).
 */
async function readErrorBody(response: Response): Promise<HttpErrorBody | undefined> {
  const type = response.headers.get('content-type') ?? '';
  if (!/\bjson\b/i.test(type) || !response.body) return undefined;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < ERROR_BODY_LIMIT) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    return undefined;
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  if (size >= ERROR_BODY_LIMIT) return undefined;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
  if (!isRecord(data)) return undefined;
  const body: HttpErrorBody = {};
  const code = typeof data.code === 'string' ? data.code : data.error;
  if (typeof code === 'string' && code !== '') body.code = code.slice(0, 200);
  if (typeof data.message === 'string' && data.message !== '') {
    body.message = data.message.slice(0, 500);
  }
  return body.code === undefined && body.message === undefined ? undefined : body;
}

/**
 * Turns a non-2xx answer other than 404 into an {@link HttpError}, with the
 * code and message of a JSON error body; a read is retried after a 5xx or
 * 429, when the server's `Retry-After` is honoured.
 */
export async function failedAnswer(
  response: Response,
  url: string,
  method: string,
): Promise<FailedAttempt> {
  const status = response.status;
  // A JSON error answer may say why (a code adapters act on); anything else is dropped at once.
  const body = await readErrorBody(response);
  void response.body?.cancel().catch(() => undefined);
  const retryable = method === 'GET' && (status === 429 || status >= 500);
  const error = new HttpError(
    status,
    `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''} from ${url}` +
      (body?.code ? ` (${body.code})` : ''),
    body ? { url, body } : { url },
  );
  const retryAfterMs = retryable ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
  return retryAfterMs === undefined
    ? { ok: false, retryable, error }
    : { ok: false, retryable, error, retryAfterMs };
}

/**
 * A request that got no answer: a {@link TimeoutError} when its time limit
 * ran out (`timedOutAfterMs`, undefined when it did not), otherwise a
 * {@link NetworkError}. Both are worth another attempt.
 */
export function transportFailure(
  error: unknown,
  url: string,
  timedOutAfterMs: number | undefined,
): FailedAttempt {
  if (timedOutAfterMs !== undefined) {
    return { ok: false, retryable: true, error: new TimeoutError(timedOutAfterMs, { url }) };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    retryable: true,
    error: new NetworkError(
      `Could not reach ${url} (${detail}). The server may be down or offline, or it may not allow ` +
        `cross-origin requests from this page (CORS).`,
      { url, cause: error },
    ),
  };
}

/**
 * Waits before attempt `attempt + 1` of a read: the server's `retryAfterMs`,
 * or else exponential backoff with full jitter (so many widgets do not retry
 * in lockstep), never longer than `maxDelayMs`. Rejects with kind `aborted`
 * as soon as `signal` aborts.
 */
export function pauseBeforeRetry(
  attempt: number,
  retryAfterMs: number | undefined,
  baseMs: number,
  maxDelayMs: number,
  signal: AbortSignal,
  url: string,
): Promise<void> {
  const backoff = (): number => Math.random() * Math.min(maxDelayMs, baseMs * 2 ** attempt);
  return sleep(Math.min(retryAfterMs ?? backoff(), maxDelayMs), signal, url);
}
