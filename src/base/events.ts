import type { DataError } from '../data/errors.js';
import type { ArticleSummary } from '../data/types.js';

/**
 * The widgets' events. All are `CustomEvent`s that bubble and cross shadow
 * roots (`composed`), so a page can listen on `document` for every box.
 */

/**
 * `pw-load`: the data a widget now shows, after normalization. Each element
 * names its type in its `@fires` docs: `Page<ArticleSummary>` for the list,
 * `Link[]` for the link box, `VisitStats` for the counter, the article view
 * for `<pw-article>`.
 */
export type LoadEvent<T = unknown> = CustomEvent<T>;

/** Detail of `pw-error`. */
export interface ErrorEventDetail {
  /** What failed, typed: `error.kind` is `network`, `timeout`, `http`, `parse`, `not-found`, `invalid` or `config`. */
  error: DataError;
  /** The sentence the widget shows, in its language (for logs or a page-level notice). */
  message: string;
}

/** `pw-error`: loading failed; the box shows the message with a retry button. */
export type LoadErrorEvent = CustomEvent<ErrorEventDetail>;

/** Detail of `pw-select`. */
export interface SelectEventDetail {
  item: ArticleSummary;
}

/** `pw-select`: an item of a list was chosen; cancelable. */
export type SelectEvent = CustomEvent<SelectEventDetail>;

/** Every event the widgets fire, by name; all bubble and cross shadow roots. */
export interface PortalEventMap {
  'pw-load': LoadEvent;
  'pw-error': LoadErrorEvent;
  'pw-select': SelectEvent;
}

declare global {
  interface HTMLElementEventMap extends PortalEventMap {}
}
