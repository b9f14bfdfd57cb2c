// A private redis-server for the tests: started on a free loopback port in a
// temporary directory, with append-only persistence fsynced on every write
// (the configuration docs/guide/counter-service.md recommends), and stopped afterwards.
// When redis-server is missing or will not start, `skipReason` says why and
// the Redis tests are reported as skipped with that reason.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A free TCP port on 127.0.0.1 (released again before it is returned). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Sends PING; resolves true on +PONG. */
function ping(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    let reply = '';
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk;
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

/** Sends CLIENT PAUSE for `ms`; resolves once Redis has accepted it. */
function pauseClients(port, ms) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    let reply = '';
    socket.on('error', reject);
    socket.on('connect', () => socket.write(`CLIENT PAUSE ${ms} ALL\r\n`));
    socket.on('data', (chunk) => {
      reply += chunk;
      if (!reply.includes('\r\n')) return;
      socket.destroy();
      if (reply.startsWith('+OK')) resolve();
      else reject(new Error(`CLIENT PAUSE failed: ${reply.trim()}`));
    });
  });
}

async function waitForPing(port, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    if (await ping(port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/**
 * Starts redis-server. Resolves to `{ url, port, pause(ms), restart(), kill(signal), stop() }`,
 * or to `{ skipReason }` when it cannot run here.
 */
export async function startRedis() {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    return {
      skipReason: `redis-server cannot be started (${probe.error.code ?? probe.error.message}); install it (Debian: apt-get install redis-server) to run the Redis tests`,
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'counter-redis-'));
  const port = await freePort();
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    'yes',
    '--appendfsync',
    'always',
    '--daemonize',
    'no',
    '--loglevel',
    'warning',
  ];
  let child;
  let log = '';
  const launch = async () => {
    child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    return waitForPing(port, child, 10_000);
  };
  const exited = () =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise((resolve) => child.once('exit', resolve));

  if (!(await launch())) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    return {
      skipReason: `redis-server did not start on port ${port}: ${log.trim().slice(-300) || 'no output'}`,
    };
  }
  const onExit = () => child.kill('SIGKILL');
  process.once('exit', onExit);

  return {
    url: `redis://127.0.0.1:${port}/0`,
    port,
    /** Kills the server (SIGKILL by default) and waits until it is gone. */
    async kill(signal = 'SIGKILL') {
      child.kill(signal);
      await exited();
    },
    /** Holds every client's commands for `ms` (CLIENT PAUSE), as a busy or slow server would. */
    pause(ms) {
      return pauseClients(port, ms);
    },
    /** Starts it again on the same port and data directory. */
    async restart() {
      if (!(await launch())) throw new Error(`redis-server did not restart: ${log}`);
    },
    async stop() {
      process.off('exit', onExit);
      child.kill('SIGTERM');
      await exited();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
