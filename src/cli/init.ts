/**
 * `portal-widgets init <portal-url>`: from a portal's address to a snippet
 * that shows its four boxes. Read-only: only GET (and, for CORS, the same
 * GET with the page's Origin).
 */
import {
  pickLeadership,
  recognise,
  RECOGNISERS,
  type Backend,
  type Category,
  type Portal,
} from './detect.js';
import { messages, type CliLang, type Problem } from './messages.js';
import { ask, corsRefusal, Unreachable, type AskOptions } from './net.js';
import { parsePage } from './page.js';

export interface InitOptions {
  /** The origin of the page the snippet will go into, to check CORS against. */
  origin?: string;
  /** The visit counter service's address, for the statistics box. */
  counter?: string;
  /** Where the page loads the library from. */
  script?: string;
  lang: CliLang;
  timeoutMs?: number;
}

/** What `init --json` prints. */
export interface InitResult {
  type: Backend['type'] | null;
  baseUrl: string | null;
  attributes: Record<string, string>;
  categories: Category[];
  snippet: string;
  problems: Problem[];
}

/** The script tag's default: the published bundle on a public npm CDN. */
export const DEFAULT_SCRIPT =
  'https://cdn.jsdelivr.net/npm/portal-widgets@0/dist/portal-widgets.min.js';

const COUNTER_PLACEHOLDER = 'https://thong-ke.example.gov.vn';

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const tag = (name: string, attributes: Record<string, string | true>, close = true) => {
  const parts = Object.entries(attributes).map(([key, value]) =>
    value === true ? key : `${key}="${escapeAttribute(value)}"`,
  );
  return `<${[name, ...parts].join(' ')}>${close ? `</${name}>` : ''}`;
};

/** The snippet: script tag, sources (a composite when the counter joins), the four boxes. */
function snippetFor(
  backend: Backend,
  attributes: Record<string, string>,
  category: string | undefined,
  options: InitOptions,
): string {
  const script = `<script type="module" src="${escapeAttribute(options.script ?? DEFAULT_SCRIPT)}"></script>`;
  const counter = options.counter ?? COUNTER_PLACEHOLDER;
  const sources = [
    tag('pw-source', { id: 'cms', type: backend.type, ...attributes }),
    tag('pw-source', { id: 'counter', 'base-url': counter }),
    tag('pw-source', {
      type: 'composite',
      articles: 'cms',
      // Also without links: the box then says the source offers none, and the
      // report's warning says where links could come from instead.
      links: 'cms',
      stats: 'counter',
      default: true,
    }),
  ];
  const boxes = [
    tag('pw-activity-list', {
      ...(category ? { category } : {}),
      'page-size': '5',
      target: 'article',
    }),
    tag('pw-article', { id: 'article', 'id-param': 'id', related: '5' }),
    tag('pw-link-box', {}),
    tag('pw-visit-stats', { record: true }),
  ];
  return [script, '', ...sources, '', ...boxes].join('\n');
}

/** Runs `init`; rejects with {@link Unreachable} when the portal does not answer at all. */
export async function init(portalUrl: string, options: InitOptions): Promise<InitResult> {
  const t = messages(options.lang);
  const askOptions: AskOptions = options.timeoutMs ? { timeoutMs: options.timeoutMs } : {};
  const home = await ask(portalUrl, {
    ...askOptions,
    accept: 'text/html,application/xhtml+xml,*/*',
  });
  const root = new URL(home.finalUrl);
  const portal: Portal = {
    url: portalUrl,
    root: `${root.origin}${root.pathname.replace(/\/+$/, '')}`,
    home,
    doc: parsePage(home.text),
    t,
    ask: (url, more) => ask(url, { ...askOptions, ...more }).catch(() => undefined),
  };
  const problems: Problem[] = [];
  if (home.status >= 400) {
    problems.push({
      level: 'warning',
      message: t.httpStatus(home.finalUrl, home.status),
      fix: t.unreachableFix,
      url: home.finalUrl,
    });
  }

  const backend = await recognise(portal);
  if (!backend) {
    problems.push({
      level: 'error',
      message: t.notRecognised(portalUrl, RECOGNISERS.map(([name]) => name).join('; ')),
      fix: t.notRecognisedFix,
      url: portalUrl,
    });
    return { type: null, baseUrl: null, attributes: {}, categories: [], snippet: '', problems };
  }

  problems.push({
    level: 'info',
    message: t.recognised(backend.name, backend.evidence),
    fix: t.recognisedFix,
  });
  problems.push(...backend.problems);

  const attributes = { ...backend.attributes };
  const leadership = pickLeadership(backend.categories);
  let category: string | undefined;
  if (backend.categories.length === 0) {
    problems.push({
      level: 'warning',
      message: t.noCategories(backend.categoriesError ?? '0'),
      fix: t.noCategoriesFix,
    });
  } else {
    problems.push({ level: 'info', message: t.categories(backend.categories.length), fix: '' });
    if (leadership) {
      problems.push({
        level: 'info',
        message: t.leadership(leadership.name, leadership.id),
        fix: '',
      });
      // A feed is one category: the leadership feed becomes the source itself.
      if (backend.type === 'rss') attributes['base-url'] = leadership.id;
      else category = leadership.id;
    } else {
      problems.push({ level: 'warning', message: t.noLeadership, fix: t.noLeadershipFix });
    }
  }
  if (!backend.hasLinks) {
    problems.push({ level: 'warning', message: t.noLinks(backend.name), fix: t.noLinksFix });
  }
  if (!options.counter) problems.push({ level: 'info', message: t.counter, fix: t.counterFix });

  if (options.origin) {
    const origin = new URL(options.origin).origin;
    const endpoints = [...backend.endpoints];
    if (backend.type === 'rss')
      endpoints.splice(0, endpoints.length, { url: attributes['base-url']!, kind: 'rss' });
    for (const endpoint of endpoints) {
      const answer = await portal.ask(endpoint.url, {
        origin,
        ...(endpoint.accept ? { accept: endpoint.accept } : {}),
      });
      if (!answer) continue;
      const refusal = corsRefusal(answer, origin);
      if (refusal) {
        problems.push({
          level: 'error',
          message: t.cors(endpoint.url, origin, refusal.sent),
          fix: t.corsFix(t.corsSetting[endpoint.kind] ?? t.corsSetting.json!),
          url: endpoint.url,
        });
      }
    }
  }

  return {
    type: backend.type,
    baseUrl: attributes['base-url'] ?? null,
    attributes: { type: backend.type, ...attributes },
    categories: backend.categories,
    snippet: snippetFor(backend, attributes, category, options),
    problems,
  };
}

export { Unreachable };
