/**
 * Pages of their own for the tests of lazy chunks: an iframe is a fresh module
 * graph, so nothing of the library is loaded in it yet, and its Resource
 * Timing entries count what that page fetched. An import map can send a
 * chunk's module elsewhere, as a broken deploy or a lost connection would.
 */
import { waitFor } from './server.js';

let frames: HTMLIFrameElement[] = [];

/** What goes into a frame page; `head` comes before `modules`, so an import map there applies to them. */
export interface FramePageOptions {
  /** `<html lang>`; none by default. */
  lang?: string;
  /** Markup at the top of `<head>` (scripts that record errors or warnings, say). */
  head?: string;
  /** Module URLs to send elsewhere: source path (`/src/…/x.js`) → URL. */
  redirect?: Record<string, string>;
  /** Inline module code, run after the import map. */
  script?: string;
  /** Module files to load, after the import map. */
  modules?: string[];
  body?: string;
}

/**
 * An import map sending each source module to its target. The test server
 * serves TypeScript sources under their own name, and imports name them
 * `.js`, so both spellings are mapped.
 */
function importMap(redirect: Record<string, string>): string {
  const imports: Record<string, string> = {};
  for (const [path, target] of Object.entries(redirect)) {
    imports[path] = target;
    imports[path.replace(/\.js$/, '.ts')] = target;
  }
  return `<script type="importmap">${JSON.stringify({ imports })}</script>`;
}

/** Opens a page in a new iframe and resolves with its window once it has loaded. */
export async function openFramePage(options: FramePageOptions = {}): Promise<Window> {
  const { lang, head = '', redirect, script, modules = [], body = '' } = options;
  const frame = document.createElement('iframe');
  frame.title = 'test page';
  frame.width = '800';
  frame.height = '1200';
  frame.srcdoc = `<!doctype html>
    <html${lang ? ` lang="${lang}"` : ''}>
      <head>
        <meta charset="utf-8" />
        <script>performance.setResourceTimingBufferSize(5000);</script>
        ${head}
        ${redirect ? importMap(redirect) : ''}
        ${script ? `<script type="module">${script}</script>` : ''}
        ${modules.map((src) => `<script type="module" src="${src}"></script>`).join('\n')}
      </head>
      <body>${body}</body>
    </html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frames.push(frame);
  document.body.append(frame);
  await loaded;
  return frame.contentWindow!;
}

/**
 * Opens a frame page that imports `modules` and resolves, once they have run,
 * with the page's window and their exports merged into one object: a test
 * then calls the library of that page, not its own copy.
 */
export async function openFramePageImporting<Exports>(
  modules: string[],
  options: Omit<FramePageOptions, 'script'> = {},
): Promise<{ win: Window; exports: Exports }> {
  const imports = modules.map((module, i) => `import * as m${i} from '${module}';`).join('\n');
  const merged = modules.map((_, i) => `...m${i}`).join(', ');
  const win = (await openFramePage({
    ...options,
    script: `${imports}\nwindow.frameExports = { ${merged} };`,
  })) as Window & { frameExports?: Exports };
  const exports = await waitFor(
    () => win.frameExports,
    `${modules.join(', ')} did not load in the page`,
  );
  return { win, exports };
}

/** Removes every page {@link openFramePage} opened; call it in `afterEach`. */
export function closeFramePages(): void {
  for (const frame of frames) frame.remove();
  frames = [];
}

/** How many times the page fetched a resource whose path matches `pattern`. */
export function fetchCount(win: Window, pattern: RegExp): number {
  return win.performance
    .getEntriesByType('resource')
    .filter((entry) => pattern.test(new URL(entry.name).pathname)).length;
}

/** `path` as an absolute URL: a page in an iframe has no address of its own to resolve it against. */
export function absolute(path: string): string {
  return new URL(path, window.location.href).href;
}
