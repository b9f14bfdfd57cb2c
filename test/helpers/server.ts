/**
 * Browser-side helpers for tests that talk to the test server over real HTTP.
 *
 * Fault injection (served by test/server/scenario-middleware.mjs):
 *
 *   const scenario = await createScenario([
 *     { status: 503, headers: { 'retry-after': '1' } },
 *     { body: { items: [] } },
 *   ]);
 *   await source.listArticles(...)  // against `${scenario.base}/articles`
 *   const log = await scenario.log(); // { count, requests: [{ method, url, body, headers, at, aborted }] }
 *
 * Requests to `${scenario.base}/anything` get the scripted responses in
 * order, the last one repeating. `{ fixture: true }` answers from the
 * fixture backend for the same sub-path under `/api`.
 *
 * The fixture backend itself is at {@link FIXTURE_API} (`/api`).
 */

/** Where the fixture backend answers (the json adapter's default endpoints). */
export const FIXTURE_API = '/api';

/** One scripted answer; every field is optional. */
export interface ScenarioResponse {
  /** HTTP status, default 200. */
  status?: number;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /** Raw body bytes as base64 (e.g. invalid UTF-8); see {@link toBase64}. */
  bodyBase64?: string;
  /** Response headers. Content-Type defaults to application/json; "" sends none. */
  headers?: Record<string, string>;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Never answer; the request stays open until the client aborts it. */
  hang?: boolean;
  /** Send the body in small chunks, one every `dripMs`. */
  dripMs?: number;
  /** Chunk size for `dripMs`, default 8 bytes. */
  dripBytes?: number;
  /** Answer from the fixture backend for the same sub-path under /api. */
  fixture?: boolean;
}

/** One request the scenario received. */
export interface LoggedRequest {
  method: string;
  /** Path and query as received, e.g. `/s/ab12/articles?page=1&pageSize=5`. */
  url: string;
  /** The request body as text; null when empty. */
  body: string | null;
  /** Request headers, names in lower case. */
  headers: Record<string, string>;
  /** Arrival time, ms since the epoch (server clock). */
  at: number;
  /** True when the client went away before the answer was complete. */
  aborted: boolean;
}

export interface ScenarioLog {
  count: number;
  requests: LoggedRequest[];
}

export interface Scenario {
  id: string;
  /** URL prefix answered by this scenario, e.g. `/s/ab12`. */
  base: string;
  /** What the server received so far. */
  log(): Promise<ScenarioLog>;
}

function randomId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Creates a scenario with a fresh random id; its requests go to `scenario.base + '/...'`. */
export async function createScenario(responses: ScenarioResponse[]): Promise<Scenario> {
  const id = randomId();
  const response = await fetch(`/__scenario/${id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ responses }),
  });
  if (!response.ok)
    throw new Error(`creating scenario failed: ${response.status} ${await response.text()}`);
  const base = `/s/${id}`;
  return {
    id,
    base,
    async log() {
      const answer = await fetch(`/__scenario/${id}/log`, { cache: 'no-store' });
      if (!answer.ok) throw new Error(`reading scenario log failed: ${answer.status}`);
      return (await answer.json()) as ScenarioLog;
    },
  };
}

/** Base64 of raw bytes, for {@link ScenarioResponse.bodyBase64}. */
export function toBase64(bytes: ArrayLike<number>): string {
  return btoa(String.fromCharCode(...Array.from(bytes)));
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `predicate` (sync or async) until it returns a truthy value, and
 * returns that value; rejects with `message` after `timeout` ms.
 */
export async function waitFor<T>(
  predicate: () => T | Promise<T>,
  message = 'condition was not met',
  { timeout = 5000, interval = 20 }: { timeout?: number; interval?: number } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await predicate();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`waitFor timed out after ${timeout} ms: ${message}`);
    await sleep(interval);
  }
}

/** Waits until the scenario has received at least `count` requests, and returns its log. */
export function waitForRequests(
  scenario: Scenario,
  count: number,
  timeout = 5000,
): Promise<ScenarioLog> {
  return waitFor(
    async () => {
      const log = await scenario.log();
      return log.count >= count ? log : undefined;
    },
    `scenario ${scenario.id} expected ${count} request(s)`,
    { timeout },
  );
}

/**
 * Settles a promise into `{ value }` or `{ error }`, so a test can start a
 * request, act, and inspect the outcome later without unhandled rejections.
 */
export function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}
