/**
 * The source behind a widget's `src` attribute, as the elements build it:
 * the URL is checked at once (a bad one is a configuration error, shown
 * without a request), and the url adapter that reads it (with the HTTP client
 * and the normalizers) is a chunk downloaded on the first read. A page whose
 * widgets read a `<pw-source>` never downloads it; in the script-tag bundle
 * it is part of the bundle, so there it costs no request at all.
 */

import { DEFAULT_TIME_ZONE } from '../time-zone.js';
import { ConfigError } from '../errors.js';
import { lazyModule } from '../lazy-module.js';
import { pageBaseUrl } from '../page-url.js';
import type { DataSource } from '../types.js';
import type * as UrlAdapter from './url.js';

/** The readers a widget takes from the url adapter: only those of its own kind of data. */
export type UrlReaders = Partial<
  Pick<DataSource, 'listArticles' | 'getArticle' | 'listLinks' | 'getVisitStats'>
>;

/**
 * `src` trimmed and resolved against the page (`{id}` filled in first, as the
 * URL parser would percent-encode it).
 *
 * @throws {ConfigError} for an empty or invalid URL.
 */
export function checkSrc(src: string): { template: string; baseUrl: string } {
  const template = typeof src === 'string' ? src.trim() : '';
  if (template === '')
    throw new ConfigError('The src attribute is empty; it must be the URL of the data.');
  try {
    return { template, baseUrl: new URL(template.replaceAll('{id}', '_'), pageBaseUrl()).href };
  } catch {
    throw new ConfigError(`src="${template}" is not a valid URL.`);
  }
}

const loadUrlAdapter = lazyModule(() => import('./url.js'));

/**
 * A source over `src` whose reads wait for the url adapter chunk, then use the
 * readers `readersOf` picks from it. A failed download fails that read as a
 * network error would (the box offers "Thử lại"); the next read downloads again.
 *
 * @throws {ConfigError} for an empty or invalid URL.
 */
export function lazyUrlSource(
  src: string,
  readersOf: (url: typeof UrlAdapter, endpoint: UrlAdapter.UrlEndpoint) => UrlReaders,
): DataSource & { readonly timeZone: string } {
  const { template } = checkSrc(src);
  let source: DataSource | undefined;
  const ready = async (): Promise<DataSource> => {
    const url = await loadUrlAdapter();
    if (!source) {
      const endpoint = url.urlEndpoint(template);
      source = url.urlSourceWith(endpoint, readersOf(url, endpoint));
    }
    return source;
  };
  return {
    timeZone: DEFAULT_TIME_ZONE,
    listArticles: async (query, options) => (await ready()).listArticles(query, options),
    getArticle: async (id, options) => (await ready()).getArticle(id, options),
    listLinks: async (query, options) => (await ready()).listLinks(query, options),
    getVisitStats: async (options) => (await ready()).getVisitStats(options),
  };
}
