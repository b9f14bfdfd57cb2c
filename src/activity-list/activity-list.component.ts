import { TaskStatus } from '@lit/task';
import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import type { ArticleSummary, DataSource, Page, RequestOptions } from '../data/types.js';
import { PortalElement } from '../base/portal-element.js';
import { lazyUrlSource } from '../data/adapters/url-lazy.js';
import { isModifiedClick, showInArticle, type ArticleTarget } from '../base/article-navigation.js';
import { lazyModule, orAgain } from '../data/lazy-module.js';
import { addVietnamese, type Translation } from '../i18n/index.js';
import { viList } from '../i18n/vi-list.js';
import type * as ListView from './activity-list-view.js';
import { activityListStyles } from './activity-list.styles.js';

// This element's Vietnamese wording joins the catalogue when its code is loaded.
addVietnamese(viList);

/** How the items are laid out. */
export type ActivityListLayout = 'list' | 'featured' | 'cards';

/** How the visitor reaches further items. */
export type ActivityListPaging = 'pages' | 'more' | 'none';

const LAYOUTS: readonly ActivityListLayout[] = ['list', 'featured', 'cards'];
const PAGINGS: readonly ActivityListPaging[] = ['pages', 'more', 'none'];
const MAX_PAGE_SIZE = 100;

// One empty array, so "no earlier items" is the same task argument every time.
const NO_ITEMS: readonly ArticleSummary[] = [];
/** Below this width (px) the page navigation shrinks to fit one line on a phone. */
const COMPACT_WIDTH = 400;

/**
 * The chunk that draws loaded items and the page navigation, downloaded once,
 * beside the first page of data: the skeleton and the error state never need it.
 */
export const loadListView: () => Promise<typeof ListView> = lazyModule(
  () => import('./activity-list-view.js'),
);

/** What the status line says after the visitor moved through the items. */
export type Notice =
  | { kind: 'page'; page: number; last?: number }
  | { kind: 'added'; count: number }
  | { kind: 'all-shown' };

/** Where the pages end, as far as the backend has told us so far. */
export interface PageKnowledge {
  /** The highest page number known to exist. */
  furthest: number;
  /** The last page, once a page has said nothing follows it. */
  last?: number;
}

/**
 * The leadership-activity list ("Hoạt động của lãnh đạo"): the latest items of
 * a category with their dates, paged. Clicking an item shows it in the
 * `<pw-article>` named by `target`, or goes to the item's page; every title is
 * a real link, so it also opens in a new tab and works without script.
 *
 * Paging works with whatever the backend reports: with an item total every
 * page number is offered (in a compact window, `1 … 4 5 6 … 20`); with only
 * "there is more" the pages seen so far and a "next" button are.
 *
 * ```html
 * <pw-activity-list category="hoat-dong-lanh-dao" page-size="5" target="article"></pw-activity-list>
 * ```
 *
 * @summary Latest articles of a category, paged.
 * @fires pw-load - A page of items arrived; `detail` is the `Page<ArticleSummary>` (with `paging="more"`, `items` holds every item shown so far).
 * @fires pw-error - Loading failed; `detail.error` is a typed `DataError`.
 * @fires pw-select - An item was chosen with a plain click or Enter; `detail.item` is the `ArticleSummary`. Cancelable: cancel it to handle the choice yourself. Clicks with a modifier key or the middle button are left to the browser.
 * @csspart list - The list of items.
 * @csspart item - One item.
 * @csspart lead - The first, large item when `layout="featured"`.
 * @csspart card - One card when `layout="cards"`.
 * @csspart title - An item's title (a link whenever the item has somewhere to go).
 * @csspart date - An item's date.
 * @csspart summary - An item's summary.
 * @csspart image - An item's image.
 * @csspart image-placeholder - The empty picture area of a card without an image.
 * @csspart pagination - The page navigation (`nav`).
 * @csspart page-button - A page-number button; the current one has `aria-current="page"`.
 * @csspart previous-button - The button to the previous page.
 * @csspart next-button - The button to the next page.
 * @csspart more-button - The "more" button (`paging="more"`).
 * @cssproperty --pw-list-image-width - Width of item images in the list layout (default `6em`).
 * @cssproperty --pw-card-min-width - Narrowest a card may be in the cards layout (default `14em`).
 * @cssproperty --pw-lead-image-ratio - Aspect ratio of the featured item's and the cards' images (default `16 / 9`).
 */
