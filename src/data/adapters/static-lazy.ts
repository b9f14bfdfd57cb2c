import { createLazySource } from './forwarding.js';
import type { StaticSourceOptions } from './static.js';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../dates.js';
import { lazyModule } from '../lazy-module.js';
import type { DataSource } from '../types.js';

/**
 * `createStaticSource` as the script-tag bundle offers it to page scripts: the
 * same source, with its adapter downloaded on first use like every adapter but
 * json's. Options it rejects (no `data` nor `url`, an unknown time zone) fail
 * the first call, so the widgets show the error, instead of throwing here.
 */
const importStatic = lazyModule(() => import('./static.js'));

export function createStaticSource(options: StaticSourceOptions): DataSource {
  const { timeZone } = options;
  return createLazySource(
    async () => (await importStatic()).createStaticSource(options),
    // Widgets format dates in this zone before any call: never hand them one Intl rejects.
    { timeZone: isValidTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE },
  );
}
