/**
 * Sources that hand every call to another source: a forwarding source that
 * asks which one on each call, and a lazy source that loads its adapter on
 * first use. Every `<pw-source>` of a lazily loaded type is built on them.
 */

import type { DataSource } from '../types.js';

/** Options of sources built from other sources. */
export interface DerivedSourceOptions {
  /** IANA zone the widgets show dates in. Default: none; for a composite, that of its articles' source. */
  timeZone?: string;
}

/**
 * A source whose every call first asks `resolve` for the source to use, then
 * delegates to it. `recordVisit` counts the visit when the resolved source
 * can, and otherwise does nothing (the widget then reads the counters).
 */
export function createForwardingSource(
  resolve: () => DataSource | Promise<DataSource>,
  options: DerivedSourceOptions = {},
): DataSource {
  const use = async <T>(call: (source: DataSource) => Promise<T>): Promise<T> =>
    call(await resolve());
  return {
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
    getArticle: (id, o) => use((s) => s.getArticle(id, o)),
    listArticles: (query, o) => use((s) => s.listArticles(query, o)),
    listLinks: (query, o) => use((s) => s.listLinks(query, o)),
    getVisitStats: (o) => use((s) => s.getVisitStats(o)),
    recordVisit: (o) => use(async (s) => (s.recordVisit ? s.recordVisit(o) : undefined)),
  };
}

/**
 * A source that calls `load` on first use (typically a dynamic `import()` of
 * an adapter, so pages that never use it never download it) and then
 * delegates to what it returned. A failed load is tried again on the next call.
 */
export function createLazySource(
  load: () => Promise<DataSource>,
  options: DerivedSourceOptions = {},
): DataSource {
  let loaded: Promise<DataSource> | undefined;
  return createForwardingSource(() => {
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  }, options);
}
