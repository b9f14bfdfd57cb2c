// Min+gzip sizes of the built package (dist/), shared by `npm run bench` (the
// table) and `npm run size` (the budgets that fail CI). Gzip level 9 throughout.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';

export const gzipSize = (code) => gzipSync(code, { level: 9 }).length;
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

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

/**
 * The script-tag bundle: `bytes` of dist/portal-widgets.min.js with every chunk
 * it imports statically, and `lazy`, every chunk reachable only through an
 * `import()` (directly, or from another lazy chunk), by file name.
 */
export function scriptTagSizes(dist) {
  const files = withStaticImports(join(dist, 'portal-widgets.min.js'));
  const bytes = [...files].reduce((sum, file) => sum + gzipSize(readFileSync(file)), 0);
  const lazy = new Map();
  const pending = [...files];
  while (pending.length > 0) {
    const file = pending.pop();
    const code = readFileSync(file, 'utf8');
    const dynamic = [...code.matchAll(/import\(\s*["']\.\/([^"']+)["']\s*\)/g)].map((m) => m[1]);
    const reached = [...dynamic, ...staticImports(code).map((spec) => spec.replace(/^\.\//, ''))];
    for (const name of reached) {
      const path = join(dist, name);
      if (files.has(path) || lazy.has(name)) continue;
      lazy.set(name, gzipSize(readFileSync(path)));
      pending.push(path);
    }
  }
  return { bytes, lazy: [...lazy] };
}

/** An app's entry module that imports each of `specifiers` (npm entry files or bare names). */
export const importing = (...specifiers) =>
  specifiers.map((spec) => `import ${JSON.stringify(spec)};`).join('\n');

/**
 * Bundles what an app would ship for the `entry` module text, with lit,
 * minified, in memory; the min+gzip size of its static part (chunks loaded
 * on use, such as the sanitizer, are not counted).
 */
export async function appSize(entry) {
  const bundle = await rollup({
    input: 'app-entry',
    plugins: [
      {
        name: 'app-entry',
        resolveId: (id) => (id === 'app-entry' ? id : null),
        load: (id) => (id === 'app-entry' ? entry : null),
      },
      nodeResolve({ browser: true }),
      terser({ ecma: 2020, module: true, format: { comments: false } }),
    ],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  return staticChunks(output).reduce((sum, chunk) => sum + gzipSize(chunk.code), 0);
}

/**
 * The chunks of a rollup `output` a page downloads up front: the entry and
 * what it imports statically, transitively; chunks loaded by `import()` are left out.
 */
export function staticChunks(output) {
  const chunks = output.filter((item) => item.type === 'chunk');
  const statics = new Set();
  const visit = (fileName) => {
    if (statics.has(fileName)) return;
    statics.add(fileName);
    chunks.find((chunk) => chunk.fileName === fileName)?.imports.forEach(visit);
  };
  visit(chunks.find((chunk) => chunk.isEntry).fileName);
  return chunks.filter((chunk) => statics.has(chunk.fileName));
}

/** What an element imports from lit (LitElement, html, css): the floor every page pays. */
export const LIT_FLOOR = "export { LitElement, html, css, nothing } from 'lit';";
