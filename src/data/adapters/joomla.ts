/**
 * The `joomla` adapter: articles of a Joomla 4/5 site through its Web
 * Services API (JSON:API, `/api/index.php/v1/content/articles`). Joomla
 * reports a page count only (`meta["total-pages"]`), no item total.
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
import { asRecord, explainCors, htmlToText, notOffered, queryString, siteRoot } from './cms.js';
import { checkTemplate, fillTemplate, getOptions, validateFrom } from './shared.js';

/** Options of {@link createJoomlaSource}. */
export interface JoomlaSourceOptions {
  /** The site root, e.g. `https://portal.example`; the API is under `/api/index.php/v1`. */
  baseUrl: string;
  /**
   * An API token, for sites whose content endpoints are not public. It is
   * visible to every visitor of the page: never use a super-user's token.
   */
  token?: string;
  /** The header carrying `token`. Default `X-Joomla-Token`; `Authorization` sends `Bearer <token>`. */
  tokenHeader?: string;
  /**
   * URL template of an article's page, with `{id}`, `{slug}` (the alias) and
   * `{category}`. Default: Joomla's own non-SEF article URL,
   * `index.php?option=com_content&view=article&id={id}&catid={category}`.
   */
  articleUrl?: string;
  /** IANA zone of dates shown (Joomla itself stores dates in UTC). Default `Asia/Ho_Chi_Minh`. */
  timeZone?: string;
  /** Default: the page-wide {@link defaultHttpClient}. */
  http?: HttpClient;
}

/** The DataSource returned by {@link createJoomlaSource}. */
export interface JoomlaSource extends DataSource {
  readonly timeZone: string;
}

type Json = Record<string, unknown>;

const API_PATH = '/api/index.php/v1';
const DEFAULT_ARTICLE_URL = 'index.php?option=com_content&view=article&id={id}&catid={category}';
const SUMMARY_LENGTH = 240;

/** Joomla keeps dates in UTC and writes them without an offset ("2020-02-26 03:05:00"). */
function utcDate(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.startsWith('0000')) return undefined;
  const text = value.trim();
  return /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text.replace(' ', 'T')}Z`;
}

/** Joomla's media field appends "#joomlaImage://…?width=…" to the image path. */
function imagePath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return value.split('#')[0]!.trim() || undefined;
}

/** A short plain-text summary, cut at a word boundary. */
function shorten(text: string | undefined): string | undefined {
  if (text === undefined || text.length <= SUMMARY_LENGTH) return text;
  const cut = text.slice(0, SUMMARY_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SUMMARY_LENGTH / 2))}…`;
}

/**
 * Creates a data source for a Joomla site.
 *
 * - list: `GET /content/articles?page[offset]=&page[limit]=&filter[category]=`
 *   (published only, newest first); `hasMore` from `meta["total-pages"]`, or a
 *   `links.next` when that is missing;
 * - article: `GET /content/articles/{id}`; the category name comes from
 *   `/content/categories/{id}`, asked once per category;
 * - links and visit statistics: none (combine sources).
 *
 * @throws {ConfigError} for a missing base URL, a bad template or time zone.
 */
