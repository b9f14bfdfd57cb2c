// Fault injection for browser tests: real HTTP answers (status codes, headers,
// delays, hangs, slow bodies, broken bytes) scripted per test over HTTP.
//
// Usage from a test (see test/helpers/server.ts, which wraps all of this):
//
//   POST /__scenario/<id>   body: { "responses": [ <response>, ... ] }
//        Creates (or resets) scenario <id>. Answers { "id", "base": "/s/<id>" }.
//   ANY  /s/<id>/<rest...>  Answered with the next scripted response, in order;
//        once they are used up the last one repeats. Every request is logged.
//   GET  /__scenario/<id>/log
//        { "count": N, "requests": [{ "method", "url", "body", "headers", "at", "aborted" }] }
//        `url` is the path and query as received, `body` the request body as
//        text (null when empty), `headers` the request headers (lower-case
//        names), `at` the arrival time in ms since the epoch,
//        `aborted` true when the client went away before the answer ended.
//
// A <response> (every field optional):
//   status      HTTP status, default 200.
//   body        string (sent as is) or any other JSON value (sent as JSON).
//   bodyBase64  raw bytes, base64 (for invalid UTF-8 and other binary bodies).
//   headers     response headers. Content-Type defaults to
//               "application/json; charset=utf-8"; give "" to send none.
//   delayMs     wait before answering.
//   hang        never answer; the request stays open until the client aborts.
//   dripMs      send the body in small chunks (dripBytes, default 8), one every dripMs.
//   fixture     answer from the fixture backend for the same sub-path under /api
//               (/s/<id>/articles?page=2 is answered as /api/articles?page=2).
//
// Every answer carries Cache-Control: no-store, so the browser cache never
// hides a request from the log.

import { Readable } from 'node:stream';

// Large enough for the oversized-answer tests (a 2 MB article, a 10 000-item list).
const MAX_BODY_BYTES = 16 * 1024 * 1024;

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res, status, value) {
  const text = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** Resolves after `ms`, or early when the client disconnects (resolving to false). */
function wait(ms, res) {
  return new Promise((resolve) => {
    if (res.destroyed) {
      resolve(false);
      return;
    }
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(true);
    }, ms);
    res.once('close', onClose);
  });
}

function closed(res) {
  return new Promise((resolve) => {
    if (res.destroyed) resolve();
    else res.once('close', resolve);
  });
}

function bodyBytes(response) {
  if (typeof response.bodyBase64 === 'string') return Buffer.from(response.bodyBase64, 'base64');
  if (response.body === undefined) return Buffer.alloc(0);
  if (typeof response.body === 'string') return Buffer.from(response.body, 'utf8');
  return Buffer.from(JSON.stringify(response.body), 'utf8');
}

function validateResponses(value) {
  if (!value || !Array.isArray(value.responses) || value.responses.length === 0) {
    return 'expected { "responses": [ ... ] } with at least one response';
  }
  for (const [index, response] of value.responses.entries()) {
    if (!response || typeof response !== 'object' || Array.isArray(response)) {
      return `responses[${index}] must be an object`;
    }
  }
  return undefined;
}

/**
 * Creates the Koa middleware.
 *
 * @param {object} options
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<boolean>} [options.fixtureBackend]
 *   handler for `fixture: true` responses (mounted at `/api`).
 */
