import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Article, ArticleSummary, DataSource, RequestOptions } from '../data/types.js';
import { PortalElement } from '../base/portal-element.js';
import {
  articleUrl,
  HISTORY_KEY,
  isModifiedClick,
  showInArticle,
  type ArticleHistoryState,
  type ArticleTarget,
} from '../base/article-navigation.js';
import { NotFoundError, type DataError } from '../data/errors.js';
import { formatDate, formatDateTime, type Translation } from '../i18n/index.js';
import { articleStyles } from './article.styles.js';
import { sanitizeHtml } from './sanitize.js';

/** An article ready to render: its body already sanitized, its related items fetched. */
export interface ArticleView {
  article: Article;
  /** Sanitized HTML of `article.body`. */
  safeBody: string;
  related: ArticleSummary[];
}

/**
 * The article view: category, title, date line in the portal style, summary,
 * image, the sanitized body, author, attachments and "Các tin khác". Shows
 * `article-id`, the id in the page URL (`id-param`), or the item chosen in a
 * `<pw-activity-list target="…">`, with working back and forward buttons.
 *
 * ```html
 * <pw-article id="article" article-id="hong-bang-tiep-doan-kiem-tra" id-param="id" related="5"></pw-article>
 * ```
 *
 * @summary One article, sanitized, in the portal style.
 * @fires pw-load - The article arrived; `detail` is `{ article, safeBody, related }`.
 * @fires pw-error - Loading failed; `detail.error` is a typed `DataError` (kind `not-found` for an unknown id).
 * @csspart article - The article.
 * @csspart category - The category name above the title.
 * @csspart title - The article title.
 * @csspart date - The date line.
 * @csspart summary - The lead paragraph.
 * @csspart figure - The main image and its caption.
 * @csspart image - The main image.
 * @csspart content - The article body.
 * @csspart author - The author or signature.
 * @csspart attachments - The attachment list.
 * @csspart related - "Các tin khác": other items of the same category.
 * @cssproperty --pw-article-title-size - Font size of the title.
 * @cssproperty --pw-article-title-color - Color of the title.
 * @cssproperty --pw-article-line-height - Line height of the body.
 * @cssproperty --pw-article-text-align - Alignment of the body text (justified by default).
 */
export class ArticleElement extends PortalElement<ArticleView> implements ArticleTarget {
  static override styles = [...PortalElement.styles, articleStyles];

  /** The id of the article to show. */
  @property({ attribute: 'article-id' }) articleId?: string;

  /** The page-URL query parameter that, when present, holds the article id (deep links). */
  @property({ attribute: 'id-param' }) idParam?: string;

  /** How many other items of the same category to list under "Các tin khác"; 0 for none. */
  @property({ type: Number }) related = 0;

  /** The id chosen by a list or by history; wins over the URL and `article-id`. */
  @state() private selectedId?: string;

  /** The id in the page URL, when `id-param` is set. */
  @state() private urlId?: string;

