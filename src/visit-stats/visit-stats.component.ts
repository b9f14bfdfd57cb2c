import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { DataSource, RequestOptions, VisitStats, VisitStatsField } from '../data/types.js';
import { PortalElement } from '../base/portal-element.js';
import { formatCount, type Translation } from '../i18n/index.js';
import { visitStatsStyles } from './visit-stats.styles.js';

const ALL_FIELDS: readonly VisitStatsField[] = [
  'online',
  'today',
  'yesterday',
  'week',
  'month',
  'year',
  'total',
];

/**
 * The "Thống kê truy cập" box: visitors online now and visit counts, in the
 * language's number grouping, refreshed while the page is visible.
 *
 * ```html
 * <pw-visit-stats source="portal" fields="online today total" record></pw-visit-stats>
 * ```
 *
 * @summary Visit statistics box.
 * @fires pw-load - The figures arrived; `detail` is the `VisitStats`.
 * @fires pw-error - Loading failed; `detail.error` is a typed `DataError`.
 * @csspart list - The list of figures.
 * @csspart row - One figure: its label and value.
 * @csspart label - The name of a figure.
 * @csspart value - The number of a figure.
 * @cssproperty --pw-stats-label-color - Color of the figure names.
 * @cssproperty --pw-stats-value-color - Color of the numbers (the primary color by default).
 */
export class VisitStatsElement extends PortalElement<VisitStats> {
  static override styles = [...PortalElement.styles, visitStatsStyles];

  /** Which figures to show, space-separated: any of `online today yesterday week month year total`. */
  @property() fields = 'online total';

  /** Seconds between refreshes while the page is visible; 0 turns refreshing off. */
  @property({ type: Number }) refresh = 60;

  /** Count this page view, once per browser session, where the source supports it. */
  @property({ type: Boolean }) record = false;

  /** Minimum number of digits, zero-padded, as classic counters show. */
  @property({ type: Number }) digits = 0;

  private timer?: ReturnType<typeof setInterval>;
  private recorded = false;
  private readonly onVisibilityChange = () => this.schedule(true);

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    this.schedule(false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.stopTimer();
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('refresh') && changed.get('refresh') !== undefined) this.schedule(false);
  }

  /** The figures asked for by `fields`, in canonical order, unknown names ignored. */
  get shownFields(): VisitStatsField[] {
    const wanted = new Set(this.fields.split(/[\s,]+/));
    return ALL_FIELDS.filter((field) => wanted.has(field));
  }

  protected defaultHeading(t: Translation): string {
    return t.headings.visitStats;
  }

  protected taskArgs(): readonly unknown[] {
    return [this.record];
  }

  protected async fetchData(
    source: DataSource,
    _args: readonly unknown[],
    options: RequestOptions,
  ): Promise<VisitStats> {
    if (this.record && !this.recorded && source.recordVisit) {
      this.recorded = true;
      const counted = await source.recordVisit(options);
      if (counted) return counted;
    }
    return source.getVisitStats(options);
  }

  protected override isEmpty(stats: VisitStats): boolean {
    return this.shownFields.every((field) => stats[field] === undefined);
  }

  protected override emptyMessage(t: Translation): string {
    return t.empty.stats;
  }

  protected renderData(stats: VisitStats): TemplateResult {
    const t = this.i18n.t;
    return html`<dl part="list" class="stats">
      ${this.shownFields.map((field) => {
        const value = stats[field];
        return value === undefined
          ? null
          : html`<div part="row" class="row">
              <dt part="label">${t.stats[field]}:</dt>
              <dd part="value">${formatCount(value, t, this.digits)}</dd>
            </div>`;
      })}
    </dl>`;
  }

  /** (Re)starts periodic refresh; paused while the tab is hidden, caught up when it shows. */
  private schedule(catchUp: boolean): void {
    this.stopTimer();
    if (!this.isConnected || document.hidden || !(this.refresh > 0)) return;
    if (catchUp) this.reload();
    this.timer = setInterval(() => this.reload(), Math.max(1, this.refresh) * 1000);
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