export function createJoomlaSource(options: JoomlaSourceOptions): JoomlaSource {
  const timeZone = checkTimeZone(options.timeZone ?? DEFAULT_TIME_ZONE);
  const http = options.http ?? defaultHttpClient;
  let site = siteRoot(options.baseUrl, 'joomla');
  if (site.endsWith(API_PATH)) site = site.slice(0, -API_PATH.length);
  const articleUrl = checkTemplate('article-url', options.articleUrl || DEFAULT_ARTICLE_URL, [
    'id',
    'slug',
    'category',
  ]);
  const headers: Record<string, string> = { accept: 'application/vnd.api+json' };
  const token = options.token?.trim();
  if (token) {
    const name = options.tokenHeader?.trim() || 'X-Joomla-Token';
    headers[name] = name.toLowerCase() === 'authorization' ? `Bearer ${token}` : token;
  }
  const ctx: NormalizeContext = { timeZone, baseUrl: `${site}/` };
  const categoryNames = new Map<string, Promise<string | undefined>>();

  function read(
    path: string,
    query: string,
    requestOptions?: RequestOptions,
  ): Promise<JsonResponse> {
    const url = `${site}${API_PATH}${path}${query ? `?${query}` : ''}`;
    return explainCors(url, () => http.getJson(url, getOptions(requestOptions, headers)));
  }

  /** A category's title, asked once; undefined when the API will not tell (the category is then left out). */
  function categoryName(id: string): Promise<string | undefined> {
    let pending = categoryNames.get(id);
    if (!pending) {
      // Shared by every article of the category, so no caller's signal may cancel it.
      pending = read(`/content/categories/${encodeURIComponent(id)}`, '').then(
        (response) => {
          const title = asRecord(asRecord(asRecord(response.data)?.data)?.attributes)?.title;
          return typeof title === 'string' ? htmlToText(title) : undefined;
        },
        (error: unknown) => {
          console.warn(`portal-widgets: the Joomla category ${id} has no readable name:`, error);
          categoryNames.delete(id);
          return undefined;
        },
      );
      categoryNames.set(id, pending);
    }
    return pending;
  }

  /** A JSON:API article resource in the canonical shape, still to be validated. */
  async function canonical(raw: unknown, full: boolean): Promise<unknown> {
    const resource = asRecord(raw);
    const attributes = asRecord(resource?.attributes);
    if (!resource || !attributes) return raw;
    const images = asRecord(attributes.images) ?? {};
    const categoryId = asRecord(asRecord(asRecord(resource.relationships)?.category)?.data)?.id;
    const id = resource.id ?? attributes.id;
    const text = typeof attributes.text === 'string' ? attributes.text : undefined;
    const result: Json = {
      id,
      title: attributes.title,
      date: utcDate(attributes.publish_up) ?? utcDate(attributes.created),
      // The article view shows the text itself, so only lists need a summary cut from it.
      summary:
        (typeof attributes.metadesc === 'string' && attributes.metadesc.trim()) ||
        (full ? undefined : shorten(htmlToText(text))),
      body: text,
      author: attributes.created_by_alias,
    };
    const slug = typeof attributes.alias === 'string' ? attributes.alias : '';
    const category = categoryId === undefined || categoryId === null ? '' : String(categoryId);
    result.url = new URL(
      fillTemplate(articleUrl, { id: String(id ?? ''), slug, category }),
      `${site}/`,
    ).href;
    // The article view shows the full-text image; lists show the intro image.
    const src = full
      ? (imagePath(images.image_fulltext) ?? imagePath(images.image_intro))
      : (imagePath(images.image_intro) ?? imagePath(images.image_fulltext));
    if (src) {
      const alt =
        src === imagePath(images.image_intro) ? images.image_intro_alt : images.image_fulltext_alt;
      result.image = { src, alt };
    }
    if (category) {
      const name = await categoryName(category);
      if (name) result.category = { id: category, name };
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
          `Joomla filters by the numeric category id, not "${category}". Give the id, or map the ` +
            `name on the source: categories="${category}=8".`,
        );
      }
      const params = queryString([
        ['page[offset]', (query.page - 1) * query.pageSize],
        ['page[limit]', query.pageSize],
        ['filter[category]', category || undefined],
        // The API serves every state to a token holder; a public box shows published articles only.
        ['filter[state]', 1],
        ['list[ordering]', 'a.publish_up'],
        ['list[direction]', 'DESC'],
      ]);
      const response = await read('/content/articles', params, requestOptions);
      const document = asRecord(response.data);
      const totalPages = asRecord(document?.meta)?.['total-pages'];
      const next = asRecord(document?.links)?.next;
      const container = document && {
        items: Array.isArray(document.data)
          ? await Promise.all(document.data.map((item) => canonical(item, false)))
          : document.data,
        hasMore:
          typeof totalPages === 'number'
            ? query.page < totalPages
            : next !== undefined && next !== null,
      };
      return validateFrom(response.url, () =>
        normalizePage(container ?? response.data, query, ctx),
      );
    },

    async getArticle(id: string, requestOptions?: RequestOptions): Promise<Article> {
      if (typeof id !== 'string' || id.trim() === '')
        throw new ConfigError('getArticle needs a non-empty article id.');
      const response = await read(
        `/content/articles/${encodeURIComponent(id.trim())}`,
        '',
        requestOptions,
      );
      const article = await canonical(asRecord(response.data)?.data, true);
      return validateFrom(response.url, () => normalizeArticle(article, ctx));
    },

    listLinks(): Promise<Link[]> {
      return notOffered('links', 'The joomla source reads articles only.');
    },

    getVisitStats(): Promise<VisitStats> {
      return notOffered('stats', 'Joomla publishes no visit statistics through its API.');
    },
  };
}
