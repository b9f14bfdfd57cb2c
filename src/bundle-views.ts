/**
 * The script-tag bundle's one chunk of drawings: the loaded state of the
 * activity list, the link box and the visit box, which each fetches beside its
 * data. Each element imports its own `*-view.js`; the script-tag build points
 * those imports here (see rollup.config.mjs), so a page asks for one file, not
 * three. Each element reads only its own names from it.
 */
export * from './activity-list/activity-list-view.js';
export * from './link-box/link-box-view.js';
export * from './visit-stats/visit-stats-view.js';
