import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { normalizeLinks } from '../data/normalize.js';
import type { DataSource, Link, RequestOptions } from '../data/types.js';
import { PortalElement } from '../base/portal-element.js';
import { lazyUrlSource } from '../data/adapters/url-lazy.js';
import { addVietnamese, type Translation } from '../i18n/index.js';
import { viLinks } from '../i18n/vi-links.js';
import { linkBoxStyles } from './link-box.styles.js';

// This element's Vietnamese wording joins the catalogue when its code is loaded.
addVietnamese(viLinks);

/** How `<pw-link-box>` shows its links. */
export type LinkBoxVariant = 'select' | 'list' | 'logos';

const VARIANTS: readonly LinkBoxVariant[] = ['select', 'list', 'logos'];

/** Nominal logo box; the real image keeps its own proportions inside it (object-fit). */
const LOGO_WIDTH = 120;
const LOGO_HEIGHT = 48;

interface LinkGroup {
  name?: string;
  links: Link[];
}

/** Links in the order given, under their group names (in order of first appearance). */
function groupLinks(links: Link[]): LinkGroup[] {
  const groups = new Map<string | undefined, Link[]>();
  for (const link of links) {
    const bucket = groups.get(link.group);
    if (bucket) bucket.push(link);
    else groups.set(link.group, [link]);
  }
  return [...groups].map(([name, grouped]) => ({ name, links: grouped }));
}

/** Web links open in a new tab; `mailto:` and `tel:` hand over to the mail or phone app instead. */
function opensNewTab(url: string): boolean {
  return /^https?:/i.test(url);
}

/**
 * The "Liên kết website" box: links to other agencies' sites as the portal
 * drop-down, a list, or a grid of logos, grouped under their group names.
 *
 * The drop-down never navigates on a mere change of selection (WCAG 3.2.2):
 * the visitor picks a site, then presses "Đi" / "Go", which opens it in a new
 * tab without giving it access to this page (`noopener,noreferrer`). Pressing
 * the button with nothing chosen announces a hint.
 *
 * In every variant only `http:`, `https:`, `mailto:` and `tel:` links are
 * shown; others are dropped with a console warning, whatever the data source.
 * Web links open in a new tab, and say so to assistive technology.
 *
 * ```html
 * <pw-link-box source="portal" variant="select"></pw-link-box>
 * <pw-link-box source="portal" variant="logos" group="Cơ quan Trung ương"></pw-link-box>
 * ```
 *
 * @summary Website link box.
 * @fires pw-load - The links arrived; `detail` is the `Link[]` shown.
 * @fires pw-error - Loading failed; `detail.error` is a typed `DataError`.
 * @csspart picker - The drop-down and its button (select variant).
 * @csspart select - The drop-down (select variant).
 * @csspart go-button - The button that opens the chosen site (select variant).
 * @csspart hint - The hint shown when "Go" is pressed with nothing chosen (select variant).
 * @csspart group - One group of links: its name and its list (list and logos variants).
 * @csspart group-name - The name over a group of links (list and logos variants).
 * @csspart list - A list of links (list and logos variants).
 * @csspart link - One link (list and logos variants).
 * @csspart logo - A site's logo (logos variant).
 * @csspart link-text - The text of a link; in the logos variant, shown for sites without a logo.
 * @cssproperty --pw-logo-height - Height of the logos.
 * @cssproperty --pw-logo-min-width - Narrowest a logo tile may be.
 */
export class LinkBoxElement extends PortalElement<Link[]> {
  static override styles = [...PortalElement.styles, linkBoxStyles];

  static override properties: PropertyDeclarations = {
    variant: { reflect: true },
    group: {},
    hintShown: { state: true },
    chosen: { state: true },
    brokenLogos: { state: true },
  };

  /**
   * How the links are shown: `select`, the portal's drop-down with a "Go" button
   * (default); `list`, a list of links; `logos`, a grid of logos (a site without a
   * logo shows its name).
   */
  variant: 'select' | 'list' | 'logos' = 'select';

  /** Show only the links of this group (its name as the backend gives it). */
  group?: string;

  /** Whether the "choose first" hint is shown (select variant). */
  private hintShown = false;

  /** The URL chosen in the drop-down, '' for none. */
  private chosen = '';

  /** Logos that failed to load: their links fall back to text. */
  private brokenLogos = new Set<string>();

