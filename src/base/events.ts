import type { DataError } from '../data/errors.js';
import type { ArticleSummary } from '../data/types.js';

/** Detail of `pw-error`. */
export interface ErrorEventDetail {
  error: DataError;
}

/** Detail of `pw-select`. */
export interface SelectEventDetail {
  item: ArticleSummary;
}

/** Every event the widgets fire, by name; all bubble and cross shadow roots. */
export interface PortalEventMap {
  'pw-load': CustomEvent<unknown>;
  'pw-error': CustomEvent<ErrorEventDetail>;
  'pw-select': CustomEvent<SelectEventDetail>;
}

declare global {
  interface HTMLElementEventMap extends PortalEventMap {}
}
