/**
 * Recognising a portal's backend from what it shows anyone without a login,
 * and reading what the snippet needs from it: categories, site ids, links.
 * Each recogniser looks for its CMS's public signature first (headers, the
 * generator tag, markup) and confirms it on the public API.
 */
import type { Answer, AskOptions } from './net.js';
import { jsonOf } from './net.js';
import { generatorOf, squash } from './page.js';
import type { Messages, Problem } from './messages.js';

/** A category as the backend names it; `id` is what `category=` takes. */
export interface Category {
  id: string;
  name: string;
}

/** The portal as first read: its home page, and a way to ask more of it. */
export interface Portal {
  url: string;
  /** The site root (origin and path, no trailing slash). */
  root: string;
  home: Answer;
  doc: Document;
  /** Asks an address; undefined when nothing answers. */
  ask(url: string, options?: AskOptions): Promise<Answer | undefined>;
  t: Messages;
}

/** An address the snippet's widgets will request, and which CORS advice fits it. */
export interface Endpoint {
  url: string;
  kind: string;
  /** Ask with this Accept header (the adapter's). */
  accept?: string;
}

/** A recognised backend. */
export interface Backend {
  type: 'wordpress' | 'drupal' | 'joomla' | 'liferay' | 'rss' | 'json';
  /** The CMS's name for people. */
  name: string;
  evidence: string;
  /** The `<pw-source>` attributes besides `type`. */
  attributes: Record<string, string>;
  /** Categories, when the backend publishes them. */
  categories: Category[];
  categoriesError?: string;
  /** The `<pw-link-box>` can read links from this backend. */
  hasLinks: boolean;
  endpoints: Endpoint[];
  problems: Problem[];
}

type Recogniser = (portal: Portal) => Promise<Backend | undefined>;

const JSON_API = 'application/vnd.api+json';

const records = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value)
    ? value.filter((item): item is Record<string, unknown> => !!item && typeof item === 'object')
    : [];

/** A 2xx answer (not a type guard: a false one may still be an answer). */
const ok = (answer: Answer | undefined): boolean =>
  !!answer && answer.status >= 200 && answer.status < 300;

// ---------------------------------------------------------------- WordPress

async function wordpress(portal: Portal): Promise<Backend | undefined> {
  // The REST API announces itself on every page: a Link header and a <link> tag.
  const header = portal.home.headers.get('link') ?? '';
  const announced =
    /<([^>]+)>;\s*rel="https:\/\/api\.w\.org\/"/.exec(header)?.[1] ??
    portal.doc.querySelector('link[rel="https://api.w.org/"]')?.getAttribute('href') ??
    undefined;
  let evidence = announced ? `Link: <${announced}>; rel="https://api.w.org/"` : '';
  const candidates = [
    ...(announced ? [announced] : []),
    `${portal.root}/wp-json/`,
    `${portal.root}/?rest_route=/`,
  ];
  let apiRoot: string | undefined;
  for (const candidate of candidates) {
    const index = jsonOf(await portal.ask(candidate, { accept: 'application/json' }));
    const namespaces = (index as { namespaces?: unknown } | undefined)?.namespaces;
    if (Array.isArray(namespaces) && namespaces.includes('wp/v2')) {
      apiRoot = candidate;
      evidence ||= `${candidate} (namespaces wp/v2)`;
      break;
    }
  }
  if (!apiRoot) return undefined;
  const site = new URL(apiRoot).href.replace(/\/(wp-json\/?|\?rest_route=\/?)$/, '');
  const route = (path: string, query: string) =>
    apiRoot!.includes('rest_route=')
      ? `${site}/?rest_route=/${path}&${query}`
      : `${site}/wp-json/${path}?${query}`;
  const categoriesUrl = route('wp/v2/categories', 'per_page=100&_fields=id,name,slug');
  const answer = await portal.ask(categoriesUrl, { accept: 'application/json' });
  const categories = records(jsonOf(answer)).map((c) => ({
    id: String(c.id),
    name: squash(String(c.name ?? '')),
  }));
  // A page of links ("Liên kết website") is read through the REST API, which
  // answers other origins; the link manager's OPML list never does.
  const pagesUrl = route('wp/v2/pages', 'per_page=100&_fields=slug,title');
  const pages = records(jsonOf(await portal.ask(pagesUrl, { accept: 'application/json' })));
  const linksPage = pages.find((page) => {
    const title = (page.title as { rendered?: unknown } | undefined)?.rendered;
    return typeof page.slug === 'string' && fold(String(title ?? '')).includes('liên kết');
  });
  const opml = `${site}/wp-links-opml.php`;
  const opmlAnswer = linksPage ? undefined : await portal.ask(opml);
  // WordPress's link manager lists each link as <outline type="link" htmlUrl="…">.
  const hasOpml = ok(opmlAnswer) && /<outline\b[^>]*\bhtmlUrl="[^"]+"/i.test(opmlAnswer!.text);
  const attributes: Record<string, string> = { 'base-url': site };
  if (linksPage) attributes['links-page'] = String(linksPage.slug);
  return {
    type: 'wordpress',
    name: 'WordPress',
    evidence,
    attributes,
    categories,
    ...(ok(answer) ? {} : { categoriesError: answer ? `HTTP ${answer.status}` : 'no answer' }),
    hasLinks: !!linksPage || hasOpml,
    endpoints: [
      { url: categoriesUrl, kind: 'wordpress', accept: 'application/json' },
      {
        url: route('wp/v2/posts', 'per_page=1&_embed'),
        kind: 'wordpress',
        accept: 'application/json',
      },
      ...(linksPage ? [{ url: pagesUrl, kind: 'wordpress', accept: 'application/json' }] : []),
      ...(hasOpml ? [{ url: opml, kind: 'opml' }] : []),
    ],
    problems: [],
  };
}

