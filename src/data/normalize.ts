/**
 * Validators and normalizers: every payload passes through them before a
 * widget sees it. A missing required field is a {@link ValidationError}; a
 * wrong optional field is dropped. Results never hold `undefined`, `NaN` or
 * unsafe URLs.
 */

import { parseDate, DEFAULT_TIME_ZONE } from './dates.js';
import { ValidationError } from './errors.js';
import type { Article, ArticleQuery, ArticleSummary, Link, Page, VisitStats } from './types.js';
import { pageBaseUrl } from './page-url.js';
import { isRecord, STATS_FIELDS, type Json } from './shapes.js';

/** What the normalizers need to know about the source. */
export interface NormalizeContext {
  /** IANA zone in which offset-less dates are read. */
  timeZone: string;
  /** Base for relative URLs in articles (default: the page's URL). */
  baseUrl?: string;
}

const WEB_PROTOCOLS = ['http:', 'https:'];
const LINK_PROTOCOLS = ['http:', 'https:', 'mailto:', 'tel:'];

/** "null", "an array", "a number": for messages a developer can act on. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function nonEmptyText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? undefined : text;
}

/** An id from a string or a finite number. */
function identifier(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  return nonEmptyText(value);
}

/**
 * An absolute URL with an allowed protocol, or undefined. Resolving first
 * means `JavaScript:`, ` javascript:` and similar tricks are caught by the parser.
 */
