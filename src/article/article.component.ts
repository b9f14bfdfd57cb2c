import { Task, TaskStatus } from '@lit/task';
import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import type { Article, ArticleSummary, DataSource, RequestOptions } from '../data/types.js';
import { PortalElement } from '../base/portal-element.js';
import { lazyUrlSource } from '../data/adapters/url-lazy.js';
import {
  articleUrl,
  HISTORY_KEY,
  isModifiedClick,
  showInArticle,
  type ArticleHistoryState,
  type ArticleTarget,
} from '../base/article-navigation.js';
import { ConfigError, type DataError } from '../data/errors.js';
import { lazyModule, orAgain } from '../data/lazy-module.js';
import { addVietnamese, type Translation } from '../i18n/index.js';
import { viArticle } from '../i18n/vi-article.js';
import { articleStyles } from './article.styles.js';
import type * as ArticleBody from './article-body.js';

// This element's Vietnamese wording joins the catalogue when its code is loaded.
addVietnamese(viArticle);

/**
 * An article ready to render: its body already sanitized. Its related items
 * ("Các tin khác") load after it is shown, and never hold it back.
 */
export interface ArticleView {
  article: Article;
  /** Sanitized HTML of `article.body`. */
  safeBody: string;
}

/** The related items of one article, as the related task gives them. */
interface RelatedItems {
  articleId: string;
  items: ArticleSummary[];
}

// The source each loaded article came from: its related items are read from the same one.
const sourceOfView = new WeakMap<ArticleView, DataSource>();
// What each view's safe body shows already, so the drawing does not repeat it.
const bodyOfView = new WeakMap<ArticleView, ArticleBody.BodyContents>();
const NOTHING_IN_BODY: ArticleBody.BodyContents = { text: '', images: new Set() };

// Sources made from a `src` without `{id}`: the URL names one article, so no id is needed.
const singleArticleSources = new WeakSet<DataSource>();

/** Neither `article-id`, the page URL nor a list has named an article yet. */
export class NoArticleError extends ConfigError {
  constructor() {
    super('<pw-article> has no article-id, no id in the page URL (id-param) and no selection.');
    this.name = 'NoArticleError';
  }
}

type ArticleBodyModule = typeof ArticleBody;

/**
 * The article's body chunk (sanitizer, drawing, tools), downloaded once. An
 * article asks for it as it asks for its data, so both downloads run side by
 * side; a failed download is tried again by the next call.
 */
export const loadArticleBody: () => Promise<ArticleBodyModule> = lazyModule(
  () => import('./article-body.js'),
);

/**
 * The article view: category, title, date line in the portal style, tools,
 * summary, image, the sanitized body, author, attachments and "Các tin khác".
 * Shows `article-id`, the id in the page URL (`id-param`), or the item chosen
 * in a `<pw-activity-list target="…">`, with working back and forward buttons.
 *
 * ```html
 * <pw-article id="article" article-id="hong-bang-tiep-doan-kiem-tra" id-param="id"
 *   related="5" tools="print font email share speak"></pw-article>
 * ```
 *
 * An unknown id shows "Không tìm thấy bài viết." (and fires `pw-error` with kind
 * `not-found`), without a retry button: trying again would not help.
 *
 * @summary One article, sanitized, in the portal style, with print and reading tools.
 * The related items ("Các tin khác") load once the article is shown: `pw-load`
 * fires for the article alone, the list fills in after with its own loading
 * state, and when it cannot be loaded the article simply shows without it.
 *
 * @fires {CustomEvent<ArticleView>} pw-load - The article is shown; `detail` is `{ article, safeBody }`.
 * @fires {CustomEvent<ErrorEventDetail>} pw-error - Loading failed; `detail.error` is a typed `DataError` (kind `not-found` for an unknown id).
 * @csspart article - The article.
 * @csspart category - The category name above the title; shown when `heading` replaces the category as the box title.
 * @csspart title - The article title (a real heading, one level under the box title).
 * @csspart date - The date line, e.g. "Thứ Tư, 26/02/2020 10:05".
 * @csspart tools - The group of tool buttons chosen with `tools`.
 * @csspart tool - Every tool button (and the e-mail link).
 * @csspart print-button - "In bài": prints only the article.
 * @csspart smaller-button - "A−": smaller text.
 * @csspart larger-button - "A+": larger text.
 * @csspart email-link - "Gửi e-mail": a `mailto:` link with the title and the article's link.
 * @csspart copy-button - "Sao chép liên kết": copies the article's link.
 * @csspart share-button - "Chia sẻ": the browser's share sheet, where there is one.
 * @csspart speak-button - "Đọc bài" / "Dừng đọc": reads the article aloud, or stops.
 * @csspart link-fallback - The article's link in a field, shown when the browser refused to copy it.
 * @csspart link-field - The read-only field holding the link.
 * @csspart text - Everything A−/A+ resizes: summary, image, body, author, attachments.
 * @csspart summary - The lead paragraph.
 * @csspart figure - The main image and its caption.
 * @csspart image - The main image.
 * @csspart content - The article body.
 * @csspart author - The author or signature.
 * @csspart attachments - The attachment list.
 * @csspart section-title - The headings "Tệp đính kèm" and "Các tin khác".
 * @csspart related - "Các tin khác": other items of the same category.
 * @cssproperty --pw-article-title-size - Font size of the title.
 * @cssproperty --pw-article-title-color - Color of the title.
 * @cssproperty --pw-article-line-height - Line height of the body.
 * @cssproperty --pw-article-text-align - Alignment of the body text (justified by default).
 * @cssproperty --pw-tool-color - Text and border color of the tool buttons (the primary color by default).
 */
