// Three builds from one source tree:
//  1. the npm build: one ES module per public entry, shared code in chunks/,
//     lit and DOMPurify left as imports so an app keeps a single copy;
//  2. the script-tag build: portal-widgets.min.js with everything bundled in,
//     for pages without a build step. DOMPurify stays a lazy chunk beside it;
//  3. the command line (`portal-widgets init|check`, src/cli/): one Node file,
//     dist/cli/portal-widgets.js, with the data layer it shares with the
//     widgets bundled in; nothing of it reaches the browser entries.
// Type declarations are not written here: `tsc -p tsconfig.build.json` does
// that into dist/types after this config has run (see the `build` script).
import { readFileSync, rmSync } from 'node:fs';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const outDir = 'dist';

/** Public entry points of the npm build; the keys become dist/<key>.js. */
const entries = {
  index: 'src/index.ts',
  article: 'src/article/article.ts',
  'activity-list': 'src/activity-list/activity-list.ts',
  'link-box': 'src/link-box/link-box.ts',
  'visit-stats': 'src/visit-stats/visit-stats.ts',
  source: 'src/source/source.ts',
  'data/index': 'src/data/index.ts',
};

// Every runtime dependency (and its subpaths, e.g. lit/decorators.js) stays an
// import in the npm build; @lit/* also covers lit's own reactive-element.
const dependencies = Object.keys(pkg.dependencies ?? {});
const isExternal = (id) =>
  id.startsWith('@lit/') || dependencies.some((dep) => id === dep || id.startsWith(`${dep}/`));

/**
 * Compiles src/ only (tests and stories have their own tooling). Emits plain
 * JavaScript: declarations are tsc's job, and a type error stops the build.
 */
const compileTypeScript = () =>
  typescript({
    tsconfig: './tsconfig.json',
    include: ['src/**/*.ts'],
    exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts'],
    compilerOptions: {
      noEmit: false,
      emitDeclarationOnly: false,
      declaration: false,
      declarationMap: false,
      sourceMap: true,
      inlineSources: true,
      noEmitOnError: true,
      types: [],
    },
  });

/**
 * Minifies the markup and CSS inside html`` and css`` templates (indentation,
 * comments), which no JavaScript minifier touches. Both builds use it, so apps
 * bundling the npm build get the smaller templates too, and so does the bench.
 * Whitespace runs shrink to one space but never vanish: a space between two
 * inline pieces ("title (date)") is text. A template it cannot parse fails the
 * build rather than shipping half-minified.
 */
export const minifyTemplates = () =>
  minifyHtmlLiterals({
    include: ['src/**/*.ts'],
    failOnError: true,
    options: { minifyOptions: { conservativeCollapse: true } },
  });

/** Empties dist/ once per run, so renamed or re-hashed chunks never pile up in the package. */
const cleanOutput = () => ({
  name: 'clean-output',
  buildStart() {
    if (this.meta.watchMode) return;
    rmSync(outDir, { recursive: true, force: true });
  },
});

/** @type {import('rollup').RollupOptions} */
const npmBuild = {
  input: entries,
  external: isExternal,
  plugins: [cleanOutput(), minifyTemplates(), compileTypeScript()],
  output: {
    dir: outDir,
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
};

/**
 * The script-tag build fetches the drawings of loaded lists, links and figures
 * (each box's `*-view.ts`, loaded beside its data) as one file,
 * src/bundle-views.ts: a portal page shows all three, and one request instead
 * of three keeps the page within the browser's six connections per server
 * while the data is on the way. The article's, with the sanitizer, stays
 * apart: most pages with a list have no article. The npm build keeps one
 * chunk per element, so an app pays only for the boxes it uses.
 */
export const oneViewsChunk = () => ({
  name: 'one-views-chunk',
  async resolveDynamicImport(specifier) {
    if (typeof specifier !== 'string') return null;
    if (!/^\.\/(activity-list|link-box|visit-stats)-view\.js$/.test(specifier)) return null;
    return (await this.resolve('./src/bundle-views.ts', undefined, { skipSelf: true }))?.id ?? null;
  },
});

/** Chunks of the script-tag build below this many bytes join one that is loaded whenever they are. */
export const SCRIPT_TAG_MIN_CHUNK_SIZE = 1024;

/** @type {import('rollup').RollupOptions} */
const scriptTagBuild = {
  input: { 'portal-widgets': 'src/bundle.ts' },
  // The lazy chunks may import shared code from the entry itself, so the file a
  // page's script tag names is the whole bundle: one round trip to the code,
  // where a thin entry re-exporting a shared chunk cost a second one.
  preserveEntrySignatures: 'allow-extension',
  // Merging small chunks (see experimentalMinChunkSize) reports its counts on every build.
  onLog: (level, log, handler) => log.code === 'OPTIMIZE_CHUNK_STATUS' || handler(level, log),
  plugins: [
    oneViewsChunk(),
    minifyTemplates(),
    nodeResolve({ browser: true }),
    compileTypeScript(),
    // A second compress pass folds what the first one exposed (about 50 bytes
    // gzipped); more passes found nothing further.
    terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } }),
  ],
  output: {
    dir: outDir,
    format: 'es',
    // lit's directive base is shared by the lazy chunks only (the views' guard,
    // the article's unsafeHTML); on its own it would be one more file that
    // each of them asks for only after it has arrived. Chunks this small are
    // merged into one loaded whenever they are: here, the bundle.
    experimentalMinChunkSize: SCRIPT_TAG_MIN_CHUNK_SIZE,
    entryFileNames: '[name].min.js',
    chunkFileNames: 'portal-widgets-[name]-[hash].min.js',
    sourcemap: true,
  },
};

/** @type {import('rollup').RollupOptions} */
const cliBuild = {
  input: 'src/cli/main.ts',
  // Node's own modules and the HTML parser stay imports (the parser is a dependency).
  external: (id) => id.startsWith('node:') || id === 'linkedom',
  plugins: [nodeResolve(), compileTypeScript()],
  output: {
    file: `${outDir}/cli/portal-widgets.js`,
    format: 'es',
    banner: '#!/usr/bin/env node',
    sourcemap: true,
    // One file: the adapters the browser loads lazily are simply part of it here.
    inlineDynamicImports: true,
  },
};

export default [npmBuild, scriptTagBuild, cliBuild];