// ---------------------------------------------------------------- Drupal

async function drupal(portal: Portal): Promise<Backend | undefined> {
  const generator = portal.home.headers.get('x-generator') ?? generatorOf(portal.doc) ?? '';
  const signed = /drupal/i.test(generator);
  const indexUrl = `${portal.root}/jsonapi`;
  const index = await portal.ask(indexUrl, { accept: JSON_API });
  const links = (jsonOf(index) as { links?: Record<string, unknown> } | undefined)?.links;
  if (!ok(index) || !links || typeof links !== 'object') {
    return signed ? drupalWithoutApi(portal, generator, index) : undefined;
  }
  const hrefOf = (name: string) => {
    const link = links[name] as { href?: unknown } | string | undefined;
    return typeof link === 'string' ? link : typeof link?.href === 'string' ? link.href : undefined;
  };
  const nodeTypes = Object.keys(links)
    .filter((key) => key.startsWith('node--'))
    .map((key) => key.slice('node--'.length));
  const contentType = nodeTypes.includes('article') ? 'article' : (nodeTypes[0] ?? 'article');
  const vocabularies = Object.keys(links).filter((key) => key.startsWith('taxonomy_term--'));

  // Which field of the content type holds the category: the first taxonomy relationship.
  const nodesUrl = `${portal.root}/jsonapi/node/${contentType}?page[limit]=1`;
  const sample = records(
    (jsonOf(await portal.ask(nodesUrl, { accept: JSON_API })) as { data?: unknown })?.data,
  )[0];
  const relationships = (sample?.relationships ?? {}) as Record<string, { data?: unknown }>;
  let categoryField: string | undefined;
  let vocabulary: string | undefined;
  for (const [field, relation] of Object.entries(relationships)) {
    const target = records([relation?.data].flat())[0];
    if (typeof target?.type === 'string' && target.type.startsWith('taxonomy_term--')) {
      categoryField = field;
      vocabulary = target.type;
      break;
    }
  }
  const categories: Category[] = [];
  for (const name of vocabulary ? [vocabulary] : vocabularies) {
    const href = hrefOf(name);
    if (!href) continue;
    const terms = jsonOf(await portal.ask(`${href}?page[limit]=50`, { accept: JSON_API }));
    for (const term of records((terms as { data?: unknown })?.data)) {
      const attributes = (term.attributes ?? {}) as Record<string, unknown>;
      const tid = attributes.drupal_internal__tid;
      categories.push({ id: String(tid ?? term.id), name: squash(String(attributes.name ?? '')) });
    }
  }
  const attributes: Record<string, string> = { 'base-url': portal.root };
  if (contentType !== 'article') attributes['content-type'] = contentType;
  if (categoryField && categoryField !== 'field_tags') attributes['category-field'] = categoryField;
  return {
    type: 'drupal',
    name: 'Drupal',
    evidence: signed ? `X-Generator / generator: ${generator}; ${indexUrl}` : indexUrl,
    attributes,
    categories,
    ...(categories.length ? {} : { categoriesError: 'no taxonomy terms' }),
    hasLinks: false,
    endpoints: [
      {
        url: `${portal.root}/jsonapi/node/${contentType}?page[limit]=1`,
        kind: 'drupal',
        accept: JSON_API,
      },
    ],
    problems: [],
  };
}

