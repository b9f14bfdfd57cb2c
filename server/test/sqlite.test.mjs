import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { describeCounter } from './support/contract.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'counter-sqlite-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describeCounter('SQLite', {
  database: () => ({ db: `sqlite:${path.join(dir, `visits-${(n += 1)}.sqlite`)}` }),
});
