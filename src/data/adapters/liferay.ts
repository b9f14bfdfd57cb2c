/**
 * The `liferay` adapter: web content (structured contents) of a Liferay DXP /
 * Portal 7.2+ site through the headless delivery API
 * (`/o/headless-delivery/v1.0`). Liferay localizes content by `Accept-Language`,
 * so the widget's language picks the translation.
 */

import { checkTimeZone, DEFAULT_TIME_ZONE } from '../dates.js';
import { ConfigError } from '../errors.js';
import { defaultHttpClient, type HttpClient, type JsonResponse } from '../http.js';
import { normalizeArticle, normalizePage, type NormalizeContext } from '../normalize.js';
import type {
  Article,
  ArticleQuery,
  ArticleSummary,
  DataSource,
  Link,
  Page,
  RequestOptions,
  VisitStats,
} from '../types.js';
import {
  asRecord,
  explainCors,
  firstOf,
  htmlToText,
  notOffered,
  queryString,
  siteRoot,
} from './cms.js';
import { checkTemplate, fillTemplate, getOptions, validateFrom } from './shared.js';

/** Options of {@link createLiferaySource}. */
export interface LiferaySourceOptions {
  /**
   * The portal root, e.g. `https://portal.example` (a root ending in
   * `/o/headless-delivery/v1.0` is accepted too).
   */
  baseUrl: string;
  /** The site (group) id whose web content is listed; needed unless `structureId` is given. */
  siteId?: string;
  /** List only web content of this structure (`/content-structures/{id}/structured-contents`). */
  structureId?: string;
  /** Name of the content field holding the article body. Default `content`. */
  bodyField?: string;
  /**
   * URL template of an article's page on the portal, with `{id}` and `{slug}`
   * (the `friendlyUrlPath`), e.g. `https://portal.example/web/guest/w/{slug}`.
   * Without it items carry no URL (use the list's `href-template` or `target`).
   */
  articleUrl?: string;
  /** IANA zone of dates shown. Default `Asia/Ho_Chi_Minh`. */
  timeZone?: string;
  /** Default: the page-wide {@link defaultHttpClient}. */
  http?: HttpClient;
}

/** The DataSource returned by {@link createLiferaySource}. */
export interface LiferaySource extends DataSource {
  readonly timeZone: string;
}

type Json = Record<string, unknown>;

const API_PATH = '/o/headless-delivery/v1.0';

/** Liferay matches full locales (`vi_VN`, `en_US`); the widgets speak `vi` and `en`. */
const LOCALES: Record<string, string> = { vi: 'vi-VN', en: 'en-US' };

/** Content fields, including those nested in fieldsets (`nestedContentFields`). */
function contentFields(value: unknown): Json[] {
  const result: Json[] = [];
  for (const field of Array.isArray(value) ? value : []) {
    const record = asRecord(field);
    if (!record) continue;
    result.push(record, ...contentFields(record.nestedContentFields));
  }
  return result;
}

/**
 * Creates a data source for the web content of a Liferay site.
 *
 * - list: `GET /sites/{siteId}/structured-contents?flatten=true` (or
 *   `/content-structures/{structureId}/structured-contents`) with `page`,
 *   `pageSize`, `sort=datePublished:desc` and, for a category, the OData
 *   `filter=taxonomyCategoryIds/any(t:t eq {id})`; `totalCount` and `lastPage`;
 * - article: `GET /structured-contents/{id}`, or by friendly URL path for a
 *   non-numeric id; the body is the content field named `bodyField`;
 * - links and visit statistics: none (combine sources).
 *
 * @throws {ConfigError} for a missing base URL or site, a bad template or time zone.
 */