/** Drupal by its signature, without a readable JSON:API (the module is off, or guests are refused). */
function drupalWithoutApi(portal: Portal, generator: string, index: Answer | undefined): Backend {
  return {
    type: 'drupal',
    name: 'Drupal',
    evidence: `generator: ${generator}`,
    attributes: { 'base-url': portal.root },
    categories: [],
    categoriesError: index ? `HTTP ${index.status}` : 'no answer',
    hasLinks: false,
    endpoints: [],
    problems: [
      {
        level: 'error',
        message: portal.t.httpStatus(`${portal.root}/jsonapi`, index?.status ?? 0),
        fix: portal.t.drupalApiFix,
        url: `${portal.root}/jsonapi`,
      },
    ],
  };
}

// ---------------------------------------------------------------- Joomla

async function joomla(portal: Portal): Promise<Backend | undefined> {
  const generator = generatorOf(portal.doc) ?? '';
  const signed = /joomla/i.test(generator);
  const categoriesUrl = `${portal.root}/api/index.php/v1/content/categories?page[limit]=100`;
  const answer = await portal.ask(categoriesUrl, { accept: JSON_API });
  const body = jsonOf(answer) as { data?: unknown; errors?: unknown } | undefined;
  const apiAnswered = !!answer && (ok(answer) || [401, 403].includes(answer.status)) && !!body;
  if (!signed && !apiAnswered) return undefined;
  const problems: Problem[] = [];
  const categories: Category[] = [];
  if (ok(answer)) {
    for (const item of records(body?.data)) {
      const attributes = (item.attributes ?? {}) as Record<string, unknown>;
      categories.push({
        id: String(attributes.id ?? item.id),
        name: squash(String(attributes.title ?? '')),
      });
    }
  } else if (answer && [401, 403].includes(answer.status)) {
    problems.push({
      level: 'warning',
      message: portal.t.joomlaToken(categoriesUrl, answer.status),
      fix: portal.t.joomlaTokenFix,
      url: categoriesUrl,
    });
  }
  return {
    type: 'joomla',
    name: 'Joomla',
    evidence: signed ? `generator: ${generator}` : `${categoriesUrl} (HTTP ${answer?.status})`,
    attributes: { 'base-url': portal.root },
    categories,
    ...(ok(answer) ? {} : { categoriesError: answer ? `HTTP ${answer.status}` : 'no answer' }),
    hasLinks: false,
    endpoints: [
      {
        url: `${portal.root}/api/index.php/v1/content/articles?page[limit]=1`,
        kind: 'joomla',
        accept: JSON_API,
      },
    ],
    problems,
  };
}

// ---------------------------------------------------------------- Liferay

