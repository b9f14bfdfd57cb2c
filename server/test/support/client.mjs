// Test clients for a real listening counter: JSON requests, an event-stream
// reader, and the command line started as a child process.

import { spawn } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** A browser-like User-Agent (bots are not counted). */
export const BROWSER_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

/** Any HTTP request; resolves to `{ status, headers, text, json }`. */
export async function request(url, { method = 'GET', headers = {}, body } = {}) {
  const response = await fetch(url, {
    method,
    headers: { 'user-agent': BROWSER_UA, ...headers },
    body,
  });
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** POST /stats/visit for `session`; resolves to the response. */
export function visit(base, session, headers = {}) {
  return request(`${base}/stats/visit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ session }),
  });
}

/** GET /stats; resolves to the figures (and fails on a non-200). */
export async function stats(base) {
  const response = await request(`${base}/stats`);
  if (response.status !== 200)
    throw new Error(`GET /stats answered ${response.status}: ${response.text}`);
  return response.json;
}

/** The counters without the timestamp, for comparisons. */
export function figures(stats) {
  const { updatedAt: _updatedAt, ...rest } = stats;
  return rest;
}

/**
 * Opens GET /stats/stream. `next(predicate)` resolves to the first event
 * (parsed) from now on that satisfies it; `events` holds every event so far.
 */
export function openStream(url, headers = {}) {
  const events = [];
  const waiters = [];
  let buffer = '';
  let failure;
  let responseHeaders;
  let req;
  const opened = new Promise((resolve, reject) => {
    req = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      responseHeaders = res.headers;
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trimStart())
            .join('\n');
          if (!data) continue;
          const event = JSON.parse(data);
          events.push(event);
          for (const waiter of [...waiters]) {
            if (waiter.predicate(event)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(event);
            }
          }
        }
      });
      res.on('close', () => {
        failure = new Error('the stream closed');
        for (const waiter of waiters.splice(0)) waiter.reject(failure);
      });
      resolve({ status: res.statusCode, headers: res.headers });
    });
    req.on('error', reject);
  });
  const stream = {
    events,
    opened,
    get headers() {
      return responseHeaders;
    },
    /** Resolves to the next event satisfying `predicate` (events already received count too when `past`). */
    next(predicate = () => true, { past = false } = {}) {
      if (past) {
        const seen = events.find(predicate);
        if (seen) return Promise.resolve(seen);
      }
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => waiters.push({ predicate, resolve, reject }));
    },
    close() {
      req.destroy();
    },
  };
  return stream;
}

/**
 * `count` GETs of `url` sent at the same instant: each on its own connection,
 * every connection opened first, then every request written in one go, so the
 * server reads them all before it can answer any. Resolves to one
 * `{ status, headers, body, close() }` per request: `body` resolves to the text
 * once the answer ends (never, for an open event stream), `close()` drops the
 * connection.
 */
export async function getAtOnce(url, count, headers = {}) {
  const requests = Array.from({ length: count }, () =>
    http.request(url, { method: 'GET', agent: false, headers }),
  );
  await Promise.all(
    requests.map(
      (req) =>
        new Promise((resolve, reject) => {
          req.once('error', reject);
          req.once('socket', (socket) => socket.once('connect', resolve));
        }),
    ),
  );
  const answers = requests.map(
    (req) =>
      new Promise((resolve, reject) => {
        req.once('error', reject);
        req.once('response', (res) => {
          res.setEncoding('utf8');
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          const body = new Promise((done) => res.on('end', () => done(text)));
          resolve({
            status: res.statusCode,
            headers: res.headers,
            body,
            close: () => req.destroy(),
          });
        });
      }),
  );
  for (const req of requests) req.end();
  return Promise.all(answers);
}

/**
 * Starts the command line with `args` (port 0 unless given) and waits for
 * its "listening on" line. Resolves to `{ url, child, output(), exited }`.
 */
export function startCli(args, { cwd } = {}) {
  const withPort = args.includes('--port') ? args : ['--port', '0', ...args];
  const child = spawn(process.execPath, [CLI, ...withPort], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, output })),
  );
  const listening = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    exited.then(({ code, signal }) =>
      reject(new Error(`the counter exited (${code ?? signal}) before listening:\n${output}`)),
    );
  });
  return {
    child,
    exited,
    output: () => output,
    listening,
  };
}

/** Runs the command line to completion; resolves to `{ code, output }`. */
export function runCli(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => resolve({ code, output }));
  });
}
