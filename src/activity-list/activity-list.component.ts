import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ArticleSummary, DataSource, Page, RequestOptions } from '../data/types.js';
import { PortalElement } from '../base/portal-element.js';
import {
  articleUrl,
  isModifiedClick,
  showInArticle,
  type ArticleTarget,
} from '../base/article-navigation.js';
import type { SelectEventDetail } from '../base/events.js';
import { formatDate, type Translation } from '../i18n/index.js';
import { activityListStyles } from './activity-list.styles.js';

/**
 * The leadership-activity list ("Hoạt động của lãnh đạo"): the latest items of
 * a category with their dates, paged. Clicking an item shows it in the
 * `<pw-article>` named by `target`, or goes to the item's page.
 *
 * ```html
 * <pw-activity-list category="hoat-dong-lanh-dao" page-size="5" target="article"></pw-activity-list>
 * ```
 *
 * @summary Latest articles of a category, paged.
 * @fires pw-load - A page of items arrived; `detail` is the `Page<ArticleSummary>`.
 * @fires pw-error - Loading failed; `detail.error` is a typed `DataError`.
 * @fires pw-select - An item was chosen; `detail.item` is the `ArticleSummary`. Cancel it to handle the click yourself.
 * @csspart list - The list of items.
 * @csspart item - One item.
 * @csspart lead - The first item when `layout="featured"`.
 * @csspart title - An item's title link.
 * @csspart date - An item's date.
 * @csspart summary - An item's summary.
 * @csspart image - An item's image.
 * @csspart pagination - The page navigation.
 * @csspart page-button - A page-number button.
 * @csspart more-button - The "more" button (`paging="more"`).
 * @cssproperty --pw-list-image-width - Width of item images in the list layout.
 * @cssproperty --pw-card-min-width - Narrowest a card may be in the cards layout.
 */
export class ActivityListElement extends PortalElement<Page<ArticleSummary>> {
  static override styles = [...PortalElement.styles, activityListStyles];

  /** The category whose items are listed (its id in the backend). */
  @property() category?: string;

  /** Items per page. */
  @property({ attribute: 'page-size', type: Number }) pageSize = 5;

  /** `list`; `featured`: first item large with image and summary; `cards`: a grid. */
  @property({ reflect: true }) layout: 'list' | 'featured' | 'cards' = 'list';

  /** `pages`: a button per page number; `more`: a button that appends the next page; `none`. */
  @property() paging: 'pages' | 'more' | 'none' = 'pages';

  /** Hide the item dates. */
  @property({ attribute: 'hide-date', type: Boolean }) hideDate = false;

  /** Show item images. */
  @property({ attribute: 'show-image', type: Boolean }) showImage = false;

  /** Show item summaries. */
  @property({ attribute: 'show-summary', type: Boolean }) showSummary = false;

  /** The `id` of a `<pw-article>` on this page that shows the chosen item. */
  @property() target?: string;

  /** Where an item links to when it has no URL of its own, e.g. `/tin-tuc?id={id}`. */
  @property({ attribute: 'href-template' }) hrefTemplate?: string;

  /** The page shown (1-based). */
  @state() page = 1;

