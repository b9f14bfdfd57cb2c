/**
 * How a list (or the related-articles box) shows an item in a `<pw-article>`
 * on the same page: the article changes in place, and a history entry makes
 * the back and forward buttons and deep links work.
 */

/** The key under which our history entries remember which article element shows what. */
export const HISTORY_KEY = 'pw-article';

/** History state written by {@link showInArticle}. */
export interface ArticleHistoryState {
  [HISTORY_KEY]?: { target: string; id: string };
}

/** What a list needs from its target article element. */
export interface ArticleTarget extends HTMLElement {
  /** The name of the page-URL parameter holding the article id. */
  idParam?: string;
  /** Shows the article with this id (without touching history). */
  showArticle(id: string): void;
}

/** The URL of this page with the article id in its query, for links that also work in a new tab. */
export function articleUrl(id: string, idParam = 'id'): string {
  const url = new URL(window.location.href);
  url.searchParams.set(idParam, id);
  return url.href;
}

/** Shows `id` in `target` and records it in history. */
export function showInArticle(target: ArticleTarget, id: string): void {
  const state: ArticleHistoryState = { [HISTORY_KEY]: { target: target.id, id } };
  window.history.pushState(state, '', articleUrl(id, target.idParam || 'id'));
  target.showArticle(id);
}

/** True for clicks the browser should handle itself (new tab, new window, download). */
export function isModifiedClick(event: MouseEvent): boolean {
  return event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
}
