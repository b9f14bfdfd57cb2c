/**
 * The `json` adapter: any REST backend that answers JSON. With no options
 * beyond `baseUrl` it speaks the default endpoints of the canonical JSON
 * (docs/guide/canonical-json.md); endpoint templates and dot-path field maps
 * adapt it to other APIs without code.
 * Its options, and their checking, are in json-options.ts.
 */

import { parseEpoch } from '../dates.js';
import { ConfigError } from '../errors.js';
import { lazyModule } from '../lazy-module.js';
import { defaultHttpClient } from '../http.js';
import {
  normalizeArticle,
  normalizePage,
  normalizeLinks,
  normalizeVisitStats,
  type NormalizeContext,
} from '../normalize.js';
import { isRecord } from '../shapes.js';
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
import type { JsonReading } from './json-mapping.js';
import { checkJsonOptions, type JsonSourceOptions } from './json-options.js';
import { applyFields, fillTemplate, getOptions, validateFrom, type FieldMap } from './shared.js';

export type {
  JsonEndpoints,
  JsonFieldPaths,
  JsonKindMapping,
  JsonSourceOptions,
  JsonWatchOptions,
} from './json-options.js';

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

/** How a source without a mapping or a `dateFormat` reads dates: epoch numbers become ISO 8601. */
const CANONICAL_READING: JsonReading = { readDate: (value) => parseEpoch(value) ?? value };
const importMapping = lazyModule(() => import('./json-mapping.js'));
const importWatch = lazyModule(() => import('./json-watch.js'));

/** Reads the figures every `ms` until stopped: watching without a stream. */
function pollEvery(
  ms: number,
  read: (signal: AbortSignal) => Promise<VisitStats>,
  callback: (stats: VisitStats) => void,
): () => void {
  const controller = new AbortController();
  const timer = setInterval(() => {
    read(controller.signal).then(
      (stats) => {
        if (!controller.signal.aborted) callback(stats);
      },
      // A failed reading waits for the next one.
      () => undefined,
    );
  }, ms);
  return () => {
    clearInterval(timer);
    controller.abort();
  };
}

/**
 * Starts watching once `load` has brought the code for it, and returns at once
 * the function that stops it: stopped before then, nothing is started. When
 * the code cannot be loaded, the figures are read with `poll` every `pollMs`
 * instead (with a warning), as when the stream is down. Exported for its
 * tests; not part of the package's API.
 */
export function watchWhenLoaded(
  load: () => Promise<() => () => void>,
  pollMs: number,
  poll: (signal: AbortSignal) => Promise<VisitStats>,
  callback: (stats: VisitStats) => void,
): () => void {
  let stopped = false;
  let stop: (() => void) | undefined;
  void load()
    .catch((error: unknown): (() => () => void) => {
      console.warn('portal-widgets: the live figures could not be loaded; polling instead.', error);
      return () => pollEvery(pollMs, poll, callback);
    })
    .then((start) => {
      if (stopped) return;
      try {
        stop = start();
      } catch (error) {
        // A stream that cannot even start (say, a URL EventSource rejects) must not end the figures.
        console.warn(
          'portal-widgets: the live figures could not be started; polling instead.',
          error,
        );
        stop = pollEvery(pollMs, poll, callback);
      }
    });
  return () => {
    stopped = true;
    stop?.();
  };
}

/**
 * Creates a data source for a JSON REST backend.
 *
 * A `dateFormat` is compiled with the mapping code, which is loaded on the
 * first request: a bad pattern fails that request (and each later one) with a
 * {@link ConfigError}.
 *
 * @throws {ConfigError} for an unknown time zone, a bad template, field map or mapping setting.
 */
