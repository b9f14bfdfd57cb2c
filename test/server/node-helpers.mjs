// Node-side helpers shared by the test runner's config, the Node test scripts
// (test/package, test/demo, test/wordpress, test/cli) and the bench: how
// Chromium is started here, building what is stale, and the demo server.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Headless Chromium's flags: no sandbox (CI runs as root), and none of the
 * background traffic (updates, sync, QUIC probes) that a closed network
 * refuses and that would join a measured network log.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** The latest modification time of a file, or of any file under a folder; 0 when missing. */
export function newestMtime(file) {
  if (!existsSync(file)) return 0;
  const stats = statSync(file);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(file))
    newest = Math.max(newest, newestMtime(path.join(file, entry)));
  return newest;
}

/** What the library's build is made from: a build older than any of them is stale. */
const BUILD_INPUTS = ['src', 'package.json', 'rollup.config.mjs', 'tsconfig.json'];

/** Runs an npm script in `root`, output shown; throws when it fails. */
function npmRun(root, args) {
  const result = spawnSync('npm', ['run', ...args], {
    cwd: root,
    stdio: 'inherit',
    timeout: 600_000,
  });
  if (result.status !== 0) throw new Error(`npm run ${args.join(' ')} exited ${result.status}`);
}

/** Whether any of `outputs` (paths under `root`) is missing or older than the newest build input. */
export function buildIsStale(root, outputs) {
  const oldest = Math.min(...outputs.map((file) => newestMtime(path.join(root, file))));
  return oldest < Math.max(...BUILD_INPUTS.map((file) => newestMtime(path.join(root, file))));
}

/** Runs `npm run build` in `root` when {@link buildIsStale} says `outputs` are stale. */
export function ensureBuilt(root, outputs = ['dist/portal-widgets.min.js']) {
  if (!buildIsStale(root, outputs)) return;
  console.log('  dist/ is missing or older than its sources: npm run build');
  npmRun(root, ['build']);
}

/** Builds the counter service (server/dist) when it has not been built. */
export function ensureCounterBuilt(root) {
  if (!existsSync(path.join(root, 'server', 'dist', 'index.js'))) {
    npmRun(root, ['build', '--workspace', 'server']);
  }
}

/**
 * Starts `node demo/serve.mjs` of the checkout at `root` on a free port;
 * resolves to its origin and a function that stops it.
 */
export async function startDemo(root) {
  const child = spawn(process.execPath, [path.join(root, 'demo', 'serve.mjs')], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const origin = await new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error('the demo server printed no URL')), 15_000);
    child.stdout.on('data', (data) => {
      output += data;
      const match = output.match(/http:\/\/localhost:(\d+)\//);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the demo server stopped (exit ${code})`));
    });
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  return { origin, stop };
}
