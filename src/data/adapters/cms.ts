/**
 * Helpers of the CMS and feed adapters (WordPress, RSS, Liferay, Joomla,
 * Drupal): site roots, query strings, HTML to text, XML and OPML reading,
 * CORS explanations. Those adapters are lazy chunks, and so is this module:
 * a page on the json or static source never downloads it.
 */

import { ConfigError, NetworkError, ParseError } from '../errors.js';
import { pageBaseUrl } from '../page-url.js';
import { isRecord } from '../shapes.js';

/**
 * The absolute form of a site or API root, without a trailing slash, so
 * adapters can append paths. Relative roots resolve against the page.
 *
 * @throws {ConfigError} when `baseUrl` is missing or not a URL.
 */
export function siteRoot(baseUrl: unknown, what: string): string {
  if (typeof baseUrl !== 'string' || baseUrl.trim() === '') {
    throw new ConfigError(`The ${what} source needs a base URL (base-url on <pw-source>).`);
  }
  try {
    const url = new URL(baseUrl.trim(), pageBaseUrl());
    url.hash = '';
    return url.href.replace(/\/+$/, '');
  } catch {
    throw new ConfigError(`base-url "${baseUrl}" of the ${what} source is not a valid URL.`);
  }
}

// Block-level ends become spaces: textContent alone would glue "<p>a</p><p>b</p>" into "ab".
const BLOCK_END = /<(?:br|hr|\/(?:p|div|li|h[1-6]|tr|td|th|blockquote|figcaption))\b[^>]*>/gi;

/**
 * Plain text of an HTML fragment: tags removed, entities (`&#038;`,
 * `&hellip;`) decoded, whitespace collapsed. The fragment is parsed into an
 * inert document, so nothing in it runs or loads.
 */
export function htmlToText(html: unknown): string | undefined {
  if (typeof html !== 'string') return undefined;
  let text = html;
  if (/[<&]/.test(html)) {
    const doc = new DOMParser().parseFromString(html.replace(BLOCK_END, '$& '), 'text/html');
    for (const node of doc.querySelectorAll('script, style, template, noscript')) node.remove();
    text = doc.body.textContent ?? '';
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

/**
 * Parses an XML answer (RSS, Atom, OPML).
 *
 * @throws {ParseError} naming `what` and the URL when the text is not well-formed XML.
 */
export function parseXml(text: string, url: string, what: string): Document {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0 || !doc.documentElement) {
    const start = text.replace(/\s+/g, ' ').trim().slice(0, 60);
    throw new ParseError(
      `The answer from ${url} is not ${what} (not well-formed XML). It starts with: ${start}`,
      { url },
    );
  }
  return doc;
}

/**
 * Links of an OPML outline (WordPress `/wp-links-opml.php`, feed-reader
 * exports): every outline with `htmlUrl` (or a `url` or `xmlUrl`) is a link,
 * named by its `text` (or `title`), in the group of its parent outline.
 *
 * @throws {ParseError} when the document is not OPML.
 */
export function opmlLinks(doc: Document, url: string): Record<string, string>[] {
  if (doc.documentElement.localName !== 'opml') {
    throw new ParseError(
      `Expected an OPML document from ${url}, got <${doc.documentElement.localName}>.`,
      { url },
    );
  }
  const result: Record<string, string>[] = [];
  for (const outline of doc.getElementsByTagName('outline')) {
    const href =
      outline.getAttribute('htmlUrl') ??
      outline.getAttribute('url') ??
      outline.getAttribute('xmlUrl');
    if (!href) continue;
    let absolute = href;
    try {
      absolute = new URL(href, url).href;
    } catch {
      // Left as given: the link normalizer drops what is not a valid URL.
    }
    const link: Record<string, string> = {
      title: outline.getAttribute('text') ?? outline.getAttribute('title') ?? '',
      url: absolute,
    };
    const parent = outline.parentElement;
    const group =
      parent?.localName === 'outline'
        ? (parent.getAttribute('title') ?? parent.getAttribute('text'))
        : null;
    if (group) link.group = group;
    result.push(link);
  }
  return result;
}

/** Whether `url` is on another origin than the page (so the browser applies CORS). */
function isCrossOrigin(url: string): boolean {
  const page = globalThis.location;
  if (!page) return false;
  try {
    return new URL(url, page.href).origin !== page.origin;
  } catch {
    return false;
  }
}

/**
 * Runs a request, and when it fails without any answer from another origin,
 * says that the likely cause is CORS and what to do about it. Browsers hide
 * the reason of a blocked cross-origin read, so the message names it.
 */
export async function explainCors<T>(url: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (!(error instanceof NetworkError) || !isCrossOrigin(url)) throw error;
    const origin = new URL(url, pageBaseUrl()).origin;
    throw new NetworkError(
      `${url} could not be read from this page: the browser got no usable answer. ${origin} is ` +
        `another origin, so it must allow this page with CORS (Access-Control-Allow-Origin: ` +
        `${globalThis.location.origin}); most likely it does not. Enable CORS on that server, or ` +
        `serve the data through a proxy on this page's own origin. (${error.message})`,
      { url, cause: error },
    );
  }
}

/**
 * A query string from `[name, value]` pairs: values URL-encoded, names kept
 * as written (so `page[limit]` reads as in the backends' documentation),
 * `undefined` values left out, `null` giving a bare flag such as `_embed`.
 */
export function queryString(params: [string, string | number | null | undefined][]): string {
  const parts: string[] = [];
  for (const [name, value] of params) {
    if (value === undefined) continue;
    parts.push(value === null ? name : `${name}=${encodeURIComponent(String(value))}`);
  }
  return parts.join('&');
}

/** A header value as a non-negative integer (`X-WP-Total`), or undefined. */
export function headerCount(headers: Record<string, string>, name: string): number | undefined {
  const value = headers[name.toLowerCase()];
  return value !== undefined && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;
}

/** `value` as a plain object, or undefined (arrays and null are not records). */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}

/** The first element of an array, or undefined for anything else. */
export function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : undefined;
}

/**
 * An absolute URL from one given in the configuration.
 *
 * @throws {ConfigError} naming `what` when it is not a valid URL.
 */
export function configuredUrl(url: string, base: string | undefined, what: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    throw new ConfigError(`${what} "${url}" is not a valid URL.`);
  }
}

/**
 * The answer of an adapter asked for data its backend does not publish: a
 * configuration error that says why and names the composite source, which
 * takes that kind of data from another backend.
 */
export function notOffered(kind: 'links' | 'stats', why: string, note = ''): Promise<never> {
  const what = kind === 'links' ? 'the links' : 'them';
  return Promise.reject(
    new ConfigError(
      `${why} Take ${what} from another source: <pw-source type="composite" ${kind}="ID">${note}.`,
    ),
  );
}