export class ArticleElement extends PortalElement<ArticleView> implements ArticleTarget {
  static override styles = [...PortalElement.styles, articleStyles];

  static override properties: PropertyDeclarations = {
    articleId: { attribute: 'article-id' },
    idParam: { attribute: 'id-param' },
    related: { type: Number },
    tools: {},
    selectedId: { state: true },
    urlId: { state: true },
  };

  /** The id of the article to show. */
  articleId?: string;

  /**
   * The page-URL query parameter that holds the article id, for deep links
   * (`id-param="id"` reads `?id=…`). Off by default, so that a parameter the
   * page or its CMS already uses is never mistaken for an article id. When
   * set, the URL's id wins over `article-id`, and lists and related links
   * write this parameter.
   */
  idParam?: string;

  /** How many other items of the same category to list under "Các tin khác"; 0 (the default) for none. */
  related = 0;

  /**
   * The tools to show, space-separated, in this order: `print` (print only the
   * article), `font` (A−/A+, remembered in this browser), `email` (a `mailto:`
   * link), `share` (copy the link; the share sheet too where the browser has
   * one), `speak` (read aloud, shown only when the browser has a voice for the
   * widget's language). None by default.
   */
  tools?: string;

  /** The id chosen by a list or by history; wins over the URL and `article-id`. */
  private selectedId?: string;

  /** The id in the page URL, when `id-param` is set. */
  private urlId?: string;

  // The body chunk and the toolbar, once the first article has been loaded.
  private body?: ArticleBodyModule;
  private toolbar?: ArticleBody.ArticleToolsController;
  // The article drawn in this render (the box draws it before its title): a failed
  // refresh still shows the last good article, and the title must keep its category.
  private drawn?: ArticleView;

  /** "Các tin khác" of the article on screen, loaded after it is shown. */
  private readonly relatedTask = new Task(this, {
    args: () => [this.lastLoaded, this.relatedCount] as const,
    task: async ([view, count], { signal }): Promise<RelatedItems | undefined> => {
      const source = view && sourceOfView.get(view);
      // A loaded article means the body chunk, which reads them, has arrived.
      const body = this.body;
      if (!view?.article.category || !source || !body || count === 0) return undefined;
      const { article } = view;
      try {
        const items = await body.relatedArticles(source, article, count, {
          signal,
          lang: this.i18n.lang,
        });
        return { articleId: article.id, items };
      } catch (error) {
        if (!signal.aborted) console.warn('<pw-article> could not load related articles', error);
        throw error;
      }
    },
  });

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
    queueMicrotask(() => {
      if (!this.isConnected) this.relatedTask.abort();
    });
    this.body?.forgetTables(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('idParam')) this.readUrl();
    super.willUpdate(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.body?.markScrollingTables(this, this.renderRoot, () => this.i18n.t.article.table);
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
      ? new URL(window.location.href).searchParams.get(this.idParam) || undefined
      : undefined;
  }

  protected override sourceFromUrl(src: string): DataSource {
    const source = lazyUrlSource(src, (url, endpoint) => ({
      getArticle: (id, options) => url.getArticleFromUrl(endpoint, id, options),
      // The related items come from the same URL, read as a list.
      listArticles: (query, options) => url.listArticlesFromUrl(endpoint, query, options),
    }));
    // A src without {id} is the address of one article: shown without an id.
    if (!src.includes('{id}')) singleArticleSources.add(source);
    return source;
  }

