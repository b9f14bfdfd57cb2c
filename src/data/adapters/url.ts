/**
 * The source behind a widget's own `src` attribute: one URL that answers the
 * canonical JSON for that widget. The shortest embed, no `<pw-source>` needed.
 */

import { checkTimeZone, DEFAULT_TIME_ZONE } from '../dates.js';
import { ConfigError } from '../errors.js';
import { defaultHttpClient, type HttpClient } from '../http.js';
import {
  normalizeArticle,
  normalizeLinks,
  normalizePage,
  normalizeVisitStats,
  type NormalizeContext,
} from '../normalize.js';
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
import { getOptions, validateFrom } from './shared.js';

/** Options of {@link createUrlSource}. */
export interface UrlSourceOptions {
  /** IANA zone of offset-less dates. Default `Asia/Ho_Chi_Minh`. */
  timeZone?: string;
  /** Default: the page-wide {@link defaultHttpClient}. */
  http?: HttpClient;
}

/** The DataSource returned by {@link createUrlSource}. */
export interface UrlSource extends DataSource {
  readonly timeZone: string;
}

/**
 * Creates a source from one URL:
 * - lists add `page`, `pageSize` (and `category` when given) to its query;
 * - an article replaces `{id}` in it (URL-encoded), or uses it as is;
 * - links and visit counters GET it as is (links are filtered by group here).
 *
 * @throws {ConfigError} for an empty or invalid URL, or an unknown time zone.
 */
export function createUrlSource(src: string, options: UrlSourceOptions = {}): UrlSource {
  const template = typeof src === 'string' ? src.trim() : '';
  if (template === '')
    throw new ConfigError('The src attribute is empty; it must be the URL of the data.');
  const timeZone = checkTimeZone(options.timeZone ?? DEFAULT_TIME_ZONE);
  const http = options.http ?? defaultHttpClient;
  const pageUrl = globalThis.location?.href;

  let baseUrl: string;
  try {
    // `{id}` would be percent-encoded by the parser, so it is filled in before parsing (see getArticle).
    baseUrl = new URL(template.replaceAll('{id}', '_'), pageUrl).href;
  } catch {
    throw new ConfigError(`src="${template}" is not a valid URL.`);
  }
  const ctx: NormalizeContext = { timeZone, baseUrl };

  return {
    timeZone,

    async listArticles(
      query: ArticleQuery,
      options?: RequestOptions,
    ): Promise<Page<ArticleSummary>> {
      const target = new URL(template, pageUrl);
      target.searchParams.set('page', String(query.page));
      target.searchParams.set('pageSize', String(query.pageSize));
      if (query.category) target.searchParams.set('category', query.category);
      const response = await http.getJson(target.href, getOptions(options));
      return validateFrom(target.href, () => normalizePage(response.data, query, ctx));
    },

    async getArticle(id: string, options?: RequestOptions): Promise<Article> {
      if (typeof id !== 'string' || id === '')
        throw new ConfigError('getArticle needs a non-empty article id.');
      const target = template.replaceAll('{id}', encodeURIComponent(id));
      const response = await http.getJson(target, getOptions(options));
      return validateFrom(target, () => normalizeArticle(response.data, ctx));
    },

    async listLinks(query: LinkQuery, options?: RequestOptions): Promise<Link[]> {
      const response = await http.getJson(template, getOptions(options));
      const links = validateFrom(template, () => normalizeLinks(response.data));
      return query.group ? links.filter((link) => link.group === query.group) : links;
    },

    async getVisitStats(options?: RequestOptions): Promise<VisitStats> {
      const response = await http.getJson(template, getOptions(options));
      return validateFrom(template, () => normalizeVisitStats(response.data, ctx));
    },
  };
}
