// The embedded fixture backend: a small, dependency-free implementation of the
// json adapter's default endpoints, serving demo/fixtures/portal.json from
// memory. The demo server, the browser test runner and Storybook all mount it.
//
// Importing this module has no side effects; the fixture file is read the
// first time a backend is created without its own data.

import { createReadStream, readFileSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the demo/fixtures directory (images, logos, files, portal.json). */
export const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** Reads and parses demo/fixtures/portal.json (a fresh copy on every call). */
export function loadFixtureData() {
  return JSON.parse(readFileSync(path.join(fixturesDir, 'portal.json'), 'utf8'));
}

/** How long a session counts as "online" after its last visit. */
const ONLINE_WINDOW_MS = 5 * 60 * 1000;
/** Bound on remembered sessions, so a long-running demo cannot grow without limit. */
const MAX_SESSIONS = 50_000;
/** Bound on a POST body. */
const MAX_BODY_BYTES = 16 * 1024;
const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 10;
/** The portal's own zone is UTC+7 all year (no daylight saving). */
const PORTAL_OFFSET = '+07:00';
const PORTAL_OFFSET_MS = 7 * 60 * 60 * 1000;

const JSON_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

class HttpError extends Error {
  constructor(status, message, headers = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
  }
}

function sendJson(res, status, body, headers = {}, method = 'GET') {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...JSON_HEADERS,
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(method === 'HEAD' ? undefined : text);
}

/** Milliseconds since the epoch; an ISO date without an offset is read at UTC+7. */
function timeOf(iso) {
  if (typeof iso !== 'string') return Number.NEGATIVE_INFINITY;
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(iso);
  const withTime = /T/.test(iso) ? iso : `${iso}T00:00:00`;
  const t = Date.parse(hasZone ? iso : `${withTime}${PORTAL_OFFSET}`);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** `2020-02-26T10:05:00+07:00` for the given instant. */
function portalIso(ms) {
  return new Date(ms + PORTAL_OFFSET_MS).toISOString().replace(/\.\d{3}Z$/, PORTAL_OFFSET);
}

function toSummary(article) {
  const summary = {};
  for (const key of ['id', 'title', 'url', 'date', 'summary', 'image', 'category']) {
    if (article[key] !== undefined) summary[key] = article[key];
  }
  return summary;
}

/**
 * Parses a positive integer query parameter. Absent or empty gives `fallback`;
 * anything that is not a whole number ≥ `min` is a 400.
 */
function intParam(params, name, fallback, min) {
  const raw = params.get(name);
  if (raw === null || raw.trim() === '') return fallback;
  if (!/^\s*[+-]?\d+\s*$/.test(raw)) {
    throw new HttpError(400, `Tham số "${name}" phải là số nguyên (nhận được "${raw}").`);
  }
  const value = Number.parseInt(raw, 10);
  if (value < min) {
    throw new HttpError(400, `Tham số "${name}" phải lớn hơn hoặc bằng ${min}.`);
  }
  return value;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    const onData = (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Answer at once and discard the rest; the connection closes afterwards.
        req.off('data', onData);
        req.resume();
        reject(new HttpError(413, 'Nội dung yêu cầu quá lớn.', { Connection: 'close' }));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Creates the fixture backend.
 *
 * @param {object} [options]
 * @param {{ articles: object[], links: object[], stats: object }} [options.data]
 *   the fixture data; defaults to demo/fixtures/portal.json. It is copied, so
 *   counting visits never changes the caller's object.
 * @param {string} [options.basePath] where the endpoints live (default `/api`).
 * @param {() => number} [options.now] clock in ms (tests can freeze time).
 * @returns {((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<boolean>) & { reset(): void }}
 *   a Node request handler that resolves to `true` when it answered the
 *   request and `false` when the URL is not under `basePath`.
 */
export function createFixtureBackend({ data, basePath = '/api', now = Date.now } = {}) {
  const source = structuredClone(data ?? loadFixtureData());
  const base = `/${String(basePath).replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');

  const articles = [...(source.articles ?? [])].sort(
    (a, b) => timeOf(b.date) - timeOf(a.date) || String(a.id).localeCompare(String(b.id)),
  );
  const byId = new Map(articles.map((a) => [a.id, a]));
  const links = source.links ?? [];

  let counters;
  /** session id → time of its last visit (insertion order = first visit). */
  let sessions;
  function reset() {
    counters = { ...(source.stats ?? {}) };
    sessions = new Map();
  }
  reset();

  function onlineSessions(at) {
    let count = 0;
    for (const last of sessions.values()) if (at - last < ONLINE_WINDOW_MS) count += 1;
    return count;
  }

  function currentStats() {
    const at = now();
    const stats = { ...counters };
    stats.online = (counters.online ?? 0) + onlineSessions(at);
    stats.updatedAt = portalIso(at);
    return stats;
  }

  function countVisit(session) {
    const at = now();
    if (session !== undefined && sessions.has(session)) {
      // Already counted: only refresh its "online" time (keep insertion order).
      sessions.set(session, at);
      return;
    }
    for (const key of ['today', 'week', 'month', 'year', 'total']) {
      if (typeof counters[key] === 'number') counters[key] += 1;
    }
    if (session === undefined) return;
    if (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value);
    sessions.set(session, at);
  }

  function listArticles(params) {
    const page = intParam(params, 'page', 1, 1);
    const requested = intParam(params, 'pageSize', DEFAULT_PAGE_SIZE, Number.MIN_SAFE_INTEGER);
    const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, requested));
    const category = params.get('category') || '';
    const matching = category ? articles.filter((a) => a.category?.id === category) : articles;
    const start = (page - 1) * pageSize;
    return {
      items: matching.slice(start, start + pageSize).map(toSummary),
      page,
      pageSize,
      total: matching.length,
      hasMore: start + pageSize < matching.length,
    };
  }

  async function route(req, res, rest, params) {
    const method = req.method ?? 'GET';
    const only = (allowed) => {
      if (!allowed.includes(method)) {
        throw new HttpError(405, `Phương thức ${method} không được hỗ trợ.`, {
          Allow: allowed.join(', '),
        });
      }
    };

    if (rest === '/articles') {
      only(['GET', 'HEAD']);
      return sendJson(res, 200, listArticles(params), {}, method);
    }
    const articleMatch = /^\/articles\/([^/]+)$/.exec(rest);
    if (articleMatch) {
      only(['GET', 'HEAD']);
      let id;
      try {
        id = decodeURIComponent(articleMatch[1]);
      } catch {
        throw new HttpError(400, 'Mã bài viết không hợp lệ.');
      }
      const article = byId.get(id);
      if (!article) throw new HttpError(404, `Không tìm thấy bài viết "${id}".`);
      return sendJson(res, 200, article, {}, method);
    }
    if (rest === '/links') {
      only(['GET', 'HEAD']);
      const group = params.get('group') || '';
      const items = group ? links.filter((l) => l.group === group) : links;
      return sendJson(res, 200, { items }, {}, method);
    }
    if (rest === '/stats') {
      only(['GET', 'HEAD']);
      return sendJson(res, 200, currentStats(), {}, method);
    }
    if (rest === '/stats/visit') {
      only(['POST']);
      const text = (await readBody(req)).trim();
      let session;
      if (text !== '') {
        let body;
        try {
          body = JSON.parse(text);
        } catch {
          throw new HttpError(400, 'Nội dung yêu cầu không phải JSON hợp lệ.');
        }
        if (body === null || typeof body !== 'object' || Array.isArray(body)) {
          throw new HttpError(400, 'Nội dung yêu cầu phải là một đối tượng JSON.');
        }
        if (body.session !== undefined && body.session !== null && body.session !== '') {
          if (typeof body.session !== 'string' || body.session.length > 200) {
            throw new HttpError(400, 'Trường "session" phải là chuỗi không quá 200 ký tự.');
          }
          session = body.session;
        }
      }
      countVisit(session);
      return sendJson(res, 200, currentStats());
    }
    throw new HttpError(404, `Không có điểm cuối ${base}${rest}.`);
  }

  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://fixture.invalid');
    const pathname = url.pathname;
    if (pathname !== base && !pathname.startsWith(`${base}/`)) return false;
    const rest = pathname.slice(base.length).replace(/\/+$/, '');
    try {
      await route(req, res, rest, url.searchParams);
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof HttpError ? error.message : 'Lỗi máy chủ.';
      if (!(error instanceof HttpError)) console.error(error);
      if (!res.headersSent) {
        sendJson(res, status, { error: message }, error.headers ?? {}, req.method);
      } else {
        res.end();
      }
    }
    return true;
  }

  handle.reset = reset;
  return handle;
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.xml': 'application/xml; charset=utf-8',
};

/** The Content-Type for a file name, by its extension. */
export function contentTypeFor(fileName) {
  return CONTENT_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * A handler that serves files from `root` for URLs under `urlPrefix`
 * (e.g. `serveStatic(fixturesDir, '/fixtures/')`). Resolves to `true` when it
 * answered, `false` when the URL is not under the prefix or no such file
 * exists (so the caller can answer 404 or try something else). Only GET and
 * HEAD; dot-files, directories and paths leaving `root` are never served.
 */
export function serveStatic(root, urlPrefix = '/') {
  const rootDir = path.resolve(root);
  let realRoot;
  const prefix = urlPrefix.endsWith('/') ? urlPrefix : `${urlPrefix}/`;

  return async function handleStatic(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const { pathname } = new URL(req.url ?? '/', 'http://static.invalid');
    if (!pathname.startsWith(prefix)) return false;

    let relative;
    try {
      relative = decodeURIComponent(pathname.slice(prefix.length));
    } catch {
      return false;
    }
    if (relative.includes('\0') || relative.includes('\\')) return false;
    const segments = relative.split('/').filter(Boolean);
    if (segments.length === 0 || segments.some((s) => s.startsWith('.'))) return false;

    const filePath = path.resolve(rootDir, ...segments);
    if (!filePath.startsWith(rootDir + path.sep)) return false;

    let info;
    try {
      // Follow symlinks, but only to files that are still inside the root.
      realRoot ??= await realpath(rootDir);
      const real = await realpath(filePath);
      if (!real.startsWith(realRoot + path.sep)) return false;
      info = await stat(real);
    } catch {
      return false;
    }
    if (!info.isFile()) return false;

    res.writeHead(200, {
      'Content-Type': contentTypeFor(filePath),
      'Content-Length': info.size,
      'Last-Modified': info.mtime.toUTCString(),
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    await new Promise((resolve) => {
      const stream = createReadStream(filePath);
      stream.on('error', () => {
        res.destroy();
        resolve();
      });
      stream.on('end', resolve);
      stream.pipe(res);
    });
    return true;
  };
}
