/**
 * The `rss` adapter: RSS 2.0, RSS 1.0 and Atom feeds, read with the browser's
 * own DOMParser. A feed has no total and no article endpoint: pages come from
 * a `{page}` placeholder in the feed URL (or from slicing one feed), and an
 * article is looked up by its guid / id within the feed.
 */

import { checkTimeZone, DEFAULT_TIME_ZONE } from '../dates.js';
import { ConfigError, NotFoundError, ParseError } from '../errors.js';
import { defaultHttpClient, type HttpClient } from '../http.js';
import {
  keepValid,
  normalizeArticle,
  normalizeArticleSummary,
  normalizeLinks,
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
import { configuredUrl, explainCors, htmlToText, notOffered, opmlLinks, parseXml } from './cms.js';
import { checkTemplate, fillTemplate, getOptions, validateFrom } from './shared.js';
import { pageBaseUrl } from '../page-url.js';

/** Options of {@link createRssSource}. */
export interface RssSourceOptions {
  /**
   * The feed URL. It may hold `{category}` (the widget's category, URL-encoded)
   * and `{page}` (1, 2, …) for feeds that page, e.g.
   * `https://portal.example/feed/?cat={category}&paged={page}`. A query
   * parameter whose value is an empty `{category}` is left out.
   */
  url: string;
  /** IANA zone of dates written without an offset. Default `Asia/Ho_Chi_Minh`. */
  timeZone?: string;
  /** Default: the page-wide {@link defaultHttpClient}. */
  http?: HttpClient;
  /** An OPML file holding the links, for the link box (a feed holds none). */
  linksUrl?: string;
}

/** The DataSource returned by {@link createRssSource}. */
export interface RssSource extends DataSource {
  readonly timeZone: string;
}

type Json = Record<string, unknown>;

/** One feed item in the canonical shape (not yet validated), with all its categories. */
interface FeedEntry {
  id: string;
  record: Json;
  categories: string[];
}

const ATOM = 'http://www.w3.org/2005/Atom';
const CONTENT = 'http://purl.org/rss/1.0/modules/content/';
const DUBLIN_CORE = 'http://purl.org/dc/elements/1.1/';
// Media RSS is published under this URI with and without the trailing slash.
const isMedia = (ns: string | null): boolean =>
  ns?.startsWith('http://search.yahoo.com/mrss') ?? false;

/** Pages read at most when paging through a feed or looking for an item. */
const MAX_FEED_PAGES = 20;
/** Items remembered for article lookups, across all feeds of the source. */
const MAX_REMEMBERED = 500;

function childrenNamed(
  parent: Element,
  name: string,
  ns: (uri: string | null) => boolean,
): Element[] {
  return [...parent.children].filter((child) => child.localName === name && ns(child.namespaceURI));
}

function textOf(element: Element | undefined): string {
  return (element?.textContent ?? '').trim();
}

function absolute(url: string, base: string): string | undefined {
  if (url === '') return undefined;
  try {
    return new URL(url, base).href;
  } catch {
    return undefined;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An image from Media RSS (`media:thumbnail`, `media:content`, also inside `media:group`). */
function mediaImage(item: Element, base: string): string | undefined {
  const candidates = [item, ...childrenNamed(item, 'group', isMedia)];
  for (const holder of candidates) {
    const thumbnail = childrenNamed(holder, 'thumbnail', isMedia)[0]?.getAttribute('url');
    if (thumbnail) return absolute(thumbnail, base);
    for (const content of childrenNamed(holder, 'content', isMedia)) {
      const type = content.getAttribute('type') ?? '';
      if (content.getAttribute('medium') === 'image' || type.startsWith('image/')) {
        const url = content.getAttribute('url');
        if (url) return absolute(url, base);
      }
    }
  }
  return undefined;
}

/** An RSS 2.0 or RSS 1.0 `<item>`. */
function rssEntry(item: Element, base: string): FeedEntry {
  // RSS 2.0 elements have no namespace; RSS 1.0 ones have the RSS 1.0 namespace.
  const own = item.namespaceURI;
  const plain = (name: string) => textOf(childrenNamed(item, name, (ns) => ns === own)[0]);
  const guidElement = childrenNamed(item, 'guid', (ns) => ns === own)[0];
  const guid = textOf(guidElement);
  const link = absolute(plain('link'), base);
  const permalink =
    guidElement?.getAttribute('isPermaLink') !== 'false' && /^https?:/i.test(guid)
      ? guid
      : undefined;
  const description = plain('description');
  const encoded = textOf(childrenNamed(item, 'encoded', (ns) => ns === CONTENT)[0]);
  const creator = textOf(childrenNamed(item, 'creator', (ns) => ns === DUBLIN_CORE)[0]);
  const categories = childrenNamed(item, 'category', (ns) => ns === own)
    .map(textOf)
    .filter((name) => name !== '');
  const enclosure = childrenNamed(item, 'enclosure', (ns) => ns === own).find((element) =>
    (element.getAttribute('type') ?? '').startsWith('image/'),
  );
  const image = absolute(enclosure?.getAttribute('url') ?? '', base) ?? mediaImage(item, base);
  const date =
    plain('pubDate') || textOf(childrenNamed(item, 'date', (ns) => ns === DUBLIN_CORE)[0]);
  const record: Json = {
    id: guid || link || '',
    title: htmlToText(plain('title')),
    url: link ?? permalink,
    date,
    summary: htmlToText(description),
    body: encoded || description,
    // RSS 2.0 <author> is an e-mail address, "name@host (Name)": only the name is shown.
    author: creator || /\(([^)]+)\)/.exec(plain('author'))?.[1],
  };
  if (image) record.image = { src: image };
  return { id: String(record.id), record, categories };
}

/** Text of an Atom text construct (`type` text, html or xhtml), as HTML. */
function atomHtml(element: Element | undefined): string {
  if (!element) return '';
  const type = element.getAttribute('type') ?? 'text';
  if (type === 'xhtml') {
    const wrapper = [...element.children].find((child) => child.localName === 'div');
    return (wrapper ?? element).innerHTML.trim();
  }
  if (type === 'html' || type === 'text/html') return textOf(element);
  return escapeHtml(textOf(element));
}

/** An Atom `<entry>`; the feed's author stands in for entries without one. */
function atomEntry(entry: Element, base: string, feedAuthor: string): FeedEntry {
  const atom = (name: string) => childrenNamed(entry, name, (ns) => ns === ATOM);
  const links = atom('link');
  const alternate = links.find((link) => (link.getAttribute('rel') ?? 'alternate') === 'alternate');
  const enclosure = links.find(
    (link) =>
      link.getAttribute('rel') === 'enclosure' &&
      (link.getAttribute('type') ?? '').startsWith('image/'),
  );
  const author = textOf(childrenNamed(atom('author')[0] ?? entry, 'name', (ns) => ns === ATOM)[0]);
  const content = atom('content')[0];
  const summary = atom('summary')[0];
  const image = absolute(enclosure?.getAttribute('href') ?? '', base) ?? mediaImage(entry, base);
  const record: Json = {
    id: textOf(atom('id')[0]) || (alternate?.getAttribute('href') ?? ''),
    title: htmlToText(atomHtml(atom('title')[0])),
    url: absolute(alternate?.getAttribute('href') ?? '', base),
    date: textOf(atom('published')[0]) || textOf(atom('updated')[0]),
    summary: htmlToText(atomHtml(summary)),
    // Out-of-line content (content@src) cannot be shown here; the summary stands in.
    body: content && !content.hasAttribute('src') ? atomHtml(content) : atomHtml(summary),
    author: author || feedAuthor,
  };
  if (image) record.image = { src: image };
  const categories = atom('category')
    .map((category) =>
      (category.getAttribute('label') ?? category.getAttribute('term') ?? '').trim(),
    )
    .filter((name) => name !== '');
  return { id: String(record.id), record, categories };
}

/**
 * The items of an RSS 2.0, RSS 1.0 (RDF) or Atom document.
 *
 * @throws {ParseError} when the text is not XML or not a feed.
 */
function parseFeed(text: string, url: string): FeedEntry[] {
  const doc = parseXml(text, url, 'an RSS or Atom feed');
  const root = doc.documentElement;
  if (root.localName === 'rss') {
    const channel = [...root.children].find((child) => child.localName === 'channel');
    return channel
      ? childrenNamed(channel, 'item', (ns) => ns === null).map((item) => rssEntry(item, url))
      : [];
  }
  if (root.localName === 'RDF') {
    return [...root.children]
      .filter((child) => child.localName === 'item')
      .map((item) => rssEntry(item, url));
  }
  if (root.localName === 'feed' && root.namespaceURI === ATOM) {
    const feedAuthor = textOf(
      childrenNamed(
        childrenNamed(root, 'author', (ns) => ns === ATOM)[0] ?? root,
        'name',
        (ns) => ns === ATOM,
      )[0],
    );
    return childrenNamed(root, 'entry', (ns) => ns === ATOM).map((entry) =>
      atomEntry(entry, url, feedAuthor),
    );
  }
  throw new ParseError(
    `${url} is not an RSS or Atom feed: its root element is <${root.localName}>.`,
    { url },
  );
}

/**
 * Creates a data source for an RSS or Atom feed.
 *
 * - list: the feed at `url`; with `{page}` in it, feed pages 1, 2, … are read
 *   in turn until the widget's page is filled and one more item shows whether
 *   there is more; without it, the one feed is sliced into pages. A feed page
 *   answered with 404, with no items, or repeating page 1 ends the feed;
 * - category: filled into `{category}`, or, without that placeholder, matched
 *   against the items' own `<category>` names;
 * - article: the item whose guid (Atom: id) equals the id, from items already
 *   read or from the feed without a category;
 * - links: the OPML file `linksUrl`; visit statistics: none.
 *
 * @throws {ConfigError} for a missing feed URL, an unknown placeholder or time zone.
 */
export function createRssSource(options: RssSourceOptions): RssSource {
  const timeZone = checkTimeZone(options.timeZone ?? DEFAULT_TIME_ZONE);
  const http = options.http ?? defaultHttpClient;
  if (typeof options.url !== 'string' || options.url.trim() === '') {
    throw new ConfigError(
      'The rss source needs the feed URL (base-url on <pw-source type="rss">).',
    );
  }
  const template = checkTemplate('feed', options.url.trim(), ['category', 'page']);
  const paged = template.includes('{page}');
  const categoryInUrl = template.includes('{category}');
  const remembered = new Map<string, FeedEntry>();

  const feedUrl = (page: number, category: string | undefined): string => {
    const filled = fillTemplate(template, { page: String(page), category: category ?? '' });
    return configuredUrl(filled, pageBaseUrl(), 'The feed URL');
  };

  function remember(entry: FeedEntry): void {
    remembered.delete(entry.id);
    remembered.set(entry.id, entry);
    if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  }

  /** One page of the feed; past the end (404) it is empty. */
  async function feedPage(
    page: number,
    category: string | undefined,
    requestOptions?: RequestOptions,
  ): Promise<{ entries: FeedEntry[]; url: string }> {
    const url = feedUrl(page, categoryInUrl ? category : undefined);
    let text: string;
    let finalUrl: string;
    try {
      ({ text, url: finalUrl } = await explainCors(url, () =>
        http.getText(url, getOptions(requestOptions)),
      ));
    } catch (error) {
      if (page > 1 && error instanceof NotFoundError) return { entries: [], url };
      throw error;
    }
    const entries = parseFeed(text, finalUrl);
    if (category) {
      // The item stands under the category it was listed for, so "related" lists find it again.
      for (const entry of entries) {
        entry.record.category = { id: category, name: entry.categories[0] ?? category };
      }
    } else {
      for (const entry of entries) {
        if (entry.categories[0]) entry.record.category = entry.categories[0];
      }
    }
    for (const entry of entries) remember(entry);
    return { entries, url: finalUrl };
  }

  const inCategory = (entry: FeedEntry, category: string): boolean => {
    const wanted = category.trim().toLowerCase();
    return entry.categories.some((name) => name.toLowerCase() === wanted);
  };

  /** Reads feed pages until `needed` matching items are known or the feed ends. */
  async function collect(
    needed: number,
    category: string | undefined,
    requestOptions?: RequestOptions,
  ): Promise<{ entries: FeedEntry[]; complete: boolean; url: string }> {
    const collected: FeedEntry[] = [];
    let firstId: string | undefined;
    let firstUrl = feedUrl(1, categoryInUrl ? category : undefined);
    for (let page = 1; page <= MAX_FEED_PAGES; page += 1) {
      const { entries, url } = await feedPage(page, category, requestOptions);
      if (page === 1) firstUrl = url;
      // A feed that ignores the page parameter answers page 1 again: that is the end.
      if (entries.length === 0 || (page > 1 && entries[0]!.id === firstId)) break;
      if (page === 1) firstId = entries[0]!.id;
      collected.push(
        ...(category && !categoryInUrl ? entries.filter((e) => inCategory(e, category)) : entries),
      );
      if (!paged) break;
      if (collected.length >= needed) return { entries: collected, complete: false, url: firstUrl };
    }
    return { entries: collected, complete: true, url: firstUrl };
  }

  function summaries(entries: FeedEntry[], ctx: NormalizeContext): ArticleSummary[] {
    return keepValid(entries, (entry) => normalizeArticleSummary(entry.record, ctx), 'a feed item');
  }

  return {
    timeZone,

    async listArticles(
      query: ArticleQuery,
      requestOptions?: RequestOptions,
    ): Promise<Page<ArticleSummary>> {
      const page = Math.max(1, Math.floor(query.page));
      const pageSize = Math.max(1, Math.floor(query.pageSize));
      const start = (page - 1) * pageSize;
      const end = start + pageSize;
      // One item beyond the page tells whether a next page exists.
      const { entries, complete, url } = await collect(end + 1, query.category, requestOptions);
      const ctx: NormalizeContext = { timeZone, baseUrl: url };
      const result: Page<ArticleSummary> = {
        items: validateFrom(url, () => summaries(entries.slice(start, end), ctx)),
        page,
        pageSize,
        hasMore: entries.length > end,
      };
      if (complete) result.total = entries.length;
      return result;
    },

    async getArticle(id: string, requestOptions?: RequestOptions): Promise<Article> {
      if (typeof id !== 'string' || id.trim() === '')
        throw new ConfigError('getArticle needs a non-empty article id.');
      let found = remembered.get(id);
      let url = feedUrl(1, undefined);
      for (let page = 1; !found && page <= MAX_FEED_PAGES; page += 1) {
        const result = await feedPage(page, undefined, requestOptions);
        if (page === 1) url = result.url;
        found = result.entries.find((entry) => entry.id === id);
        if (!paged || result.entries.length === 0) break;
      }
      if (!found) {
        throw new NotFoundError(`No item with the guid or id "${id}" in the feed ${url}.`, { url });
      }
      const entry = found;
      return validateFrom(url, () => normalizeArticle(entry.record, { timeZone, baseUrl: url }));
    },

    async listLinks(query: LinkQuery, requestOptions?: RequestOptions): Promise<Link[]> {
      if (!options.linksUrl) {
        throw new ConfigError(
          'A feed holds no links: set links-url to an OPML file, or take the links from another ' +
            'source with <pw-source type="composite" links="ID">.',
        );
      }
      const url = configuredUrl(options.linksUrl, pageBaseUrl(), 'links-url');
      const response = await explainCors(url, () => http.getText(url, getOptions(requestOptions)));
      const raw = opmlLinks(
        parseXml(response.text, response.url, 'an OPML link list'),
        response.url,
      );
      const links = validateFrom(response.url, () => normalizeLinks(raw));
      return query.group ? links.filter((link) => link.group === query.group) : links;
    },

    getVisitStats(): Promise<VisitStats> {
      return notOffered('stats', 'A feed holds no visit statistics.');
    },
  };
}