  private readonly onPopState = (event: PopStateEvent) => {
    const entry = (event.state as ArticleHistoryState | null)?.[HISTORY_KEY];
    this.selectedId = entry && entry.target === this.id ? entry.id : undefined;
    this.readUrl();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
    this.readUrl();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('idParam')) this.readUrl();
    super.willUpdate(changed);
  }

  /** Shows the article with this id, as a list's `target` does. */
  showArticle(id: string): void {
    this.selectedId = id;
  }

  /** The id being shown: a selection, else the URL's, else `article-id`. */
  get currentId(): string | undefined {
    return this.selectedId || this.urlId || this.articleId || undefined;
  }

  private readUrl(): void {
    this.urlId = this.idParam
      ? (new URL(window.location.href).searchParams.get(this.idParam) ?? undefined)
      : undefined;
  }

  protected defaultHeading(t: Translation): string {
    const shown = this.task.value ?? undefined;
    return shown?.article.category?.name ?? t.headings.article;
  }

  protected taskArgs(): readonly unknown[] {
    return [this.currentId, this.related];
  }

  protected async fetchData(
    source: DataSource,
    _args: readonly unknown[],
    options: RequestOptions,
  ): Promise<ArticleView> {
    const id = this.currentId;
    if (!id) {
      throw new NotFoundError(`<pw-article> has no article-id (nor an id in the page URL).`);
    }
    const article = await source.getArticle(id, options);
    const [safeBody, related] = await Promise.all([
      sanitizeHtml(article.body),
      this.fetchRelated(source, article, options),
    ]);
    return { article, safeBody, related };
  }

  /** Other items of the same category; their failure never hides the article itself. */
  private async fetchRelated(
    source: DataSource,
    article: Article,
    options: RequestOptions,
  ): Promise<ArticleSummary[]> {
    const count = Math.min(Math.max(0, Math.trunc(this.related) || 0), 50);
    if (count === 0 || !article.category) return [];
    try {
      const page = await source.listArticles(
        { category: article.category.id, page: 1, pageSize: count + 1 },
        options,
      );
      return page.items.filter((item) => item.id !== article.id).slice(0, count);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      console.warn('<pw-article> could not load related articles', error);
      return [];
    }
  }

  protected override errorMessage(error: DataError, t: Translation): string {
    return error.kind === 'not-found' ? t.article.notFound : super.errorMessage(error, t);
  }

  protected override renderSkeleton(): TemplateResult {
    return html`<div part="skeleton" aria-hidden="true">
      <span class="skeleton"></span><span class="skeleton"></span><span class="skeleton"></span
      ><span class="skeleton"></span><span class="skeleton"></span><span class="skeleton"></span>
    </div>`;
  }

  protected renderData(view: ArticleView): TemplateResult {
    const t = this.i18n.t;
    const { article } = view;
    const level = Math.min(6, Math.max(1, Math.trunc(this.headingLevel) || 2) + 1);
    const dateLine = formatDateTime(article.date, t, this.timeZone);
    return html`<article part="article" class="article">
      <div part="title" class="title" role="heading" aria-level=${level}>${article.title}</div>
      ${
        dateLine
          ? html`<p part="date" class="date">
              <time datetime=${article.date ?? ''}>${dateLine}</time>
            </p>`
          : nothing
      }
      ${article.summary ? html`<p part="summary" class="summary">${article.summary}</p>` : nothing}
      ${
        article.image
          ? html`<figure part="figure" class="figure">
              <img part="image" src=${article.image.src} alt=${article.image.alt ?? ''} />
              ${article.image.alt ? html`<figcaption>${article.image.alt}</figcaption>` : nothing}
            </figure>`
          : nothing
      }
      <div part="content" class="content">${unsafeHTML(view.safeBody)}</div>
      ${article.author ? html`<p part="author" class="author">${article.author}</p>` : nothing}
      ${
        article.attachments?.length
          ? html`<section part="attachments" class="attachments">
              <div class="section-title" role="heading" aria-level=${Math.min(6, level + 1)}>
                ${t.article.attachments}
              </div>
              <ul>
                ${article.attachments.map(
                  (file) => html`<li><a href=${file.url} download>${file.name}</a></li>`,
                )}
              </ul>
            </section>`
          : nothing
      }
      ${view.related.length ? this.renderRelated(view.related, level) : nothing}
    </article>`;
  }

  private renderRelated(items: ArticleSummary[], level: number): TemplateResult {
    const t = this.i18n.t;
    return html`<nav part="related" class="related" aria-label=${t.article.related}>
      <div class="section-title" role="heading" aria-level=${Math.min(6, level + 1)}>
        ${t.article.related}
      </div>
      <ul>
        ${items.map((item) => {
          const date = formatDate(item.date, t, this.timeZone);
          return html`<li>
            <a
              href=${articleUrl(item.id, this.idParam || 'id')}
              @click=${(e: MouseEvent) => this.openRelated(e, item)}
              >${item.title}</a
            >${date ? html`<time class="date" datetime=${item.date ?? ''}>(${date})</time>` : nothing}
          </li>`;
        })}
      </ul>
    </nav>`;
  }

  private openRelated(event: MouseEvent, item: ArticleSummary): void {
    if (isModifiedClick(event)) return;
    event.preventDefault();
    if (this.id) showInArticle(this, item.id);
    else this.showArticle(item.id);
    this.scrollIntoView({ block: 'start' });
  }
}
