/**
 * Typed errors of the data layer. Widgets map `kind` to a sentence in the
 * user's language; `message` is for developers and logs.
 */

/** What went wrong, coarse enough to explain to a visitor. */
export type DataErrorKind =
  'network' | 'timeout' | 'http' | 'parse' | 'not-found' | 'invalid' | 'config' | 'aborted';

/** Base class of every error the data layer throws. */
export class DataError extends Error {
  readonly kind: DataErrorKind;
  /** The URL that failed, when the error came from a request. */
  readonly url?: string;

  constructor(
    kind: DataErrorKind,
    message: string,
    options: { url?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DataError';
    this.kind = kind;
    this.url = options.url;
  }
}

/** The request never got an HTTP answer (offline, DNS, CORS, connection reset). */
export class NetworkError extends DataError {
  constructor(message: string, options: { url?: string; cause?: unknown } = {}) {
    super('network', message, options);
    this.name = 'NetworkError';
  }
}

/** No answer within the time limit. */
export class TimeoutError extends DataError {
  readonly timeoutMs: number;
  constructor(timeoutMs: number, options: { url?: string } = {}) {
    super('timeout', `No response within ${timeoutMs} ms`, options);
    this.name = 'TimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/**
 * What a backend said in a JSON error answer, e.g. WordPress's
 * `{ "code": "rest_post_invalid_page_number", "message": "…" }`.
 */
export interface HttpErrorBody {
  /** A machine-readable error code (`code`, or `error` when it is a string). */
  code?: string;
  /** The backend's human-readable explanation. */
  message?: string;
}

/** The backend answered with a status other than 2xx (404 is {@link NotFoundError}). */
export class HttpError extends DataError {
  readonly status: number;
  /** The code and message of a JSON error answer, when the backend sent one. */
  readonly body?: HttpErrorBody;
  constructor(
    status: number,
    message: string,
    options: { url?: string; body?: HttpErrorBody } = {},
  ) {
    super('http', message, options);
    this.name = 'HttpError';
    this.status = status;
    if (options.body) this.body = options.body;
  }
}

/** The requested item does not exist (HTTP 404, or an id missing from a feed). */
export class NotFoundError extends DataError {
  readonly status = 404;
  constructor(message: string, options: { url?: string } = {}) {
    super('not-found', message, options);
    this.name = 'NotFoundError';
  }
}

/** The answer could not be read (not JSON, truncated, wrong content type). */
export class ParseError extends DataError {
  constructor(message: string, options: { url?: string; cause?: unknown } = {}) {
    super('parse', message, options);
    this.name = 'ParseError';
  }
}

/** The answer was readable but lacks what the canonical shape requires. */
export class ValidationError extends DataError {
  constructor(message: string, options: { url?: string } = {}) {
    super('invalid', message, options);
    this.name = 'ValidationError';
  }
}

/** The widget or source is set up wrongly (no source, unknown type, bad URL template). */
export class ConfigError extends DataError {
  constructor(message: string) {
    super('config', message);
    this.name = 'ConfigError';
  }
}

/** Wraps anything thrown into a {@link DataError}, so widgets handle one type. */
export function toDataError(error: unknown): DataError {
  if (error instanceof DataError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new DataError('aborted', 'The request was aborted', { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DataError('network', message, { cause: error });
}