export function createScenarioMiddleware({ fixtureBackend } = {}) {
  /** id → { responses, next, requests } */
  const scenarios = new Map();

  async function serve(scenario, rest, req, res) {
    const body = await readBody(req);
    const entry = {
      method: req.method,
      url: req.url,
      body: body.length > 0 ? body.toString('utf8') : null,
      headers: req.headers,
      at: Date.now(),
      aborted: false,
    };
    scenario.requests.push(entry);
    res.once('close', () => {
      if (res.writableFinished) return;
      entry.aborted = true;
      // "Client closed request" (as nginx logs it), instead of Koa's default 404,
      // so the test runner does not list an abandoned request as a missing file.
      if (!res.headersSent) res.statusCode = 499;
    });

    const response = scenario.responses[Math.min(scenario.next, scenario.responses.length - 1)];
    scenario.next += 1;

    if (response.delayMs > 0 && !(await wait(response.delayMs, res))) return;
    if (response.hang) {
      await closed(res);
      return;
    }
    if (response.fixture) {
      if (!fixtureBackend) {
        sendJson(res, 500, { error: 'no fixture backend is mounted' });
        return;
      }
      // The request stream is consumed by now, so the backend reads a replay of it.
      const replay = Object.assign(Readable.from(body.length > 0 ? [body] : []), {
        method: req.method,
        url: `/api${rest}`,
        headers: req.headers,
      });
      if (!(await fixtureBackend(replay, res)))
        sendJson(res, 404, { error: `fixture backend has no /api${rest}` });
      return;
    }

    const bytes = bodyBytes(response);
    const headers = { 'Cache-Control': 'no-store' };
    const given = Object.fromEntries(
      Object.entries(response.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    );
    if (!('content-type' in given)) headers['Content-Type'] = 'application/json; charset=utf-8';
    for (const [name, value] of Object.entries(given)) {
      if (value !== '' && value !== null && value !== undefined) headers[name] = String(value);
    }

    if (response.dripMs > 0) {
      res.writeHead(response.status ?? 200, headers);
      const size = Math.max(1, response.dripBytes ?? 8);
      for (let offset = 0; offset < bytes.length; offset += size) {
        if (offset > 0 && !(await wait(response.dripMs, res))) return;
        res.write(bytes.subarray(offset, offset + size));
      }
      res.end();
      return;
    }
    headers['Content-Length'] = String(bytes.length);
    res.writeHead(response.status ?? 200, headers);
    res.end(bytes);
  }

  return async function scenarioMiddleware(ctx, next) {
    const { pathname } = new URL(ctx.url, 'http://scenario.invalid');

    const control = /^\/__scenario\/([\w-]+)(\/log)?$/.exec(pathname);
    if (control) {
      const [, id, log] = control;
      ctx.respond = false;
      if (log && ctx.method === 'GET') {
        const scenario = scenarios.get(id);
        if (!scenario) sendJson(ctx.res, 404, { error: `unknown scenario ${id}` });
        else
          sendJson(ctx.res, 200, { count: scenario.requests.length, requests: scenario.requests });
        return;
      }
      if (!log && ctx.method === 'POST') {
        let value;
        try {
          value = JSON.parse((await readBody(ctx.req)).toString('utf8'));
        } catch {
          sendJson(ctx.res, 400, { error: 'the scenario must be JSON' });
          return;
        }
        const problem = validateResponses(value);
        if (problem) {
          sendJson(ctx.res, 400, { error: problem });
          return;
        }
        scenarios.set(id, { responses: value.responses, next: 0, requests: [] });
        sendJson(ctx.res, 200, { id, base: `/s/${id}` });
        return;
      }
      sendJson(ctx.res, 405, { error: 'POST /__scenario/<id> or GET /__scenario/<id>/log' });
      return;
    }

    const scripted = /^\/s\/([\w-]+)(\/.*)?$/.exec(pathname);
    if (scripted) {
      const [, id, restPath = '/'] = scripted;
      ctx.respond = false;
      const scenario = scenarios.get(id);
      if (!scenario) {
        sendJson(ctx.res, 404, { error: `unknown scenario ${id}` });
        return;
      }
      const query = ctx.url.includes('?') ? ctx.url.slice(ctx.url.indexOf('?')) : '';
      try {
        await serve(scenario, restPath + query, ctx.req, ctx.res);
      } catch (error) {
        if (!ctx.res.headersSent) sendJson(ctx.res, 500, { error: String(error) });
        else ctx.res.destroy();
      }
      return;
    }

    await next();
  };
}
