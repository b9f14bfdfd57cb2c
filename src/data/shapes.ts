/**
 * Two facts about the data shapes that code outside the normalizers needs
 * too: the plain-object test and the visit figures in order. They live apart
 * from normalize.ts so that a widget using them does not bring the
 * normalizers, which only the adapters run.
 */

import type { VisitStatsField } from './types.js';

/** A parsed JSON object. */
export type Json = Record<string, unknown>;

/** Every visit figure, in the order boxes show them. */
export const STATS_FIELDS: readonly VisitStatsField[] = [
  'online',
  'today',
  'yesterday',
  'week',
  'month',
  'year',
  'total',
];

/** A plain object (not null, not an array): the one test of this kind in the data layer. */
export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
