import { Task, TaskStatus } from '@lit/task';
import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Article, ArticleSummary, DataSource, RequestOptions } from '../data/types.js';
import { heading } from '../base/heading.js';
import { PortalElement } from '../base/portal-element.js';
import {
  getArticleFromUrl,
  listArticlesFromUrl,
  urlEndpoint,
  urlSourceWith,
} from '../data/adapters/url.js';
import {
  articleUrl,
  HISTORY_KEY,
  isModifiedClick,
  showInArticle,
  type ArticleHistoryState,
  type ArticleTarget,
} from '../base/article-navigation.js';
import { ConfigError, type DataError } from '../data/errors.js';
import { addVietnamese, formatDate, formatDateTime, type Translation } from '../i18n/index.js';
import { viArticle } from '../i18n/vi-article.js';
import { articleStyles } from './article.styles.js';
import {
  canShare,
  mailtoHref,
  parseTools,
  readTextSize,
  stepTextSize,
  storeTextSize,
  TEXT_SIZES,
  voiceFor,
  watchVoices,
  type ArticleTool,
} from './article-tools.js';
import type * as ToolActions from './article-tool-actions.js';
import { loadSanitizer, sanitizeHtml, TABLE_SCROLL_CLASS } from './sanitize.js';

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

// Sources made from a `src` without `{id}`: the URL names one article, so no id is needed.
const singleArticleSources = new WeakSet<DataSource>();

/**
 * Up to `count` other items of the article's category. Exactly `count` per
 * page, so a list of that size on the same page shares the request; only when
 * the article is among them is the next page read.
 */
async function relatedArticles(
  source: DataSource,
  article: Article,
  count: number,
  options: RequestOptions,
): Promise<ArticleSummary[]> {
  const query = { category: article.category!.id, page: 1, pageSize: count };
  const first = await source.listArticles(query, options);
  const others = first.items.filter((item) => item.id !== article.id);
  if (others.length < first.items.length && others.length < count && first.hasMore) {
    const next = await source.listArticles({ ...query, page: 2 }, options);
    others.push(...next.items.filter((item) => item.id !== article.id));
  }
  return others.slice(0, count);
}

