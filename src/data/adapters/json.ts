/**
 * The `json` adapter: any REST backend that answers JSON. With no options
 * beyond `baseUrl` it speaks the default endpoints README lists; endpoint
 * templates and dot-path field maps adapt it to other APIs without code.
 */

import { checkTimeZone, DEFAULT_TIME_ZONE, parseEpoch } from '../dates.js';
import { ConfigError } from '../errors.js';
import { defaultHttpClient, type HttpClient } from '../http.js';
import {
  isRecord,
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
import type { JsonReading, Kind, KindMapping, KindMappings } from './json-mapping.js';
import {
  applyFields,
  checkFieldMap,
  checkTemplate,
  fillTemplate,
  getOptions,
  validateFrom,
  type FieldMap,
} from './shared.js';
import { pageBaseUrl } from '../page-url.js';

/**
 * URL templates of the json adapter. Placeholders: `{base}` (the base URL,
 * inserted as is), `{id}`, `{category}`, `{page}` (counted from `pageBase`),
 * `{pageSize}`, `{offset}` (items before the page), `{group}`, `{lang}`
 * (URL-encoded). A query parameter whose value ends in an empty placeholder
 * is left out.
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

/**
 * How one kind of data is read, in the declarative mapping. Every path is a
 * dot path with `[n]` indexes (`result.rows`, `posts[0]`); a path that leads
 * nowhere in a response is a {@link ConfigError} naming it.
 */
export interface JsonKindMapping {
  /** URL template (see {@link JsonEndpoints} for the placeholders). */
  url?: string;
  /** Where the data is in the response; default the whole response. Other paths are read from here. */
  root?: string;
  /** Lists (`articles`, `links`): the path of the array; default the root itself. */
  items?: string;
  /** `articles`: the total number of items. */
  total?: string;
  /** `articles`: the number of pages (gives `hasMore`; the total stays unknown). */
  totalPages?: string;
  /**
   * `articles`: whether a later page exists: a boolean, or a "next" link or
   * number, where `null` (or the key missing from its parent) means none.
   */
  hasMore?: string;
  /**
   * Canonical field → path in each item. Keys may be dot paths (`"image.src"`).
   * Unmapped fields are read under their canonical names. For `article`, the
   * fields of `articles` apply too, unless given again.
   */
  fields?: FieldMap;
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
  /** The number of the first page in `{page}`: 1 (default) or 0. */
  pageBase?: 0 | 1;
  /**
   * Pattern of the backend's dates, e.g. `dd/MM/yyyy HH:mm` (tokens `dd`, `MM`,
   * `yyyy`, `HH`, `mm`, `ss`), read in `timeZone`. ISO 8601 and epoch seconds
   * or milliseconds are always understood.
   */
  dateFormat?: string;
  /** Declarative mapping of the article lists; replaces `endpoints.articles` and `fields.page`/`fields.article` for lists. */
  articles?: JsonKindMapping;
  /** Declarative mapping of one article. */
  article?: JsonKindMapping;
  /** Declarative mapping of the links. */
  links?: JsonKindMapping;
  /** Declarative mapping of the visit counters; the visit endpoint is then off unless `endpoints.visit` is given. */
  stats?: JsonKindMapping;
}

/** The options a page may set (the element's attributes supply `baseUrl` and `timeZone`). */
const OPTION_KEYS = new Set([
  'baseUrl',
  'timeZone',
  'http',
  'headers',
  'endpoints',
  'fields',
  'watch',
  'pageBase',
  'dateFormat',
  'articles',
  'article',
  'links',
  'stats',
]);

/** The keys each kind's mapping may have. */
const KIND_KEYS: Record<Kind, readonly string[]> = {
  articles: ['url', 'root', 'items', 'total', 'totalPages', 'hasMore', 'fields'],
  article: ['url', 'root', 'fields'],
  links: ['url', 'root', 'items', 'fields'],
  stats: ['url', 'root', 'fields'],
};

/** Checks one kind's mapping as given in the page's JSON. */
function checkKind(kind: Kind, given: unknown): KindMapping | undefined {
  if (given === undefined || given === null) return undefined;
  if (!isRecord(given)) throw new ConfigError(`"${kind}" must be an object (url, fields, …).`);
  const allowed = KIND_KEYS[kind];
  const result: KindMapping = { fields: {} };
  for (const [key, value] of Object.entries(given)) {
    if (!allowed.includes(key)) {
      throw new ConfigError(
        `"${kind}.${key}" is not a mapping setting (${kind} takes ${allowed.join(', ')}).`,
      );
    }
    if (key === 'fields') {
      result.fields = checkFieldMap(kind, value) ?? {};
      continue;
    }
    if (typeof value !== 'string' || (key === 'url' && value.trim() === '')) {
      throw new ConfigError(
        `"${kind}.${key}" must be a ${key === 'url' ? 'URL template' : 'dot path'} string.`,
      );
    }
    result[key as Exclude<keyof KindMapping, 'fields'>] = value;
  }
  return result;
}

/** `pageBase` as 0 or 1 (a numeric string is accepted too). */
function checkPageBase(given: unknown): 0 | 1 {
  if (given === undefined) return 1;
  const value = typeof given === 'string' ? Number(given.trim()) : given;
  if (value !== 0 && value !== 1) throw new ConfigError('"pageBase" must be 0 or 1.');
  return value;
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

const PLACEHOLDERS = ['base', 'id', 'category', 'page', 'pageSize', 'offset', 'group', 'lang'];

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

/** How a source without a mapping or a `dateFormat` reads dates: epoch numbers become ISO 8601. */
const CANONICAL_READING: JsonReading = { readDate: (value) => parseEpoch(value) ?? value };

/** Reads the figures every `ms` until stopped: watching without a stream. */
function pollEvery(
  ms: number,
  read: (signal: AbortSignal) => Promise<VisitStats>,
  callback: (stats: VisitStats) => void,
): () => void {
  const controller = new AbortController();
  const timer = setInterval(() => {
    read(controller.signal).then(
      (stats) => {
        if (!controller.signal.aborted) callback(stats);
      },
      // A failed reading waits for the next one.
      () => undefined,
    );
  }, ms);
  return () => {
    clearInterval(timer);
    controller.abort();
  };
}

/**
 * Starts watching once `load` has brought the code for it, and returns at once
 * the function that stops it: stopped before then, nothing is started. When
 * the code cannot be loaded, the figures are read with `poll` every `pollMs`
 * instead (with a warning), as when the stream is down. Exported for its
 * tests; not part of the package's API.
 */
export function watchWhenLoaded(
  load: () => Promise<() => () => void>,
  pollMs: number,
  poll: (signal: AbortSignal) => Promise<VisitStats>,
  callback: (stats: VisitStats) => void,
): () => void {
  let stopped = false;
  let stop: (() => void) | undefined;
  void load()
    .catch((error: unknown): (() => () => void) => {
      console.warn('portal-widgets: the live figures could not be loaded; polling instead.', error);
      return () => pollEvery(pollMs, poll, callback);
    })
    .then((start) => {
      if (stopped) return;
      try {
        stop = start();
      } catch (error) {
        // A stream that cannot even start (say, a URL EventSource rejects) must not end the figures.
        console.warn('portal-widgets: the live figures could not be started; polling instead.', error);
        stop = pollEvery(pollMs, poll, callback);
      }
    });
  return () => {
    stopped = true;
    stop?.();
  };
}

/**
 * Creates a data source for a JSON REST backend.
 *
 * A `dateFormat` is compiled with the mapping code, which is loaded on the
 * first request: a bad pattern fails that request (and each later one) with a
 * {@link ConfigError}.
 *
 * @throws {ConfigError} for an unknown time zone, a bad template, field map or mapping setting.
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

  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) {
      throw new ConfigError(
        `"${key}" is not a json source setting (known: ${[...OPTION_KEYS].join(', ')}).`,
      );
    }
  }
  const pageBase = checkPageBase(options.pageBase);
  const kinds: KindMappings = {
    articles: checkKind('articles', options.articles),
    article: checkKind('article', options.article),
    links: checkKind('links', options.links),
    stats: checkKind('stats', options.stats),
  };

  const given: Record<string, unknown> = isRecord(options.endpoints) ? options.endpoints : {};
  if (options.endpoints !== undefined && !isRecord(options.endpoints))
    throw new ConfigError('"endpoints" must be an object.');
  // A kind's own url comes first, then `endpoints`, then the default endpoints.
  const endpoint = (name: keyof JsonEndpoints): string =>
    checkTemplate(
      name,
      (name in kinds ? kinds[name as Kind]?.url : undefined) ??
        given[name] ??
        DEFAULT_ENDPOINTS[name],
      PLACEHOLDERS,
    );
  // A mapped stats endpoint belongs to another API, which has no visit counter unless one is named.
  const visitOff =
    given.visit === null || given.visit === '' || (kinds.stats && given.visit === undefined);
  const templates = {
    articles: endpoint('articles'),
    article: endpoint('article'),
    links: endpoint('links'),
    stats: endpoint('stats'),
    visit: visitOff ? undefined : endpoint('visit'),
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
    apiBase = new URL(`${base}/`, pageBaseUrl()).href;
  } catch {
    throw new ConfigError(`baseUrl "${options.baseUrl}" is not a valid URL.`);
  }
  const ctx: NormalizeContext = { timeZone, baseUrl: apiBase };

  // The declarative mapping and date patterns are a chunk of their own, fetched
  // on the first request of a source that uses them: most sources use neither.
  const dateFormat = options.dateFormat;
  const mapped = dateFormat !== undefined || Object.values(kinds).some(Boolean);
  let mappedReading: Promise<JsonReading> | undefined;
  const reading = (): JsonReading | Promise<JsonReading> => {
    if (!mapped) return CANONICAL_READING;
    mappedReading ??= import('./json-mapping.js')
      .then(({ createJsonReading }) => createJsonReading(kinds, dateFormat, timeZone))
      .catch((error: unknown) => {
        // Tried again on the next request, as a failed request would be.
        mappedReading = undefined;
        throw error;
      });
    return mappedReading;
  };
  /** Reads `target` and the reading in parallel, so loading the mapping costs no extra wait. */
  const getWithReading = (target: string, options?: RequestOptions) =>
    Promise.all([http.getJson(target, getOptions(options, headers)), reading()]);

  const withDate = <T>(raw: T, field: string, { readDate }: JsonReading): T => {
    if (!isRecord(raw) || raw[field] === undefined) return raw;
    return { ...raw, [field]: readDate(raw[field]) };
  };
  const url = (
    template: string,
    values: Record<string, string | undefined>,
    options?: RequestOptions,
  ): string => fillTemplate(template, { base, lang: options?.lang, ...values });

  /** The counters of a stats answer, through the mapping when there is one. */
  const readStats = (data: unknown, target: string, read: JsonReading): VisitStats =>
    normalizeVisitStats(
      read.stats
        ? read.stats(data, target)
        : withDate(applyFields(data, fields.stats), 'updatedAt', read),
      ctx,
    );

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
          page: String(query.page - 1 + pageBase),
          pageSize: String(query.pageSize),
          offset: String((query.page - 1) * query.pageSize),
        },
        options,
      );
      const [response, read] = await getWithReading(target, options);
      return validateFrom(target, () => {
        if (read.articles)
          return normalizePage(read.articles(response.data, query, target), query, ctx);
        const container = mapItems(applyFields(response.data, fields.page), fields.article);
        const dated =
          isRecord(container) && Array.isArray(container.items)
            ? { ...container, items: container.items.map((item) => withDate(item, 'date', read)) }
            : Array.isArray(container)
              ? container.map((item) => withDate(item, 'date', read))
              : container;
        return normalizePage(dated, query, ctx);
      });
    },

    async getArticle(id: string, options?: RequestOptions): Promise<Article> {
      if (typeof id !== 'string' || id === '')
        throw new ConfigError('getArticle needs a non-empty article id.');
      const target = url(templates.article, { id }, options);
      const [response, read] = await getWithReading(target, options);
      return validateFrom(target, () =>
        normalizeArticle(
          read.article
            ? read.article(response.data, id, target)
            : withDate(applyFields(response.data, fields.article), 'date', read),
          ctx,
        ),
      );
    },

    async listLinks(query: LinkQuery, options?: RequestOptions): Promise<Link[]> {
      const target = url(templates.links, { group: query.group ?? '' }, options);
      const [response, read] = await getWithReading(target, options);
      return validateFrom(target, () =>
        normalizeLinks(
          read.links
            ? read.links(response.data, target)
            : mapItems(applyFields(response.data, fields.links), fields.link),
        ),
      );
    },

    async getVisitStats(options?: RequestOptions): Promise<VisitStats> {
      const target = url(templates.stats, {}, options);
      const [response, read] = await getWithReading(target, options);
      return validateFrom(target, () => readStats(response.data, target, read));
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
      const read = await reading();
      const counted = validateFrom(target, () => readStats(data, target, read));
      // The answer is the figures the stats endpoint would give now: a widget
      // mounted again within the cache time shows them without a request.
      http.remember(url(templates.stats, {}, options), data, getOptions(options, headers).headers);
      return counted;
    };
  }

  const streamTemplate = templates.stream;
  if (streamTemplate !== undefined) {
    const poll = (signal: AbortSignal) => source.getVisitStats({ fresh: true, signal });
    // The Server-Sent Events client is a chunk of its own, fetched by the first watcher;
    // if it cannot be loaded, the figures are polled as when the stream is down.
    source.watchVisitStats = (callback: (stats: VisitStats) => void): (() => void) =>
      watchWhenLoaded(
        async () => {
          const [{ watchStream }, read] = await Promise.all([import('./json-watch.js'), reading()]);
          return () =>
            watchStream(url(streamTemplate, {}), watch, {
              parse: (raw) => readStats(raw, streamTemplate, read),
              poll,
              callback,
            });
        },
        watch.pollMs,
        poll,
        callback,
      );
  }

  return source;
}
