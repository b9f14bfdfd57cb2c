// "Where the bytes go": a bundle rebuilt in memory from src/ (the script-tag
// bundle from src/bundle.ts, a one-element page from its element module), its
// static part split by source module.
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
import { minifyTemplates, oneViewsChunk, SCRIPT_TAG_MIN_CHUNK_SIZE } from '../../rollup.config.mjs';
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

/** A module's id as a path relative to `root`, packages under their name (`lit-html/lit-html.js`). */
function modulePath(id, root) {
  return relative(root, id)
    .split(sep)
    .join('/')
    .replace(/^.*node_modules\//, '');
}

/** The group a module path is counted under: a package, a shared folder or an element. */
function groupOf(path) {
  if (!path.startsWith('src/')) {
    const name = path.match(/^(?:@[^/]+\/)?[^/]+/)[0];
    return ['lit', 'lit-html', 'lit-element'].includes(name) ? 'lit (lit-html, lit-element)' : name;
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
 * The static part of the bundle an app would build from `input` (a file under
 * src/), as `{ total, modules }`: its real min+gzip size, and each module's
 * estimated share of it, keyed by {@link modulePath}.
 */
export async function moduleShares(root, input) {
  // The script-tag bundle is split as rollup.config.mjs splits it.
  const scriptTag = input.endsWith('/src/bundle.ts');
  const bundle = await rollup({
    input,
    plugins: [
      ...(scriptTag ? [oneViewsChunk()] : []),
      minifyTemplates(),
      nodeResolve({ browser: true }),
      compileTypeScript(root),
      terser({ ecma: 2020, module: true, format: { comments: false } }),
    ],
    onLog: () => {},
  });
  const { output } = await bundle.generate({
    format: 'es',
    ...(scriptTag ? { experimentalMinChunkSize: SCRIPT_TAG_MIN_CHUNK_SIZE } : {}),
  });
  await bundle.close();

  const modules = new Map();
  let total = 0;
  for (const chunk of staticChunks(output)) {
    const gzipped = gzipSize(chunk.code);
    total += gzipped;
    const lengths = [];
    for (const [id, info] of Object.entries(chunk.modules)) {
      if (info.renderedLength > 0)
        lengths.push([modulePath(id, root), await minifiedLength(info.code ?? '')]);
    }
    const sum = lengths.reduce((acc, [, length]) => acc + length, 0) || 1;
    for (const [path, length] of lengths) {
      modules.set(path, (modules.get(path) ?? 0) + (gzipped * length) / sum);
    }
  }
  return { total, modules };
}

/** The biggest `limit` rows of `[name, bytes]` pairs, then one "other" row for the rest. */
function topRows(pairs, limit) {
  const sorted = [...pairs].sort((a, b) => b[1] - a[1]);
  const rows = sorted.slice(0, limit);
  const rest = sorted.slice(limit);
  if (rest.length > 0) {
    const bytes = rest.reduce((acc, [, share]) => acc + share, 0);
    rows.push([`other (${rest.length} ${rest.length === 1 ? 'row' : 'rows'})`, bytes]);
  }
  return rows;
}

/**
 * Rows `[group, bytes]` for the static part of the script-tag bundle, biggest
 * first: the top `limit` groups, then "other" for the rest.
 */
export async function whereTheBytesGo(root, { limit = 15 } = {}) {
  const { total, modules } = await moduleShares(root, `${root}/src/bundle.ts`);
  const groups = new Map();
  for (const [path, bytes] of modules) {
    const group = groupOf(path);
    groups.set(group, (groups.get(group) ?? 0) + bytes);
  }
  return { rows: topRows(groups, limit), total };
}

/** The module entry of each element, as an app imports it (`portal-widgets/<name>.js`). */
const ELEMENT_ENTRIES = ['article', 'activity-list', 'link-box', 'visit-stats'];

/**
 * The page with only `<pw-visit-stats>`, module by module, and how much of it
 * is shared by all four elements: the modules every one-element page carries
 * whichever element it shows (lit, the base element, the HTTP core, the
 * common strings), so the floor under any element of its own.
 */
export async function visitStatsPageBytes(root, { limit = 18 } = {}) {
  const pages = await Promise.all(
    ELEMENT_ENTRIES.map((name) => moduleShares(root, `${root}/src/${name}/${name}.ts`)),
  );
  const page = pages[ELEMENT_ENTRIES.indexOf('visit-stats')];
  const inEveryPage = (path) => pages.every(({ modules }) => modules.has(path));
  let shared = 0;
  for (const [path, bytes] of page.modules) if (inEveryPage(path)) shared += bytes;
  const rows = topRows(
    [...page.modules].map(([path, bytes]) => [inEveryPage(path) ? `${path} ¹` : path, bytes]),
    limit,
  );
  return { rows, total: page.total, shared };
}