/** Neither `article-id`, the page URL nor a list has named an article yet. */
export class NoArticleError extends ConfigError {
  constructor() {
    super('<pw-article> has no article-id, no id in the page URL (id-param) and no selection.');
    this.name = 'NoArticleError';
  }
}

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
    textSize: { state: true },
    speaking: { state: true },
    linkFallback: { state: true },
    toolMessage: { state: true },
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

  /**
   * Text size in percent, one of the A−/A+ steps; the stored one is read only
   * for the `font` tool (the first read of storage is slow on a phone).
   */
  private textSize = 100;

  /** Whether the article is being read aloud. */
  private speaking = false;

  /** Set when copying the link failed: the field offering it is shown. */
  private linkFallback = false;

  /** What the tools' status region says (copied, text size). */
  private toolMessage = '';

  private stopSpeech?: () => void;
  private unwatchVoices?: () => void;
  private shownId?: string;
  private tableObserver?: ResizeObserver;
  // The article drawn in this render (the box draws it before its title): a failed
  // refresh still shows the last good article, and the title must keep its category.
  private drawn?: ArticleView;

  /** "Các tin khác" of the article on screen, loaded after it is shown. */
  private readonly relatedTask = new Task(this, {
    args: () => [this.lastLoaded, this.relatedCount] as const,
    task: async ([view, count], { signal }): Promise<RelatedItems | undefined> => {
      const source = view && sourceOfView.get(view);
      if (!view?.article.category || !source || count === 0) return undefined;
      const { article } = view;
      try {
        const items = await relatedArticles(source, article, count, {
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
    // Another article on the site may have changed the size since this one was made.
    this.readTextSize();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
    queueMicrotask(() => {
      if (!this.isConnected) this.relatedTask.abort();
    });
    this.stopReading();
    this.unwatchVoices?.();
    this.unwatchVoices = undefined;
    this.tableObserver?.disconnect();
    this.tableObserver = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('idParam')) this.readUrl();
    if (changed.has('tools')) this.readTextSize();
    if (this.currentId !== this.shownId) {
      // Another article: whatever the tools were doing belonged to the old one.
      this.shownId = this.currentId;
      this.stopReading();
      this.linkFallback = false;
      this.toolMessage = '';
    }
    if (!this.unwatchVoices && this.toolList.includes('speak')) {
      // Browsers load their voices late; show "Đọc bài" once one for our language arrives.
      this.unwatchVoices = watchVoices(() => this.requestUpdate());
    }
    super.willUpdate(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.markScrollingTables();
  }

  /** Shows the article with this id, as a list's `target` does. */
  showArticle(id: string): void {
    this.selectedId = id;
  }

  /** The id being shown: a selection, else the URL's, else `article-id`. */
  get currentId(): string | undefined {
    return this.selectedId || this.urlId || this.articleId || undefined;
  }

  private get toolList(): ArticleTool[] {
    return parseTools(this.tools);
  }

  private readTextSize(): void {
    if (this.toolList.includes('font')) this.textSize = readTextSize();
  }

  private readUrl(): void {
    this.urlId = this.idParam
      ? new URL(window.location.href).searchParams.get(this.idParam) || undefined
      : undefined;
  }

  protected override sourceFromUrl(src: string): DataSource {
    const endpoint = urlEndpoint(src);
    const source = urlSourceWith(endpoint, {
      getArticle: (id, options) => getArticleFromUrl(endpoint, id, options),
      // The related items come from the same URL, read as a list.
      listArticles: (query, options) => listArticlesFromUrl(endpoint, query, options),
    });
    // A src without {id} is the address of one article: shown without an id.
    if (!endpoint.template.includes('{id}')) singleArticleSources.add(source);
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
    // The body is sanitized before it shows: start fetching the sanitizer now,
    // beside the article, instead of one round trip after it.
    loadSanitizer().catch(() => undefined);
    const article = await source.getArticle(articleId, options);
    const view = { article, safeBody: await sanitizeHtml(article.body) };
    sourceOfView.set(view, source);
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

  protected renderData(view: ArticleView): TemplateResult {
    this.drawn = view;
    const t = this.i18n.t;
    const { article } = view;
    const titleLevel = Math.min(6, this.effectiveHeadingLevel + 1);
    const sectionLevel = Math.min(6, titleLevel + 1);
    const dateLine = formatDateTime(article.date, t, this.timeZone);
    // The box title is the category by default; name it in the article only when it is not.
    const category = article.category?.name;
    const showCategory = category && this.heading !== undefined && this.heading !== category;
    return html`<article part="article" class="article">
      ${showCategory ? html`<p part="category" class="category">${category}</p>` : nothing}
      ${heading(titleLevel, 'title', article.title)}
      ${
        dateLine
          ? html`<p part="date" class="date">
              <time datetime=${article.date ?? ''}>${dateLine}</time>
            </p>`
          : nothing
      }
      ${this.renderTools(article)}
      <div part="text" class=${`text size-${this.textSize}`}>
        ${article.summary ? html`<p part="summary" class="summary">${article.summary}</p>` : nothing}
        ${
          article.image
            ? html`<figure part="figure" class="figure">
                <img part="image" src=${article.image.src} alt=${article.image.alt ?? ''} />
                ${
                  article.image.alt
                    ? // The caption repeats the alt text: read once, from the image.
                      html`<figcaption aria-hidden="true">${article.image.alt}</figcaption>`
                    : nothing
                }
              </figure>`
            : nothing
        }
        <div part="content" class="content">${unsafeHTML(view.safeBody)}</div>
        ${
          article.author
            ? html`<p part="author" class="author">
                <span class="visually-hidden">${t.article.author}: </span>${article.author}
              </p>`
            : nothing
        }
        ${
          article.attachments?.length
            ? html`<section part="attachments" class="attachments">
                ${heading(sectionLevel, 'section-title', t.article.attachments)}
                <ul>
                  ${article.attachments.map(
                    (file) => html`<li><a href=${file.url} download>${file.name}</a></li>`,
                  )}
                </ul>
              </section>`
            : nothing
        }
      </div>
      ${this.renderRelatedSection(view.article, sectionLevel)}
    </article>`;
  }

  private renderTools(article: Article): TemplateResult | typeof nothing {
    const tools = this.toolList;
    if (tools.length === 0) return nothing;
    const t = this.i18n.t;
    const link = this.linkOf(article);
    const smallest = this.textSize <= TEXT_SIZES[0];
    const largest = this.textSize >= TEXT_SIZES[TEXT_SIZES.length - 1];
    const voice = tools.includes('speak') ? voiceFor(t.locale) : undefined;
    const buttons = tools.map((tool) => {
      switch (tool) {
        case 'print':
          return html`<button
            type="button"
            part="tool print-button"
            class="tool"
            @click=${this.print}
          >
            ${t.article.print}
          </button>`;
        case 'font':
          // aria-disabled, not disabled: the button keeps focus at the end of the range.
          // The glyphs are a symbol; the words are the name.
          return html`<button
              type="button"
              part="tool smaller-button"
              class="tool"
              aria-disabled=${smallest ? 'true' : 'false'}
              @click=${() => this.changeTextSize(-1)}
            >
              <span aria-hidden="true">A−</span
              ><span class="visually-hidden">${t.article.smaller}</span></button
            ><button
              type="button"
              part="tool larger-button"
              class="tool"
              aria-disabled=${largest ? 'true' : 'false'}
              @click=${() => this.changeTextSize(1)}
            >
              <span aria-hidden="true">A+</span
              ><span class="visually-hidden">${t.article.larger}</span>
            </button>`;
        case 'email':
          return html`<a part="tool email-link" class="tool" href=${mailtoHref(article.title, link)}
            >${t.article.email}</a
          >`;
        case 'share':
          return html`<button
              type="button"
              part="tool copy-button"
              class="tool"
              @click=${() => this.copyLink(link)}
            >
              ${t.article.copyLink}</button
            >${
              canShare()
                ? html`<button
                    type="button"
                    part="tool share-button"
                    class="tool"
                    @click=${() => this.share(article.title, link)}
                  >
                    ${t.article.share}
                  </button>`
                : nothing
            }`;
        case 'speak':
          return voice || this.speaking
            ? html`<button
                type="button"
                part="tool speak-button"
                class="tool"
                @click=${this.toggleSpeech}
              >
                ${this.speaking ? t.article.stopSpeaking : t.article.speak}
              </button>`
            : nothing;
      }
    });
    return html`<div part="tools" class="tools" role="group" aria-label=${t.article.tools}>
        ${buttons}
      </div>
      ${
        this.linkFallback
          ? html`<div part="link-fallback" class="link-fallback">
              <p id="link-help">${t.article.copyFailed}</p>
              <label for="link-field">${t.article.link}</label>
              <input
                id="link-field"
                part="link-field"
                type="url"
                readonly
                .value=${link}
                aria-describedby="link-help"
                @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()}
              />
            </div>`
          : nothing
      }
      <p class="visually-hidden" role="status">${this.toolMessage}</p>`;
  }

  /**
   * "Các tin khác" under the article: a busy placeholder while they load (the
   * items of this article shown before stay up during a reload), the items,
   * or nothing when there are none or they could not be loaded.
   */
  private renderRelatedSection(article: Article, level: number): TemplateResult | typeof nothing {
    if (!article.category || this.relatedCount === 0) return nothing;
    const task = this.relatedTask;
    const earlier = task.value?.articleId === article.id ? task.value.items : undefined;
    if (task.status === TaskStatus.COMPLETE || earlier) {
      const items = earlier ?? [];
      return items.length ? this.renderRelated(items, level) : nothing;
    }
    if (task.status === TaskStatus.ERROR) return nothing;
    return this.renderRelated(undefined, level);
  }

  /** The related items; `undefined` while they load, drawn as placeholder lines. */
  private renderRelated(items: ArticleSummary[] | undefined, level: number): TemplateResult {
    const t = this.i18n.t;
    return html`<nav
      part="related"
      class="related"
      aria-label=${t.article.related}
      aria-busy=${items ? 'false' : 'true'}
    >
      ${heading(level, 'section-title', t.article.related)}
      ${items ? this.renderRelatedItems(items) : this.renderSkeletonLines(2)}
    </nav>`;
  }

  private renderRelatedItems(items: ArticleSummary[]): TemplateResult {
    const t = this.i18n.t;
    return html`<ul>
      ${items.map((item) => {
        const date = formatDate(item.date, t, this.timeZone);
        return html`<li>
          <a
            href=${articleUrl(item.id, this.idParam || 'id')}
            @click=${(e: MouseEvent) => this.openRelated(e, item)}
            >${item.title}</a
          >${date ? html` <time class="date" datetime=${item.date ?? ''}>(${date})</time>` : nothing}
        </li>`;
      })}
    </ul>`;
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

  /**
   * What the tools do, loaded on the first press: most visitors never press
   * one. When it cannot be loaded, says so in the tools' status region,
   * naming the tool pressed, and resolves to undefined.
   */
  private async toolActions(
    tool: 'print' | 'copyLink' | 'share' | 'speak',
  ): Promise<typeof ToolActions | undefined> {
    try {
      return await import('./article-tool-actions.js');
    } catch (error) {
      console.warn('<pw-article> could not load its tools', error);
      const t = this.i18n.t;
      void this.say(`${t.article[tool]}: ${t.errors.network}`);
      return undefined;
    }
  }

  private async print(): Promise<void> {
    (await this.toolActions('print'))?.printOnly(this);
  }

  private changeTextSize(direction: 1 | -1): void {
    const size = stepTextSize(this.textSize, direction);
    if (size === this.textSize) return;
    this.textSize = size;
    storeTextSize(size);
    void this.say(this.i18n.t.article.textSize(size));
  }

  private async copyLink(link: string): Promise<void> {
    const actions = await this.toolActions('copyLink');
    if (await actions?.copyText(link)) {
      this.linkFallback = false;
      void this.say(this.i18n.t.article.copied);
      return;
    }
    // Refused (no permission, insecure page) or not loaded: offer the link to copy by hand.
    this.linkFallback = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#link-field')?.focus();
  }

  private async share(title: string, link: string): Promise<void> {
    const actions = await this.toolActions('share');
    if ((await actions?.shareLink(title, link)) === 'failed') await this.copyLink(link);
  }

  private async toggleSpeech(): Promise<void> {
    if (this.speaking) {
      this.stopReading();
      return;
    }
    const actions = await this.toolActions('speak');
    // Removed while loading, or a second press already started reading.
    if (!actions || !this.isConnected || this.speaking) return;
    const voice = voiceFor(this.i18n.t.locale);
    if (!voice) return;
    this.speaking = true;
    this.stopSpeech = actions.speak(actions.readableText(this.renderRoot), voice, () => {
      this.stopSpeech = undefined;
      this.speaking = false;
    });
  }

  private stopReading(): void {
    this.stopSpeech?.();
    this.stopSpeech = undefined;
    this.speaking = false;
  }

  /** Says `message` in the tools' status region, again even when it is the same as last time. */
  private async say(message: string): Promise<void> {
    this.toolMessage = '';
    await this.updateComplete;
    this.toolMessage = message;
  }

  /**
   * A wide table scrolls inside its box; a box that really scrolls must be
   * reachable by keyboard and named, one that does not stays out of the tab order.
   */
  private markScrollingTables(): void {
    const content = this.renderRoot.querySelector('[part~="content"]');
    if (!content) return;
    const boxes = content.querySelectorAll<HTMLElement>(`.${TABLE_SCROLL_CLASS}`);
    if (boxes.length === 0) return;
    if (!this.tableObserver) {
      this.tableObserver = new ResizeObserver(() => this.markScrollingTables());
    }
    this.tableObserver.observe(content);
    const label = this.i18n.t.article.table;
    for (const box of boxes) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.tabIndex = 0;
        box.setAttribute('role', 'region');
        box.setAttribute('aria-label', label);
      } else {
        box.removeAttribute('tabindex');
        box.removeAttribute('role');
        box.removeAttribute('aria-label');
      }
    }
  }
}