export function createLiferaySource(options: LiferaySourceOptions): LiferaySource {
  const timeZone = checkTimeZone(options.timeZone ?? DEFAULT_TIME_ZONE);
  const http = options.http ?? defaultHttpClient;
  let site = siteRoot(options.baseUrl, 'liferay');
  if (site.endsWith(API_PATH)) site = site.slice(0, -API_PATH.length);
  const siteId = options.siteId?.trim() || undefined;
  const structureId = options.structureId?.trim() || undefined;
  if (!siteId && !structureId) {
    throw new ConfigError(
      'The liferay source needs the site id (site-id on <pw-source type="liferay">) or a structure id.',
    );
  }
  const bodyField = options.bodyField?.trim() || 'content';
  const articleUrl = options.articleUrl
    ? checkTemplate('article-url', options.articleUrl, ['id', 'slug'])
    : undefined;
  const ctx: NormalizeContext = { timeZone, baseUrl: `${site}/` };

  function read(
    path: string,
    query: string,
    requestOptions?: RequestOptions,
  ): Promise<JsonResponse> {
    const url = `${site}${API_PATH}${path}${query ? `?${query}` : ''}`;
    const lang = requestOptions?.lang;
    const localized = { ...requestOptions, lang: lang ? (LOCALES[lang] ?? lang) : undefined };
    return explainCors(url, () => http.getJson(url, getOptions(localized)));
  }

  /** A structured content in the canonical shape, still to be validated. */
  function canonical(raw: unknown): unknown {
    const item = asRecord(raw);
    if (!item) return raw;
    const fields = contentFields(item.contentFields);
    const result: Json = {
      id: item.id,
      title: item.title,
      date: item.datePublished ?? item.dateCreated,
      summary: htmlToText(item.description),
      author: asRecord(item.creator)?.name,
    };
    const body = fields.find((field) => field.name === bodyField);
    if (body) result.body = asRecord(body.contentFieldValue)?.data ?? '';
    const slug = typeof item.friendlyUrlPath === 'string' ? item.friendlyUrlPath : '';
    if (articleUrl) {
      result.url = new URL(
        fillTemplate(articleUrl, { id: String(item.id), slug }),
        `${site}/`,
      ).href;
    }
    for (const field of fields) {
      const image = asRecord(asRecord(field.contentFieldValue)?.image);
      if (field.dataType === 'image' && typeof image?.contentUrl === 'string') {
        result.image = { src: image.contentUrl, alt: image.description ?? image.title };
        break;
      }
    }
    const category = asRecord(firstOf(item.taxonomyCategoryBriefs));
    if (category) {
      result.category = {
        id: category.taxonomyCategoryId,
        name: category.taxonomyCategoryName,
      };
    }
    return result;
  }

  return {
    timeZone,

    async listArticles(
      query: ArticleQuery,
      requestOptions?: RequestOptions,
    ): Promise<Page<ArticleSummary>> {
      const category = query.category?.trim();
      if (category && !/^\d+$/.test(category)) {
        throw new ConfigError(
          `Liferay filters by the numeric taxonomy category id, not "${category}". Give the id, or ` +
            `map the name on the source: categories="${category}=12345".`,
        );
      }
      const path = structureId
        ? `/content-structures/${encodeURIComponent(structureId)}/structured-contents`
        : `/sites/${encodeURIComponent(siteId!)}/structured-contents`;
      const params = queryString([
        ['page', query.page],
        ['pageSize', query.pageSize],
        ['sort', 'datePublished:desc'],
        ['filter', category ? `taxonomyCategoryIds/any(t:t eq ${category})` : undefined],
        // A site's listing leaves out web content filed in folders unless flattened.
        ['flatten', structureId ? undefined : 'true'],
      ]);
      const response = await read(path, params, requestOptions);
      const data = asRecord(response.data);
      const lastPage = data?.lastPage;
      const container = data && {
        items: Array.isArray(data.items) ? data.items.map(canonical) : data.items,
        page: data.page,
        pageSize: data.pageSize,
        total: data.totalCount,
        hasMore: typeof lastPage === 'number' ? query.page < lastPage : undefined,
      };
      return validateFrom(response.url, () =>
        normalizePage(container ?? response.data, query, ctx),
      );
    },

    async getArticle(id: string, requestOptions?: RequestOptions): Promise<Article> {
      if (typeof id !== 'string' || id.trim() === '')
        throw new ConfigError('getArticle needs a non-empty article id.');
      const wanted = id.trim();
      let path: string;
      if (/^\d+$/.test(wanted)) path = `/structured-contents/${wanted}`;
      else if (siteId) {
        path = `/sites/${encodeURIComponent(siteId)}/structured-contents/by-friendly-url-path/${encodeURIComponent(wanted)}`;
      } else {
        throw new ConfigError(
          `Article "${wanted}" is not a numeric id; looking it up by friendly URL needs site-id.`,
        );
      }
      const response = await read(path, '', requestOptions);
      const article = canonical(response.data);
      const record = asRecord(article);
      if (record && record.body === undefined) {
        const names = contentFields(asRecord(response.data)?.contentFields)
          .map((field) => field.name)
          .filter((name) => typeof name === 'string');
        throw new ConfigError(
          `Liferay web content ${wanted} has no content field "${bodyField}" holding the body ` +
            `(its fields: ${names.join(', ') || 'none'}). Set body-field on <pw-source type="liferay">.`,
        );
      }
      return validateFrom(response.url, () => normalizeArticle(article, ctx));
    },

    listLinks(): Promise<Link[]> {
      return notOffered('links', 'The liferay source reads web content only.');
    },

    getVisitStats(): Promise<VisitStats> {
      return notOffered('stats', 'Liferay publishes no visit statistics through its headless API.');
    },
  };
}
