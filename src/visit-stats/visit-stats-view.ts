/**
 * The visit box's loaded state: the figures as a definition list, counting up
 * to new values, with the CSS only they use. The element downloads this chunk
 * beside its first figures (see `loadStatsView`); while loading, and after a
 * failure, the box draws the base skeleton and error state, which need none of it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { VisitStatsField } from '../data/types.js';
import { formatCount, type Translation } from '../i18n/index.js';
import type { CountUpController, Counts } from './count-up.js';

export { CountUpController } from './count-up.js';
export { statsViewStyles } from './visit-stats-view.styles.js';

/** Everything one render of the loaded figures depends on, read by the element. */
export interface StatsView {
  /** The figures to show, in order. */
  fields: readonly VisitStatsField[];
  /** Their valid counts (a field without one is left out). */
  counts: Counts<VisitStatsField>;
  t: Translation;
  /** The `digits` attribute; formatCount clamps it to what Intl allows (1–21), anything unreadable is 1. */
  digits: number;
  countUp: CountUpController<VisitStatsField>;
}

/** The figures, each a label and its number. */
export function renderStats({ fields, counts, t, digits, countUp }: StatsView): TemplateResult {
  const visual = countUp.values(counts);
  return html`<dl part="list" class="stats">
    ${fields.map((field) => {
      const value = counts[field];
      if (value === undefined) return nothing;
      const final = formatCount(value, t, digits);
      const now = visual[field] ?? value;
      // While counting, a visual copy moves and the final number stays in the accessible text.
      const counting = countUp.counting && now !== value;
      return html`<div part="row" class="row">
        <dt part="label">${t.stats[field]}:</dt>
        <dd part="value" class=${counting ? 'counting' : ''}>
          ${
            counting
              ? html`<span class="visually-hidden">${final}</span
                  ><span class="moving" aria-hidden="true">${formatCount(now, t, digits)}</span>`
              : final
          }
        </dd>
      </div>`;
    })}
  </dl>`;
}
