/**
 * The link box's loaded state: the drop-down, the list or the logo grid, with
 * the CSS only they use. The element downloads this chunk beside its links
 * (see `loadLinksView`); while loading, and after a failure, the box draws the
 * base skeleton and error state, which need none of it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Link } from '../data/types.js';
import type { Translation } from '../i18n/index.js';
import type { LinkBoxVariant } from './link-box.component.js';

export { linksViewStyles } from './link-box-view.styles.js';

/** Nominal logo box; the real image keeps its own proportions inside it (object-fit). */
const LOGO_WIDTH = 120;
const LOGO_HEIGHT = 48;

/** Everything one render of the loaded links depends on, read by the element. */
export interface LinksView {
  links: Link[];
  variant: LinkBoxVariant;
  t: Translation;
  /** The level of the box title; group names are one level under it. */
  headingLevel: number;
  /** Whether the "choose first" hint is shown (select variant). */
  hintShown: boolean;
  /** The URL chosen in the drop-down, '' for none. */
  chosen: string;
  /** Logos that failed to load: their links show as text. */
  brokenLogos: ReadonlySet<string>;
  onSelectionChange(): void;
  openSelected(): void;
  onLogoError(logo: string): void;
}

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

/** Follows `url` as its link would: web sites in a new tab that cannot reach this page. */
export function openLink(url: string): void {
  if (opensNewTab(url)) window.open(url, '_blank', 'noopener,noreferrer');
  else window.location.assign(url);
}

/** The links as the variant shows them. */
export function renderLinks(view: LinksView): TemplateResult {
  const groups = groupLinks(view.links);
  const variant = view.variant;
  if (variant === 'select') return renderSelect(view, groups);
  return html`${groups.map((group, index) => {
    const list = html`<ul
      part="list"
      class=${variant === 'logos' ? 'logos' : 'links'}
      aria-labelledby=${ifDefined(group.name ? `group-${index}` : undefined)}
    >
      ${group.links.map((link) => html`<li>${renderAnchor(view, link)}</li>`)}
    </ul>`;
    return group.name
      ? html`<div part="group" class="group">
          ${renderGroupName(group.name, `group-${index}`, view.headingLevel)} ${list}
        </div>`
      : list;
  })}`;
}

/** A group's name as a heading one level under the box title (real heading elements, as the title). */
function renderGroupName(name: string, id: string, boxLevel: number): TemplateResult {
  switch (Math.min(6, boxLevel + 1)) {
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

function renderSelect(view: LinksView, groups: LinkGroup[]): TemplateResult {
  const t = view.t;
  const options = (links: Link[]) =>
    links.map((link) => html`<option value=${link.url}>${link.title}</option>`);
  return html`<div part="picker" class="picker">
      <label class="visually-hidden" for="links">${t.links.label}</label>
      <select
        id="links"
        part="select"
        aria-describedby=${ifDefined(view.hintShown ? 'hint' : undefined)}
        @change=${view.onSelectionChange}
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
        aria-describedby=${ifDefined(opensNewTab(view.chosen) ? 'new-tab' : undefined)}
        @click=${view.openSelected}
      >
        ${t.links.go}
      </button>
      <span class="visually-hidden" id="new-tab">${t.links.opensInNewTab}</span>
    </div>
    <p part="hint" id="hint" class=${view.hintShown ? 'hint' : 'hint idle'} role="status">
      ${view.hintShown ? t.links.chooseFirst : ''}
    </p>`;
}

function renderAnchor(view: LinksView, link: Link): TemplateResult {
  const t = view.t;
  const newTab = opensNewTab(link.url);
  const logo =
    view.variant === 'logos' && link.logo && !view.brokenLogos.has(link.logo)
      ? link.logo
      : undefined;
  const content = logo
    ? html`<img
        part="logo"
        src=${logo}
        alt=${link.title}
        width=${LOGO_WIDTH}
        height=${LOGO_HEIGHT}
        loading="lazy"
        decoding="async"
        @error=${() => view.onLogoError(logo)}
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
