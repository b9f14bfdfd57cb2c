/**
 * The `drupal` adapter: nodes of one content type of a Drupal 9/10/11 site
 * through the core JSON:API module (`/jsonapi/node/{type}`). Drupal reports
 * neither a total nor a page count, only a `links.next` while there is more.
 */

import { checkTimeZone, DEFAULT_TIME_ZONE } from '../dates.js';
import { ConfigError, NotFoundError } from '../errors.js';
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
import { getOptions, validateFrom } from './shared.js';

/** Options of {@link createDrupalSource}. */
export interface DrupalSourceOptions {
  /** The site root, e.g. `https://portal.example`; the API is under `/jsonapi`. */
  baseUrl: string;
  /** The content type (node bundle) listed. Default `article`. */
  contentType?: string;
  /** The image field of that type, included with each node. Default `field_image`; `""` for none. */
  imageField?: string;
  /** The taxonomy field that holds the category. Default `field_tags`; `""` for none. */
  categoryField?: string;
  /** IANA zone of dates shown. Default `Asia/Ho_Chi_Minh`. */
  timeZone?: string;
  /** Default: the page-wide {@link defaultHttpClient}. */
  http?: HttpClient;
}

/** The DataSource returned by {@link createDrupalSource}. */
export interface DrupalSource extends DataSource {
  readonly timeZone: string;
}

type Json = Record<string, unknown>;

/** Drupal's JSON:API serves at most 50 resources per page. */
const MAX_PAGE_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function machineName(value: string | undefined, fallback: string, what: string): string {
  const name = (value ?? fallback).trim();
  if (name !== '' && !/^[a-z0-9_]+$/i.test(name)) {
    throw new ConfigError(`${what} "${name}" is not a Drupal machine name (letters, digits, _).`);
  }
  return name;
}

/** The filter on the category field: by term id, by term UUID, or by term name. */
function categoryFilter(field: string, category: string): [string, string] {
  if (/^\d+$/.test(category)) return [`filter[${field}.meta.drupal_internal__target_id]`, category];
  if (UUID.test(category)) return [`filter[${field}.id]`, category];
  return [`filter[${field}.name]`, category];
}

/**
 * Creates a data source for a Drupal site.
 *
 * - list: `GET /jsonapi/node/{type}?page[offset]=&page[limit]=&sort=-created&include=`
 *   (the image field, `uid` and the category field); `hasMore` from `links.next`;
 * - article: `GET /jsonapi/node/{type}/{uuid}`, or by node id through
 *   `filter[drupal_internal__nid]`; body `body.processed`, image from the
 *   included file entity, author from the included user;
 * - links and visit statistics: none (combine sources).
 *
 * @throws {ConfigError} for a missing base URL, a bad machine name or time zone.
 */
