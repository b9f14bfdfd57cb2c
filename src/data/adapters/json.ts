/**
 * The `json` adapter: any REST backend that answers JSON. With no options
 * beyond `baseUrl` it speaks the default endpoints of the design; endpoint
 * templates and dot-path field maps adapt it to other APIs without code.
 */

import {
  checkTimeZone,
  compileDateFormat,
  DEFAULT_TIME_ZONE,
  parseDateWithFormat,
  parseEpoch,
} from '../dates.js';
import { ConfigError, ValidationError } from '../errors.js';
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
  getPath,
  validateFrom,
  type FieldMap,
} from './shared.js';

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

type Kind = 'articles' | 'article' | 'links' | 'stats';

/** The keys each kind's mapping may have. */
const KIND_KEYS: Record<Kind, readonly string[]> = {
  articles: ['url', 'root', 'items', 'total', 'totalPages', 'hasMore', 'fields'],
  article: ['url', 'root', 'fields'],
  links: ['url', 'root', 'items', 'fields'],
  stats: ['url', 'root', 'fields'],
};

/** A checked kind mapping: paths are strings, fields a field map. */
interface KindMapping {
  url?: string;
  root?: string;
  items?: string;
  total?: string;
  totalPages?: string;
  hasMore?: string;
  fields: FieldMap;
}

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

/**
 * A count from a number or a numeric string; digit groups (`9.313.603`,
 * `9,313,603`, `9 313 603`) are joined, since counts are whole numbers.
 */
function toCount(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  return /^\d{1,3}(?:([.,\s])\d{3})(?:\1\d{3})*$/.test(text) ? text.replace(/\D/g, '') : text;
}

/** Whether a `hasMore` value says a later page exists: a flag, or a "next" link or number. */
function toHasMore(value: unknown, path: string, url: string): boolean {
  if (value === null || value === false || value === 0 || value === '') return false;
  if (value === true || (typeof value === 'number' && value > 0)) return true;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 'false' || text === '0') return false;
    return true;
  }
  throw new ValidationError(
    `"${path}" in the response of ${url} should be true or false (or a next link), got ${JSON.stringify(value)}.`,
    { url },
  );
}

/** What the mapping names when a path leads nowhere: the path, and the setting holding it. */
function notFound(path: string, setting: string, url: string): ConfigError {
  return new ConfigError(
    `"${path}" not found in the response of ${url} (set in ${setting}). Check the path in the <pw-source> JSON mapping.`,
  );
}

/** Reads a configured path, failing with a ConfigError naming it when it is absent. */
function required(value: unknown, path: string | undefined, setting: string, url: string): unknown {
  if (path === undefined) return value;
  const found = getPath(value, path);
  if (found === undefined) throw notFound(path, setting, url);
  return found;
}

/** The list of a response: at `items` when given, else the value itself (or its `items` array). */
function listAt(root: unknown, mapping: KindMapping, kind: Kind, url: string): unknown[] {
  const value = required(root, mapping.items, `${kind}.items`, url);
  if (Array.isArray(value)) return value;
  if (mapping.items === undefined && isRecord(value) && Array.isArray(value.items))
    return value.items;
  throw new ConfigError(
    mapping.items === undefined
      ? `The response of ${url} is not a list: set "${kind}.items" to the path of the list in it.`
      : `"${mapping.items}" in the response of ${url} is not a list (set in ${kind}.items).`,
  );
}

/**
 * Maps the fields of each object. A field path absent from every object is a
 * ConfigError naming it (one item may lack an optional field; all of them
 * lacking it means the path is wrong). `strict` limits the check to some fields.
 */