export class ActivityListElement extends PortalElement<Page<ArticleSummary>> {
  static override styles = [...PortalElement.styles, activityListStyles];

  static override properties: PropertyDeclarations = {
    category: {},
    pageSize: { attribute: 'page-size', type: Number },
    layout: { reflect: true },
    paging: { reflect: true },
    hideDate: { attribute: 'hide-date', type: Boolean },
    showImage: { attribute: 'show-image', type: Boolean },
    showSummary: { attribute: 'show-summary', type: Boolean },
    target: {},
    hrefTemplate: { attribute: 'href-template' },
    currentPage: { state: true },
    notice: { state: true },
    compact: { state: true },
  };

  /** The category whose items are listed (its id in the backend); all items when absent. */
  category?: string;

  /** Items per page (1–100; other values fall back to 5). */
  pageSize = 5;

  /**
   * `list`: titles with dates; `featured`: the first item large with its image
   * and summary, the rest as a list; `cards`: a grid of cards with image, title,
   * date and summary. Unknown values fall back to `list`.
   */
  layout: ActivityListLayout = 'list';

  /**
   * `pages`: previous / next and a button per page number; `more`: a button that
   * appends the next page; `none`: the first page only. Unknown values fall back to `pages`.
   */
  paging: ActivityListPaging = 'pages';

  /** Hide the item dates. */
  hideDate = false;

  /** Show every item's image (the featured item and the cards always show theirs). */
  showImage = false;

  /** Show every item's summary (the featured item and the cards always show theirs). */
  showSummary = false;

  /**
   * The `id` of a `<pw-article>` on this page: a chosen item is shown there,
   * and the page URL changes so that back, forward and deep links work.
   */
  target?: string;

  /**
   * Where items link to, with `{id}` replaced by the item's id, e.g.
   * `/tin-tuc?id={id}`. Wins over the backend's own item URLs; ignored when
   * it is not an `http(s)` or relative URL.
   */
  hrefTemplate?: string;

  /** The page being shown, or the last one appended with `paging="more"` (1-based). */
  get page(): number {
    return this.currentPage;
  }

  private currentPage = 1;

  /** The status line's message after the visitor paged. */
  private notice?: Notice;

  /** Whether the box is too narrow for the full page navigation. */
  private compact = false;

  private readonly resizeObserver =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver(([entry]) => {
          const compact = entry.contentRect.width < COMPACT_WIDTH;
          // Re-rendering changes the box height; doing it in the next frame keeps
          // the observer out of a same-frame loop (which the browser reports as an error).
          if (compact !== this.compact) requestAnimationFrame(() => (this.compact = compact));
        })
      : undefined;

  // Items shown before the page being appended (`paging="more"`).
  private earlierItems: readonly ArticleSummary[] = NO_ITEMS;

  private knowledge: PageKnowledge = { furthest: 1 };

  // Set by a page change the visitor asked for: the index of the item to focus once it arrives.
  private focusIndex?: number;

