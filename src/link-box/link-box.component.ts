import { html, nothing, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { DataSource, Link, RequestOptions } from '../data/types.js';
import { PortalElement } from '../base/portal-element.js';
import type { Translation } from '../i18n/index.js';
import { linkBoxStyles } from './link-box.styles.js';

/** Links in the order given, under their group names (ungrouped links first). */
function groupLinks(links: Link[]): { name?: string; links: Link[] }[] {
  const groups = new Map<string | undefined, Link[]>();
  for (const link of links) {
    const bucket = groups.get(link.group);
    if (bucket) bucket.push(link);
    else groups.set(link.group, [link]);
  }
  return [...groups].map(([name, grouped]) => ({ name, links: grouped }));
}

/**
 * The "Liên kết website" box: links to other agencies' sites as the portal
 * drop-down, a list, or a grid of logos. The drop-down never navigates on a
 * mere change of selection: the visitor picks a site, then presses "Đi".
 *
 * ```html
 * <pw-link-box source="portal" variant="select"></pw-link-box>
 * ```
 *
 * @summary Website link box.
 * @fires pw-load - The links arrived; `detail` is the `Link[]`.
 * @fires pw-error - Loading failed; `detail.error` is a typed `DataError`.
 * @csspart picker - The drop-down and its button (select variant).
 * @csspart select - The drop-down (select variant).
 * @csspart go-button - The button that opens the chosen site (select variant).
 * @csspart list - A list of links (list and logos variants).
 * @csspart group-name - The name over a group of links.
 * @csspart link - One link (list and logos variants).
 * @csspart logo - A site's logo (logos variant).
 * @cssproperty --pw-logo-height - Height of the logos.
 * @cssproperty --pw-logo-min-width - Narrowest a logo tile may be.
 */
export class LinkBoxElement extends PortalElement<Link[]> {
  static override styles = [...PortalElement.styles, linkBoxStyles];

  /** How the links are shown. */
  @property({ reflect: true }) variant: 'select' | 'list' | 'logos' = 'select';

  /** Show only the links of this group. */
  @property() group?: string;

  @query('select') private select?: HTMLSelectElement;

  protected defaultHeading(t: Translation): string {
    return t.headings.linkBox;
  }

  protected taskArgs(): readonly unknown[] {
    return [this.group];
  }

  protected fetchData(
    source: DataSource,
    _args: readonly unknown[],
    options: RequestOptions,
  ): Promise<Link[]> {
    return source.listLinks(this.group ? { group: this.group } : {}, options);
  }

  protected override isEmpty(links: Link[]): boolean {
    return links.length === 0;
  }

  protected override emptyMessage(t: Translation): string {
    return t.empty.links;
  }

  protected renderData(links: Link[]): TemplateResult {
    const groups = groupLinks(links);
    if (this.variant === 'select') return this.renderSelect(groups);
    return html`${groups.map(
      (group) =>
        html`${
            group.name ? html`<p part="group-name" class="group-name">${group.name}</p>` : nothing
          }
          <ul part="list" class=${this.variant === 'logos' ? 'logos' : 'links'}>
            ${group.links.map((link) => html`<li>${this.renderAnchor(link)}</li>`)}
          </ul>`,
    )}`;
  }

  private renderSelect(groups: { name?: string; links: Link[] }[]): TemplateResult {
    const t = this.i18n.t;
    const options = (links: Link[]) =>
      links.map((link) => html`<option value=${link.url}>${link.title}</option>`);
    return html`<div part="picker" class="picker">
      <select part="select" aria-label=${t.links.label}>
        <option value="">${t.links.choose}</option>
        ${groups.map((group) =>
          group.name
            ? html`<optgroup label=${group.name}>${options(group.links)}</optgroup>`
            : options(group.links),
        )}
      </select>
      <button type="button" part="go-button" @click=${this.openSelected}>${t.links.go}</button>
    </div>`;
  }

  private renderAnchor(link: Link): TemplateResult {
    const t = this.i18n.t;
    const external = /^https?:/i.test(link.url);
    const logo = this.variant === 'logos' && link.logo;
    return html`<a
      part="link"
      href=${link.url}
      target=${external ? '_blank' : nothing}
      rel=${external ? 'noopener noreferrer' : nothing}
      >${logo ? html`<img part="logo" src=${link.logo ?? ''} alt="" loading="lazy" />` : nothing}<span>${link.title}</span>${external ? html`<span class="visually-hidden"> ${t.links.opensInNewTab}</span>` : nothing}</a
    >`;
  }

  /** Opens the chosen site; mail and phone links go through the page itself. */
  private openSelected(): void {
    const url = this.select?.value;
    if (!url) {
      this.select?.focus();
      return;
    }
    if (/^https?:/i.test(url)) window.open(url, '_blank', 'noopener,noreferrer');
    else window.location.href = url;
  }
}
