// The demo server's HTTP answers: compression and cache headers, as the guide's
// "Deploying" page (docs/guide/deploying.md) asks of a production server.
//
//  1. builds dist/ if it is missing or older than the sources, and the counter
//     service (server/dist) if it is missing;
//  2. starts `node demo/serve.mjs` on a free port (PORT=0);
//  3. asks it for the script tag's entry, a hashed chunk, an npm entry and
//     chunk, a JSON answer, the page, an image-like file, with
//     `Accept-Encoding: br`, `gzip` and none, and checks Content-Encoding,
//     Vary, Cache-Control, Content-Length and that the decoded body is the file;
//  4. checks that the visit counter's event stream is sent uncompressed and
//     delivers its first event while the connection stays open.
//
// Plain Node ESM. Prints `N passed, N failed` last; exits non-zero on any failure.
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { ensureBuilt, ensureCounterBuilt, startDemo } from '../server/node-helpers.mjs';
import { assert, assertEqual, createReport } from '../server/checks.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(repo, 'dist');
const IMMUTABLE = 'public, max-age=31536000, immutable';
const ARTICLE_ID = 'hong-bang-tiep-doan-kiem-tra';

// ---------------------------------------------------------------- reporting

const { check, fail, finish } = createReport();

// ---------------------------------------------------------------- helpers

