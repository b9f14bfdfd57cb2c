/**
 * The `wordpress` adapter: the REST API v2 of any WordPress site, with pretty
 * permalinks (`/wp-json/…`) or without them (`/?rest_route=…`). Articles are
 * posts; links are the site's public link list (OPML) or the anchors of one
 * page. WordPress publishes no visit statistics.
 */

import { checkTimeZone, DEFAULT_TIME_ZONE } from '../dates.js';
import { ConfigError, HttpError, NetworkError, NotFoundError, ParseError } from '../errors.js';
import { defaultHttpClient, type HttpClient, type JsonResponse } from '../http.js';
import {
  normalizeArticle,
  normalizeLinks,
  normalizePage,
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
import {
  asRecord,
  configuredUrl,
  explainCors,
  firstOf,
  headerCount,
  htmlToText,
  notOffered,
  opmlLinks,
  parseXml,
  queryString,
  siteRoot,
} from './cms.js';
import { getOptions, validateFrom } from './shared.js';

/** Options of {@link createWordPressSource}. */
export interface WordPressSourceOptions {
  /**
   * The site root, e.g. `https://portal.example` or `https://portal.example/blog`
   * (a root ending in `/wp-json` is accepted too). Relative roots resolve against the page.
   */
  baseUrl: string;
  /** IANA zone of the site-local `date` of posts that lack `date_gmt`. Default `Asia/Ho_Chi_Minh`. */
  timeZone?: string;
  /** Default: the page-wide {@link defaultHttpClient}. */
  http?: HttpClient;
  /** The OPML link list. Default: the site's `/wp-links-opml.php`. */
  linksUrl?: string;
  /**
   * Slug of a page whose anchors are the links, grouped under the page's
   * headings. When set it is used instead of the OPML list.
   */
  linksPage?: string;
}

/** The DataSource returned by {@link createWordPressSource}. */
export interface WordPressSource extends DataSource {
  readonly timeZone: string;
}

type Json = Record<string, unknown>;
/** `pretty`: `/wp-json/<route>`; `plain`: `/?rest_route=<route>` (sites without pretty permalinks). */
type ApiMode = 'pretty' | 'plain';

const GMT_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

function rendered(value: unknown): unknown {
  return asRecord(value)?.rendered;
}

/** `date_gmt` is UTC written without an offset; drafts have null or zeros there, so `date` (site time) is the fallback. */
function postDate(post: Json): string | undefined {
  const gmt = post.date_gmt;
  if (typeof gmt === 'string' && GMT_DATE.test(gmt) && !gmt.startsWith('0000')) return `${gmt}Z`;
  return typeof post.date === 'string' ? post.date : undefined;
}

/** The excerpt as text; WordPress ends a cut excerpt with "[…]", shown as a plain ellipsis. */
function excerptText(html: unknown): string | undefined {
  return htmlToText(html)?.replace(/\s*\[(?:…|\.\.\.)\]$/, '…');
}

/** A post (with `_embed`) in the canonical shape, still to be validated. */
function canonicalPost(raw: unknown): unknown {
  const post = asRecord(raw);
  if (!post) return raw;
  const embedded = asRecord(post._embedded) ?? {};
  const result: Json = {
    id: post.id,
    title: htmlToText(rendered(post.title)),
    url: post.link,
    date: postDate(post),
    summary: excerptText(rendered(post.excerpt)),
    body: rendered(post.content),
  };
  const author = asRecord(firstOf(embedded.author))?.name;
  if (typeof author === 'string') result.author = htmlToText(author);
  if (post.featured_media !== 0) {
    const media = asRecord(firstOf(embedded['wp:featuredmedia']));
    if (typeof media?.source_url === 'string') {
      result.image = { src: media.source_url, alt: media.alt_text };
    }
  }
  // wp:term holds one array per taxonomy; categories come first.
  const term = asRecord(firstOf(firstOf(embedded['wp:term'])));
  if (term && (term.taxonomy === undefined || term.taxonomy === 'category')) {
    result.category = { id: term.id, name: htmlToText(term.name) };
  }
  return result;
}

/** Anchors of a page as links; each takes the text of the heading above it as its group. */
function anchorLinks(html: string, baseUrl: string): Json[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const result: Json[] = [];
  let group: string | undefined;
  for (const node of doc.body.querySelectorAll('h1, h2, h3, h4, h5, h6, a[href]')) {
    if (node.localName !== 'a') {
      group = htmlToText(node.innerHTML);
      continue;
    }
    let url = node.getAttribute('href')!;
    try {
      url = new URL(url, baseUrl).href;
    } catch {
      // Left as is: the link normalizer drops it.
    }
    result.push({
      title: htmlToText(node.innerHTML) ?? node.getAttribute('title') ?? '',
      url,
      group,
    });
  }
  return result;
}

/**
 * Creates a data source for a WordPress site.
 *
 * - list: `GET /wp/v2/posts?categories=&per_page=&page=&_embed`; the category
 *   is a numeric id or a slug (looked up once through `/wp/v2/categories?slug=`);
 *   totals from `X-WP-Total` / `X-WP-TotalPages`; a page past the end is empty;
 * - article: `GET /wp/v2/posts/{id}?_embed` (or `?slug=` for a non-numeric id);
 * - links: the OPML list `/wp-links-opml.php`, or the anchors of `linksPage`;
 * - visit statistics: none (WordPress has no public counter; combine sources).
 *
 * The API is tried under `/wp-json/` first; when that is not found (or, from
 * another origin, blocked: the 404 page sends no CORS header) the adapter
 * switches to `/?rest_route=` for good.
 *
 * @throws {ConfigError} for a missing or invalid base URL or an unknown time zone.
 */
export function createWordPressSource(options: WordPressSourceOptions): WordPressSource {
  const timeZone = checkTimeZone(options.timeZone ?? DEFAULT_TIME_ZONE);
  const http = options.http ?? defaultHttpClient;
  let site = siteRoot(options.baseUrl, 'wordpress');
  let mode: ApiMode | undefined;
  if (/\/wp-json$/.test(site)) {
    site = site.slice(0, -'/wp-json'.length);
    mode = 'pretty';
  }
  const ctx: NormalizeContext = { timeZone, baseUrl: `${site}/` };
  const categoryIds = new Map<string, Promise<string>>();

  const apiUrl = (route: string, query: string, as: ApiMode): string =>
    as === 'pretty'
      ? `${site}/wp-json${route}${query ? `?${query}` : ''}`
      : `${site}/?rest_route=${route}${query ? `&${query}` : ''}`;

  const notTheApi = (error: unknown) =>
    error instanceof NotFoundError || error instanceof ParseError || error instanceof NetworkError;

  async function getJson(
    route: string,
    query: string,
    requestOptions?: RequestOptions,
  ): Promise<JsonResponse> {
    const read = (as: ApiMode): Promise<JsonResponse> => {
      const url = apiUrl(route, query, as);
      return explainCors(url, () => http.getJson(url, getOptions(requestOptions)));
    };
    if (mode) return read(mode);
    try {
      const response = await read('pretty');
      mode = 'pretty';
      return response;
    } catch (error) {
      // Without pretty permalinks, /wp-json/ is an ordinary 404 page (or the home
      // page); read from another origin, that page has no CORS header, so the
      // browser reports only a network error.
      if (!notTheApi(error)) throw error;
      let response: JsonResponse;
      try {
        response = await read('plain');
      } catch (second) {
        // Missing both ways: the first answer is the one that explains it.
        if (notTheApi(second)) throw error;
        throw second;
      }
      mode = 'plain';
      return response;
    }
  }

  /** A category slug's numeric id, asked once per source and then remembered. */
  function categoryId(category: string): Promise<string> {
    const wanted = category.trim();
    if (/^\d+$/.test(wanted)) return Promise.resolve(wanted);
    const slug = wanted.toLowerCase();
    let pending = categoryIds.get(slug);
    if (!pending) {
      // Shared by every widget asking for this slug, so no caller's signal may cancel it.
      pending = getJson('/wp/v2/categories', queryString([['slug', slug]])).then((response) => {
        const id = asRecord(firstOf(response.data))?.id;
        if (typeof id !== 'number' && typeof id !== 'string') {
          throw new ConfigError(
            `The WordPress site ${site} has no category with the slug "${slug}" (${response.url}).`,
          );
        }
        return String(id);
      });
      categoryIds.set(slug, pending);
      pending.catch(() => categoryIds.delete(slug));
    }
    return pending;
  }

  return {
    timeZone,

    async listArticles(
      query: ArticleQuery,
      requestOptions?: RequestOptions,
    ): Promise<Page<ArticleSummary>> {
      const page = Math.max(1, Math.floor(query.page));
      // WordPress refuses per_page above 100.
      const pageSize = Math.min(100, Math.max(1, Math.floor(query.pageSize)));
      const categories = query.category ? await categoryId(query.category) : undefined;
      const params = queryString([
        ['categories', categories],
        ['per_page', pageSize],
        ['page', page],
        ['_embed', null],
      ]);
      let response: JsonResponse;
      try {
        response = await getJson('/wp/v2/posts', params, requestOptions);
      } catch (error) {
        // A page past the last one is a 400 rest_post_invalid_page_number: simply nothing more.
        // Any other 400 (a bad parameter) stays an error.
        if (
          error instanceof HttpError &&
          error.status === 400 &&
          error.body?.code === 'rest_post_invalid_page_number' &&
          page > 1
        ) {
          return { items: [], page, pageSize, hasMore: false };
        }
        throw error;
      }
      const totalPages = headerCount(response.headers, 'x-wp-totalpages');
      const container = {
        items: Array.isArray(response.data) ? response.data.map(canonicalPost) : response.data,
        page,
        pageSize,
        total: headerCount(response.headers, 'x-wp-total'),
        hasMore: totalPages === undefined ? undefined : page < totalPages,
      };
      return validateFrom(response.url, () =>
        normalizePage(container, { ...query, page, pageSize }, ctx),
      );
    },

    async getArticle(id: string, requestOptions?: RequestOptions): Promise<Article> {
      if (typeof id !== 'string' || id.trim() === '')
        throw new ConfigError('getArticle needs a non-empty article id.');
      const wanted = id.trim();
      let response: JsonResponse;
      let raw: unknown;
      if (/^\d+$/.test(wanted)) {
        response = await getJson(`/wp/v2/posts/${wanted}`, '_embed', requestOptions);
        raw = response.data;
      } else {
        // A slug, as in the post's own URL.
        const params = queryString([
          ['slug', wanted],
          ['_embed', null],
        ]);
        response = await getJson('/wp/v2/posts', params, requestOptions);
        raw = firstOf(response.data);
        if (raw === undefined) {
          throw new NotFoundError(
            `No WordPress post with the slug "${wanted}" (${response.url}).`,
            {
              url: response.url,
            },
          );
        }
      }
      return validateFrom(response.url, () => normalizeArticle(canonicalPost(raw), ctx));
    },

    async listLinks(query: LinkQuery, requestOptions?: RequestOptions): Promise<Link[]> {
      let raw: Json[];
      let from: string;
      if (options.linksPage) {
        const response = await getJson(
          '/wp/v2/pages',
          queryString([['slug', options.linksPage]]),
          requestOptions,
        );
        from = response.url;
        const content = rendered(asRecord(firstOf(response.data))?.content);
        if (typeof content !== 'string') {
          throw new NotFoundError(
            `The WordPress site ${site} has no page with the slug "${options.linksPage}" (${from}).`,
            { url: from },
          );
        }
        raw = anchorLinks(content, `${site}/`);
      } else {
        const url = options.linksUrl
          ? configuredUrl(options.linksUrl, `${site}/`, 'links-url')
          : `${site}/wp-links-opml.php`;
        const response = await explainCors(url, () =>
          http.getText(url, getOptions(requestOptions)),
        );
        from = response.url;
        raw = opmlLinks(parseXml(response.text, from, 'an OPML link list'), from);
      }
      const links = validateFrom(from, () => normalizeLinks(raw));
      return query.group ? links.filter((link) => link.group === query.group) : links;
    },

    getVisitStats(): Promise<VisitStats> {
      return notOffered(
        'stats',
        'WordPress publishes no visit statistics.',
        ' (see docs/guide/backends.md)',
      );
    },
  };
}