export function createJsonSource(options: JsonSourceOptions): JsonSource {
  const { timeZone, base, apiBase, headers, pageBase, kinds, templates, watch, fields } =
    checkJsonOptions(options);
  const http = options.http ?? defaultHttpClient;
  const ctx: NormalizeContext = { timeZone, baseUrl: apiBase };

  // The declarative mapping and date patterns are a chunk of their own, fetched
  // on the first request of a source that uses them: most sources use neither.
  const dateFormat = options.dateFormat;
  const mapped = dateFormat !== undefined || Object.values(kinds).some(Boolean);
  let mappedReading: Promise<JsonReading> | undefined;
  const reading = (): JsonReading | Promise<JsonReading> => {
    if (!mapped) return CANONICAL_READING;
    mappedReading ??= importMapping()
      .then(({ createJsonReading }) => createJsonReading(kinds, dateFormat, timeZone))
      .catch((error: unknown) => {
        // Tried again on the next request, as a failed request would be.
        mappedReading = undefined;
        throw error;
      });
    return mappedReading;
  };
  /** Reads `target` and the reading in parallel, so loading the mapping costs no extra wait. */
  const getWithReading = (target: string, options?: RequestOptions) =>
    Promise.all([http.getJson(target, getOptions(options, headers)), reading()]);

  const withDate = <T>(raw: T, field: string, { readDate }: JsonReading): T => {
    if (!isRecord(raw) || raw[field] === undefined) return raw;
    return { ...raw, [field]: readDate(raw[field]) };
  };
  const url = (
    template: string,
    values: Record<string, string | undefined>,
    options?: RequestOptions,
  ): string => fillTemplate(template, { base, lang: options?.lang, ...values });

  /** The counters of a stats answer, through the mapping when there is one. */
  const readStats = (data: unknown, target: string, read: JsonReading): VisitStats =>
    normalizeVisitStats(
      read.stats
        ? read.stats(data, target)
        : withDate(applyFields(data, fields.stats), 'updatedAt', read),
      ctx,
    );

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
      const [response, read] = await getWithReading(target, options);
      return validateFrom(target, () => {
        if (read.articles)
          return normalizePage(read.articles(response.data, query, target), query, ctx);
        const container = mapItems(applyFields(response.data, fields.page), fields.article);
        const dated =
          isRecord(container) && Array.isArray(container.items)
            ? { ...container, items: container.items.map((item) => withDate(item, 'date', read)) }
            : Array.isArray(container)
              ? container.map((item) => withDate(item, 'date', read))
              : container;
        return normalizePage(dated, query, ctx);
      });
    },

    async getArticle(id: string, options?: RequestOptions): Promise<Article> {
      if (typeof id !== 'string' || id === '')
        throw new ConfigError('getArticle needs a non-empty article id.');
      const target = url(templates.article, { id }, options);
      const [response, read] = await getWithReading(target, options);
      return validateFrom(target, () =>
        normalizeArticle(
          read.article
            ? read.article(response.data, id, target)
            : withDate(applyFields(response.data, fields.article), 'date', read),
          ctx,
        ),
      );
    },

    async listLinks(query: LinkQuery, options?: RequestOptions): Promise<Link[]> {
      const target = url(templates.links, { group: query.group ?? '' }, options);
      const [response, read] = await getWithReading(target, options);
      return validateFrom(target, () =>
        normalizeLinks(
          read.links
            ? read.links(response.data, target)
            : mapItems(applyFields(response.data, fields.links), fields.link),
        ),
      );
    },

    async getVisitStats(options?: RequestOptions): Promise<VisitStats> {
      const target = url(templates.stats, {}, options);
      const [response, read] = await getWithReading(target, options);
      return validateFrom(target, () => readStats(response.data, target, read));
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
      const read = await reading();
      const counted = validateFrom(target, () => readStats(data, target, read));
      // The answer is the figures the stats endpoint would give now: a widget
      // mounted again within the cache time shows them without a request.
      http.remember(url(templates.stats, {}, options), data, getOptions(options, headers).headers);
      return counted;
    };
  }

  const streamTemplate = templates.stream;
  if (streamTemplate !== undefined) {
    const poll = (signal: AbortSignal) => source.getVisitStats({ fresh: true, signal });
    // The Server-Sent Events client is a chunk of its own, fetched by the first watcher;
    // if it cannot be loaded, the figures are polled as when the stream is down.
    source.watchVisitStats = (callback: (stats: VisitStats) => void): (() => void) =>
      watchWhenLoaded(
        async () => {
          const [{ watchStream }, read] = await Promise.all([importWatch(), reading()]);
          return () =>
            watchStream(url(streamTemplate, {}), watch, {
              parse: (raw) => readStats(raw, streamTemplate, read),
              poll,
              callback,
            });
        },
        watch.pollMs,
        poll,
        callback,
      );
  }

  return source;
}
