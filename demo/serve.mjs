// The demo portal server: `npm start` (after `npm run build`) or `node demo/serve.mjs`.
//
//   /             demo/index.html
//   /api/stats... the visit counter service (server/), in-process on a
//                 temporary SQLite file that is deleted when the demo stops
//   /api/...      the embedded fixture backend (json adapter endpoints)
//   /dist/...     the built library
//   /fixtures/... demo/fixtures (images, logos, attachments)
//   /...          other files in demo/
//
// PORT (default 8000) and HOST (default 127.0.0.1) configure where it listens.

import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCounterHandler } from '../server/dist/index.js';
import { createFixtureBackend, fixturesDir, serveStatic } from './fixture-backend.mjs';

const demoDir = fileURLToPath(new URL('./', import.meta.url));
const distDir = fileURLToPath(new URL('../dist/', import.meta.url));

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

const serveIndex = serveStatic(demoDir, '/');
const handlers = [
  counter,
  createFixtureBackend({ basePath: '/api' }),
  serveStatic(distDir, '/dist/'),
  serveStatic(fixturesDir, '/fixtures/'),
  (req, res) => {
    // The page itself, also for deep links such as /?id=…
    const { pathname } = new URL(req.url ?? '/', 'http://demo.invalid');
    if (pathname !== '/') return false;
    return serveIndex({ method: req.method, url: '/index.html' }, res);
  },
  serveStatic(demoDir, '/'),
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
