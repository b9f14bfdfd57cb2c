/**
 * The declarative mapping of the json adapter (its `articles`, `article`,
 * `links` and `stats` options) and its `dateFormat`. A chunk of its own: most
 * pages read the default endpoints, and only sources configuring one of these
 * download it.
 */

import { compileDateFormat, parseDateWithFormat } from '../date-format.js';
import { parseEpoch } from '../dates.js';
import { ConfigError, ValidationError } from '../errors.js';
import { isRecord } from '../shapes.js';
import type { ArticleQuery } from '../types.js';
import type { JsonKindMapping } from './json.js';
import { applyFields, getPath, type FieldMap } from './shared.js';

/** The kinds of data a mapping describes. */
export type Kind = 'articles' | 'article' | 'links' | 'stats';

/** A checked kind mapping: the option as documented, its paths checked to be strings, `fields` always there. */
export type KindMapping = Omit<JsonKindMapping, 'fields'> & { fields: FieldMap };

/** The checked mapping of each kind; a kind without one is read the canonical way. */
export type KindMappings = Record<Kind, KindMapping | undefined>;

/**
 * How a json source reads its responses. `readDate` is always there; a
 * reader of a kind is there only when that kind is mapped. A path that leads
 * nowhere in a response is a {@link ConfigError} naming it.
 */
export interface JsonReading {
  /** A backend date as ISO 8601 when it can be read, else the value as given (left for the normalizer). */
  readDate(value: unknown): unknown;
  /** The page container (`items`, `page`, `pageSize`, `total`, `hasMore`) of an article list. */
  articles?(data: unknown, query: ArticleQuery, url: string): Record<string, unknown>;
  /** The raw article of a single-article response. */
  article?(data: unknown, id: string, url: string): unknown;
  /** The raw links of a links response. */
  links?(data: unknown, url: string): unknown[];
  /** The raw counters of a stats response. */
  stats?(data: unknown, url: string): unknown;
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

/**
 * Builds the reading of a json source from its checked mappings and its
 * `dateFormat` (compiled here, so a bad pattern is a ConfigError).
 *
 * @throws {ConfigError} when `dateFormat` is not a usable pattern.
 */
export function createJsonReading(
  kinds: KindMappings,
  dateFormat: unknown,
  timeZone: string,
): JsonReading {
  const format = dateFormat === undefined ? undefined : compileDateFormat(dateFormat);

  // By `dateFormat` first (`yyyyMMdd` is all digits too), then as epoch seconds or milliseconds.
  const readDate = (value: unknown): unknown => {
    if (typeof value === 'string' && format) {
      const formatted = parseDateWithFormat(value, format, timeZone);
      if (formatted !== undefined) return formatted;
    }
    return parseEpoch(value) ?? value;
  };
  const withDate = <T>(raw: T, field: string): T => {
    if (!isRecord(raw) || raw[field] === undefined) return raw;
    return { ...raw, [field]: readDate(raw[field]) };
  };

  const reading: JsonReading = { readDate };
  const { articles, article, links, stats } = kinds;

  if (articles) {
    reading.articles = (data, query, url) => {
      const root = required(data, articles.root, 'articles.root', url);
      const rawItems = listAt(root, articles, 'articles', url);
      const items = mapObjects(rawItems, articles.fields, 'articles', url).map((item) =>
        withDate(item, 'date'),
      );
      const container: Record<string, unknown> = {
        items,
        page: query.page,
        pageSize: query.pageSize,
      };
      if (articles.total !== undefined) {
        container.total = toCount(required(root, articles.total, 'articles.total', url));
      }
      if (articles.hasMore !== undefined) {
        container.hasMore = toHasMore(
          nextMarker(root, articles.hasMore, url),
          articles.hasMore,
          url,
        );
      } else if (articles.totalPages !== undefined) {
        const pages = Number(
          toCount(required(root, articles.totalPages, 'articles.totalPages', url)),
        );
        if (!Number.isSafeInteger(pages) || pages < 0) {
          throw new ValidationError(
            `"${articles.totalPages}" in the response of ${url} is not a number of pages.`,
            { url },
          );
        }
        container.hasMore = query.page < pages;
      }
      return container;
    };
  }

  if (article) {
    // The fields of the lists apply to a single article too, unless given again.
    const articleFields = { ...articles?.fields, ...article.fields };
    reading.article = (data, id, url) => {
      const root = required(data, article.root, 'article.root', url);
      // A single article may lack an optional field, so only the required ones must be there.
      let [raw] = mapObjects([root], articleFields, 'article', url, ['id', 'title', 'body']);
      if (isRecord(raw) && raw.id === undefined) raw = { ...raw, id };
      return withDate(raw, 'date');
    };
  }

  if (links) {
    reading.links = (data, url) => {
      const root = required(data, links.root, 'links.root', url);
      return mapObjects(listAt(root, links, 'links', url), links.fields, 'links', url);
    };
  }

  if (stats) {
    reading.stats = (data, url) => {
      const root = required(data, stats.root, 'stats.root', url);
      const [raw] = mapObjects([root], stats.fields, 'stats', url);
      if (!isRecord(raw)) return raw;
      const counters: Record<string, unknown> = { ...raw };
      for (const [key, value] of Object.entries(raw)) counters[key] = toCount(value);
      return withDate(counters, 'updatedAt');
    };
  }

  return reading;
}
