// "Where the bytes go": the script-tag bundle rebuilt in memory from
// src/bundle.ts, its static part split by source module.
//
// Rollup reports each module's rendered (tree-shaken, not yet minified) code.
// Each piece is minified on its own, and the real min+gzip size of the static
// chunks is shared out in proportion to those minified lengths: gzip works
// across module boundaries, so a per-module gzip would not add up to the file.
import { relative, sep } from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { rollup } from 'rollup';
import { minify } from 'terser';
import { minifyTemplates } from '../../rollup.config.mjs';
import { gzipSize, staticChunks } from './sizes.mjs';

/** The same template minification and TypeScript settings as the script-tag build in rollup.config.mjs. */
const compileTypeScript = (root) =>
  typescript({
    tsconfig: `${root}/tsconfig.json`,
    include: ['src/**/*.ts'],
    exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts'],
    compilerOptions: {
      noEmit: false,
      emitDeclarationOnly: false,
      declaration: false,
      declarationMap: false,
      sourceMap: false,
      types: [],
    },
  });

/** The group a module id is counted under: a package, a shared folder or an element. */
function groupOf(id, root) {
  const path = relative(root, id).split(sep).join('/');
  const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) {
    const name = pkg[1];
    if (name === 'lit' || name === 'lit-html' || name === 'lit-element')
      return 'lit (lit-html, lit-element)';
    return name;
  }
  const src = path.match(/^src\/([^/]+)\/(.+)$/);
  if (!src) return path;
  const [, folder, file] = src;
  if (folder === 'data' && file.startsWith('adapters/'))
    return `src/data/${file.replace(/\.ts$/, '')}`;
  if (folder === 'i18n') return `src/i18n/${file.replace(/\.ts$/, '')}`;
  if (['base', 'data'].includes(folder)) return `src/${folder}`;
  return `src/${folder} (pw-${folder === 'source' ? 'source' : folder})`;
}

/** Minified length of one module's rendered code, or its raw length if it will not parse alone. */
async function minifiedLength(code) {
  if (!code.trim()) return 0;
  try {
    // Not `module`/`toplevel`: top-level names are used by other modules and must stay.
    const result = await minify(code, { ecma: 2020, format: { comments: false } });
    return result.code?.length ?? code.length;
  } catch {
    return code.length;
  }
}

/**
 * Rows `[group, bytes]` for the static part of the script-tag bundle, biggest
 * first: the top `limit` groups, then "other" for the rest.
 */
export async function whereTheBytesGo(root, { limit = 15 } = {}) {
  const bundle = await rollup({
    input: `${root}/src/bundle.ts`,
    plugins: [
      minifyTemplates(),
      nodeResolve({ browser: true }),
      compileTypeScript(root),
      terser({ ecma: 2020, module: true, format: { comments: false } }),
    ],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();

  const groups = new Map();
  let total = 0;
  for (const chunk of staticChunks(output)) {
    const gzipped = gzipSize(chunk.code);
    total += gzipped;
    const lengths = [];
    for (const [id, info] of Object.entries(chunk.modules)) {
      if (info.renderedLength > 0)
        lengths.push([groupOf(id, root), await minifiedLength(info.code ?? '')]);
    }
    const sum = lengths.reduce((acc, [, length]) => acc + length, 0) || 1;
    for (const [group, length] of lengths) {
      groups.set(group, (groups.get(group) ?? 0) + (gzipped * length) / sum);
    }
  }
  const sorted = [...groups].sort((a, b) => b[1] - a[1]);
  const rows = sorted.slice(0, limit);
  const rest = sorted.slice(limit);
  if (rest.length > 0) {
    rows.push([`other (${rest.length} groups)`, rest.reduce((acc, [, bytes]) => acc + bytes, 0)]);
  }
  return { rows, total };
}