/** One request; resolves to the status, the headers and the raw (still encoded) body. */
function request(url, { method = 'GET', headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, raw: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer from ${url}`)));
    req.end();
  });
}

function decode(raw, encoding) {
  if (encoding === 'br') return brotliDecompressSync(raw);
  if (encoding === 'gzip') return gunzipSync(raw);
  assertEqual(encoding, undefined, 'Content-Encoding');
  return raw;
}

/** The first file of dist/ (or a folder of it) whose name matches `pattern`. */
function distFile(folder, pattern) {
  const name = readdirSync(path.join(dist, folder)).find((file) => pattern.test(file));
  assert(name, `no file matching ${pattern} in dist/${folder}`);
  return path.posix.join(folder, name);
}

/**
 * Asks for `urlPath` with each Accept-Encoding and checks the answer: the
 * encoding chosen, Vary, Cache-Control, a Content-Length that matches the bytes
 * on the wire and a decoded body equal to `expected` (a Buffer, or a function
 * that checks the decoded body).
 */
async function checkEncodings(origin, label, urlPath, { cacheControl, expected }) {
  for (const [accept, encoding] of [
    ['br, gzip, deflate', 'br'],
    ['gzip, deflate', 'gzip'],
    [undefined, undefined],
  ]) {
    await check(`${label}: Accept-Encoding ${accept ?? '(none)'}`, async () => {
      const headers = accept ? { 'Accept-Encoding': accept } : {};
      const answer = await request(`${origin}${urlPath}`, { headers });
      assertEqual(answer.status, 200, 'status');
      assertEqual(answer.headers['content-encoding'], encoding, 'Content-Encoding');
      assert(
        /(^|,\s*)accept-encoding(\s*,|$)/i.test(answer.headers.vary ?? ''),
        `Vary is ${JSON.stringify(answer.headers.vary)}, not Accept-Encoding`,
      );
      if (typeof cacheControl === 'string') {
        assertEqual(answer.headers['cache-control'], cacheControl, 'Cache-Control');
      } else {
        assert(
          cacheControl.test(answer.headers['cache-control'] ?? ''),
          `Cache-Control ${JSON.stringify(answer.headers['cache-control'])} does not match ${cacheControl}`,
        );
      }
      assertEqual(Number(answer.headers['content-length']), answer.raw.length, 'Content-Length');
      const body = decode(answer.raw, encoding);
      if (typeof expected === 'function') expected(body);
      else assert(body.equals(expected), 'the decoded body differs from the file');
      if (encoding) assert(answer.raw.length < body.length, 'the compressed body is not smaller');
    });
  }
}

// ---------------------------------------------------------------- the checks

async function main() {
  console.log('portal-widgets demo server test');
  ensureBuilt(repo);
  ensureCounterBuilt(repo);
  const demo = await startDemo(repo);
  try {
    const { origin } = demo;
    const fromDist = (file) => readFileSync(path.join(dist, file));
    // A short cache that still lets a new release through (not a year, not "never").
    const short = /^public, max-age=([1-9]\d{0,3})\b/;

    console.log('\nthe script tag and the npm build');
    await checkEncodings(
      origin,
      'script-tag entry portal-widgets.min.js',
      '/dist/portal-widgets.min.js',
      {
        cacheControl: short,
        expected: fromDist('portal-widgets.min.js'),
      },
    );
    const sanitizer = distFile('.', /^portal-widgets-article-body-[\w-]{8}\.min\.js$/);
    await checkEncodings(origin, `hashed chunk ${sanitizer}`, `/dist/${sanitizer}`, {
      cacheControl: IMMUTABLE,
      expected: fromDist(sanitizer),
    });
    await checkEncodings(origin, 'npm entry activity-list.js', '/dist/activity-list.js', {
      cacheControl: short,
      expected: fromDist('activity-list.js'),
    });
    const npmChunk = distFile('chunks', /^article-body-[\w-]{8}\.js$/);
    await checkEncodings(origin, `npm chunk ${npmChunk}`, `/dist/${npmChunk}`, {
      cacheControl: IMMUTABLE,
      expected: fromDist(npmChunk),
    });

    console.log('\nthe page and the data');
    await checkEncodings(origin, 'the page /', '/', {
      cacheControl: 'no-cache',
      expected: readFileSync(path.join(repo, 'demo', 'index.html')),
    });
    const fixture = JSON.parse(readFileSync(path.join(repo, 'demo/fixtures/portal.json'), 'utf8'));
    const article = fixture.articles.find((a) => a.id === ARTICLE_ID);
    await checkEncodings(origin, 'JSON answer /api/articles/<id>', `/api/articles/${ARTICLE_ID}`, {
      cacheControl: 'no-store',
      expected: (body) =>
        assertEqual(body.toString('utf8'), JSON.stringify(article), 'the article JSON'),
    });

    await check("the visit counter's JSON (/api/stats) is compressed as a whole", async () => {
      const answer = await request(`${origin}/api/stats`, {
        headers: { 'Accept-Encoding': 'gzip' },
      });
      assertEqual(answer.status, 200, 'status');
      assertEqual(answer.headers['content-encoding'], 'gzip', 'Content-Encoding');
      assert(/accept-encoding/i.test(answer.headers.vary ?? ''), `Vary is ${answer.headers.vary}`);
      assertEqual(Number(answer.headers['content-length']), answer.raw.length, 'Content-Length');
      const stats = JSON.parse(gunzipSync(answer.raw).toString('utf8'));
      assertEqual(typeof stats.total, 'number', 'the figures’ total');
    });

    console.log('\nwhat is never compressed');
    await check('a PDF attachment is sent as it is', async () => {
      const file = 'files/bao-cao-tom-tat-thang-02-2020.pdf';
      const answer = await request(`${origin}/fixtures/${file}`, {
        headers: { 'Accept-Encoding': 'br, gzip' },
      });
      assertEqual(answer.status, 200, 'status');
      assertEqual(answer.headers['content-encoding'], undefined, 'Content-Encoding');
      assert(
        answer.raw.equals(readFileSync(path.join(repo, 'demo/fixtures', file))),
        'the body differs from the file',
      );
    });
    await check('HEAD of a script: the headers of a GET, and no body', async () => {
      const headers = { 'Accept-Encoding': 'br, gzip' };
      const get = await request(`${origin}/dist/${sanitizer}`, { headers });
      const head = await request(`${origin}/dist/${sanitizer}`, { method: 'HEAD', headers });
      assertEqual(head.status, 200, 'status');
      assertEqual(head.raw.length, 0, 'HEAD body length');
      for (const name of ['content-encoding', 'content-length', 'cache-control', 'vary']) {
        assertEqual(head.headers[name], get.headers[name], name);
      }
    });
    await check(
      'the live figures stream (text/event-stream) is not compressed and flushes its first event',
      async () => {
        const first = await new Promise((resolve, reject) => {
          const req = http.get(
            `${origin}/api/stats/stream`,
            {
              headers: { 'Accept-Encoding': 'br, gzip', Accept: 'text/event-stream' },
              agent: false,
            },
            (res) => {
              let text = '';
              res.setEncoding('utf8');
              res.on('data', (chunk) => {
                text += chunk;
                // The event has arrived while the stream is still open: it was flushed.
                if (text.includes('\n\n')) {
                  resolve({ headers: res.headers, text });
                  req.destroy();
                }
              });
              res.on('end', () =>
                reject(new Error(`the stream ended early: ${JSON.stringify(text)}`)),
              );
            },
          );
          req.on('error', reject);
          req.setTimeout(10_000, () => req.destroy(new Error('no event within 10 s')));
        });
        assert(
          /^text\/event-stream/.test(first.headers['content-type'] ?? ''),
          `Content-Type ${first.headers['content-type']}`,
        );
        assertEqual(first.headers['content-encoding'], undefined, 'Content-Encoding');
        const data = /^data: (.*)$/m.exec(first.text);
        assert(data, `no data line in ${JSON.stringify(first.text)}`);
        assertEqual(typeof JSON.parse(data[1]).total, 'number', 'the event’s total');
      },
    );

    console.log('\nrevalidation');
    await check('an unchanged entry is answered 304 to its ETag', async () => {
      const first = await request(`${origin}/dist/portal-widgets.min.js`);
      const etag = first.headers.etag;
      assert(etag, 'no ETag');
      const again = await request(`${origin}/dist/portal-widgets.min.js`, {
        headers: { 'If-None-Match': etag, 'Accept-Encoding': 'gzip' },
      });
      assertEqual(again.status, 304, 'status');
      assertEqual(again.raw.length, 0, 'body length');
      const other = await request(`${origin}/dist/portal-widgets.min.js`, {
        headers: { 'If-None-Match': 'W/"something-else"' },
      });
      assertEqual(other.status, 200, 'status for another ETag');
    });
  } catch (error) {
    // An unexpected error in the harness itself counts as a failure too.
    fail('the demo server test stopped', error);
  } finally {
    await demo.stop();
  }
}

await main();
finish();
