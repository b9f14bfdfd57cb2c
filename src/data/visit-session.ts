/**
 * The browser-session memory behind "count this page view once per session":
 * a random session id and the set of visit endpoints already told about it.
 * sessionStorage can be missing or throw (privacy modes, sandboxed frames),
 * so everything falls back to memory that lasts as long as the page.
 */

const SESSION_KEY = 'portal-widgets:session';
const VISIT_PREFIX = 'portal-widgets:visit:';
const memory = new Map<string, string>();

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

function readItem(key: string): string | undefined {
  try {
    const value = storage()?.getItem(key);
    if (value !== null && value !== undefined) return value;
  } catch {
    // Fall through to memory.
  }
  return memory.get(key);
}

function writeItem(key: string, value: string | undefined): void {
  if (value === undefined) memory.delete(key);
  else memory.set(key, value);
  try {
    if (value === undefined) storage()?.removeItem(key);
    else storage()?.setItem(key, value);
  } catch {
    // Memory already holds it.
  }
}

function randomId(): string {
  // getRandomValues works on plain-http portals too, where randomUUID is unavailable.
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A random id for this browser session (sessionStorage: this tab, until it closes). */
export function visitSessionId(): string {
  let id = readItem(SESSION_KEY);
  if (!id) {
    id = randomId();
    writeItem(SESSION_KEY, id);
  }
  return id;
}

/** Whether a visit was already recorded at `endpoint` in this session. */
export function isVisitRecorded(endpoint: string): boolean {
  return readItem(VISIT_PREFIX + endpoint) !== undefined;
}

/** Remembers (or forgets, after a failed request) that the visit was recorded at `endpoint`. */
export function setVisitRecorded(endpoint: string, recorded: boolean): void {
  writeItem(VISIT_PREFIX + endpoint, recorded ? '1' : undefined);
}
