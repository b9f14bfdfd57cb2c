/**
 * A composite source: each kind of data from a different backend (articles
 * from WordPress, links from an OPML file, counters from the visit counter).
 * Few pages use one, so the script-tag bundle has it in the chunk that a
 * `<pw-source type="composite">` loads.
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
import type { DerivedSourceOptions } from './forwarding.js';

/** Which source serves each kind of data; a kind left out is a configuration error when asked for. */
export interface CompositeParts {
  /** Lists of articles and single articles. */
  articles?: DataSource;
  /** The link box. */
  links?: DataSource;
  /** Visit counters, including counting a visit and live updates where that source has them. */
  stats?: DataSource;
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