  protected override loadFailedMessage(t: Translation): string {
    return t.loadFailed.article;
  }

  protected defaultHeading(t: Translation): string {
    return this.drawn?.article.category?.name ?? t.headings.article;
  }

  override render(): TemplateResult {
    this.drawn = undefined;
    return super.render();
  }

  protected taskArgs(): readonly unknown[] {
    return [this.currentId];
  }

  protected async fetchData(
    source: DataSource,
    [id]: readonly unknown[],
    options: RequestOptions,
  ): Promise<ArticleView> {
    const articleId =
      typeof id === 'string' ? id : singleArticleSources.has(source) ? '' : undefined;
    if (articleId === undefined) throw new NoArticleError();
    // The body is sanitized and drawn by its own chunk: fetch it now, beside
    // the article, instead of one round trip after it.
    const body = loadArticleBody();
    body.catch(() => undefined);
    const article = await source.getArticle(articleId, options);
    this.body = await orAgain(body, loadArticleBody);
    this.addStyles(this.body.articleBodyStyles);
    const { html: safeBody, contents } = this.body.sanitizeBody(article.body);
    const view = { article, safeBody };
    sourceOfView.set(view, source);
    bodyOfView.set(view, contents);
    return view;
  }

  /** How many related items to show: `related` clamped to 0–50. */
  private get relatedCount(): number {
    return Math.min(Math.max(0, Math.trunc(this.related) || 0), 50);
  }

  protected override errorMessage(error: DataError, t: Translation): string {
    if (error instanceof NoArticleError) return t.article.noArticle;
    return error.kind === 'not-found' ? t.article.notFound : super.errorMessage(error, t);
  }

  protected override canRetry(error: DataError): boolean {
    // The same request would get the same answer.
    return error.kind !== 'not-found' && !(error instanceof NoArticleError);
  }

  protected override renderSkeleton(): TemplateResult {
    return html`<div part="skeleton" class="article-skeleton" aria-hidden="true">
      <span class="skeleton title-line"></span><span class="skeleton title-line short"></span>
      <span class="skeleton date-line"></span><span class="skeleton image-block"></span>
      <span class="skeleton"></span><span class="skeleton"></span><span class="skeleton"></span>
      <span class="skeleton last-line"></span>
    </div>`;
  }

  protected renderData(view: ArticleView): TemplateResult | typeof nothing {
    // Loaded data means the body chunk has arrived (fetchData waited for it).
    const body = this.body;
    if (!body) return nothing;
    this.drawn = view;
    this.toolbar ??= new body.ArticleToolsController(this, () => this.i18n.t);
    return body.renderArticle({
      view,
      body: bodyOfView.get(view) ?? NOTHING_IN_BODY,
      t: this.i18n.t,
      timeZone: this.timeZone,
      boxLevel: this.effectiveHeadingLevel,
      boxHeading: this.heading,
      tools: this.toolbar,
      link: this.linkOf(view.article),
      related: this.relatedItems(view.article),
      relatedHref: (item) => articleUrl(item.id, this.idParam || 'id'),
      openRelated: (event, item) => this.openRelated(event, item),
      placeholder: (lines) => this.renderSkeletonLines(lines),
    });
  }

  /**
   * "Các tin khác" of `article` as drawn: the items (those of this article
   * shown before stay up during a reload), `undefined` while they load, or
   * `null` when there are none, none are asked for, or they failed to load.
   */
  private relatedItems(article: Article): ArticleSummary[] | undefined | null {
    if (!article.category || this.relatedCount === 0) return null;
    const task = this.relatedTask;
    const earlier = task.value?.articleId === article.id ? task.value.items : undefined;
    if (task.status === TaskStatus.COMPLETE || earlier) {
      const items = earlier ?? [];
      return items.length ? items : null;
    }
    return task.status === TaskStatus.ERROR ? null : undefined;
  }

  /** The link that e-mail and sharing send: the backend's own article URL, else this page's. */
  private linkOf(article: Article): string {
    if (article.url) return article.url;
    return this.idParam ? articleUrl(article.id, this.idParam) : window.location.href;
  }

  private openRelated(event: MouseEvent, item: ArticleSummary): void {
    if (isModifiedClick(event)) return;
    event.preventDefault();
    if (this.id) showInArticle(this, item.id);
    else this.showArticle(item.id);
    this.scrollIntoView({ block: 'start' });
  }
}
