/**
 * portal-widgets: every element, registered, plus the data layer.
 * `<pw-source>` is registered first so widgets find their provider at once.
 */
export * from './source/source.js';
export * from './article/article.js';
export * from './activity-list/activity-list.js';
export * from './link-box/link-box.js';
export * from './visit-stats/visit-stats.js';
export { PortalElement, SourceResolutionError } from './base/portal-element.js';
export type {
  ErrorEventDetail,
  LoadErrorEvent,
  LoadEvent,
  PortalEventMap,
  SelectEvent,
  SelectEventDetail,
} from './base/events.js';
export type { Lang, Translation } from './i18n/index.js';
export * from './data/index.js';