async function liferay(portal: Portal): Promise<Backend | undefined> {
  const header = portal.home.headers.get('liferay-portal');
  const themeDisplay = /Liferay\.ThemeDisplay\s*=/.test(portal.home.text);
  if (!header && !themeDisplay) return undefined;
  const siteId =
    /getScopeGroupId\s*:\s*function\s*\(\)\s*\{\s*return\s*["']?(\d+)/.exec(
      portal.home.text,
    )?.[1] ??
    /getSiteGroupId\s*:\s*function\s*\(\)\s*\{\s*return\s*["']?(\d+)/.exec(portal.home.text)?.[1];
  const problems: Problem[] = [];
  const attributes: Record<string, string> = { 'base-url': portal.root };
  const categories: Category[] = [];
  const endpoints: Endpoint[] = [];
  let categoriesError: string | undefined;
  if (!siteId) {
    problems.push({ level: 'error', message: portal.t.noSiteId, fix: portal.t.noSiteIdFix });
  } else {
    attributes['site-id'] = siteId;
    const contentsUrl = `${portal.root}/o/headless-delivery/v1.0/sites/${siteId}/structured-contents?pageSize=1`;
    endpoints.push({ url: contentsUrl, kind: 'liferay', accept: 'application/json' });
    const contents = await portal.ask(contentsUrl, { accept: 'application/json' });
    if (contents && [401, 403].includes(contents.status)) {
      problems.push({
        level: 'error',
        message: portal.t.liferayGuest(contentsUrl, contents.status),
        fix: portal.t.liferayGuestFix,
        url: contentsUrl,
      });
    }
    const vocabulariesUrl = `${portal.root}/o/headless-admin-taxonomy/v1.0/sites/${siteId}/taxonomy-vocabularies?pageSize=100`;
    const vocabularies = await portal.ask(vocabulariesUrl, { accept: 'application/json' });
    if (!ok(vocabularies))
      categoriesError = vocabularies ? `HTTP ${vocabularies.status}` : 'no answer';
    for (const vocabulary of records((jsonOf(vocabularies) as { items?: unknown })?.items)) {
      const url = `${portal.root}/o/headless-admin-taxonomy/v1.0/taxonomy-vocabularies/${String(vocabulary.id)}/taxonomy-categories?pageSize=100`;
      const answer = jsonOf(await portal.ask(url, { accept: 'application/json' }));
      for (const item of records((answer as { items?: unknown })?.items)) {
        categories.push({ id: String(item.id), name: squash(String(item.name ?? '')) });
      }
    }
  }
  return {
    type: 'liferay',
    name: 'Liferay',
    evidence: header ? `Liferay-Portal: ${header}` : 'Liferay.ThemeDisplay',
    attributes,
    categories,
    ...(categoriesError ? { categoriesError } : {}),
    hasLinks: false,
    endpoints,
    problems,
  };
}

// ---------------------------------------------------------------- RSS and Atom

async function feeds(portal: Portal): Promise<Backend | undefined> {
  const announced = [
    ...portal.doc.querySelectorAll(
      'link[rel~="alternate"][type="application/rss+xml"], link[rel~="alternate"][type="application/atom+xml"]',
    ),
  ]
    .map((link) => ({
      url: new URL(link.getAttribute('href') ?? '', portal.home.finalUrl).href,
      name: squash(link.getAttribute('title')) || link.getAttribute('href') || '',
    }))
    .filter((feed) => feed.url);
  // The address given may be a feed itself.
  const isFeed = /<(rss|feed|rdf:RDF)\b/.test(portal.home.text.slice(0, 2000));
  if (isFeed) announced.unshift({ url: portal.home.finalUrl, name: portal.home.finalUrl });
  if (announced.length === 0) return undefined;
  const generator = generatorOf(portal.doc);
  return {
    type: 'rss',
    name: generator && /nukeviet/i.test(generator) ? `RSS (${generator})` : 'RSS / Atom',
    evidence: isFeed ? portal.home.finalUrl : `<link rel="alternate"> → ${announced[0]!.url}`,
    // The feed of the chosen category becomes the base URL (see pickLeadership in init).
    attributes: { 'base-url': announced[0]!.url },
    categories: announced.map((feed) => ({ id: feed.url, name: feed.name })),
    hasLinks: false,
    endpoints: announced.slice(0, 1).map((feed) => ({ url: feed.url, kind: 'rss' })),
    problems: [],
  };
}

// ---------------------------------------------------------------- canonical JSON

async function canonicalJson(portal: Portal): Promise<Backend | undefined> {
  const listUrl = `${portal.root}/articles?page=1&pageSize=50`;
  const answer = await portal.ask(listUrl, { accept: 'application/json' });
  const page = jsonOf(answer) as { items?: unknown } | undefined;
  if (!ok(answer) || !Array.isArray(page?.items)) return undefined;
  const seen = new Map<string, string>();
  for (const item of records(page.items)) {
    const category = item.category as { id?: unknown; name?: unknown } | undefined;
    if (category?.id !== undefined)
      seen.set(String(category.id), squash(String(category.name ?? category.id)));
  }
  const links = await portal.ask(`${portal.root}/links`, { accept: 'application/json' });
  return {
    type: 'json',
    name: 'JSON (portal-widgets)',
    evidence: `${listUrl} → { items: [...] }`,
    attributes: { 'base-url': portal.root },
    categories: [...seen].map(([id, name]) => ({ id, name })),
    hasLinks: ok(links) && Array.isArray(jsonOf(links)),
    endpoints: [{ url: listUrl, kind: 'json', accept: 'application/json' }],
    problems: [],
  };
}

/** The recognisers, in the order they are tried, and what each tries (for the report). */
export const RECOGNISERS: [string, Recogniser][] = [
  ['WordPress (Link rel="https://api.w.org/", /wp-json/)', wordpress],
  ['Liferay (Liferay-Portal, Liferay.ThemeDisplay)', liferay],
  ['Drupal (X-Generator, /jsonapi)', drupal],
  ['Joomla (generator, /api/index.php/v1/)', joomla],
  ['RSS/Atom (<link rel="alternate">)', feeds],
  ['JSON (/articles)', canonicalJson],
];

/** The first backend recognised, or undefined. */
export async function recognise(portal: Portal): Promise<Backend | undefined> {
  for (const [, recogniser] of RECOGNISERS) {
    const backend = await recogniser(portal);
    if (backend) return backend;
  }
  return undefined;
}

const fold = (text: string) =>
  text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/** The leadership-activity category: named exactly so, or else the first containing "lãnh đạo". */
export function pickLeadership(categories: Category[]): Category | undefined {
  return (
    categories.find((c) => fold(c.name) === 'hoạt động của lãnh đạo') ??
    categories.find((c) => fold(c.name).includes('lãnh đạo'))
  );
}
