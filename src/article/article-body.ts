/**
 * Everything `<pw-article>` needs once its article has arrived: the sanitizer,
 * the drawing of the article and its related items (with their CSS), and the tools. A chunk of
 * its own, which the element starts fetching together with the article's
 * data (never after it), so a page without an article never downloads it and
 * a page with one waits no longer for it. The loading, empty and error states
 * stay in the element: a failure never needs this chunk.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { heading } from '../base/heading.js';
import type { Article, ArticleSummary, DataSource, RequestOptions } from '../data/types.js';
import { formatDate, formatDateTime, type Translation } from '../i18n/index.js';
import type { ArticleView } from './article.component.js';
import type { ArticleToolsController } from './article-tools-controller.js';
import {
  absoluteImageUrl,
  collapseWhitespace,
  TABLE_SCROLL_CLASS,
  type BodyContents,
} from './sanitize.js';

export { ArticleToolsController } from './article-tools-controller.js';
export { sanitizeBody, type BodyContents } from './sanitize.js';
export { articleBodyStyles } from './article-body.styles.js';

/**
 * Up to `count` other items of the article's category. Exactly `count` per
 * page, so a list of that size on the same page shares the request; only when
 * the article is among them is the next page read.
 */
export async function relatedArticles(
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

/** What drawing one loaded article takes, as the element gives it. */
export interface ArticleDrawing {
  view: ArticleView;
  /** What the sanitized body shows already (sanitizeBody). */
  body: BodyContents;
  t: Translation;
  timeZone: string;
  /** The box title's level; the article's title is one under it. */
  boxLevel: number;
  /** The `heading` attribute: when it replaces the category as box title, the category shows in the article. */
  boxHeading?: string;
  tools: ArticleToolsController;
  /** The link e-mail and sharing send. */
  link: string;
  /** "Các tin khác": the items, `undefined` while they load, `null` for none to show. */
  related: ArticleSummary[] | undefined | null;
  relatedHref: (item: ArticleSummary) => string;
  openRelated: (event: MouseEvent, item: ArticleSummary) => void;
  /** The element's placeholder lines, for related items still loading. */
  placeholder: (lines: number) => TemplateResult;
}

/** The article: category, title, date line, tools, text (summary, image, body, author, attachments), related items. */
export function renderArticle(d: ArticleDrawing): TemplateResult {
  const { t, view, boxHeading } = d;
  const { article } = view;
  const titleLevel = Math.min(6, d.boxLevel + 1);
  const sectionLevel = Math.min(6, titleLevel + 1);
  const dateLine = formatDateTime(article.date, t, d.timeZone);
  // The box title is the category by default; name it in the article only when it is not.
  const category = article.category?.name;
  const showCategory = category && boxHeading !== undefined && boxHeading !== category;
  // Said once: a feed item's body is often just its summary with its picture
  // in front (NukeViet's RSS), which the lead paragraph and figure would repeat.
  const summary =
    article.summary && collapseWhitespace(article.summary) !== d.body.text
      ? article.summary
      : undefined;
  const image =
    article.image && !d.body.images.has(absoluteImageUrl(article.image.src))
      ? article.image
      : undefined;
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
    ${d.tools.render(article.title, d.link)}
    <div part="text" class=${`text size-${d.tools.textSize}`}>
      ${summary ? html`<p part="summary" class="summary">${summary}</p>` : nothing}
      ${
        image
          ? html`<figure part="figure" class="figure">
              <img part="image" src=${image.src} alt=${image.alt ?? ''} />
              ${
                image.alt
                  ? // The caption repeats the alt text: read once, from the image.
                    html`<figcaption aria-hidden="true">${image.alt}</figcaption>`
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
    ${d.related === null ? nothing : renderRelated(d, sectionLevel)}
  </article>`;
}

/** "Các tin khác": a busy placeholder while the items load, then the items. */
function renderRelated(d: ArticleDrawing, level: number): TemplateResult {
  const { t, related } = d;
  return html`<nav
    part="related"
    class="related"
    aria-label=${t.article.related}
    aria-busy=${related ? 'false' : 'true'}
  >
    ${heading(level, 'section-title', t.article.related)}
    ${
      related
        ? html`<ul>
            ${related.map((item) => {
              const date = formatDate(item.date, t, d.timeZone);
              return html`<li>
                <a href=${d.relatedHref(item)} @click=${(e: MouseEvent) => d.openRelated(e, item)}
                  >${item.title}</a
                >${
                  date
                    ? html` <time class="date" datetime=${item.date ?? ''}>(${date})</time>`
                    : nothing
                }
              </li>`;
            })}
          </ul>`
        : d.placeholder(2)
    }
  </nav>`;
}

// One observer per article element, watching its body for width changes.
const tableObservers = new WeakMap<Element, ResizeObserver>();

/**
 * A wide table scrolls inside its box; a box that really scrolls must be
 * reachable by keyboard and named (`label`), one that does not stays out of
 * the tab order. Looked at again whenever the body's width changes; `label`
 * gives the name in the box's language at that moment.
 */
export function markScrollingTables(host: Element, root: ParentNode, label: () => string): void {
  const content = root.querySelector('[part~="content"]');
  if (!content) return;
  const boxes = content.querySelectorAll<HTMLElement>(`.${TABLE_SCROLL_CLASS}`);
  if (boxes.length === 0) return;
  let observer = tableObservers.get(host);
  if (!observer) {
    observer = new ResizeObserver(() => markScrollingTables(host, root, label));
    tableObservers.set(host, observer);
  }
  observer.observe(content);
  for (const box of boxes) {
    if (box.scrollWidth > box.clientWidth + 1) {
      box.tabIndex = 0;
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', label());
    } else {
      box.removeAttribute('tabindex');
      box.removeAttribute('role');
      box.removeAttribute('aria-label');
    }
  }
}

/** Stops watching the tables of an article that left the page. */
export function forgetTables(host: Element): void {
  tableObservers.get(host)?.disconnect();
  tableObservers.delete(host);
}
