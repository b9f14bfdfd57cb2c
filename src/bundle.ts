/**
 * The script-tag bundle (`portal-widgets.min.js`): every element, registered,
 * and the few data-layer functions a page script needs. The other adapters
 * stay out of it: `<pw-source type="wordpress">` and its kin load theirs as
 * chunks on first use, so a page pays only for the backend it talks to.
 */
export * from './source/source.js';
export * from './article/article.js';
export * from './activity-list/activity-list.js';
export * from './link-box/link-box.js';
export * from './visit-stats/visit-stats.js';
export { createJsonSource } from './data/adapters/json.js';
// Exported, and so bundled: the readers behind a widget's `src` are a chunk in
// the npm build, but a script-tag page must reach them without a second request.
export { createUrlSource } from './data/adapters/url.js';
export { createStaticSource } from './data/adapters/static-lazy.js';
export { DataError } from './data/errors.js';
export type * from './data/types.js';

// The lazy chunks import this file by its plain name, so a script tag naming
// it with a query (`portal-widgets.min.js?v=2`) would make the first chunk
// load and run a second copy, whose strings and caches this copy never sees.
if (/[?#]/.test(import.meta.url)) {
  console.warn(
    `portal-widgets: ${import.meta.url} was loaded with a query or hash; put the version in the path instead, or its chunks load a second copy.`,
  );
}
