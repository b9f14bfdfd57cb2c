/**
 * Small helpers shared by every adapter, including the ones always loaded
 * (json, static, url): URL templates, dot-path field mapping, request options
 * and error context. What only the CMS and feed adapters need lives in
 * cms.ts, so it is downloaded with them and not by every page.
 */

import { ConfigError, ValidationError } from '../errors.js';
import type { GetOptions } from '../http.js';
import { isRecord } from '../shapes.js';
import type { RequestOptions } from '../types.js';

/** A field mapping: canonical field (dot path allowed) → where it is in the backend's JSON (dot path). */
export type FieldMap = Record<string, string>;

// Segments that would reach the prototype chain instead of the data.
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

/** The segments of a dot path; `rows[0].tags[1]` is read as `rows.0.tags.1`. */
function pathSegments(path: string): string[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\./, '')
    .split('.');
}

/** Reads `a.b.0.c` (or `a.b[0].c`) from `value`; an empty path is the value itself. */
export function getPath(value: unknown, path: string): unknown {
  if (path === '' || path === '.') return value;
  let node = value;
  for (const segment of pathSegments(path)) {
    if (FORBIDDEN_SEGMENTS.has(segment)) return undefined;
    if (Array.isArray(node) && /^\d+$/.test(segment)) node = node[Number(segment)];
    else if (isRecord(node) && Object.hasOwn(node, segment)) node = node[segment];
    else return undefined;
  }
  return node;
}

/**
 * Returns a shallow copy of `raw` with each mapped canonical field set from
 * its path in `raw`. Non-objects and an empty mapping pass through unchanged.
 */
export function applyFields(raw: unknown, mapping: FieldMap | undefined): unknown {
  if (!mapping || !isRecord(raw)) return raw;
  const result: Record<string, unknown> = { ...raw };
  for (const [target, path] of Object.entries(mapping)) {
    const value = getPath(raw, path);
    const segments = target.split('.');
    if (segments.some((segment) => FORBIDDEN_SEGMENTS.has(segment) || segment === '')) continue;
    let node = result;
    for (const segment of segments.slice(0, -1)) {
      // Copy on the way down, so the cached response is never modified.
      const next = node[segment];
      const copy: Record<string, unknown> = isRecord(next) ? { ...next } : {};
      node[segment] = copy;
      node = copy;
    }
    node[segments[segments.length - 1]!] = value;
  }
  return result;
}

/** Checks a user-supplied field mapping (it may come from JSON in the page). */
export function checkFieldMap(name: string, mapping: unknown): FieldMap | undefined {
  if (mapping === undefined || mapping === null) return undefined;
  if (!isRecord(mapping))
    throw new ConfigError(`fields.${name} must be an object of "field": "path" strings.`);
  for (const [key, value] of Object.entries(mapping)) {
    if (typeof value !== 'string')
      throw new ConfigError(`fields.${name}.${key} must be a string (a dot path).`);
  }
  return mapping as FieldMap;
}

/**
 * Checks that `template` is a string using only `allowed` placeholders, so a
 * typo fails at setup instead of producing a wrong URL later.
 */
export function checkTemplate(name: string, template: unknown, allowed: readonly string[]): string {
  if (typeof template !== 'string' || template.trim() === '') {
    throw new ConfigError(`The "${name}" endpoint template must be a non-empty string.`);
  }
  for (const [, placeholder] of template.matchAll(/\{([^}]*)\}/g)) {
    if (!allowed.includes(placeholder!)) {
      throw new ConfigError(
        `Unknown placeholder {${placeholder}} in the "${name}" endpoint template (allowed: ${allowed.map((p) => `{${p}}`).join(' ')}).`,
      );
    }
  }
  return template;
}

/**
 * Fills `{name}` placeholders: `{base}` verbatim, the others URL-encoded.
 * A query parameter whose value ends in an empty placeholder (with at most
 * fixed text before it) is left out, so `?category={category}` and
 * `?filter=tag:{category}` disappear when no category is asked for.
 */
export function fillTemplate(template: string, values: Record<string, string | undefined>): string {
  const queryStart = template.indexOf('?');
  let text = template;
  if (queryStart !== -1) {
    const hashStart = template.indexOf('#', queryStart);
    const end = hashStart === -1 ? template.length : hashStart;
    const kept = template
      .slice(queryStart + 1, end)
      .split('&')
      .filter((part) => {
        // `tag={category}` and `filter=tag:{category}` both go when the category is empty.
        const match = /^[^=]*=[^={}]*\{(\w+)\}$/.exec(part);
        return part !== '' && (!match || (values[match[1]!] ?? '') !== '');
      });
    text =
      template.slice(0, queryStart) +
      (kept.length > 0 ? `?${kept.join('&')}` : '') +
      template.slice(end);
  }
  // A path segment that is only an empty placeholder goes too: `/rss/{category}/`
  // without a category is `/rss/`, not `/rss//` (which many servers do not merge).
  const pathEnd = text.search(/[?#]|$/);
  text =
    text
      .slice(0, pathEnd)
      .replace(/\/\{(\w+)\}(?=\/|$)/g, (whole, name: string) =>
        name !== 'base' && (values[name] ?? '') === '' ? '' : whole,
      ) + text.slice(pathEnd);
  return text.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'base' ? (values.base ?? '') : encodeURIComponent(values[name] ?? ''),
  );
}

/** Maps a data-source call's options onto an HTTP read: signal, `fresh`, and the language as `Accept-Language`. */
export function getOptions(
  options: RequestOptions | undefined,
  headers?: Record<string, string>,
): GetOptions {
  const result: GetOptions = {};
  if (options?.signal) result.signal = options.signal;
  if (options?.fresh) result.fresh = true;
  const merged = { ...headers };
  if (options?.lang) merged['accept-language'] = options.lang;
  if (Object.keys(merged).length > 0) result.headers = merged;
  return result;
}

/** Runs a normalizer, adding the URL to a validation error so a developer knows which endpoint is wrong. */
export function validateFrom<T>(url: string, normalize: () => T): T {
  try {
    return normalize();
  } catch (error) {
    if (error instanceof ValidationError && error.url === undefined) {
      throw new ValidationError(`${error.message} (in the response from ${url})`, { url });
    }
    throw error;
  }
}
