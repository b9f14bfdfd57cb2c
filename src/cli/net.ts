/**
 * The command line's HTTP: read-only requests with a timeout, optionally sent
 * with the `Origin` of the page the widgets will live on, and the CORS verdict
 * a browser on that page would reach for each answer.
 */

/** Every request gives up after this long (per request, redirects included). */
export const DEFAULT_TIMEOUT_MS = 10_000;

const USER_AGENT = 'portal-widgets-cli (+https://www.npmjs.com/package/portal-widgets)';

/** An answer, read to the end (bodies larger than 5 MB are cut). */
export interface Answer {
  /** The address asked for. */
  url: string;
  /** The address that answered, after redirects. */
  finalUrl: string;
  status: number;
  headers: Headers;
  contentType: string;
  text: string;
}

/** A request that got no answer at all (DNS, refused, reset, timeout). */
export class Unreachable extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`${url}: ${reason}`);
    this.name = 'Unreachable';
  }
}

export interface AskOptions {
  /** The page origin to send as `Origin` (what a browser on that page sends). */
  origin?: string;
  accept?: string;
  method?: 'GET' | 'OPTIONS' | 'HEAD';
  headers?: Record<string, string>;
  timeoutMs?: number;
}

const MAX_BODY = 5 * 1024 * 1024;

/** Why fetch failed, in a few words: Node hides the reason in `cause`. */
function failureReason(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** Asks `url` once; rejects with {@link Unreachable} when nothing answers. */
export async function ask(url: string, options: AskOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = {
    'user-agent': USER_AGENT,
    accept: options.accept ?? '*/*',
    ...options.headers,
  };
  if (options.origin) headers.origin = options.origin;
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      redirect: 'follow',
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (error) {
    throw new Unreachable(url, failureReason(error));
  }
  let text: string;
  try {
    const body = await response.arrayBuffer();
    text = new TextDecoder().decode(body.byteLength > MAX_BODY ? body.slice(0, MAX_BODY) : body);
  } catch (error) {
    throw new Unreachable(url, failureReason(error));
  }
  return {
    url,
    finalUrl: response.url || url,
    status: response.status,
    headers: response.headers,
    contentType: response.headers.get('content-type') ?? '',
    text,
  };
}

/** The answer's body as JSON, or undefined when it is not JSON. */
export function jsonOf(answer: Answer | undefined): unknown {
  if (!answer) return undefined;
  try {
    return JSON.parse(answer.text);
  } catch {
    return undefined;
  }
}

/** Whether `url` is on another origin than `origin`. */
export function isCrossOrigin(url: string, origin: string): boolean {
  return new URL(url).origin !== new URL(origin).origin;
}

/**
 * What a browser on `origin` would make of the CORS headers of `answer`:
 * undefined when it may read it (same origin, `*`, or its own origin), else
 * what the header said (`null` for none).
 */
export function corsRefusal(answer: Answer, origin: string): { sent: string | null } | undefined {
  if (!isCrossOrigin(answer.finalUrl, origin)) return undefined;
  const allowed = answer.headers.get('access-control-allow-origin');
  if (allowed === '*' || allowed === new URL(origin).origin) return undefined;
  return { sent: allowed };
}
