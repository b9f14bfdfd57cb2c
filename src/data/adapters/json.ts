/**
 * The `json` adapter: any REST backend that answers JSON. With no options
 * beyond `baseUrl` it speaks the default endpoints of the design; endpoint
 * templates and dot-path field maps adapt it to other APIs without code.
 */

import { checkTimeZone, DEFAULT_TIME_ZONE } from '../dates.js';
import { ConfigError } from '../errors.js';
import { defaultHttpClient, type HttpClient } from '../http.js';
import {
  normalizeArticle,
  normalizePage,
  normalizeLinks,
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
import { isVisitRecorded, setVisitRecorded, visitSessionId } from '../visit-session.js';
import {
  applyFields,
  checkFieldMap,
  checkTemplate,
  fillTemplate,
  getOptions,
  validateFrom,
  type FieldMap,
} from './shared.js';

/**
 * URL templates of the json adapter. Placeholders: `{base}` (the base URL,
 * inserted as is), `{id}`, `{category}`, `{page}`, `{pageSize}`, `{group}`,
 * `{lang}` (URL-encoded). A query parameter whose value is an empty
 * placeholder is left out.
 */
export interface JsonEndpoints {
  /** List of articles. Default `{base}/articles?category={category}&page={page}&pageSize={pageSize}`. */
  articles?: string;
  /** One article. Default `{base}/articles/{id}`. */
  article?: string;
  /** Links. Default `{base}/links?group={group}`. */
  links?: string;
  /** Visit counters. Default `{base}/stats`. */
  stats?: string;
  /** POST endpoint counting a visit. Default `{base}/stats/visit`; `null` when the backend has none. */
  visit?: string | null;
  /**
   * Server-Sent Events of the counters (each event a VisitStats object), e.g.
   * `{base}/stats/stream` on the portal-widgets counter service. Default none;
   * when set, the source offers `watchVisitStats` and visit boxes show live figures.
   */
  stream?: string | null;
}

/**
 * Where the canonical fields are in the backend's JSON, as dot paths
 * (`"data.posts"`, `"images.0.url"`). Keys may be dot paths too (`"image.src"`).
 * Unmapped fields are read under their canonical names.
 */
export interface JsonFieldPaths {
  /** The page container: `items`, `page`, `pageSize`, `total`, `hasMore`. */
  page?: FieldMap;
  /** Each article, in lists and alone: `id`, `title`, `url`, `date`, `summary`, `image`, `category`, `body`, `author`, `attachments`. */
  article?: FieldMap;
  /** The links container: `items`. */
  links?: FieldMap;
  /** Each link: `title`, `url`, `group`, `logo`. */
  link?: FieldMap;
  /** The counters: `online`, `today`, …, `updatedAt`. */
  stats?: FieldMap;
}

/** How {@link JsonSource.watchVisitStats} keeps the figures coming. */
export interface JsonWatchOptions {
  /** Wait before the first reconnection after the stream fails, in ms; doubles on each failure. Default 1000. */
  retryMs?: number;
  /** Longest wait between reconnections, in ms. Default 60000. */
  maxRetryMs?: number;
  /** Failures in a row after which the figures are polled until the stream works again. Default 2. */
  failuresBeforePolling?: number;
  /** Polling interval while the stream is down, in ms. Default 30000. */
  pollMs?: number;
}

/** Options of {@link createJsonSource}. */
export interface JsonSourceOptions {
  /** Base URL of the API; `{base}` in the templates. Relative URLs resolve against the page. */
  baseUrl: string;
  /** IANA zone of offset-less dates. Default `Asia/Ho_Chi_Minh`. */
  timeZone?: string;
  /** Default: the page-wide {@link defaultHttpClient}. */
  http?: HttpClient;
  /** Headers sent with every request (e.g. an API key the backend wants). */
  headers?: Record<string, string>;
  endpoints?: JsonEndpoints;
  fields?: JsonFieldPaths;
  /** Reconnection and polling of the live figures (with `endpoints.stream`). */
  watch?: JsonWatchOptions;
}

const DEFAULT_ENDPOINTS: Required<JsonEndpoints> = {
  articles: '{base}/articles?category={category}&page={page}&pageSize={pageSize}',
  article: '{base}/articles/{id}',
  links: '{base}/links?group={group}',
  stats: '{base}/stats',
  visit: '{base}/stats/visit',
  // Used only when `endpoints.stream` is given: the stream is an optional endpoint.
  stream: '{base}/stats/stream',
};

const PLACEHOLDERS = ['base', 'id', 'category', 'page', 'pageSize', 'group', 'lang'];

const DEFAULT_WATCH: Required<JsonWatchOptions> = {
  retryMs: 1000,
  maxRetryMs: 60_000,
  failuresBeforePolling: 2,
  pollMs: 30_000,
};

/** The watch options, defaults filled in; a value that is not a positive number is refused. */
function watchOptions(given: unknown): Required<JsonWatchOptions> {
  if (given === undefined) return DEFAULT_WATCH;
  if (!isRecord(given)) throw new ConfigError('"watch" must be an object.');
  const result = { ...DEFAULT_WATCH };
  for (const key of Object.keys(DEFAULT_WATCH) as (keyof JsonWatchOptions)[]) {
    const value = given[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
      throw new ConfigError(
        `"watch.${key}" must be a positive number of ${key === 'failuresBeforePolling' ? 'failures' : 'milliseconds'}.`,
      );
    }
    result[key] = value;
  }
  return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `applyFields` for each element of the array at `items`. */
function mapItems(container: unknown, mapping: FieldMap | undefined): unknown {
  if (!mapping) return container;
  if (Array.isArray(container)) return container.map((item) => applyFields(item, mapping));
  if (isRecord(container) && Array.isArray(container.items)) {
    return { ...container, items: container.items.map((item) => applyFields(item, mapping)) };
  }
  return container;
}

/** The DataSource returned by {@link createJsonSource}. */
export interface JsonSource extends DataSource {
  readonly timeZone: string;
}

/**
 * Creates a data source for a JSON REST backend.
 *
 * @throws {ConfigError} for an unknown time zone, a bad template or field map.
 */
export function createJsonSource(options: JsonSourceOptions): JsonSource {
  if (typeof options.baseUrl !== 'string')
    throw new ConfigError('The json source needs a "baseUrl" string.');
  const timeZone = checkTimeZone(options.timeZone ?? DEFAULT_TIME_ZONE);
  const http = options.http ?? defaultHttpClient;
  const base = options.baseUrl.trim().replace(/\/+$/, '');
  const headers = options.headers;
  if (
    headers !== undefined &&
    (!isRecord(headers) || Object.values(headers).some((v) => typeof v !== 'string'))
  ) {
    throw new ConfigError('"headers" must be an object of strings.');
  }

  const given: Record<string, unknown> = isRecord(options.endpoints) ? options.endpoints : {};
  if (options.endpoints !== undefined && !isRecord(options.endpoints))
    throw new ConfigError('"endpoints" must be an object.');
  const endpoint = (name: keyof JsonEndpoints): string =>
    checkTemplate(name, given[name] ?? DEFAULT_ENDPOINTS[name], PLACEHOLDERS);
  const templates = {
    articles: endpoint('articles'),
    article: endpoint('article'),
    links: endpoint('links'),
    stats: endpoint('stats'),
    visit: given.visit === null || given.visit === '' ? undefined : endpoint('visit'),
    stream:
      given.stream === undefined || given.stream === null || given.stream === ''
        ? undefined
        : endpoint('stream'),
  };
  const watch = watchOptions(options.watch);

  const rawFields: Record<string, unknown> = isRecord(options.fields) ? options.fields : {};
  if (options.fields !== undefined && !isRecord(options.fields))
    throw new ConfigError('"fields" must be an object.');
  const fields = {
    page: checkFieldMap('page', rawFields.page),
    article: checkFieldMap('article', rawFields.article),
    links: checkFieldMap('links', rawFields.links),
    link: checkFieldMap('link', rawFields.link),
    stats: checkFieldMap('stats', rawFields.stats),
  };

  // Relative URLs in articles (images, attachments) are relative to the API,
  // whose base is a directory, as in the `{base}/articles` templates.
  let apiBase: string;
  try {
    apiBase = new URL(`${base}/`, globalThis.location?.href).href;
  } catch {
    throw new ConfigError(`baseUrl "${options.baseUrl}" is not a valid URL.`);
  }
  const ctx: NormalizeContext = { timeZone, baseUrl: apiBase };
  const url = (
    template: string,
    values: Record<string, string | undefined>,
    options?: RequestOptions,
  ): string => fillTemplate(template, { base, lang: options?.lang, ...values });

  const source: JsonSource = {
    timeZone,

    async listArticles(
      query: ArticleQuery,
      options?: RequestOptions,
    ): Promise<Page<ArticleSummary>> {
      const target = url(
        templates.articles,
        {
          category: query.category ?? '',
          page: String(query.page),
          pageSize: String(query.pageSize),
        },
        options,
      );
      const response = await http.getJson(target, getOptions(options, headers));
      const container = mapItems(applyFields(response.data, fields.page), fields.article);
      return validateFrom(target, () => normalizePage(container, query, ctx));
    },

    async getArticle(id: string, options?: RequestOptions): Promise<Article> {
      if (typeof id !== 'string' || id === '')
        throw new ConfigError('getArticle needs a non-empty article id.');
      const target = url(templates.article, { id }, options);
      const response = await http.getJson(target, getOptions(options, headers));
      return validateFrom(target, () =>
        normalizeArticle(applyFields(response.data, fields.article), ctx),
      );
    },

    async listLinks(query: LinkQuery, options?: RequestOptions): Promise<Link[]> {
      const target = url(templates.links, { group: query.group ?? '' }, options);
      const response = await http.getJson(target, getOptions(options, headers));
      const container = mapItems(applyFields(response.data, fields.links), fields.link);
      return validateFrom(target, () => normalizeLinks(container));
    },

    async getVisitStats(options?: RequestOptions): Promise<VisitStats> {
      const target = url(templates.stats, {}, options);
      const response = await http.getJson(target, getOptions(options, headers));
      return validateFrom(target, () =>
        normalizeVisitStats(applyFields(response.data, fields.stats), ctx),
      );
    },
  };

  const visitTemplate = templates.visit;
  if (visitTemplate !== undefined) {
    source.recordVisit = async (options?: RequestOptions): Promise<VisitStats | void> => {
      const target = url(visitTemplate, {}, options);
      if (isVisitRecorded(target)) return undefined;
      // Marked before sending, so two widgets on the page do not both count the visit.
      setVisitRecorded(target, true);
      let data: unknown;
      try {
        const postOptions = getOptions(options, headers);
        ({ data } = await http.post(target, { session: visitSessionId() }, postOptions));
      } catch (error) {
        setVisitRecorded(target, false);
        throw error;
      }
      if (data === null) return undefined;
      return validateFrom(target, () => normalizeVisitStats(applyFields(data, fields.stats), ctx));
    };
  }

  const streamTemplate = templates.stream;
  if (streamTemplate !== undefined) {
    source.watchVisitStats = (callback: (stats: VisitStats) => void): (() => void) =>
      watchStream(url(streamTemplate, {}), watch, {
        parse: (raw) => normalizeVisitStats(applyFields(raw, fields.stats), ctx),
        poll: (signal) => source.getVisitStats({ fresh: true, signal }),
        callback,
      });
  }

  return source;
}

/**
 * Follows a Server-Sent Events stream of VisitStats. When it fails, it is
 * opened again after a doubling wait; after `failuresBeforePolling` failures
 * in a row the figures are also polled, until the stream delivers again.
 * Returns the function that closes the stream and stops every timer.
 */
function watchStream(
  streamUrl: string,
  watch: Required<JsonWatchOptions>,
  hooks: {
    parse: (raw: unknown) => VisitStats;
    poll: (signal: AbortSignal) => Promise<VisitStats>;
    callback: (stats: VisitStats) => void;
  },
): () => void {
  let stopped = false;
  let events: EventSource | undefined;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let polling: AbortController | undefined;

  const deliver = (stats: VisitStats) => {
    if (!stopped) hooks.callback(stats);
  };

  const poll = async (controller: AbortController) => {
    try {
      deliver(await hooks.poll(controller.signal));
    } catch {
      // A failed reading waits for the next one; the stream may come back first.
    }
    if (!stopped && polling === controller) {
      pollTimer = setTimeout(() => void poll(controller), watch.pollMs);
    }
  };
  const startPolling = () => {
    if (polling || stopped) return;
    polling = new AbortController();
    void poll(polling);
  };
  const stopPolling = () => {
    clearTimeout(pollTimer);
    polling?.abort();
    polling = undefined;
  };

  const connect = () => {
    retryTimer = undefined;
    if (stopped) return;
    const stream = new EventSource(streamUrl);
    events = stream;
    stream.onmessage = (event: MessageEvent<string>) => {
      failures = 0;
      stopPolling();
      let stats: VisitStats;
      try {
        stats = hooks.parse(JSON.parse(event.data));
      } catch {
        return; // A malformed event is skipped; the next one replaces it anyway.
      }
      deliver(stats);
    };
    stream.onerror = () => {
      // The browser's own reconnection is replaced by one with backoff.
      stream.close();
      if (events === stream) events = undefined;
      if (stopped) return;
      failures += 1;
      if (failures >= watch.failuresBeforePolling) startPolling();
      const wait = Math.min(watch.maxRetryMs, watch.retryMs * 2 ** (failures - 1));
      // Spread out reconnections, so many pages do not all return at the same moment.
      retryTimer = setTimeout(connect, wait * (0.75 + Math.random() * 0.5));
    };
  };

  if (typeof EventSource === 'function') connect();
  else startPolling();

  return () => {
    stopped = true;
    events?.close();
    events = undefined;
    clearTimeout(retryTimer);
    stopPolling();
  };
}
