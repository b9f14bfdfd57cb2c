/**
 * `portal-widgets/data`: the data layer alone — canonical types, typed
 * errors, the shared HTTP client, normalizers and adapters. It registers no
 * element and does not import lit, so it can feed any UI.
 */

export type {
  Article,
  ArticleQuery,
  ArticleSummary,
  DataSource,
  Link,
  LinkQuery,
  Page,
  RequestOptions,
  VisitStats,
  VisitStatsField,
} from './types.js';
export {
  ConfigError,
  DataError,
  HttpError,
  NetworkError,
  NotFoundError,
  ParseError,
  TimeoutError,
  ValidationError,
  toDataError,
  type DataErrorKind,
  type HttpErrorBody,
} from './errors.js';
export {
  HttpClient,
  defaultHttpClient,
  type FetchLike,
  type GetOptions,
  type HttpClientOptions,
  type HttpResponse,
  type JsonResponse,
  type PostOptions,
  type TextResponse,
} from './http.js';
export { DEFAULT_TIME_ZONE, checkTimeZone, isValidTimeZone, parseDate } from './dates.js';
export { compileDateFormat, parseDateWithFormat, type DateFormat } from './date-format.js';
export {
  normalizeArticle,
  normalizeArticleSummary,
  normalizeLinks,
  normalizePage,
  normalizeVisitStats,
  safeUrl,
  type NormalizeContext,
} from './normalize.js';
export { applyFields, fillTemplate, getPath, type FieldMap } from './adapters/shared.js';
export { htmlToText } from './adapters/cms.js';
export {
  createJsonSource,
  type JsonEndpoints,
  type JsonKindMapping,
  type JsonFieldPaths,
  type JsonSource,
  type JsonSourceOptions,
  type JsonWatchOptions,
} from './adapters/json.js';
export { createUrlSource, type UrlSource, type UrlSourceOptions } from './adapters/url.js';
export {
  createStaticSource,
  type StaticData,
  type StaticSource,
  type StaticSourceOptions,
} from './adapters/static.js';
export {
  createWordPressSource,
  type WordPressSource,
  type WordPressSourceOptions,
} from './adapters/wordpress.js';
export { createRssSource, type RssSource, type RssSourceOptions } from './adapters/rss.js';
export {
  createLiferaySource,
  type LiferaySource,
  type LiferaySourceOptions,
} from './adapters/liferay.js';
export {
  createJoomlaSource,
  type JoomlaSource,
  type JoomlaSourceOptions,
} from './adapters/joomla.js';
export {
  createDrupalSource,
  type DrupalSource,
  type DrupalSourceOptions,
} from './adapters/drupal.js';
export { createCompositeSource, type CompositeParts } from './adapters/composite.js';
export {
  createForwardingSource,
  createLazySource,
  type DerivedSourceOptions,
} from './adapters/forwarding.js';
export { parseCategoryAliases, withCategoryAliases } from './adapters/category-aliases.js';
