/**
 * `portal-widgets check <page-url>`: reads a page that embeds the widgets and
 * asks every address its widgets would ask, with the library's own sources
 * (the same adapters, URLs and headers) and the page's `Origin`, then judges
 * each answer as the browser on that page would: status, CORS, content type,
 * and the shape the adapter needs. Read-only: a visit is never recorded; the
 * visit endpoint gets the CORS preflight a browser would send first.
 */
import { parseCategoryAliases, withCategoryAliases } from '../data/adapters/category-aliases.js';
import { createCompositeSource } from '../data/adapters/composite.js';
import { createUrlSource } from '../data/adapters/url.js';
import { DEFAULT_TIME_ZONE } from '../data/dates.js';
import { DataError, HttpError } from '../data/errors.js';
import { HttpClient } from '../data/http.js';
import type { DataSource } from '../data/types.js';
import { createBackend, type BackendSettings } from '../source/backend.js';
import { messages, type CliLang, type Messages, type Problem } from './messages.js';
import { ask, corsRefusal, isCrossOrigin, type Answer } from './net.js';
import { actAsPage, parsePage } from './page.js';

export interface CheckOptions {
  lang: CliLang;
  timeoutMs?: number;
}

/** What `check --json` prints. */
export interface CheckResult {
  problems: Problem[];
}

/**
 * The attributes of `<pw-source>` that make up its {@link BackendSettings},
 * and the property each sets: the pairs `SourceElement.properties` declares.
 */
const BACKEND_ATTRIBUTES = {
  type: 'type',
  'base-url': 'baseUrl',
  'site-id': 'siteId',
  'structure-id': 'structureId',
  'body-field': 'bodyField',
  'content-type': 'contentType',
  'image-field': 'imageField',
  'category-field': 'categoryField',
  token: 'token',
  'token-header': 'tokenHeader',
  'links-url': 'linksUrl',
  'links-page': 'linksPage',
  'article-url': 'articleUrl',
} as const satisfies Record<string, keyof BackendSettings>;

const WIDGETS = ['pw-activity-list', 'pw-article', 'pw-link-box', 'pw-visit-stats'] as const;
type WidgetTag = (typeof WIDGETS)[number];

/** One request a source made, with what came back. */
interface Exchange {
  url: string;
  method: string;
  status?: number;
  headers?: Headers;
}

/** Builds the data source of each `<pw-source>` of the page, sending every request through `http`. */
function pageSources(doc: Document, http: HttpClient): Map<Element, DataSource | Error> {
  const built = new Map<Element, DataSource | Error>();
  const byId = new Map<string, Element>();
  const elements = [...doc.querySelectorAll('pw-source')];
  for (const element of elements) if (element.id) byId.set(element.id, element);
  const build = (element: Element, trail: Element[] = []): DataSource | Error => {
    const known = built.get(element);
    if (known) return known;
    let result: DataSource | Error;
    try {
      const timeZone = element.getAttribute('timezone') || DEFAULT_TIME_ZONE;
      if (element.getAttribute('type') === 'composite') {
        const parts: Record<string, DataSource> = {};
        for (const kind of ['articles', 'links', 'stats'] as const) {
          const id = element.getAttribute(kind);
          if (!id) continue;
          const target = byId.get(id);
          if (!target || trail.includes(target)) throw new Error(`composite: no source "${id}"`);
          const part = build(target, [...trail, element]);
          if (part instanceof Error) throw part;
          parts[kind] = part;
        }
        result = createCompositeSource(parts);
      } else {
        const settings: BackendSettings = { http };
        for (const [attribute, property] of Object.entries(BACKEND_ATTRIBUTES)) {
          const value = element.getAttribute(attribute);
          if (value !== null) settings[property] = value;
        }
        const mapping = element.querySelector(':scope > script[type="application/json"]');
        result = createBackend(settings, timeZone, mapping?.textContent);
      }
      // Category names mapped to the backend's ids, as the element applies them.
      const aliases = element.getAttribute('categories')?.trim();
      if (aliases) result = withCategoryAliases(result, parseCategoryAliases(aliases));
    } catch (error) {
      result = error instanceof Error ? error : new Error(String(error));
    }
    built.set(element, result);
    return result;
  };
  for (const element of elements) build(element);
  return built;
}

/** The `<pw-source>` a widget uses: `source="id"`, the one around it, or the page's default. */
function sourceElementOf(widget: Element, doc: Document): Element | string | undefined {
  const id = widget.getAttribute('source');
  if (id) return doc.querySelector(`pw-source[id="${id.replace(/"/g, '\\"')}"]`) ?? id;
  return widget.closest('pw-source') ?? doc.querySelector('pw-source[default]') ?? undefined;
}