  // Items of the earlier pages when `paging="more"` appends.
  private earlierItems: ArticleSummary[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('category') || changed.has('pageSize') || changed.has('paging')) {
      if (this.hasUpdated) this.page = 1;
      this.earlierItems = [];
    }
    super.willUpdate(changed);
  }

  protected defaultHeading(t: Translation): string {
    return t.headings.activityList;
  }

  private get effectivePageSize(): number {
    return Number.isFinite(this.pageSize) && this.pageSize > 0
      ? Math.min(Math.trunc(this.pageSize), 100)
      : 5;
  }

  protected taskArgs(): readonly unknown[] {
    return [this.category, this.effectivePageSize, this.page];
  }

  protected async fetchData(
    source: DataSource,
    _args: readonly unknown[],
    options: RequestOptions,
  ): Promise<Page<ArticleSummary>> {
    const page = await source.listArticles(
      { category: this.category || undefined, page: this.page, pageSize: this.effectivePageSize },
      options,
    );
    if (this.paging !== 'more' || this.page === 1) return page;
    return { ...page, items: [...this.earlierItems, ...page.items] };
  }

  protected override isEmpty(page: Page<ArticleSummary>): boolean {
    return page.items.length === 0;
  }

  protected override emptyMessage(t: Translation): string {
    return t.empty.articles;
  }

  protected renderData(page: Page<ArticleSummary>): TemplateResult {
    return html`<ul part="list" class="items">
        ${page.items.map((item, index) => this.renderItem(item, index))}
      </ul>
      ${this.renderPaging(page)}`;
  }

  private renderItem(item: ArticleSummary, index: number): TemplateResult {
    const t = this.i18n.t;
    const lead = this.layout === 'featured' && index === 0;
    const rich = lead || (this.layout === 'cards' && index < this.effectivePageSize);
    const image = (this.showImage || rich) && item.image;
    const summary = (this.showSummary || rich) && item.summary;
    const date = this.hideDate ? '' : formatDate(item.date, t, this.timeZone);
    return html`<li part=${lead ? 'item lead' : 'item'} class=${lead ? 'item lead' : 'item'}>
      ${
        image
          ? html`<img
              part="image"
              class="thumb"
              src=${image.src}
              alt=${image.alt ?? ''}
              loading="lazy"
              width="160"
              height="120"
            />`
          : nothing
      }
      <div class="text">
        <a
          part="title"
          class="title"
          href=${this.itemHref(item)}
          @click=${(e: MouseEvent) => this.select(e, item)}
          >${item.title}</a
        >${date ? html`<time part="date" class="date" datetime=${item.date ?? ''}>(${date})</time>` : nothing}
        ${summary ? html`<p part="summary" class="summary">${summary}</p>` : nothing}
      </div>
    </li>`;
  }

  private renderPaging(page: Page<ArticleSummary>): TemplateResult | typeof nothing {
    const t = this.i18n.t;
    if (this.paging === 'none') return nothing;
    if (this.paging === 'more') {
      return page.hasMore
        ? html`<button
            type="button"
            part="more-button"
            class="more"
            @click=${() => this.goTo(this.page + 1)}
          >
            ${t.list.more}
          </button>`
        : nothing;
    }
    // A total gives every page; without one, offer the pages seen so far and the next.
    const lastPage =
      page.total !== undefined
        ? Math.max(1, Math.ceil(page.total / page.pageSize))
        : page.hasMore
          ? this.page + 1
          : this.page;
    if (lastPage <= 1) return nothing;
    const numbers = Array.from({ length: lastPage }, (_, i) => i + 1);
    return html`<nav part="pagination" class="pagination" aria-label=${t.list.pagination}>
      <ul>
        ${numbers.map(
          (n) =>
            html`<li>
              <button
                type="button"
                part="page-button"
                aria-label=${t.list.page(n)}
                aria-current=${ifDefined(n === this.page ? 'page' : undefined)}
                @click=${() => this.goTo(n)}
              >
                ${n}
              </button>
            </li>`,
        )}
      </ul>
    </nav>`;
  }

  private goTo(page: number): void {
    if (this.paging === 'more') this.earlierItems = this.task.value?.items ?? [];
    this.page = page;
  }

  /** A real URL for every item, so it can be opened in a new tab or followed without script. */
  private itemHref(item: ArticleSummary): string {
    if (this.target) {
      const article = this.targetArticle();
      return articleUrl(item.id, article?.idParam || 'id');
    }
    // The page author's template wins over the backend's own URL: it is how a
    // portal routes every item to its own article page.
    if (this.hrefTemplate) return this.hrefTemplate.replaceAll('{id}', encodeURIComponent(item.id));
    if (item.url) return item.url;
    return '#';
  }

  private targetArticle(): ArticleTarget | undefined {
    if (!this.target) return undefined;
    const element = document.getElementById(this.target) as ArticleTarget | null;
    return element && typeof element.showArticle === 'function' ? element : undefined;
  }

  private select(event: MouseEvent, item: ArticleSummary): void {
    if (isModifiedClick(event)) return;
    const selectEvent = this.emit<SelectEventDetail>('pw-select', { item }, { cancelable: true });
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
  }
}
