// The embedded fixture backend: a small, dependency-free implementation of the
// json adapter's default endpoints, serving demo/fixtures/portal.json from
// memory. The demo server, the browser test runner and Storybook all mount it.
//
// Importing this module has no side effects; the fixture file is read the
// first time a backend is created without its own data.

import { createReadStream, readFileSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';

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

/** Content types worth compressing: text, scripts, JSON, XML and SVG (images and fonts are compressed already). */
export function isCompressible(contentType) {
  const type = String(contentType ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (type === 'text/event-stream') return false;
  return (
    type.startsWith('text/') ||
    type === 'application/json' ||
    type === 'application/javascript' ||
    type === 'application/xml' ||
    type === 'image/svg+xml'
  );
}

/**
 * The encoding to answer with for an Accept-Encoding header: `br`, `gzip` or
 * `undefined` (identity). Honours `q=0` and `*`; brotli wins a tie.
 */
export function chooseEncoding(acceptEncoding) {
  const accepted = new Map();
  for (const part of String(acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    accepted.set(name, q ? Number.parseFloat(q[1]) : 1);
  }
  const weight = (name) => accepted.get(name) ?? accepted.get('*') ?? 0;
  const best = ['br', 'gzip'].filter((name) => weight(name) > 0);
  best.sort((a, b) => weight(b) - weight(a));
  return best[0];
}

/** Compresses a whole body; `strong` is for files compressed once and kept. */
export function compressBody(body, encoding, { strong = false } = {}) {
  if (encoding === 'br') {
    return brotliCompressSync(body, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: strong ? 11 : 5,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
  }
  return gzipSync(body, { level: strong ? 9 : 6 });
}

/** Whether a conditional GET can be answered 304 from the ETag or the modification time. */
function notModified(req, etag, mtime) {
  const ifNoneMatch = req.headers?.['if-none-match'];
  if (ifNoneMatch !== undefined) {
    // Weak comparison: a compressed and a plain copy of one file are the same resource.
    const bare = (tag) => tag.trim().replace(/^W\//, '');
    return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((t) => bare(t) === bare(etag));
  }
  const ifModifiedSince = Date.parse(req.headers?.['if-modified-since'] ?? '');
  // HTTP dates have whole seconds.
  return (
    !Number.isNaN(ifModifiedSince) && Math.floor(mtime.getTime() / 1000) * 1000 <= ifModifiedSince
  );
}

/**
 * A handler that serves files from `root` for URLs under `urlPrefix`
 * (e.g. `serveStatic(fixturesDir, '/fixtures/')`). Resolves to `true` when it
 * answered, `false` when the URL is not under the prefix or no such file
 * exists (so the caller can answer 404 or try something else). Only GET and
 * HEAD; dot-files, directories and paths leaving `root` are never served.
 * Every answer carries a weak ETag and Last-Modified, and a conditional GET of
 * an unchanged file is answered 304.
 *
 * @param {string} root the folder to serve.
 * @param {string} [urlPrefix] where it appears in URLs (default `/`).
 * @param {object} [options]
 * @param {boolean} [options.compress] answer text, scripts, JSON and SVG with
 *   brotli or gzip when the client accepts it (default `false`, as the test
 *   runner wants plain files). Each compressed file is kept in memory until it
 *   changes on disk.
 * @param {string | ((relativePath: string) => string)} [options.cacheControl]
 *   the Cache-Control header, or a function of the path below `urlPrefix`
 *   (default `no-cache`: always revalidate).
 */
export function serveStatic(
  root,
  urlPrefix = '/',
  { compress = false, cacheControl = 'no-cache' } = {},
) {
  const rootDir = path.resolve(root);
  let realRoot;
  const prefix = urlPrefix.endsWith('/') ? urlPrefix : `${urlPrefix}/`;
  /** file path → { key, plain, br?, gzip? }, replaced when the file's size or mtime changes. */
  const compressed = new Map();

  /** The file's bytes in `encoding`, compressed once per version of the file. */
  async function encodedBody(filePath, info, encoding) {
    const key = `${info.size}:${info.mtimeMs}`;
    let entry = compressed.get(filePath);
    if (entry?.key !== key) {
      entry = { key, plain: await readFile(filePath) };
      compressed.set(filePath, entry);
    }
    entry[encoding] ??= compressBody(entry.plain, encoding, { strong: true });
    return entry[encoding];
  }

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

    const contentType = contentTypeFor(filePath);
    const compressible = compress && isCompressible(contentType);
    const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const headers = {
      'Cache-Control':
        typeof cacheControl === 'function' ? cacheControl(segments.join('/')) : cacheControl,
      ETag: etag,
      'Last-Modified': info.mtime.toUTCString(),
      'X-Content-Type-Options': 'nosniff',
      // Caches must keep the brotli, gzip and plain copies apart.
      ...(compressible ? { Vary: 'Accept-Encoding' } : {}),
    };
    if (notModified(req, etag, info.mtime)) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }

    const encoding = compressible ? chooseEncoding(req.headers?.['accept-encoding']) : undefined;
    if (encoding) {
      const body = await encodedBody(filePath, info, encoding);
      // A tiny file can grow when compressed; then the plain bytes are sent.
      if (body.length < info.size) {
        res.writeHead(200, {
          ...headers,
          'Content-Type': contentType,
          'Content-Encoding': encoding,
          'Content-Length': body.length,
        });
        res.end(req.method === 'HEAD' ? undefined : body);
        return true;
      }
    }

    res.writeHead(200, { ...headers, 'Content-Type': contentType, 'Content-Length': info.size });
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
