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
import { checkSrc } from './url-lazy.js';
import { pageBaseUrl } from '../page-url.js';

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
 * One checked `src` URL and how to read it, shared by the per-kind readers
 * below. A widget reads only its own kind, so it imports only that reader and
 * the page downloads only that normalizer (see `PortalElement.sourceFromUrl`).
 */
export interface UrlEndpoint {
  /** The URL as given, `{id}` not yet filled in. */
  readonly template: string;
  readonly timeZone: string;
  readonly http: HttpClient;
  readonly ctx: NormalizeContext;
}

/**
 * Checks `src` and resolves it against the page.
 *
 * @throws {ConfigError} for an empty or invalid URL, or an unknown time zone.
 */
export function urlEndpoint(src: string, options: UrlSourceOptions = {}): UrlEndpoint {
  const { template, baseUrl } = checkSrc(src);
  const timeZone = checkTimeZone(options.timeZone ?? DEFAULT_TIME_ZONE);
  return {
    template,
    timeZone,
    http: options.http ?? defaultHttpClient,
    ctx: { timeZone, baseUrl },
  };
}

/** A page of articles: `page`, `pageSize` (and `category` when given) are added to the URL's query. */
export async function listArticlesFromUrl(
  { template, http, ctx }: UrlEndpoint,
  query: ArticleQuery,
  options?: RequestOptions,
): Promise<Page<ArticleSummary>> {
  const target = new URL(template, pageBaseUrl());
  target.searchParams.set('page', String(query.page));
  target.searchParams.set('pageSize', String(query.pageSize));
  if (query.category) target.searchParams.set('category', query.category);
  const response = await http.getJson(target.href, getOptions(options));
  return validateFrom(target.href, () => normalizePage(response.data, query, ctx));
}

/** One article: `{id}` in the URL is replaced by the URL-encoded id, or the URL is used as is. */
export async function getArticleFromUrl(
  { template, http, ctx }: UrlEndpoint,
  id: string,
  options?: RequestOptions,
): Promise<Article> {
  // Without `{id}` the URL names one article and the id is not used.
  if (template.includes('{id}') && (typeof id !== 'string' || id === ''))
    throw new ConfigError('getArticle needs a non-empty article id.');
  const target = template.replaceAll('{id}', encodeURIComponent(String(id)));
  const response = await http.getJson(target, getOptions(options));
  return validateFrom(target, () => normalizeArticle(response.data, ctx));
}

/** The links at the URL, filtered by group here. */
export async function listLinksFromUrl(
  { template, http }: UrlEndpoint,
  query: LinkQuery,
  options?: RequestOptions,
): Promise<Link[]> {
  const response = await http.getJson(template, getOptions(options));
  const links = validateFrom(template, () => normalizeLinks(response.data));
  return query.group ? links.filter((link) => link.group === query.group) : links;
}

/** The visit counters at the URL. */
export async function getVisitStatsFromUrl(
  { template, http, ctx }: UrlEndpoint,
  options?: RequestOptions,
): Promise<VisitStats> {
  const response = await http.getJson(template, getOptions(options));
  return validateFrom(template, () => normalizeVisitStats(response.data, ctx));
}

/**
 * A source over `endpoint` with only the `readers` a widget uses; any other
 * kind rejects with a ConfigError saying so.
 */
export function urlSourceWith(
  endpoint: UrlEndpoint,
  readers: Partial<Pick<DataSource, 'listArticles' | 'getArticle' | 'listLinks' | 'getVisitStats'>>,
): UrlSource {
  const unread = (): Promise<never> =>
    Promise.reject(
      new ConfigError(`src="${endpoint.template}" is read by another kind of widget only.`),
    );
  return {
    timeZone: endpoint.timeZone,
    listArticles: unread,
    getArticle: unread,
    listLinks: unread,
    getVisitStats: unread,
    ...readers,
  };
}

/**
 * Creates a source from one URL, for every kind of data:
 * - lists add `page`, `pageSize` (and `category` when given) to its query;
 * - an article replaces `{id}` in it (URL-encoded), or uses it as is;
 * - links and visit counters GET it as is (links are filtered by group here).
 *
 * @throws {ConfigError} for an empty or invalid URL, or an unknown time zone.
 */
export function createUrlSource(src: string, options: UrlSourceOptions = {}): UrlSource {
  const endpoint = urlEndpoint(src, options);
  return urlSourceWith(endpoint, {
    listArticles: (query, requestOptions) => listArticlesFromUrl(endpoint, query, requestOptions),
    getArticle: (id, requestOptions) => getArticleFromUrl(endpoint, id, requestOptions),
    listLinks: (query, requestOptions) => listLinksFromUrl(endpoint, query, requestOptions),
    getVisitStats: (requestOptions) => getVisitStatsFromUrl(endpoint, requestOptions),
  });
}
