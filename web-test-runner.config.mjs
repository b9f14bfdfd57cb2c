// Browser tests: `npx wtr` (or `npm run test:browser`) runs every
// test/**/*.test.ts in headless Chromium; `npx wtr --files test/data/http.test.ts`
// runs one file; `--watch` re-runs on change. CHROME_PATH selects the browser
// binary (by default the launcher finds a system Chrome/Chromium).
//
// The test server is a real HTTP server, and tests talk to it over HTTP:
//   /api/...          the fixture backend (demo/fixture-backend.mjs), the json
//                     adapter's default endpoints over demo/fixtures/portal.json
//   /fixtures/...     the fixture images, logos and files
//   /__scenario, /s/  scripted answers for fault injection
//                     (test/server/scenario-middleware.mjs; from a test use
//                     createScenario() in test/helpers/server.ts)
//   /counter/...      the visit counter service (server/, built to server/dist
//                     on first use) on a throwaway in-memory database
//   /test/security/fixtures/strict*  served with a strict CSP (Trusted Types)
//   /__copy/...       a second copy of the library, for loading it twice
//   /demo/index.html  the demo page with the error probes loaded first and its
//                     counter endpoints on /counter; it loads the built
//                     bundle, so dist/ is rebuilt here when older than src/
// The last output line is a plain "N passed, N failed" summary.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { createFixtureBackend, fixturesDir, serveStatic } from './demo/fixture-backend.mjs';
import { buildIsStale, CHROMIUM_ARGS, ensureCounterBuilt } from './test/server/node-helpers.mjs';
import { createScenarioMiddleware } from './test/server/scenario-middleware.mjs';
import { summaryReporter } from './test/server/summary-reporter.mjs';

const fixtureBackend = createFixtureBackend({ basePath: '/api' });
const fixtureFiles = serveStatic(fixturesDir, '/fixtures/');

// The counter service is TypeScript compiled by its own package; `npm install`
// builds it, and a checkout that skipped that is built here once.
const root = fileURLToPath(new URL('.', import.meta.url));
ensureCounterBuilt(root);
const { createCounterHandler } = await import('./server/dist/index.js');
// Every test page shares it, so tests compare figures before and after, never absolute ones.
const counter = createCounterHandler({ db: 'sqlite::memory:', basePath: '/counter', rateLimit: 0 });

// The demo page test (test/demo/demo-page.test.ts) loads the script-tag bundle
// as a visitor does; a bundle older than the sources would test old code.
// Rollup alone: the declarations and the manifest play no part in that page.
if (buildIsStale(root, ['dist/portal-widgets.min.js'])) {
  execFileSync('npx', ['rollup', '-c'], { stdio: 'inherit' });
}

/**
 * The demo page as the demo server sends it, with two test changes: the error
 * probes run before anything else, and the visit counter is this server's
 * /counter mount (here /api/stats is the fixture backend's static answer).
 */
async function demoPage(ctx, next) {
  if (ctx.path !== '/demo/index.html') return next();
  const counterEndpoints = JSON.stringify({
    endpoints: {
      stats: '/counter/stats',
      visit: '/counter/stats/visit',
      stream: '/counter/stats/stream',
    },
  });
  const page = readFileSync(new URL('./demo/index.html', import.meta.url), 'utf8')
    .replace(
      '<head>',
      '<head><script src="/test/security/fixtures/probe.js"></script>' +
        '<script src="/test/robustness/fixtures/hostile-probe.js"></script>',
    )
    .replace(
      /(<pw-source id="portal"[^]*?<script type="application\/json">)[^]*?(<\/script>)/,
      `$1${counterEndpoints}$2`,
    );
  if (!page.includes('/counter/stats/stream'))
    throw new Error('demo page: no <pw-source> options to replace');
  ctx.type = 'html';
  ctx.body = page;
}

// The security tests open their pages (test/security/fixtures/) in an iframe;
// strict*.html get the strict CSP of a locked-down portal, Trusted Types enforced:
// any policy name, or with `?named-policies` only the library's and lit's.
const strictCsp = (policies) =>
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  `require-trusted-types-for 'script'; trusted-types ${policies}`;

/**
 * Serves the security pages with the strict CSP, and `/__copy/...` as a
 * second copy of the library and of lit (a module graph of its own) stamped
 * with another version, to load two versions on one page.
 */
async function securityPages(ctx, next) {
  const copy = ctx.path.startsWith('/__copy/');
  if (copy) ctx.url = ctx.url.slice('/__copy'.length);
  await next();
  if (copy && ctx.path === '/src/base/define.ts' && typeof ctx.body === 'string') {
    ctx.body = ctx.body.replace(/VERSION = (['"])[^'"]*\1/, "VERSION = '0.0.0-copy'");
  }
  if (ctx.path.startsWith('/test/security/fixtures/strict')) {
    const policies = 'named-policies' in ctx.query ? 'portal-widgets lit-html' : '*';
    ctx.set('Content-Security-Policy', strictCsp(policies));
  }
}

/** Mounts a plain Node handler `(req, res) => Promise<boolean>` in Koa. */
function nodeHandler(handler) {
  return async (ctx, next) => {
    // Koa must not answer on top of a response the handler already wrote.
    ctx.respond = false;
    if (await handler(ctx.req, ctx.res)) return;
    ctx.respond = true;
    await next();
  };
}

const launchOptions = { args: CHROMIUM_ARGS };
if (process.env.CHROME_PATH) launchOptions.executablePath = process.env.CHROME_PATH;

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  // One browser page per test file; a file must not depend on another's state.
  browsers: [chromeLauncher({ launchOptions })],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  testFramework: { config: { timeout: 10000 } },
  reporters: [defaultReporter(), summaryReporter()],
  middleware: [
    demoPage,
    securityPages,
    createScenarioMiddleware({ fixtureBackend }),
    nodeHandler(fixtureBackend),
    nodeHandler(counter),
    nodeHandler(fixtureFiles),
  ],
};
