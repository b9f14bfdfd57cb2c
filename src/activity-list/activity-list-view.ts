/**
 * The activity list's loaded state: its items, page navigation and status
 * line, with the CSS only they use. The element downloads this chunk beside
 * its first page of data (see `loadListView`), so a page's first script holds
 * just the box, its skeleton and its error state, none of which need it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { articleUrl } from '../base/article-navigation.js';
import { pageBaseUrl } from '../data/page-url.js';
import type { ArticleSummary, Page } from '../data/types.js';
import { formatDate, type Translation } from '../i18n/index.js';
import type {
  ActivityListLayout,
  ActivityListPaging,
  Notice,
  PageKnowledge,
} from './activity-list.component.js';
import { pageWindow } from './page-window.js';

export { listViewStyles } from './activity-list-view.styles.js';

/** Everything one render of the loaded list depends on, read by the element. */
export interface ListView {
  page: Page<ArticleSummary>;
  t: Translation;
  layout: ActivityListLayout;
  paging: ActivityListPaging;
  /** The next page is loading: the items dim and "more" ignores presses. */
  busy: boolean;
  timeZone: string;
  /** The query parameter naming an item in the URL, when items show in a `target`. */
  idParam?: string;
  /** The `target` attribute, as given. */
  target?: string;
  hrefTemplate?: string;
  hideDate: boolean;
  showImage: boolean;
  showSummary: boolean;
  /** Where the pages end, as far as the backend has told the element so far. */
  knowledge: PageKnowledge;
  /** Whether the box is too narrow for the full page navigation. */
  compact: boolean;
  /** What the status line says after the visitor paged. */
  notice: Notice | undefined;
  showPage(page: number): void;
  showMore(shown: Page<ArticleSummary>): void;
  /** A plain click on an item's title; the same function every render (item templates are kept). */
  select(event: MouseEvent, item: ArticleSummary): void;
}

/** The list, its navigation and its status line. */
export function renderList(view: ListView): TemplateResult {
  const { page, t, layout, busy } = view;
  const items = page.items;
  // The items are drawn again only when something they show changed: the
  // busy state while the next page loads, a new notice or a narrower box
  // leave all of them as they are instead of comparing every one.
  const drawn = guard(
    [
      items,
      layout,
      t,
      view.timeZone,
      view.idParam,
      view.target,
      view.hrefTemplate,
      view.hideDate,
      view.showImage,
      view.showSummary,
    ],
    () => items.map((item, index) => renderItem(view, item, index)),
  );
  return html`${
      items.length > 0
        ? html`<ul part="list" class=${`items ${layout}${busy ? ' busy' : ''}`} tabindex="-1">
            ${drawn}
          </ul>`
        : html`<p part="message" class="message">${t.list.pageEmpty}</p>`
    }
    ${renderPaging(view)}
    <p class="visually-hidden" role="status">${noticeText(view.notice, t)}</p>`;
}

// Item templates hold no whitespace between tags but the space between
// title and date, which is text ("title (date)"): every other one would be
// a node per item for the browser to create, style and lay out. Hence the
// prettier-ignore comments: Prettier would indent the tags again.
function renderItem(view: ListView, item: ArticleSummary, index: number): TemplateResult {
  const { layout, t, timeZone } = view;
  const lead = layout === 'featured' && index === 0;
  const card = layout === 'cards';
  const rich = lead || card;
  const image = view.showImage || rich ? item.image : undefined;
  const summary = view.showSummary || rich ? item.summary : undefined;
  const date = view.hideDate ? '' : formatDate(item.date, t, timeZone);
  // The portal's list style puts the date in brackets after the title; big items show it on its own line.
  const dateText = rich ? date : `(${date})`;
  const href = itemHref(view, item);
  const select = (event: MouseEvent) => view.select(event, item);
  // The usual row, a linked title and its date, is one template instead of three.
  if (href && date && !rich && !image && !summary) {
    // prettier-ignore
    return html`<li part="item" class="item"><div class="text"><a part="title" class="title"
      href=${href} @click=${select}>${item.title}</a> <time part="date" class="date"
      datetime=${ifDefined(item.date)}>${dateText}</time></div></li>`;
  }
  const parts = `item${lead ? ' lead' : ''}${card ? ' card' : ''}`;
  const picture = image
    ? html`<img
        part="image"
        class="thumb"
        src=${image.src}
        alt=${image.alt ?? ''}
        loading="lazy"
        decoding="async"
        width=${rich ? 640 : 160}
        height=${rich ? 360 : 120}
      />`
    : card
      ? html`<div part="image-placeholder" class="thumb placeholder" aria-hidden="true"></div>`
      : nothing;
  const title = href
    ? html`<a part="title" class="title" href=${href} @click=${select}>${item.title}</a>`
    : html`<span part="title" class="title">${item.title}</span>`;
  const time = date
    ? html`<time part="date" class="date" datetime=${ifDefined(item.date)}>${dateText}</time>`
    : nothing;
  const text = summary ? html`<p part="summary" class="summary">${summary}</p>` : nothing;
  // prettier-ignore
  return html`<li part=${parts} class=${parts}>${picture}<div class="text">${title} ${time}${text}</div></li>`;
}

