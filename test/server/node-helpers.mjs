// Node-side helpers shared by the test runner's config, the Node test scripts
// (test/package, test/demo) and the bench: how Chromium is started here,
// whether a build output is older than its sources, and the demo server.
import { spawn } from 'node:child_process';
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
