/**
 * The options of the json adapter: their types, and the checking that turns
 * what a page gives (often straight from the JSON inside `<pw-source>`) into
 * settled values, or a ConfigError that names the setting at fault. The
 * adapter (json.ts) reads only what {@link checkJsonOptions} returns.
 */

import { checkTimeZone, DEFAULT_TIME_ZONE } from '../dates.js';
import { ConfigError } from '../errors.js';
import type { HttpClient } from '../http.js';
import { isRecord } from '../shapes.js';
import { pageBaseUrl } from '../page-url.js';
import type { Kind, KindMapping, KindMappings } from './json-mapping.js';
import { checkFieldMap, checkTemplate, type FieldMap } from './shared.js';

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

/** How `JsonSource.watchVisitStats` keeps the figures coming. */
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

/** Options of `createJsonSource` (json.ts). */
export interface JsonSourceOptions {
  /** Base URL of the API; `{base}` in the templates. Relative URLs resolve against the page. */
  baseUrl: string;
  /** IANA zone of offset-less dates. Default `Asia/Ho_Chi_Minh`. */
  timeZone?: string;
  /** Default: the page-wide `defaultHttpClient`. */
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

/** @internal The json source's options once checked, defaults filled in. */
export interface CheckedJsonOptions {
  timeZone: string;
  /** `baseUrl` without its trailing slashes: `{base}` in the templates. */
  base: string;
  /** The API's base as a directory URL: relative URLs in articles resolve against it. */
  apiBase: string;
  headers: Record<string, string> | undefined;
  pageBase: 0 | 1;
  /** The declarative mapping of each kind, when it has one. */
  kinds: KindMappings;
  /** The URL template of each endpoint; `visit` and `stream` only when the source has them. */
  templates: {
    articles: string;
    article: string;
    links: string;
    stats: string;
    visit: string | undefined;
    stream: string | undefined;
  };
  watch: Required<JsonWatchOptions>;
  /** The field maps of `fields`, one per part of an answer. */
  fields: Record<keyof JsonFieldPaths, FieldMap | undefined>;
}

/**
 * @internal Checks the options of `createJsonSource`, in the order a
 * page would fix them, and settles their defaults.
 *
 * @throws {ConfigError} for an unknown time zone or setting, a bad template,
 *   field map, mapping setting, `pageBase`, `watch` value or `baseUrl`.
 */
export function checkJsonOptions(options: JsonSourceOptions): CheckedJsonOptions {
  if (typeof options.baseUrl !== 'string')
    throw new ConfigError('The json source needs a "baseUrl" string.');
  const timeZone = checkTimeZone(options.timeZone ?? DEFAULT_TIME_ZONE);
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
  return { timeZone, base, apiBase, headers, pageBase, kinds, templates, watch, fields };
}