export function safeUrl(
  value: unknown,
  allowed: readonly string[],
  baseUrl?: string,
): string | undefined {
  const text = nonEmptyText(value);
  if (text === undefined) return undefined;
  try {
    const base = baseUrl === undefined ? pageBaseUrl() : new URL(baseUrl, pageBaseUrl()).href;
    const url = new URL(text, base);
    return allowed.includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A non-negative safe integer, from a number or a string of digits. */
function count(value: unknown): number | undefined {
  let number: number | undefined;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) number = Number(value);
  return number !== undefined && Number.isSafeInteger(number) && number >= 0 ? number : undefined;
}

function positiveInteger(value: unknown): number | undefined {
  const number = count(value);
  return number !== undefined && number > 0 ? number : undefined;
}

function image(value: unknown, ctx: NormalizeContext): ArticleSummary['image'] {
  if (typeof value === 'string') {
    const src = safeUrl(value, WEB_PROTOCOLS, ctx.baseUrl);
    return src === undefined ? undefined : { src };
  }
  if (!isRecord(value)) return undefined;
  const src = safeUrl(value.src, WEB_PROTOCOLS, ctx.baseUrl);
  if (src === undefined) return undefined;
  const alt = typeof value.alt === 'string' ? value.alt.trim() : undefined;
  // An empty alt is meaningful (decorative image), so it is kept.
  return alt === undefined ? { src } : { src, alt };
}

/** `{ id, name }`; a bare string or a half-filled object is completed from what is there. */
function category(value: unknown): ArticleSummary['category'] {
  if (typeof value === 'string' || typeof value === 'number') {
    const id = identifier(value);
    return id === undefined ? undefined : { id, name: id };
  }
  if (!isRecord(value)) return undefined;
  const id = identifier(value.id);
  const name = nonEmptyText(value.name);
  if (id === undefined && name === undefined) return undefined;
  return { id: id ?? name!, name: name ?? id! };
}

function attachments(value: unknown, ctx: NormalizeContext): Article['attachments'] {
  if (!Array.isArray(value)) return undefined;
  const result: { name: string; url: string }[] = [];
  for (const item of value) {
    if (!isRecord(item)) continue;
    const name = nonEmptyText(item.name);
    const url = safeUrl(item.url, WEB_PROTOCOLS, ctx.baseUrl);
    if (name !== undefined && url !== undefined) result.push({ name, url });
  }
  return result.length > 0 ? result : undefined;
}

/**
 * Validates one list item.
 *
 * @throws {ValidationError} when `raw` is not an object, or `id` or `title` is missing.
 */
export function normalizeArticleSummary(raw: unknown, ctx: NormalizeContext): ArticleSummary {
  if (!isRecord(raw))
    throw new ValidationError(`An article must be an object, got ${describe(raw)}.`);
  const id = identifier(raw.id);
  if (id === undefined)
    throw new ValidationError(
      `An article needs an "id" (string or number), got ${describe(raw.id)}.`,
    );
  const title = nonEmptyText(raw.title);
  if (title === undefined) {
    throw new ValidationError(
      `Article "${id}" needs a non-empty "title" string, got ${describe(raw.title)}.`,
    );
  }

  const result: ArticleSummary = { id, title };
  const url = safeUrl(raw.url, WEB_PROTOCOLS, ctx.baseUrl);
  if (url !== undefined) result.url = url;
  const date = parseDate(raw.date, ctx.timeZone);
  if (date !== undefined) result.date = date;
  const summary = nonEmptyText(raw.summary);
  if (summary !== undefined) result.summary = summary;
  const img = image(raw.image, ctx);
  if (img !== undefined) result.image = img;
  const cat = category(raw.category);
  if (cat !== undefined) result.category = cat;
  return result;
}

/**
 * Validates a full article.
 *
 * @throws {ValidationError} as {@link normalizeArticleSummary}, and when `body` is not a string.
 */
export function normalizeArticle(raw: unknown, ctx: NormalizeContext): Article {
  const summary = normalizeArticleSummary(raw, ctx);
  const source = raw as Json;
  if (typeof source.body !== 'string') {
    throw new ValidationError(
      `Article "${summary.id}" needs a "body" string (HTML), got ${describe(source.body)}.`,
    );
  }
  const result: Article = { ...summary, body: source.body };
  const author = nonEmptyText(source.author);
  if (author !== undefined) result.author = author;
  const files = attachments(source.attachments, ctx);
  if (files !== undefined) result.attachments = files;
  return result;
}

/**
 * Normalizes each item with `normalize`, leaving out (with a console warning
 * naming `what`) the ones that fail validation: one bad item must not cost the
 * visitor the whole list. Stops once `limit` items are kept.
 */
export function keepValid<R, T>(
  raw: readonly R[],
  normalize: (item: R) => T,
  what: string,
  limit = Infinity,
): T[] {
  const kept: T[] = [];
  for (const item of raw) {
    if (kept.length >= limit) break;
    try {
      kept.push(normalize(item));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      console.warn(`portal-widgets: skipped ${what}: ${error.message}`);
    }
  }
  return kept;
}

/**
 * Validates one page of articles. Items that fail validation are left out
 * (with a console warning) rather than failing the whole list. `raw` may also
 * be a bare array of items.
 *
 * @throws {ValidationError} when `raw` is neither an object with an `items` array nor an array.
 */
export function normalizePage(
  raw: unknown,
  query: ArticleQuery,
  ctx: NormalizeContext,
): Page<ArticleSummary> {
  const container: Json = Array.isArray(raw) ? { items: raw } : isRecord(raw) ? raw : {};
  if (!Array.isArray(container.items)) {
    throw new ValidationError(
      isRecord(raw)
        ? `A page of articles needs an "items" array, got ${describe(raw.items)}.`
        : `A page of articles must be an object with "items", got ${describe(raw)}.`,
    );
  }
  const rawItems: unknown[] = container.items;
  // A backend that ignores the page size must not make the box draw (or this loop check) thousands of items.
  const limit = positiveInteger(query.pageSize) ?? Infinity;
  const items = keepValid(
    rawItems,
    (item) => normalizeArticleSummary(item, ctx),
    'an article in the list',
    limit,
  );
  const page = positiveInteger(container.page) ?? query.page;
  const pageSize = positiveInteger(container.pageSize) ?? query.pageSize;
  const total = count(container.total);
  let hasMore: boolean;
  if (typeof container.hasMore === 'boolean') hasMore = container.hasMore;
  else if (total !== undefined) hasMore = page * pageSize < total;
  // Without a total, a full page suggests more; raw length counts items dropped above.
  else hasMore = rawItems.length >= pageSize;
  const result: Page<ArticleSummary> = { items, page, pageSize, hasMore };
  if (total !== undefined) result.total = total;
  return result;
}

/**
 * Validates links. Accepts `{ items: [...] }` or an array. Only `http:`,
 * `https:`, `mailto:` and `tel:` URLs are kept (resolved against the page);
 * other links are left out with a console warning.
 *
 * @throws {ValidationError} when `raw` is neither an array nor an object with an `items` array.
 */
export function normalizeLinks(raw: unknown): Link[] {
  const list = Array.isArray(raw) ? raw : isRecord(raw) ? raw.items : undefined;
  if (!Array.isArray(list)) {
    throw new ValidationError(
      `Links must be an array or an object with an "items" array, got ${describe(raw)}.`,
    );
  }
  const result: Link[] = [];
  for (const item of list) {
    if (!isRecord(item)) {
      console.warn(`portal-widgets: skipped a link that is ${describe(item)}, not an object.`);
      continue;
    }
    const title = nonEmptyText(item.title);
    const url = safeUrl(item.url, LINK_PROTOCOLS);
    if (title === undefined || url === undefined) {
      console.warn(
        `portal-widgets: skipped link ${JSON.stringify(item.title ?? null)}: it needs a title and an ` +
          `http:, https:, mailto: or tel: URL (got ${JSON.stringify(item.url ?? null)}).`,
      );
      continue;
    }
    const link: Link = { title, url };
    const group = nonEmptyText(item.group);
    if (group !== undefined) link.group = group;
    const logo = safeUrl(item.logo, WEB_PROTOCOLS);
    if (logo !== undefined) link.logo = logo;
    result.push(link);
  }
  return result;
}

/**
 * Validates visit counters: only non-negative integers (or strings of digits)
 * are kept; `updatedAt` is parsed like every date.
 *
 * @throws {ValidationError} when `raw` is not an object.
 */
export function normalizeVisitStats(raw: unknown, ctx: Partial<NormalizeContext> = {}): VisitStats {
  if (!isRecord(raw))
    throw new ValidationError(`Visit statistics must be an object, got ${describe(raw)}.`);
  const result: VisitStats = {};
  for (const field of STATS_FIELDS) {
    const value = count(raw[field]);
    if (value !== undefined) result[field] = value;
  }
  const updatedAt = parseDate(raw.updatedAt, ctx.timeZone ?? DEFAULT_TIME_ZONE);
  if (updatedAt !== undefined) result.updatedAt = updatedAt;
  return result;
}
