// The ECMAScript level of what we ship: every built file in dist/ a browser
// loads (both browser builds, every chunk; not the Node-only command line)
// must parse as an ES2022 module, the level the minimum browser versions are
// derived from (README's "Supported browsers", in full in
// docs/guide/embedding.md). Something newer slipping in (a dependency's update,
// a TypeScript target raised) fails here, naming the file and position. And
// since README states ES2022 as the floor, at least one file must really need
// it: if none does, the stated minimum is out of date.
// Run: `node test/package/es-level-test.mjs` after `npm run build`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'acorn';

const LEVEL = 2022;
const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'}  ${name}${ok || !detail ? '' : `: ${detail}`}`);
  if (ok) passed += 1;
  else failed += 1;
}

/** Every .js file under `dir`, recursively (declarations and maps are not code). */
function scripts(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return scripts(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

/** The parse error of `code` at `ecmaVersion`, or undefined when it parses. */
function parseError(code, ecmaVersion) {
  try {
    parse(code, { ecmaVersion, sourceType: 'module' });
    return undefined;
  } catch (error) {
    return error;
  }
}

// The check itself must be able to fail: ES2024 syntax (a regex with the v
// flag) and ES2022 syntax (a class static block) are told apart.
check(
  'the parser refuses syntax newer than the level',
  parseError('const letters = /[\\p{L}--\\p{N}]/v;', LEVEL) !== undefined &&
    parseError('class A { static { A.ready = true; } }', LEVEL - 1) !== undefined &&
    parseError('class A { static { A.ready = true; } }', LEVEL) === undefined,
);

// The command line (dist/cli/) runs in Node, never in a browser: not held to the level.
let files;
try {
  files = scripts(dist).filter((file) => !relative(dist, file).startsWith('cli'));
} catch {
  files = [];
}
check('dist/ holds the built files (run `npm run build` first)', files.length > 10);

const needsLevel = [];
for (const file of files) {
  const code = readFileSync(file, 'utf8');
  const name = relative(root, file);
  const error = parseError(code, LEVEL);
  const where = error?.loc ? ` at line ${error.loc.line}, column ${error.loc.column}` : '';
  check(`${name} parses as ES${LEVEL}`, !error, error && `${error.message}${where}`);
  if (!error && parseError(code, LEVEL - 1)) needsLevel.push(name);
}
check(
  `the build really needs ES${LEVEL} (README's minimum browser versions follow from it)`,
  needsLevel.length > 0,
  `every file parses as ES${LEVEL - 1}: lower the level here and README's minimums`,
);
console.log(`  (${needsLevel.length} files need ES${LEVEL}, e.g. ${needsLevel[0] ?? 'none'})`);

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
