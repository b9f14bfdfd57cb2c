// The demo portal server: `npm start` (after `npm run build`) or `node demo/serve.mjs`.
//
//   /             demo/index.html
//   /api/stats... the visit counter service (server/), in-process on a
//                 temporary SQLite file that is deleted when the demo stops
//   /api/...      the embedded fixture backend (json adapter endpoints)
//   /dist/...     the built library
//   /fixtures/... demo/fixtures (images, logos, attachments)
//   /bench/...    the bench's pages (bench/pages), measured on this server
//   /...          other files in demo/
//
// It answers the way a production server should be set up (see
// docs/guide/deploying.md): text, scripts, JSON and SVG compressed with brotli or gzip,
// hashed chunk files cached for a year, entry files for five minutes, the page
// always revalidated. Event streams are never compressed, so they keep flowing.
//
// PORT (default 8000; 0 picks a free port) and HOST (default 127.0.0.1)
// configure where it listens. The first line printed is the page's URL.

import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCounterHandler } from '../server/dist/index.js';
import {
  chooseEncoding,
  compressBody,
  createFixtureBackend,
  fixturesDir,
  isCompressible,
  serveStatic,
} from './fixture-backend.mjs';

const demoDir = fileURLToPath(new URL('./', import.meta.url));
const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
const benchPagesDir = fileURLToPath(new URL('../bench/pages/', import.meta.url));

const port = Number.parseInt(process.env.PORT ?? '', 10);
const listenPort = Number.isInteger(port) && port >= 0 && port < 65536 ? port : 8000;
const host = process.env.HOST || '127.0.0.1';

// A real counter: the stats box counts this browser's visit, and a second
// browser on the page shows up in "online" for both. The seed portal showed
// 9313603 to a visitor whose own visit was already counted, so the counter
// starts one below it: the demo's first visitor sees the seed's 9.313.603.
const counterDir = mkdtempSync(path.join(tmpdir(), 'portal-widgets-demo-'));
process.on('exit', () => rmSync(counterDir, { recursive: true, force: true }));
const counter = createCounterHandler({
  db: `sqlite:${path.join(counterDir, 'visits.sqlite')}`,
  basePath: '/api',
  initialTotal: 9313602,
});

/** A year: a file whose name holds a hash of its content never changes under that name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Five minutes, then revalidated with the ETag: a new release reaches visitors soon after it is deployed. */
const SHORT = 'public, max-age=300';

/**
 * Cache-Control for a file of dist/ by its path there: the chunks rollup names
 * with a content hash (`portal-widgets-<name>-<hash>.min.js`,
 * `chunks/<name>-<hash>.js`) forever, and everything else, including the
 * script tag's `portal-widgets.min.js` and the npm entries, briefly.
 */
function distCacheControl(relativePath) {
  const hashed =
    /^portal-widgets-.+-[\w-]{8}\.min\.js(\.map)?$/.test(relativePath) ||
    /^chunks\/.+-[\w-]{8}\.js(\.map)?$/.test(relativePath);
  return hashed ? IMMUTABLE : SHORT;
}

/**
 * Compresses the dynamic answers (the JSON of /api) the way a reverse proxy
 * would. An answer of a compressible type written in one piece (`end(body)`)
 * is compressed as a whole, with its real Content-Length; anything else,
 * event streams and HEAD answers above all, passes through untouched.
 */
function compressDynamic(req, res) {
  const encoding = chooseEncoding(req.headers['accept-encoding']);
  const writeHead = res.writeHead;
  const write = res.write;
  const end = res.end;
  let held;
  const restore = () => {
    res.writeHead = writeHead;
    res.write = write;
    res.end = end;
  };
  const sendHeld = () => {
    restore();
    if (held) writeHead.call(res, held.status, held.message);
  };

  res.writeHead = function holdHead(status, message, headers) {
    if (typeof message === 'object') [message, headers] = [undefined, message];
    if (headers && !Array.isArray(headers)) {
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    } else if (headers) {
      restore();
      return writeHead.call(res, status, message, headers);
    }
    const type = res.getHeader('content-type');
    if (
      !isCompressible(type) ||
      res.getHeader('content-encoding') ||
      status < 200 ||
      status === 204 ||
      status === 304
    ) {
      restore();
      return writeHead.call(res, status, message);
    }
    // Added to what the handler varies on already (the counter's CORS answers vary on Origin).
    const vary = [res.getHeader('vary')].flat().filter(Boolean).join(', ');
    if (!/(^|,\s*)accept-encoding\b/i.test(vary)) {
      res.setHeader('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    }
    if (req.method === 'HEAD' || !encoding) {
      restore();
      return writeHead.call(res, status, message);
    }
    // Held until the body is known: its compressed length goes into the headers.
    held = { status, message };
    return res;
  };
  res.write = function streamed(...args) {
    sendHeld();
    return write.apply(res, args);
  };
  res.end = function endWhole(body, ...rest) {
    if (!held || body === undefined || typeof body === 'function') {
      sendHeld();
      return end.call(res, body, ...rest);
    }
    const plain = Buffer.isBuffer(body)
      ? body
      : Buffer.from(body, typeof rest[0] === 'string' ? rest[0] : 'utf8');
    const packed = compressBody(plain, encoding);
    res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', packed.length);
    sendHeld();
    return end.call(res, packed, ...rest.filter((arg) => typeof arg === 'function'));
  };
}

const staticOptions = { compress: true };
const serveIndex = serveStatic(demoDir, '/', staticOptions);
const handlers = [
  counter,
  createFixtureBackend({ basePath: '/api' }),
  serveStatic(distDir, '/dist/', { ...staticOptions, cacheControl: distCacheControl }),
  serveStatic(fixturesDir, '/fixtures/', staticOptions),
  serveStatic(benchPagesDir, '/bench/', staticOptions),
  (req, res) => {
    // The page itself, also for deep links such as /?id=…
    const { pathname } = new URL(req.url ?? '/', 'http://demo.invalid');
    if (pathname !== '/') return false;
    return serveIndex({ method: req.method, url: '/index.html', headers: req.headers }, res);
  },
  serveStatic(demoDir, '/', staticOptions),
];

function notFound(req, res) {
  const text = `Không tìm thấy: ${req.url}\n`;
  res.writeHead(404, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : text);
}

const server = http.createServer(async (req, res) => {
  try {
    compressDynamic(req, res);
    for (const handle of handlers) {
      if (await handle(req, res)) return;
    }
    notFound(req, res);
  } catch (error) {
    console.error(error);
    if (!res.headersSent) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
    }
    res.end();
  }
});

server.on('error', (error) => {
  if (error.code === 'EADDRINUSE') {
    console.error(`Port ${listenPort} is already in use; set PORT to use another one.`);
  } else {
    console.error(error);
  }
  process.exit(1);
});

server.listen(listenPort, host, () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : listenPort;
  console.log(`Demo portal: http://localhost:${actualPort}/`);
});

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal} received, stopping the demo server.`);
  server.close(() => process.exit(0));
  server.closeIdleConnections?.();
  // Ends the counter's event streams (which would hold the server open) and closes its database.
  counter.close().catch((error) => console.error(error));
  // Give in-flight responses a moment, then drop whatever is left.
  setTimeout(() => {
    server.closeAllConnections?.();
    process.exit(0);
  }, 2000).unref();
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
