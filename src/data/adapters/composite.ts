/**
 * Sources made of other sources: a composite that takes each kind of data
 * from a different backend (articles from WordPress, links from an OPML
 * file, counters from the visit counter), a lazy source that loads its
 * adapter on first use, and category aliases.
 */

import { ConfigError } from '../errors.js';
import type {
  Article,
  ArticleQuery,
  ArticleSummary,
  DataSource,
  Link,
  LinkQuery,
  Page,
  RequestOptions,
  VisitStats,
} from '../types.js';

/** Which source serves each kind of data; a kind left out is a configuration error when asked for. */
export interface CompositeParts {
  /** Lists of articles and single articles. */
  articles?: DataSource;
  /** The link box. */
  links?: DataSource;
  /** Visit counters, including counting a visit and live updates where that source has them. */
  stats?: DataSource;
}

/** Options of sources built from other sources. */
export interface DerivedSourceOptions {
  /** IANA zone the widgets show dates in. Default: that of the articles' source, if any. */
  timeZone?: string;
}

function missing(kind: keyof CompositeParts): Promise<never> {
  return Promise.reject(
    new ConfigError(`This composite source has no source for ${kind}; give it one ("${kind}").`),
  );
}

/**
 * Creates a source that takes articles, links and visit counters each from
 * its own source. `recordVisit` and `watchVisitStats` are those of the
 * `stats` source, present only when it has them.
 *
 * ```ts
 * createCompositeSource({
 *   articles: createWordPressSource({ baseUrl: 'https://portal.example' }),
 *   links: createRssSource({ url: '/feed', linksUrl: '/lien-ket.opml' }),
 *   stats: createJsonSource({ baseUrl: 'https://counter.example/api' }),
 * });
 * ```
 */
export function createCompositeSource(
  parts: CompositeParts,
  options: DerivedSourceOptions = {},
): DataSource {
  const { articles, links, stats } = parts;
  const timeZone = options.timeZone ?? articles?.timeZone;
  const source: DataSource = {
    ...(timeZone === undefined ? {} : { timeZone }),
    getArticle: (id: string, o?: RequestOptions): Promise<Article> =>
      articles ? articles.getArticle(id, o) : missing('articles'),
    listArticles: (query: ArticleQuery, o?: RequestOptions): Promise<Page<ArticleSummary>> =>
      articles ? articles.listArticles(query, o) : missing('articles'),
    listLinks: (query: LinkQuery, o?: RequestOptions): Promise<Link[]> =>
      links ? links.listLinks(query, o) : missing('links'),
    getVisitStats: (o?: RequestOptions): Promise<VisitStats> =>
      stats ? stats.getVisitStats(o) : missing('stats'),
  };
  if (stats?.recordVisit) source.recordVisit = (o) => stats.recordVisit!(o);
  if (stats?.watchVisitStats)
    source.watchVisitStats = (callback) => stats.watchVisitStats!(callback);
  return source;
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

/**
 * Reads category aliases written as `name=id` pairs separated by commas or
 * spaces: `"hoat-dong-lanh-dao=12, tin-tuc=7"`.
 *
 * @throws {ConfigError} for a pair without a name or an id.
 */
export function parseCategoryAliases(text: string): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const pair of text.split(/[\s,]+/)) {
    if (pair === '') continue;
    const match = /^([^=]+)=(.+)$/.exec(pair);
    if (!match) {
      throw new ConfigError(
        `categories="${text}": "${pair}" is not a name=id pair (e.g. categories="tin-tuc=7").`,
      );
    }
    aliases[match[1]!] = match[2]!;
  }
  return aliases;
}

/**
 * Wraps `source` so that widgets may name categories by the portal's own
 * names while the backend gets its ids: with `{ 'tin-tuc': '7' }`, a list of
 * category `tin-tuc` asks the backend for category `7`. Other names pass unchanged.
 */
export function withCategoryAliases(
  source: DataSource,
  aliases: Record<string, string>,
): DataSource {
  const wrapped: DataSource = {
    ...(source.timeZone === undefined ? {} : { timeZone: source.timeZone }),
    getArticle: (id, o) => source.getArticle(id, o),
    listArticles: (query, o) =>
      source.listArticles(
        query.category !== undefined && Object.hasOwn(aliases, query.category)
          ? { ...query, category: aliases[query.category] }
          : query,
        o,
      ),
    listLinks: (query, o) => source.listLinks(query, o),
    getVisitStats: (o) => source.getVisitStats(o),
  };
  if (source.recordVisit) wrapped.recordVisit = (o) => source.recordVisit!(o);
  if (source.watchVisitStats)
    wrapped.watchVisitStats = (callback) => source.watchVisitStats!(callback);
  return wrapped;
}
