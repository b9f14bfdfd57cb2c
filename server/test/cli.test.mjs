import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { request, runCli, startCli, stats, visit } from './support/client.mjs';
import { freePort } from './support/redis.mjs';

describe('command line', () => {
  it('prints its usage with --help', async () => {
    const { code, output } = await runCli(['--help']);
    assert.equal(code, 0);
    for (const flag of [
      '--port',
      '--host',
      '--db',
      '--timezone',
      '--initial-total',
      '--online-window',
      '--cors-origin',
      '--trust-proxy',
      '--rate-limit',
    ]) {
      assert.match(output, new RegExp(flag));
    }
  });

  const refusals = [
    [['--port', 'http'], /--port must be a whole number/],
    [['--port', '70000'], /--port must be between 0 and 65535/],
    [['--initial-total', '-5'], /initial-total/],
    [['--online-window', '0'], /--online-window must be between 1/],
    [['--rate-limit', '1.5'], /--rate-limit must be a whole number/],
    [['--timezone', 'Asia/Hanoi_City'], /Unknown time zone "Asia\/Hanoi_City"/],
    [['--db', 'mysql://localhost/visits'], /use sqlite:PATH .* or redis:\/\//],
    [['--cors-origin', 'portal'], /CORS origin "portal" is not a URL/],
    [['--verbose'], /Unknown option '--verbose'/],
  ];
  for (const [args, message] of refusals) {
    it(`refuses ${args.join(' ')} with a usage error`, async () => {
      const { code, output } = await runCli(args);
      assert.equal(code, 2, output);
      assert.match(output, message);
    });
  }

  it('exits with a clear message when the database cannot be opened', async () => {
    const missing = await runCli(['--db', 'sqlite:/nonexistent-dir/visits.sqlite']);
    assert.equal(missing.code, 1);
    assert.match(
      missing.output,
      /Cannot open the SQLite database "\/nonexistent-dir\/visits.sqlite"/,
    );
    const port = await freePort();
    const redis = await runCli(['--db', `redis://127.0.0.1:${port}/0`]);
    assert.equal(redis.code, 1);
    assert.match(
      redis.output,
      new RegExp(`Cannot connect to Redis at redis://127.0.0.1:${port}/0`),
    );
  });

  it('exits when the port is taken', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'counter-cli-'));
    const first = startCli(['--db', `sqlite:${path.join(dir, 'a.sqlite')}`], { cwd: dir });
    try {
      const url = await first.listening;
      const port = new URL(url).port;
      const second = await runCli(['--port', port, '--db', `sqlite:${path.join(dir, 'b.sqlite')}`]);
      assert.equal(second.code, 1);
      assert.match(second.output, new RegExp(`port ${port} on 127.0.0.1 is already in use`));
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('honours its flags and stores in ./visits.sqlite by default', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'counter-cli-'));
    const service = startCli(
      [
        '--initial-total',
        '9313603',
        '--timezone',
        'UTC',
        '--cors-origin',
        'https://portal.example.vn',
        '--cors-origin',
        'https://tinh.example.vn',
        '--trust-proxy',
        '--rate-limit',
        '2',
      ],
      { cwd: dir },
    );
    try {
      const url = await service.listening;
      assert.match(service.output(), /\(sqlite:\.\/visits\.sqlite\)/);
      const first = await visit(url, 'cli-1', { 'x-forwarded-for': '192.0.2.1' });
      assert.equal(first.json.total, 9313604);
      assert.equal(first.json.today, 1);
      for (const origin of ['https://portal.example.vn', 'https://tinh.example.vn']) {
        const answer = await request(`${url}/health`, { headers: { origin } });
        assert.equal(answer.headers.get('access-control-allow-origin'), origin);
      }
      assert.equal((await visit(url, 'cli-2', { 'x-forwarded-for': '192.0.2.1' })).status, 200);
      assert.equal((await visit(url, 'cli-3', { 'x-forwarded-for': '192.0.2.1' })).status, 429);
      assert.equal((await visit(url, 'cli-3', { 'x-forwarded-for': '192.0.2.2' })).status, 200);
      assert.equal((await stats(url)).today, 3);
    } finally {
      service.child.kill('SIGTERM');
      const { code } = await service.exited;
      assert.equal(code, 0);
    }
    // The default database is a file in the working directory, and it kept the visits.
    const reopened = startCli(['--initial-total', '9313603'], { cwd: dir });
    try {
      assert.equal((await stats(await reopened.listening)).total, 9313606);
    } finally {
      reopened.child.kill('SIGTERM');
      await reopened.exited;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