function mapObjects(
  objects: unknown[],
  fields: FieldMap,
  kind: Kind,
  url: string,
  strict?: readonly string[],
): Record<string, unknown>[] {
  const records = objects.filter(isRecord);
  for (const [field, path] of Object.entries(fields)) {
    if (strict && !strict.includes(field)) continue;
    if (records.length > 0 && records.every((record) => getPath(record, path) === undefined)) {
      throw notFound(path, `${kind}.fields["${field}"]`, url);
    }
  }
  return objects.map((item) => applyFields(item, fields) as Record<string, unknown>);
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

/**
 * The value at a `hasMore` path. A "next" key missing from an object that is
 * there means no next page (JSON:API style); a missing parent is a wrong path.
 */
function nextMarker(root: unknown, path: string, url: string): unknown {
  const found = getPath(root, path);
  if (found !== undefined) return found;
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  const parent = cut <= 0 ? root : getPath(root, path.slice(0, cut));
  if (isRecord(parent)) return null;
  throw notFound(path, 'articles.hasMore', url);
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

  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) {
      throw new ConfigError(
        `"${key}" is not a json source setting (known: ${[...OPTION_KEYS].join(', ')}).`,
      );
    }
  }
  const pageBase = checkPageBase(options.pageBase);
  const dateFormat =
    options.dateFormat === undefined ? undefined : compileDateFormat(options.dateFormat);
  const kinds = {
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
    apiBase = new URL(`${base}/`, globalThis.location?.href).href;
  } catch {
    throw new ConfigError(`baseUrl "${options.baseUrl}" is not a valid URL.`);
  }
  const ctx: NormalizeContext = { timeZone, baseUrl: apiBase };

  /**
   * A backend date as ISO 8601: by `dateFormat` first (`yyyyMMdd` is all
   * digits too), then as epoch seconds or milliseconds, else left for the normalizer.
   */
  const readDate = (value: unknown): unknown => {
    if (typeof value === 'string' && dateFormat) {
      const formatted = parseDateWithFormat(value, dateFormat, timeZone);
      if (formatted !== undefined) return formatted;
    }
    return parseEpoch(value) ?? value;
  };
  const withDate = <T>(raw: T, field: string): T => {
    if (!isRecord(raw) || raw[field] === undefined) return raw;
    return { ...raw, [field]: readDate(raw[field]) };
  };
  const url = (
    template: string,
    values: Record<string, string | undefined>,
    options?: RequestOptions,
  ): string => fillTemplate(template, { base, lang: options?.lang, ...values });

  /** The counters of a stats answer, through the mapping when there is one. */
  const readStats = (data: unknown, target: string): VisitStats => {
    const mapping = kinds.stats;
    if (!mapping)
      return normalizeVisitStats(withDate(applyFields(data, fields.stats), 'updatedAt'), ctx);
    const root = required(data, mapping.root, 'stats.root', target);
    const [raw] = mapObjects([root], mapping.fields, 'stats', target);
    if (!isRecord(raw)) return normalizeVisitStats(raw, ctx);
    const counters: Record<string, unknown> = { ...raw };
    for (const [key, value] of Object.entries(raw)) counters[key] = toCount(value);
    return normalizeVisitStats(withDate(counters, 'updatedAt'), ctx);
  };

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
      const response = await http.getJson(target, getOptions(options, headers));
      const mapping = kinds.articles;
      if (!mapping) {
        const container = mapItems(applyFields(response.data, fields.page), fields.article);
        const dated =
          isRecord(container) && Array.isArray(container.items)
            ? { ...container, items: container.items.map((item) => withDate(item, 'date')) }
            : Array.isArray(container)
              ? container.map((item) => withDate(item, 'date'))
              : container;
        return validateFrom(target, () => normalizePage(dated, query, ctx));
      }
      const root = required(response.data, mapping.root, 'articles.root', target);
      const rawItems = listAt(root, mapping, 'articles', target);
      const items = mapObjects(rawItems, mapping.fields, 'articles', target).map((item) =>
        withDate(item, 'date'),
      );
      const container: Record<string, unknown> = {
        items,
        page: query.page,
        pageSize: query.pageSize,
      };
      if (mapping.total !== undefined) {
        container.total = toCount(required(root, mapping.total, 'articles.total', target));
      }
      if (mapping.hasMore !== undefined) {
        container.hasMore = toHasMore(
          nextMarker(root, mapping.hasMore, target),
          mapping.hasMore,
          target,
        );
      } else if (mapping.totalPages !== undefined) {
        const pages = Number(
          toCount(required(root, mapping.totalPages, 'articles.totalPages', target)),
        );
        if (!Number.isSafeInteger(pages) || pages < 0) {
          throw new ValidationError(
            `"${mapping.totalPages}" in the response of ${target} is not a number of pages.`,
            { url: target },
          );
        }
        container.hasMore = query.page < pages;
      }
      return validateFrom(target, () => normalizePage(container, query, ctx));
    },

    async getArticle(id: string, options?: RequestOptions): Promise<Article> {
      if (typeof id !== 'string' || id === '')
        throw new ConfigError('getArticle needs a non-empty article id.');
      const target = url(templates.article, { id }, options);
      const response = await http.getJson(target, getOptions(options, headers));
      const mapping = kinds.article;
      if (!mapping) {
        return validateFrom(target, () =>
          normalizeArticle(withDate(applyFields(response.data, fields.article), 'date'), ctx),
        );
      }
      const root = required(response.data, mapping.root, 'article.root', target);
      // A single article may lack an optional field, so only the required ones must be there.
      const articleFields = { ...kinds.articles?.fields, ...mapping.fields };
      let [raw] = mapObjects([root], articleFields, 'article', target, ['id', 'title', 'body']);
      if (isRecord(raw) && raw.id === undefined) raw = { ...raw, id };
      return validateFrom(target, () => normalizeArticle(withDate(raw, 'date'), ctx));
    },

    async listLinks(query: LinkQuery, options?: RequestOptions): Promise<Link[]> {
      const target = url(templates.links, { group: query.group ?? '' }, options);
      const response = await http.getJson(target, getOptions(options, headers));
      const mapping = kinds.links;
      if (!mapping) {
        const container = mapItems(applyFields(response.data, fields.links), fields.link);
        return validateFrom(target, () => normalizeLinks(container));
      }
      const root = required(response.data, mapping.root, 'links.root', target);
      const items = mapObjects(
        listAt(root, mapping, 'links', target),
        mapping.fields,
        'links',
        target,
      );
      return validateFrom(target, () => normalizeLinks(items));
    },

    async getVisitStats(options?: RequestOptions): Promise<VisitStats> {
      const target = url(templates.stats, {}, options);
      const response = await http.getJson(target, getOptions(options, headers));
      return validateFrom(target, () => readStats(response.data, target));
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
      return validateFrom(target, () => readStats(data, target));
    };
  }

  const streamTemplate = templates.stream;
  if (streamTemplate !== undefined) {
    source.watchVisitStats = (callback: (stats: VisitStats) => void): (() => void) =>
      watchStream(url(streamTemplate, {}), watch, {
        parse: (raw) => readStats(raw, streamTemplate),
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
