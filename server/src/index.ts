/**
 * portal-widgets-counter: the visit counter behind `<pw-visit-stats record>`.
 *
 *   import http from 'node:http';
 *   import { createCounterHandler } from 'portal-widgets-counter';
 *   const counter = createCounterHandler({ db: 'sqlite:./visits.sqlite' });
 *   http.createServer(counter).listen(8787);
 */

export {
  createCounterHandler,
  MAX_BODY_BYTES,
  MAX_SESSION_LENGTH,
  type CounterHandler,
  type CounterOptions,
} from './handler.js';
export { isBot } from './bots.js';
export { DEFAULT_TIME_ZONE, checkTimeZone, createCalendar, type PeriodKeys } from './periods.js';
export {
  DEFAULT_DB,
  openStore,
  parseDatabaseUrl,
  type CounterStore,
  type CountsQuery,
  type DatabaseTarget,
  type RedisStoreOptions,
  type StoredCounts,
  type VisitRecord,
} from './store/index.js';
export { createCounterServer, type CounterServer, type CounterServerOptions } from './server.js';
export type { VisitStats } from './types.js';
