/**
 * A standalone HTTP server around the handler: what the command line starts,
 * and what tests and the load check start in-process.
 */

import http from 'node:http';
import { createCounterHandler, type CounterHandler, type CounterOptions } from './handler.js';
import { errorMessage, languageOf } from './messages.js';

export interface CounterServerOptions extends CounterOptions {
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface CounterServer {
  readonly server: http.Server;
  readonly handler: CounterHandler;
  /** `http://host:port` it listens on. */
  readonly url: string;
  /** Stops listening, ends streams and open connections, closes the store. */
  close(): Promise<void>;
}

/** Opens the store, then listens. Rejects when the store cannot be opened or the port is taken. */
export async function createCounterServer(
  options: CounterServerOptions = {},
): Promise<CounterServer> {
  const { port = 8787, host = '127.0.0.1', ...counterOptions } = options;
  const handler = createCounterHandler(counterOptions);
  try {
    await handler.ready;
  } catch (error) {
    await handler.close();
    throw error;
  }

  const server = http.createServer(async (req, res) => {
    if (await handler(req, res)) return;
    const language = languageOf(req.headers['accept-language']);
    const path = new URL(req.url ?? '/', 'http://counter.invalid').pathname;
    const text = JSON.stringify({
      error: 'not_found',
      message: errorMessage('not_found', language, path),
    });
    res.writeHead(404, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(text)),
      'Cache-Control': 'no-store',
      'Content-Language': language,
    });
    res.end(req.method === 'HEAD' ? undefined : text);
  });
  // A slow client may not hold a connection open while it trickles in headers or a body.
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await handler.close();
    throw error;
  }

  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    server,
    handler,
    url: `http://${shownHost}:${actualPort}`,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        // Streams end and requests under way finish before the store closes.
        await handler.close();
        server.closeAllConnections();
        await closed;
      })();
      return closing;
    },
  };
}
