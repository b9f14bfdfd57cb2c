// `npm run bench`: what the library costs a visitor, as one table.
//
// Sizes are min+gzip bytes (gzip level 9):
//  - the script-tag bundle with the chunks it imports statically (the lazy
//    DOMPurify chunk is listed on its own line and not counted);
//  - each npm entry bundled the way an app would ship it: with lit, minified;
//  - lit alone, the floor every element pays.
// The table is printed and written to bench/results.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

const gzipSize = (code) => gzipSync(code, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The static `import` specifiers of a minified ES module (not `import()`). */
function staticImports(code) {
  const found = new Set();
  for (const match of code.matchAll(
    /(?:^|[;}\s])import\s*(?:[\w*{},\s$]+from\s*)?["']([^"']+)["']/g,
  )) {
    found.add(match[1]);
  }
  for (const match of code.matchAll(/(?:^|[;}\s])export\s*[*{][^"']*from\s*["']([^"']+)["']/g)) {
    found.add(match[1]);
  }
  return [...found];
}

/** A file and everything it imports statically, relative to its folder. */
function withStaticImports(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const specifier of staticImports(code)) {
    if (specifier.startsWith('.')) withStaticImports(join(dirname(file), specifier), seen);
  }
  return seen;
}

/** Bundles `input` (a file or virtual module text) with its dependencies, minified, in memory. */
async function bundledSize(input, { virtual } = {}) {
  const plugins = [nodeResolve(), terser({ format: { comments: false } })];
  if (virtual) {
    plugins.unshift({
      name: 'virtual-entry',
      resolveId: (id) => (id === 'bench-entry' ? id : null),
      load: (id) => (id === 'bench-entry' ? virtual : null),
    });
  }
  const bundle = await rollup({
    input: virtual ? 'bench-entry' : input,
    plugins,
    // Only the static graph counts; the lazy sanitizer is a separate download.
    external: (id) => /dompurify/.test(id),
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: false });
  await bundle.close();
  const entry = output.find((chunk) => chunk.type === 'chunk' && chunk.isEntry);
  const staticChunks = new Set([entry.fileName, ...entry.imports]);
  return output
    .filter((chunk) => chunk.type === 'chunk' && staticChunks.has(chunk.fileName))
    .reduce((sum, chunk) => sum + gzipSize(chunk.code), 0);
}

const rows = [];

const minBundle = join(dist, 'portal-widgets.min.js');
const minFiles = withStaticImports(minBundle);
rows.push([
  'portal-widgets.min.js + static imports (script tag, lit included)',
  [...minFiles].reduce((sum, file) => sum + gzipSize(readFileSync(file)), 0),
]);
const minCode = readFileSync(minBundle, 'utf8');
const lazy = [...minCode.matchAll(/import\(\s*["']\.\/([^"']+)["']\s*\)/g)].map((m) => m[1]);
for (const chunk of new Set(lazy)) {
  rows.push([`  lazy: ${chunk}`, gzipSize(readFileSync(join(dist, chunk)))]);
}

for (const entry of ['source', 'article', 'activity-list', 'link-box', 'visit-stats', 'index']) {
  const label = entry === 'index' ? 'portal-widgets (all, npm)' : `portal-widgets/${entry}.js`;
  rows.push([`${label} + lit`, await bundledSize(join(dist, `${entry}.js`))]);
}
rows.push([
  'a page with only <pw-visit-stats> (visit-stats.js + source.js + lit)',
  await bundledSize(null, {
    virtual: `import ${JSON.stringify(join(dist, 'visit-stats.js'))};\nimport ${JSON.stringify(join(dist, 'source.js'))};`,
  }),
]);
rows.push([
  'lit alone (the floor)',
  await bundledSize(null, { virtual: "export * from 'lit'; export * from 'lit/decorators.js';" }),
]);

const width = Math.max(...rows.map(([label]) => label.length));
const lines = [
  `| ${'what'.padEnd(width)} | min+gzip |`,
  `| ${'-'.repeat(width)} | -------: |`,
  ...rows.map(([label, bytes]) => `| ${label.padEnd(width)} | ${kb(bytes).padStart(8)} |`),
];
const table = lines.join('\n');
console.log(table);
writeFileSync(
  join(root, 'bench', 'results.md'),
  `# Benchmark results\n\nWritten by \`npm run bench\`. Sizes are minified + gzip (level 9).\n\n${table}\n`,
);
