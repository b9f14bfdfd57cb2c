/**
 * The `static` adapter: data held in memory or one JSON file, for portals
 * without an API, demos and tests. Filtering, sorting and paging happen here.
 */

import { checkTimeZone, DEFAULT_TIME_ZONE } from '../dates.js';
import { ConfigError, NotFoundError, ValidationError } from '../errors.js';
import { defaultHttpClient, type HttpClient } from '../http.js';
import {
  keepValid,
  normalizeArticle,
  normalizeArticleSummary,
  normalizeLinks,
  normalizeVisitStats,
  type NormalizeContext,
} from '../normalize.js';
import { isRecord } from '../shapes.js';
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
import { validateFrom } from './shared.js';

/** The content of a static source, in the canonical shapes (validated on use). */
export interface StaticData {
  articles?: unknown[];
  links?: unknown[];
  stats?: unknown;
}

/** Options of {@link createStaticSource}: `data`, or the `url` of a JSON file holding it. */
export interface StaticSourceOptions {
  data?: StaticData;
  url?: string;
  /** IANA zone of offset-less dates. Default `Asia/Ho_Chi_Minh`. */
  timeZone?: string;
  /** Default: the page-wide {@link defaultHttpClient}. */
  http?: HttpClient;
}

/** The DataSource returned by {@link createStaticSource}. */
export interface StaticSource extends DataSource {
  readonly timeZone: string;
}

interface Loaded {
  data: StaticData;
  ctx: NormalizeContext;
}

/** Checks the container; the items themselves are validated when used. */
function checkData(raw: unknown, where: string): StaticData {
  if (!isRecord(raw))
    throw new ValidationError(
      `Static data ${where} must be an object with "articles", "links" and "stats".`,
    );
  for (const key of ['articles', 'links'] as const) {
    if (raw[key] !== undefined && !Array.isArray(raw[key])) {
      throw new ValidationError(`"${key}" in the static data ${where} must be an array.`);
    }
  }
  return raw as StaticData;
}

function time(item: ArticleSummary): number {
  return item.date === undefined ? Number.NEGATIVE_INFINITY : Date.parse(item.date);
}

/**
 * Creates a source from in-memory data or a JSON file (`{ articles, links, stats }`)
 * fetched once.
 *
 * @throws {ConfigError} when neither `data` nor `url` is given, or for an unknown time zone.
 */
export function createStaticSource(options: StaticSourceOptions): StaticSource {
  const timeZone = checkTimeZone(options.timeZone ?? DEFAULT_TIME_ZONE);
  const http = options.http ?? defaultHttpClient;
  const url = options.url?.trim() || undefined;
  if (options.data === undefined && url === undefined) {
    throw new ConfigError(
      'A static source needs "data" or the "url" of a JSON file (base-url on <pw-source type="static">).',
    );
  }

  let loaded: Loaded | undefined =
    options.data === undefined
      ? undefined
      : { data: checkData(options.data, 'given in script'), ctx: { timeZone } };

  async function load(requestOptions?: RequestOptions): Promise<Loaded> {
    if (loaded) return loaded;
    // The HTTP client shares this request between concurrent callers, each with its own signal.
    const response = await http.getJson(
      url!,
      requestOptions?.signal ? { signal: requestOptions.signal } : {},
    );
    loaded ??= {
      data: checkData(response.data, `at ${response.url}`),
      ctx: { timeZone, baseUrl: response.url },
    };
    return loaded;
  }

  /** Valid summaries paired with their raw record; invalid ones are skipped with a warning. */
  function summaries({ data, ctx }: Loaded): { summary: ArticleSummary; raw: unknown }[] {
    return keepValid(
      data.articles ?? [],
      (raw) => ({ summary: normalizeArticleSummary(raw, ctx), raw }),
      'a static article',
    );
  }

  return {
    timeZone,

    async listArticles(
      query: ArticleQuery,
      options?: RequestOptions,
    ): Promise<Page<ArticleSummary>> {
      const all = summaries(await load(options)).map((entry) => entry.summary);
      const { category } = query;
      const matching = category
        ? all.filter((item) => item.category?.id === category || item.category?.name === category)
        : all;
      // Newest first; undated items last, in their given order (sort is stable).
      matching.sort((a, b) => time(b) - time(a) || 0);
      const page = Math.max(1, Math.floor(query.page));
      const pageSize = Math.max(1, Math.floor(query.pageSize));
      const start = (page - 1) * pageSize;
      return {
        items: matching.slice(start, start + pageSize),
        page,
        pageSize,
        total: matching.length,
        hasMore: start + pageSize < matching.length,
      };
    },

    async getArticle(id: string, options?: RequestOptions): Promise<Article> {
      const state = await load(options);
      const match = summaries(state).find((entry) => entry.summary.id === id);
      if (!match)
        throw new NotFoundError(
          `No article with id "${id}" in the static data.`,
          url ? { url } : {},
        );
      return validateFrom(url ?? 'the static data', () => normalizeArticle(match.raw, state.ctx));
    },

    async listLinks(query: LinkQuery, options?: RequestOptions): Promise<Link[]> {
      const { data } = await load(options);
      const links = normalizeLinks(data.links ?? []);
      return query.group ? links.filter((link) => link.group === query.group) : links;
    },

    async getVisitStats(options?: RequestOptions): Promise<VisitStats> {
      const { data, ctx } = await load(options);
      return data.stats === undefined ? {} : normalizeVisitStats(data.stats, ctx);
    },
  };
}