  // The drawing of loaded items, once its chunk has arrived (fetchData waits for it).
  private view?: typeof ListView;

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver?.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
  }

  protected override sourceFromUrl(src: string): DataSource {
    return lazyUrlSource(src, (url, endpoint) => ({
      listArticles: (query, options) => url.listArticlesFromUrl(endpoint, query, options),
    }));
  }

  protected override loadFailedMessage(t: Translation): string {
    return t.loadFailed.activityList;
  }

  protected defaultHeading(t: Translation): string {
    return t.headings.activityList;
  }

  private get effectivePageSize(): number {
    const size = Math.trunc(this.pageSize);
    return Number.isFinite(size) && size > 0 ? Math.min(size, MAX_PAGE_SIZE) : 5;
  }

  private get effectiveLayout(): ActivityListLayout {
    return LAYOUTS.includes(this.layout) ? this.layout : 'list';
  }

  private get effectivePaging(): ActivityListPaging {
    return PAGINGS.includes(this.paging) ? this.paging : 'pages';
  }

  // The items already shown go along with the page for `paging="more"`: the
  // same array until the visitor asks for more, so it only re-runs the task then.
  protected taskArgs(): readonly unknown[] {
    return [
      this.category || undefined,
      this.effectivePageSize,
      this.effectivePaging,
      this.currentPage,
      this.earlierItems,
    ];
  }

  // The view is the category, size and paging: a failed page change keeps the
  // page shown, with the notice and a retry button.
  protected override viewKey(args: readonly unknown[]): string {
    return JSON.stringify(args.slice(0, 3));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('category') || changed.has('pageSize') || changed.has('paging')) {
      this.currentPage = 1;
      this.earlierItems = NO_ITEMS;
      this.knowledge = { furthest: 1 };
      this.focusIndex = undefined;
      this.notice = undefined;
    }
    if (this.focusIndex !== undefined && this.task.status === TaskStatus.COMPLETE) {
      // A page the visitor asked for has arrived, and with it the view chunk.
      this.notice = this.view?.noticeFor(
        this.task.value,
        this.effectivePaging,
        this.focusIndex,
        this.knowledge,
      );
    }
    super.willUpdate(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusIndex === undefined) return;
    if (this.task.status === TaskStatus.COMPLETE) {
      const index = this.focusIndex;
      this.focusIndex = undefined;
      // A page the visitor asked for is drawn, so the view chunk has arrived.
      if (this.shadowRoot) this.view?.focusItem(this.shadowRoot, index);
    } else if (this.task.status === TaskStatus.ERROR && !this.shadowRoot?.activeElement) {
      // The button that was pressed is gone with the error view; keep keyboard users in the box.
      this.shadowRoot?.querySelector<HTMLElement>('[part~="retry-button"]')?.focus();
    }
  }

  protected async fetchData(
    source: DataSource,
    args: readonly unknown[],
    options: RequestOptions,
  ): Promise<Page<ArticleSummary>> {
    const [category, pageSize, paging, requested, shown] = args as [
      string | undefined,
      number,
      ActivityListPaging,
      number,
      readonly ArticleSummary[],
    ];
    const earlier = requested > 1 && paging === 'more' ? shown : [];
    // The items are drawn by their own chunk: fetch it beside the first page.
    const view = loadListView();
    view.catch(() => undefined);
    const received = await source.listArticles({ category, page: requested, pageSize }, options);
    this.view = await orAgain(view, loadListView);
    this.addStyles(this.view.listViewStyles);
    // Number the page as asked: a backend that echoes another number must not
    // make "more" fetch the same page again or the wrong button look current.
    const page: Page<ArticleSummary> = { ...received, page: requested };
    // A superseded run (another category, say) must not teach the new one where its pages end.
    if (!options.signal?.aborted) this.learn(page);
    if (earlier.length === 0) return page;
    // Offset paging shifts when an article is published in between: skip repeats.
    const seen = new Set(earlier.map((item) => item.id));
    return { ...page, items: [...earlier, ...page.items.filter((item) => !seen.has(item.id))] };
  }

  /** Remembers how far the pages go, for backends that give no total. */
  private learn(page: Page<ArticleSummary>): void {
    const known = this.knowledge;
    // Items past the known end: the category grew, so the end is unknown again.
    if (known.last !== undefined && page.page > known.last && page.items.length > 0) {
      known.last = undefined;
    }
    if (page.hasMore) {
      // An empty page seen past this one outweighs a "more" that is only a guess from a full page.
      if (known.last === undefined) known.furthest = Math.max(known.furthest, page.page + 1);
    } else {
      // An empty later page means the previous one (taken to be full) was the last.
      const last = page.items.length > 0 || page.page === 1 ? page.page : page.page - 1;
      known.last = last;
      known.furthest = last;
    }
  }

  protected override isEmpty(page: Page<ArticleSummary>): boolean {
    // A later page without items keeps its navigation, so the visitor can go back.
    return page.items.length === 0 && page.page <= 1;
  }

  protected override emptyMessage(t: Translation): string {
    return t.empty.articles;
  }

  /** Placeholders in the shape of the chosen layout, so the box does not jump when items arrive. */
  protected override renderSkeleton(): TemplateResult {
    const layout = this.effectiveLayout;
    const rows = Array.from({ length: Math.min(this.effectivePageSize, 10) }, (_, i) => i);
    return html`<ul part="skeleton" class=${`items ${layout} skeleton-list`} aria-hidden="true">
      ${rows.map((i) => {
        const rich = layout === 'cards' || (layout === 'featured' && i === 0);
        const parts = `item${rich ? (layout === 'cards' ? ' card' : ' lead') : ''}`;
        return html`<li class=${parts}>
          ${rich || this.showImage ? html`<span class="thumb skeleton"></span>` : nothing}
          <span class="text"><span class="skeleton"></span><span class="skeleton"></span></span>
        </li>`;
      })}
    </ul>`;
  }

  protected renderData(page: Page<ArticleSummary>): TemplateResult | typeof nothing {
    // Loaded data means the view chunk has arrived (fetchData waited for it).
    const view = this.view;
    if (!view) return nothing;
    return view.renderList({
      page,
      t: this.i18n.t,
      layout: this.effectiveLayout,
      paging: this.effectivePaging,
      busy: this.task.status === TaskStatus.PENDING,
      // Read once per render, not once per item: the time zone and the
      // target's id parameter each look through the document.
      timeZone: this.timeZone,
      idParam: this.target ? this.targetIdParam() : undefined,
      target: this.target,
      hrefTemplate: this.hrefTemplate,
      hideDate: this.hideDate,
      showImage: this.showImage,
      showSummary: this.showSummary,
      knowledge: this.knowledge,
      compact: this.compact,
      notice: this.notice,
      showPage: this.showPage,
      showMore: this.showMore,
      select: this.select,
    });
  }

  // Arrow functions: the view calls them, and kept item templates hold them across renders.
  private readonly showPage = (page: number): void => {
    if (page < 1 || (page === this.currentPage && this.task.status === TaskStatus.COMPLETE)) return;
    this.focusIndex = 0;
    this.goTo(page, NO_ITEMS);
  };

  private readonly showMore = (shown: Page<ArticleSummary>): void => {
    // aria-disabled keeps the button focusable while the next page loads; ignore presses meanwhile.
    if (this.task.status === TaskStatus.PENDING) return;
    this.focusIndex = shown.items.length;
    this.goTo(shown.page + 1, shown.items);
  };

  /** Asks for `page` after `earlier`: new task arguments, so the task runs on the next update. */
  private goTo(page: number, earlier: readonly ArticleSummary[]): void {
    // The same arguments again (pressed after that page failed) would not re-run the task.
    if (page === this.currentPage && earlier === this.earlierItems) {
      this.reload();
      return;
    }
    this.currentPage = page;
    this.earlierItems = earlier;
    this.requestUpdate();
  }

  private targetIdParam(): string {
    const element = this.target ? document.getElementById(this.target) : null;
    return (element as ArticleTarget | null)?.idParam || element?.getAttribute('id-param') || 'id';
  }

  private targetArticle(): ArticleTarget | undefined {
    if (!this.target) return undefined;
    const element = document.getElementById(this.target) as ArticleTarget | null;
    return element && typeof element.showArticle === 'function' ? element : undefined;
  }

  private readonly select = (event: MouseEvent, item: ArticleSummary): void => {
    if (isModifiedClick(event)) return;
    const selectEvent = this.emit('pw-select', { item }, { cancelable: true });
    if (selectEvent.defaultPrevented) {
      event.preventDefault();
      return;
    }
    const article = this.targetArticle();
    if (article) {
      event.preventDefault();
      showInArticle(article, item.id);
      article.scrollIntoView({ block: 'start' });
    }
  };
}