export function createDrupalSource(options: DrupalSourceOptions): DrupalSource {
  const timeZone = checkTimeZone(options.timeZone ?? DEFAULT_TIME_ZONE);
  const http = options.http ?? defaultHttpClient;
  let site = siteRoot(options.baseUrl, 'drupal');
  if (site.endsWith('/jsonapi')) site = site.slice(0, -'/jsonapi'.length);
  const contentType = machineName(options.contentType, 'article', 'content-type') || 'article';
  const imageField = machineName(options.imageField, 'field_image', 'image-field');
  const categoryField = machineName(options.categoryField, 'field_tags', 'category-field');
  const include = [imageField, 'uid', categoryField].filter((name) => name !== '').join(',');
  const headers = { accept: 'application/vnd.api+json' };
  const ctx: NormalizeContext = { timeZone, baseUrl: `${site}/` };
  const collection = `/jsonapi/node/${contentType}`;

  function read(
    path: string,
    query: string,
    requestOptions?: RequestOptions,
  ): Promise<JsonResponse> {
    const url = `${site}${path}${query ? `?${query}` : ''}`;
    return explainCors(url, () => http.getJson(url, getOptions(requestOptions, headers)));
  }

  /** A node in the canonical shape, its related image, author and term looked up in `included`. */
  function canonical(raw: unknown, included: Map<string, Json>): unknown {
    const node = asRecord(raw);
    const attributes = asRecord(node?.attributes);
    if (!node || !attributes) return raw;
    const relationships = asRecord(node.relationships) ?? {};
    const relation = (field: string): Json | undefined => {
      const data = asRecord(relationships[field])?.data;
      return asRecord(Array.isArray(data) ? firstOf(data) : data);
    };
    const resource = (link: Json | undefined): Json | undefined =>
      link
        ? asRecord(included.get(`${String(link.type)}:${String(link.id)}`)?.attributes)
        : undefined;

    const body = asRecord(attributes.body);
    const alias = asRecord(attributes.path)?.alias;
    const nid = attributes.drupal_internal__nid;
    const result: Json = {
      id: node.id,
      title: attributes.title,
      date: attributes.created,
      summary: htmlToText(body?.summary),
      body: body?.processed ?? body?.value ?? '',
      url:
        typeof alias === 'string' && alias !== ''
          ? `${site}${alias}`
          : nid === undefined
            ? undefined
            : `${site}/node/${String(nid)}`,
    };
    const user = resource(relation('uid'));
    if (user) result.author = user.display_name ?? user.name;
    if (imageField) {
      const link = relation(imageField);
      const url = asRecord(resource(link)?.uri)?.url;
      if (typeof url === 'string') result.image = { src: url, alt: asRecord(link?.meta)?.alt };
    }
    if (categoryField) {
      const link = relation(categoryField);
      const term = resource(link);
      const id = asRecord(link?.meta)?.drupal_internal__target_id ?? link?.id;
      if (link && term && typeof term.name === 'string') result.category = { id, name: term.name };
    }
    return result;
  }

  function includedOf(document: Json | undefined): Map<string, Json> {
    const map = new Map<string, Json>();
    for (const item of Array.isArray(document?.included) ? document.included : []) {
      const record = asRecord(item);
      if (record) map.set(`${String(record.type)}:${String(record.id)}`, record);
    }
    return map;
  }

  return {
    timeZone,

    async listArticles(
      query: ArticleQuery,
      requestOptions?: RequestOptions,
    ): Promise<Page<ArticleSummary>> {
      const page = Math.max(1, Math.floor(query.page));
      const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize)));
      const category = query.category?.trim();
      if (category && !categoryField) {
        throw new ConfigError(
          `The drupal source has no category field, so it cannot list category "${category}". Set category-field.`,
        );
      }
      const params = queryString([
        ['page[offset]', (page - 1) * pageSize],
        ['page[limit]', pageSize],
        ['sort', '-created'],
        ['include', include],
        ...(category ? [categoryFilter(categoryField, category)] : []),
      ]);
      const response = await read(collection, params, requestOptions);
      const document = asRecord(response.data);
      const included = includedOf(document);
      const next = asRecord(document?.links)?.next;
      const container = document && {
        items: Array.isArray(document.data)
          ? document.data.map((node) => canonical(node, included))
          : document.data,
        page,
        pageSize,
        // Only with modules that add it (JSON:API Extras); core reports no count.
        total: asRecord(document.meta)?.count,
        hasMore: next !== undefined && next !== null,
      };
      return validateFrom(response.url, () =>
        normalizePage(container ?? response.data, { ...query, page, pageSize }, ctx),
      );
    },

    async getArticle(id: string, requestOptions?: RequestOptions): Promise<Article> {
      if (typeof id !== 'string' || id.trim() === '')
        throw new ConfigError('getArticle needs a non-empty article id.');
      const wanted = id.trim();
      let response: JsonResponse;
      let node: unknown;
      if (UUID.test(wanted)) {
        response = await read(
          `${collection}/${wanted}`,
          queryString([['include', include]]),
          requestOptions,
        );
        node = asRecord(response.data)?.data;
      } else if (/^\d+$/.test(wanted)) {
        // A node id, as in /node/123 links.
        const params = queryString([
          ['filter[drupal_internal__nid]', wanted],
          ['include', include],
        ]);
        response = await read(collection, params, requestOptions);
        node = firstOf(asRecord(response.data)?.data);
      } else {
        throw new NotFoundError(
          `"${wanted}" is neither a node UUID nor a node id of the Drupal site ${site}.`,
        );
      }
      if (node === undefined) {
        throw new NotFoundError(`No ${contentType} node ${wanted} (${response.url}).`, {
          url: response.url,
        });
      }
      const included = includedOf(asRecord(response.data));
      return validateFrom(response.url, () => normalizeArticle(canonical(node, included), ctx));
    },

    listLinks(): Promise<Link[]> {
      return notOffered('links', 'The drupal source reads content only.');
    },

    getVisitStats(): Promise<VisitStats> {
      return notOffered('stats', 'Drupal publishes no visit statistics through JSON:API.');
    },
  };
}
