/**
 * Lazy chunks that can be downloaded again after a failure, in every browser.
 *
 * Each chunk is loaded with a literal `import('./x.js')`, so that bundlers (the
 * library's own and a consumer's) see it and emit it. When that download
 * fails, Chromium fetches the file again on the next `import()` of it, but
 * Firefox keeps the failure for the life of the page and fails again at once,
 * without a request: one network blip would leave the box broken until the
 * visitor reloads. So once a download has failed, and the error names the
 * module's address (both engines end the message with it), the next attempts
 * import that address with a `retry` query: a new address, fetched afresh.
 */

/**
 * Wraps the loader of one lazy chunk: the first call downloads it, later calls
 * share that download or its result, and a call after a failure tries again
 * (see the module comment for how).
 */
export function lazyModule<M>(load: () => Promise<M>): () => Promise<M> {
  let pending: Promise<M> | undefined;
  let failedUrl: string | undefined;
  let retries = 0;
  return () =>
    (pending ??= (failedUrl ? importAgain<M>(failedUrl, ++retries) : load()).catch(
      (error: unknown) => {
        pending = undefined;
        failedUrl ??= moduleUrlIn(error);
        throw error;
      },
    ));
}

function importAgain<M>(url: string, attempt: number): Promise<M> {
  const address = new URL(url);
  address.searchParams.set('retry', String(attempt));
  // A computed address, on purpose: bundlers must leave this import to the browser.
  return import(/* @vite-ignore */ /* webpackIgnore: true */ address.href) as Promise<M>;
}

/**
 * The address at the end of a failed import's message ("Failed to fetch
 * dynamically imported module: URL", "error loading dynamically imported
 * module: URL"); undefined when the browser names none (Safari), which then
 * simply imports the same address again.
 */
function moduleUrlIn(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : '';
  return /\b(https?:\/\/\S+)$/.exec(message)?.[1];
}

/**
 * The module `pending` (a download started beside some data) resolves to, or
 * when that download failed, a second one started now: by the time the data
 * has arrived, a lost connection is often back, and the box can show what it
 * has instead of an error.
 */
export async function orAgain<M>(pending: Promise<M>, load: () => Promise<M>): Promise<M> {
  try {
    return await pending;
  } catch {
    return load();
  }
}