function renderPaging(view: ListView): TemplateResult | typeof nothing {
  const { page, t, paging } = view;
  if (paging === 'none') return nothing;
  if (paging === 'more') {
    if (!page.hasMore) return nothing;
    return html`<button
      type="button"
      part="more-button"
      class="more"
      aria-disabled=${view.busy ? 'true' : 'false'}
      @click=${() => view.showMore(page)}
    >
      ${t.list.more}
    </button>`;
  }
  const { count, final } = pageCount(page, view.knowledge);
  const current = page.page;
  const hasNext = final ? current < count : page.hasMore || current < count;
  if (count <= 1 && !hasNext) return nothing;
  const compact = view.compact;
  return html`<nav
    part="pagination"
    class=${compact ? 'pagination compact' : 'pagination'}
    aria-label=${t.list.pagination}
  >
    <ul>
      <li>
        <button
          type="button"
          part="previous-button"
          class="step"
          aria-label=${t.list.previous}
          ?disabled=${current <= 1}
          @click=${() => view.showPage(current - 1)}
        >
          <span aria-hidden="true">‹</span>
          <span class="step-text">${t.list.previousShort}</span>
        </button>
      </li>
      ${pageWindow(current, count, compact ? 5 : 7).map((slot) =>
        slot === 'gap'
          ? html`<li class="gap" aria-hidden="true">…</li>`
          : html`<li>
              <button
                type="button"
                part="page-button"
                class="number"
                aria-label=${t.list.page(slot)}
                aria-current=${ifDefined(slot === current ? 'page' : undefined)}
                @click=${() => view.showPage(slot)}
              >
                ${slot}
              </button>
            </li>`,
      )}
      <li>
        <button
          type="button"
          part="next-button"
          class="step"
          aria-label=${t.list.next}
          ?disabled=${!hasNext}
          @click=${() => view.showPage(current + 1)}
        >
          <span class="step-text">${t.list.nextShort}</span>
          <span aria-hidden="true">›</span>
        </button>
      </li>
    </ul>
  </nav>`;
}

/** How many pages to offer after `page`, and whether that is the real end. */
function pageCount(
  page: Page<ArticleSummary>,
  { furthest, last }: PageKnowledge,
): { count: number; final: boolean } {
  if (page.total !== undefined) {
    const size = Math.max(1, page.pageSize);
    return { count: Math.max(1, Math.ceil(page.total / size), page.page), final: true };
  }
  if (last !== undefined) return { count: Math.max(last, page.page), final: true };
  return { count: Math.max(furthest, page.page + (page.hasMore ? 1 : 0)), final: false };
}

/**
 * What the status line says once the page the visitor asked for has arrived;
 * `focusIndex` is where the new items start (`paging="more"`).
 */
export function noticeFor(
  page: Page<ArticleSummary> | undefined,
  paging: ActivityListPaging,
  focusIndex: number | undefined,
  knowledge: PageKnowledge,
): Notice | undefined {
  if (!page) return undefined;
  if (paging === 'more') {
    const added = page.items.length - (focusIndex ?? 0);
    return added > 0 ? { kind: 'added', count: added } : { kind: 'all-shown' };
  }
  const { count, final } = pageCount(page, knowledge);
  return { kind: 'page', page: page.page, last: final ? count : undefined };
}

/** The status line's sentence for `notice`. */
function noticeText(notice: Notice | undefined, t: Translation): string {
  if (!notice) return '';
  if (notice.kind === 'page') return t.list.pageShown(notice.page, notice.last);
  if (notice.kind === 'added') return t.list.added(notice.count);
  return t.list.allShown;
}

/**
 * Focuses the title of item `index` in `root` (the last one when there is no
 * such item, the list when the titles are not links), without a jump.
 */
export function focusItem(root: ShadowRoot, index: number): void {
  const titles = root.querySelectorAll<HTMLElement>('[part~="title"]');
  const list = root.querySelector<HTMLElement>('[part~="list"]');
  const title = titles[Math.min(index, titles.length - 1)];
  const target = title instanceof HTMLAnchorElement ? title : (list ?? undefined);
  if (!target) return;
  target.focus({ preventScroll: true });
  const box = target.getBoundingClientRect();
  if (box.top < 0 || box.bottom > window.innerHeight) target.scrollIntoView({ block: 'nearest' });
}

/** A real URL for every item, so it can be opened in a new tab or followed without script. */
function itemHref(view: ListView, item: ArticleSummary): string | undefined {
  if (view.idParam) return articleUrl(item.id, view.idParam);
  // The page author's template wins over the backend's own URL: it is how a
  // portal routes every item to its own article page.
  const templated = view.hrefTemplate?.trim()
    ? view.hrefTemplate.replaceAll('{id}', encodeURIComponent(item.id))
    : undefined;
  if (templated && isNavigable(templated)) return templated;
  return item.url;
}

/** Whether a URL written by the page author may be used as a link (no `javascript:` and the like). */
function isNavigable(href: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(href, pageBaseUrl()).protocol);
  } catch {
    return false;
  }
}