  get #select(): HTMLSelectElement | null {
    return this.renderRoot.querySelector('select');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('variant') || changed.has('group')) this.hintShown = false;
  }

  protected override sourceFromUrl(src: string): DataSource {
    return lazyUrlSource(src, (url, endpoint) => ({
      listLinks: (query, options) => url.listLinksFromUrl(endpoint, query, options),
    }));
  }

  protected override loadFailedMessage(t: Translation): string {
    return t.loadFailed.linkBox;
  }

  protected defaultHeading(t: Translation): string {
    return t.headings.linkBox;
  }

  protected taskArgs(): readonly unknown[] {
    return [this.group || undefined];
  }

  protected async fetchData(
    source: DataSource,
    _args: readonly unknown[],
    options: RequestOptions,
  ): Promise<Link[]> {
    const links = await source.listLinks(this.group ? { group: this.group } : {}, options);
    // A source set in script may skip the data layer's checks: nothing unsafe renders either way.
    return normalizeLinks(links);
  }

  protected override isEmpty(links: Link[]): boolean {
    return links.length === 0;
  }

  protected override emptyMessage(t: Translation): string {
    return this.group ? t.links.emptyInGroup(this.group) : t.empty.links;
  }

  /** The variant in effect: an unknown `variant` value falls back to the drop-down. */
  get #shownVariant(): LinkBoxVariant {
    return VARIANTS.includes(this.variant) ? this.variant : 'select';
  }

  /** A group's name as a heading one level under the box title (real heading elements, as the title). */
  #renderGroupName(name: string, id: string): TemplateResult {
    switch (Math.min(6, this.effectiveHeadingLevel + 1)) {
      case 2:
        return html`<h2 part="group-name" class="group-name" id=${id}>${name}</h2>`;
      case 4:
        return html`<h4 part="group-name" class="group-name" id=${id}>${name}</h4>`;
      case 5:
        return html`<h5 part="group-name" class="group-name" id=${id}>${name}</h5>`;
      case 6:
        return html`<h6 part="group-name" class="group-name" id=${id}>${name}</h6>`;
      default:
        return html`<h3 part="group-name" class="group-name" id=${id}>${name}</h3>`;
    }
  }

  protected renderData(links: Link[]): TemplateResult {
    const groups = groupLinks(links);
    const variant = this.#shownVariant;
    if (variant === 'select') return this.#renderSelect(groups);
    return html`${groups.map((group, index) => {
      const list = html`<ul
        part="list"
        class=${variant === 'logos' ? 'logos' : 'links'}
        aria-labelledby=${ifDefined(group.name ? `group-${index}` : undefined)}
      >
        ${group.links.map((link) => html`<li>${this.#renderAnchor(link, variant)}</li>`)}
      </ul>`;
      return group.name
        ? html`<div part="group" class="group">
            ${this.#renderGroupName(group.name, `group-${index}`)} ${list}
          </div>`
        : list;
    })}`;
  }

  #renderSelect(groups: LinkGroup[]): TemplateResult {
    const t = this.i18n.t;
    const options = (links: Link[]) =>
      links.map((link) => html`<option value=${link.url}>${link.title}</option>`);
    return html`<div part="picker" class="picker">
        <label class="visually-hidden" for="links">${t.links.label}</label>
        <select
          id="links"
          part="select"
          aria-describedby=${ifDefined(this.hintShown ? 'hint' : undefined)}
          @change=${this.#onSelectionChange}
        >
          <option value="">${t.links.choose}</option>
          ${groups.map((group) =>
            group.name
              ? html`<optgroup label=${group.name}>${options(group.links)}</optgroup>`
              : options(group.links),
          )}
        </select>
        <button
          type="button"
          part="go-button"
          aria-describedby=${ifDefined(opensNewTab(this.chosen) ? 'new-tab' : undefined)}
          @click=${this.#openSelected}
        >
          ${t.links.go}
        </button>
        <span class="visually-hidden" id="new-tab">${t.links.opensInNewTab}</span>
      </div>
      <p part="hint" id="hint" class=${this.hintShown ? 'hint' : 'hint idle'} role="status">
        ${this.hintShown ? t.links.chooseFirst : ''}
      </p>`;
  }

  #renderAnchor(link: Link, variant: LinkBoxVariant): TemplateResult {
    const t = this.i18n.t;
    const newTab = opensNewTab(link.url);
    const logo =
      variant === 'logos' && link.logo && !this.brokenLogos.has(link.logo) ? link.logo : undefined;
    const content = logo
      ? html`<img
          part="logo"
          src=${logo}
          alt=${link.title}
          width=${LOGO_WIDTH}
          height=${LOGO_HEIGHT}
          loading="lazy"
          decoding="async"
          @error=${() => this.#onLogoError(logo)}
        />`
      : html`<span part="link-text">${link.title}</span>`;
    return html`<a
      part="link"
      class=${logo ? 'has-logo' : 'text-only'}
      href=${link.url}
      target=${ifDefined(newTab ? '_blank' : undefined)}
      rel=${ifDefined(newTab ? 'noopener noreferrer' : undefined)}
      >${content}${
        newTab ? html`<span class="visually-hidden"> ${t.links.opensInNewTab}</span>` : nothing
      }</a
    >`;
  }

  #onLogoError(logo: string): void {
    this.brokenLogos = new Set(this.brokenLogos).add(logo);
  }

  #onSelectionChange(): void {
    // Choosing is all a change does: opening waits for the button.
    this.chosen = this.#select?.value ?? '';
    if (this.chosen) this.hintShown = false;
  }

  /** Opens the chosen site; with nothing chosen, says what to do instead. */
  async #openSelected(): Promise<void> {
    const url = this.#select?.value;
    if (!url) {
      // Emptied first, so pressing again changes the live region and is announced again.
      this.hintShown = false;
      await this.updateComplete;
      this.hintShown = true;
      await this.updateComplete;
      this.#select?.focus();
      return;
    }
    this.hintShown = false;
    if (opensNewTab(url)) window.open(url, '_blank', 'noopener,noreferrer');
    else window.location.assign(url);
  }
}
