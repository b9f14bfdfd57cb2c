import { nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { normalizeLinks } from '../data/normalize.js';
import type { DataSource, Link, RequestOptions } from '../data/types.js';
import { PortalElement } from '../base/portal-element.js';
import { lazyUrlSource } from '../data/adapters/url-lazy.js';
import { lazyModule, orAgain } from '../data/lazy-module.js';
import { addVietnamese, type Translation } from '../i18n/index.js';
import { viLinks } from '../i18n/vi-links.js';
import type * as LinksView from './link-box-view.js';

// This element's Vietnamese wording joins the catalogue when its code is loaded.
addVietnamese(viLinks);

/** How `<pw-link-box>` shows its links. */
export type LinkBoxVariant = 'select' | 'list' | 'logos';

const VARIANTS: readonly LinkBoxVariant[] = ['select', 'list', 'logos'];

/**
 * The chunk that draws the loaded links, downloaded once, beside the first
 * links: the skeleton and the error state never need it.
 */
export const loadLinksView: () => Promise<typeof LinksView> = lazyModule(
  () => import('./link-box-view.js'),
);

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

  // The drawing of loaded links, once its chunk has arrived (fetchData waits for it).
  #view?: typeof LinksView;

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
    // The links are drawn by their own chunk: fetch it beside them.
    const view = loadLinksView();
    view.catch(() => undefined);
    const links = await source.listLinks(this.group ? { group: this.group } : {}, options);
    this.#view = await orAgain(view, loadLinksView);
    this.addStyles(this.#view.linksViewStyles);
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

  protected renderData(links: Link[]): TemplateResult | typeof nothing {
    // Loaded data means the view chunk has arrived (fetchData waited for it).
    const view = this.#view;
    if (!view) return nothing;
    return view.renderLinks({
      links,
      variant: this.#shownVariant,
      t: this.i18n.t,
      headingLevel: this.effectiveHeadingLevel,
      hintShown: this.hintShown,
      chosen: this.chosen,
      brokenLogos: this.brokenLogos,
      onSelectionChange: () => this.#onSelectionChange(),
      openSelected: () => void this.#openSelected(),
      onLogoError: (logo) => this.#onLogoError(logo),
    });
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
    this.#view?.openLink(url);
  }
}