/** What a widget asks for first, as the widget itself would ask it. */
async function firstRead(
  tag: WidgetTag,
  widget: Element,
  source: DataSource,
  t: Messages,
): Promise<string> {
  const pageSize = Number(widget.getAttribute('page-size')) || 5;
  const category = widget.getAttribute('category') ?? undefined;
  switch (tag) {
    case 'pw-activity-list': {
      const page = await source.listArticles({
        page: 1,
        pageSize,
        ...(category ? { category } : {}),
      });
      return t.items(page.items.length);
    }
    case 'pw-article': {
      let id = widget.getAttribute('article-id');
      if (!id) {
        // The article shown first is the one the page's list would offer.
        const list = await source.listArticles({
          page: 1,
          pageSize: 1,
          ...(category ? { category } : {}),
        });
        id = list.items[0]?.id ?? null;
      }
      if (!id) return t.items(0);
      const article = await source.getArticle(id);
      return article.title;
    }
    case 'pw-link-box':
      return t.items(
        (
          await source.listLinks(
            widget.getAttribute('group') ? { group: widget.getAttribute('group')! } : {},
          )
        ).length,
      );
    case 'pw-visit-stats': {
      const stats = await source.getVisitStats();
      return Object.entries(stats)
        .filter(([, value]) => typeof value === 'number')
        .map(([key, value]) => `${key} ${String(value)}`)
        .join(', ');
    }
  }
}

/** The address of the `<script>` that loads the library, and whether it is a module. */
function libraryScripts(doc: Document, pageUrl: string): { url: string; module: boolean }[] {
  return [...doc.querySelectorAll('script[src]')]
    .map((script) => ({
      url: new URL(script.getAttribute('src')!, pageUrl).href,
      module: script.getAttribute('type') === 'module',
    }))
    .filter((script) => /portal-widgets/i.test(script.url));
}

async function checkScript(
  script: { url: string; module: boolean },
  origin: string,
  t: Messages,
  problems: Problem[],
  timeoutMs?: number,
): Promise<void> {
  if (!script.module)
    problems.push({
      level: 'error',
      message: t.notModule(script.url),
      fix: t.notModuleFix,
      url: script.url,
    });
  let answer: Answer;
  try {
    answer = await ask(script.url, { origin, ...(timeoutMs ? { timeoutMs } : {}) });
  } catch (error) {
    problems.push({
      level: 'error',
      message: t.unreachable(script.url, (error as Error).message),
      fix: t.unreachableFix,
      url: script.url,
    });
    return;
  }
  if (answer.status >= 400) {
    problems.push({
      level: 'error',
      message: t.httpStatus(script.url, answer.status),
      fix: t.noScriptFix,
      url: script.url,
    });
    return;
  }
  if (!/javascript|ecmascript/i.test(answer.contentType)) {
    problems.push({
      level: 'error',
      message: t.scriptType(script.url, answer.contentType),
      fix: t.scriptTypeFix,
      url: script.url,
    });
  }
  const refusal = corsRefusal(answer, origin);
  if (refusal) {
    problems.push({
      level: 'error',
      message: t.cors(script.url, origin, refusal.sent),
      fix: t.corsFix(t.corsSetting.script!),
      url: script.url,
    });
  }
  if (problems.every((problem) => problem.url !== script.url)) {
    problems.push({ level: 'info', message: t.scriptOk(script.url), fix: '' });
  }
}

/** Runs `check`; rejects with Unreachable when the page does not answer at all. */
export async function check(pageUrl: string, options: CheckOptions): Promise<CheckResult> {
  const t = messages(options.lang);
  const page = await ask(pageUrl, {
    accept: 'text/html',
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  const problems: Problem[] = [];
  if (page.status >= 400) {
    problems.push({
      level: 'error',
      message: t.httpStatus(page.finalUrl, page.status),
      fix: t.unreachableFix,
      url: page.finalUrl,
    });
    return { problems };
  }
  const origin = new URL(page.finalUrl).origin;
  actAsPage(page.finalUrl);
  const doc = parsePage(page.text);

  const scripts = libraryScripts(doc, page.finalUrl);
  if (scripts.length === 0)
    problems.push({ level: 'error', message: t.noScript, fix: t.noScriptFix });
  for (const script of scripts) await checkScript(script, origin, t, problems, options.timeoutMs);

  // Every request the sources make goes through here: sent with the page's
  // Origin, and remembered so that its answer can be judged afterwards.
  let exchanges: Exchange[] = [];
  const recordingFetch = async (
    input: RequestInfo | URL,
    init?: RequestInit,
  ): Promise<Response> => {
    const url = String(input instanceof Request ? input.url : input);
    const exchange: Exchange = { url, method: init?.method ?? 'GET' };
    exchanges.push(exchange);
    const headers = new Headers(init?.headers);
    headers.set('origin', origin);
    const response = await fetch(url, { ...init, headers });
    exchange.status = response.status;
    exchange.headers = response.headers;
    return response;
  };
  const http = new HttpClient({
    fetch: recordingFetch,
    retries: 0,
    cacheTtlMs: 0,
    staleTtlMs: 0,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  const sources = pageSources(doc, http);

  const widgets = WIDGETS.flatMap((tag) =>
    [...doc.querySelectorAll(tag)].map((element) => ({ tag, element })),
  );
  if (widgets.length === 0)
    problems.push({ level: 'error', message: t.noWidgets, fix: t.noWidgetsFix });
  for (const { tag, element } of widgets) {
    const what = `${t.kinds[tag]} <${tag}${element.id ? ` id="${element.id}"` : ''}>`;
    let source: DataSource | Error | undefined;
    const src = element.getAttribute('src');
    if (src) {
      source = createUrlSource(
        new URL(src.replace(/\{id\}/g, '__id__'), page.finalUrl).href.replace(/__id__/g, '{id}'),
        { http },
      );
    } else {
      const holder = sourceElementOf(element, doc);
      if (typeof holder === 'string') {
        problems.push({
          level: 'error',
          message: t.unknownSource(`<${tag}>`, holder),
          fix: t.unknownSourceFix,
        });
        continue;
      }
      if (!holder) {
        problems.push({ level: 'error', message: t.noSource(`<${tag}>`), fix: t.noSourceFix });
        continue;
      }
      source = sources.get(holder);
    }
    if (!source || source instanceof Error) {
      problems.push({
        level: 'error',
        message: t.configError('<pw-source>', String((source as Error | undefined)?.message)),
        fix: t.configFix,
      });
      continue;
    }
    exchanges = [];
    try {
      const detail = await firstRead(tag, element, source, t);
      problems.push({ level: 'info', message: t.readOk(what, detail), fix: '' });
    } catch (error) {
      const status = error instanceof HttpError ? error.status : exchanges.at(-1)?.status;
      const url = (error instanceof DataError && error.url) || exchanges.at(-1)?.url;
      problems.push({
        level: 'error',
        message: t.readFailed(what, error instanceof Error ? error.message : String(error)),
        fix: t.readFailedFix(status),
        ...(url ? { url } : {}),
      });
    }
    for (const exchange of exchanges) judgeExchange(exchange, origin, t, problems);
    if (tag === 'pw-visit-stats' && element.hasAttribute('record')) {
      await checkVisitPreflight(exchanges, origin, t, problems, options.timeoutMs);
    }
  }
  return { problems: dedupe(problems) };
}

/** CORS and content type of one answer, as the browser on the page would see them. */
function judgeExchange(exchange: Exchange, origin: string, t: Messages, problems: Problem[]): void {
  if (!exchange.headers || exchange.status === undefined) return;
  const answer = { finalUrl: exchange.url, headers: exchange.headers } as Answer;
  const refusal = corsRefusal(answer, origin);
  if (refusal) {
    problems.push({
      level: 'error',
      message: t.cors(exchange.url, origin, refusal.sent),
      fix: t.corsFix(t.corsSetting[/opml/i.test(exchange.url) ? 'opml' : 'json']!),
      url: exchange.url,
    });
  }
}

/** The visit is a JSON POST: from another origin the browser first sends an OPTIONS preflight. */
async function checkVisitPreflight(
  exchanges: Exchange[],
  origin: string,
  t: Messages,
  problems: Problem[],
  timeoutMs?: number,
): Promise<void> {
  const statsUrl = exchanges.find((exchange) => exchange.method === 'GET')?.url;
  if (!statsUrl || !isCrossOrigin(statsUrl, origin)) return;
  const visitUrl = `${statsUrl.split('?')[0]!.replace(/\/+$/, '')}/visit`;
  const answer = await ask(visitUrl, {
    method: 'OPTIONS',
    origin,
    headers: {
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    },
    ...(timeoutMs ? { timeoutMs } : {}),
  }).catch(() => undefined);
  if (!answer) return;
  if (corsRefusal(answer, origin)) {
    problems.push({
      level: 'error',
      message: t.visitPreflight(visitUrl, origin),
      fix: t.visitPreflightFix,
      url: visitUrl,
    });
  }
}

/** The same finding once, even when several widgets share the address. */
function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.level} ${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
