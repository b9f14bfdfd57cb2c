import { nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { toDataError } from '../data/errors.js';
import type { DataSource, RequestOptions, VisitStats, VisitStatsField } from '../data/types.js';
import { PortalElement } from '../base/portal-element.js';
import { lazyUrlSource } from '../data/adapters/url-lazy.js';
import { isRecord, STATS_FIELDS } from '../data/shapes.js';
import { lazyModule, orAgain } from '../data/lazy-module.js';
import { addVietnamese, type Translation } from '../i18n/index.js';
import { viStats } from '../i18n/vi-stats.js';
import type { CountUpController, Counts } from './count-up.js';
import type * as StatsView from './visit-stats-view.js';

// This element's Vietnamese wording joins the catalogue when its code is loaded.
addVietnamese(viStats);

const DEFAULT_FIELDS: readonly VisitStatsField[] = ['online', 'total'];
const DEFAULT_REFRESH_SECONDS = 60;
/** Polling faster than this only loads the backend: nobody reads a counter twice a second. */
const MIN_REFRESH_SECONDS = 1;

/** Sources already asked to count this page view, so two boxes on one page count it once. */
const countedSources = new WeakSet<DataSource>();

/** A count that can be shown: custom sources and live pushes are not validated upstream. */
function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * The chunk that draws the loaded figures, downloaded once, beside the first
 * figures: the skeleton and the error state never need it.
 */
export const loadStatsView: () => Promise<typeof StatsView> = lazyModule(
  () => import('./visit-stats-view.js'),
);

function isHidden(): boolean {
  return document.visibilityState === 'hidden';
}

/**
 * The "Thống kê truy cập" box: visitors online now and visit counts, in the
 * language's number grouping (`9.313.603` in Vietnamese, `9,313,603` in
 * English), as a definition list of label and number.
 *
 * - **Refresh.** Every `refresh` seconds the figures are read again, but not
 *   while the page is hidden: a background tab sends no refresh requests, and
 *   the figures are read at once when it shows again. (The first reading is made
 *   straight away, so the box is ready when the visitor comes to it.) A source
 *   with `watchVisitStats` pushes new figures instead, and is not polled.
 * - **Counting.** With `record`, this page view is counted once per browser
 *   session where the source supports it (`recordVisit`).
 * - **Digits.** `digits` pads with zeros and keeps the language's grouping:
 *   `digits="8"` shows `09.313.603`, so the number still reads as a number to
 *   people and screen readers (rather than eight separate digit boxes).
 * - **Motion.** New figures count up from the previous ones (from 0 the first
 *   time) unless the visitor prefers reduced motion. Only a visual copy moves;
 *   assistive technology reads the final number throughout.
 *
 * ```html
 * <pw-visit-stats source="portal" fields="online today total" record></pw-visit-stats>
 * ```
 *
 * @summary Visit statistics box.
 * @fires pw-load - New figures are shown (first load, refresh or live push); `detail` is the `VisitStats`.
 * @fires pw-error - Loading failed; `detail.error` is a typed `DataError`.
 * @csspart list - The list of figures.
 * @csspart row - One figure: its label and value.
 * @csspart label - The name of a figure.
 * @csspart value - The number of a figure.
 * @cssproperty --pw-stats-label-color - Color of the figure names.
 * @cssproperty --pw-stats-value-color - Color of the numbers (the primary color by default).
 */
export class VisitStatsElement extends PortalElement<VisitStats> {
  static override properties: PropertyDeclarations = {
    fields: {},
    refresh: { type: Number },
    record: { type: Boolean },
    digits: { type: Number },
    live: { state: true },
  };

  /**
   * Which figures to show, space- or comma-separated: any of
   * `online today yesterday week month year total`, shown in that order.
   * Unknown names are ignored (with a console warning); none known shows `online total`.
   */
  fields = 'online total';

  /**
   * Seconds between refreshes while the page is visible; `0` turns refreshing
   * off. At least 1 second; an invalid value means the default, 60.
   */
  refresh = 60;

  /** Count this page view, once per browser session, where the source supports it. */
  record = false;

  /** Minimum number of digits, zero-padded and grouped (`digits="8"`: `09.313.603`); 0 for none. */
  digits = 0;

  /** Figures pushed by the source's `watchVisitStats`, newer than the last load. */
  private live?: VisitStats;

  // The drawing of the figures and their count-up, once the view chunk has arrived.
  #view?: typeof StatsView;
  #countUp?: CountUpController<VisitStatsField>;
  #timer?: ReturnType<typeof setTimeout>;
  #loading = false;
  #reads = 0;
  #pushes = 0;
  #watched?: DataSource;
  #unwatch?: () => void;
  #countsCache?: { stats: VisitStats; key: string; counts: Counts<VisitStatsField> };
  #warnedFields?: string;
  readonly #onVisibilityChange = () => {
    if (isHidden()) {
      this.#stopTimer();
    } else if (this.#polling && this.currentSource) {
      // Figures are stale after a while in the background: read them now.
      this.reload();
    }
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
    // Moved in the page: carry on where the last load left off.
    if (this.hasUpdated) {
      this.#syncWatch();
      if (!this.#loading) this.#scheduleNext();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
    this.#stopTimer();
    this.#stopWatching();
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.#syncWatch();
    if (changed.has('refresh') && changed.get('refresh') !== undefined && !this.#loading) {
      this.#scheduleNext();
    }
  }

  /** The figures asked for by `fields`, in canonical order. */
  get shownFields(): VisitStatsField[] {
    const names = (this.fields ?? '').split(/[\s,]+/).filter(Boolean);
    const unknown = names.filter((name) => !STATS_FIELDS.includes(name as VisitStatsField));
    if (unknown.length > 0 && this.#warnedFields !== this.fields) {
      this.#warnedFields = this.fields;
      console.warn(
        `portal-widgets: <pw-visit-stats> ignores unknown fields ${JSON.stringify(unknown)}; ` +
          `use any of "${STATS_FIELDS.join(' ')}".`,
      );
    }
    const shown = STATS_FIELDS.filter((field) => names.includes(field));
    return shown.length > 0 ? shown : [...DEFAULT_FIELDS];
  }

  /** Seconds between refreshes in effect; 0 when off. */
  get #refreshSeconds(): number {
    const seconds = Number(this.refresh);
    if (!Number.isFinite(seconds)) return DEFAULT_REFRESH_SECONDS;
    return seconds > 0 ? Math.max(MIN_REFRESH_SECONDS, seconds) : 0;
  }

  /** Whether figures are read on a timer: refresh is on and the source does not push. */
  get #polling(): boolean {
    return this.#refreshSeconds > 0 && this.#unwatch === undefined;
  }

  protected override sourceFromUrl(src: string): DataSource {
    return lazyUrlSource(src, (url, endpoint) => ({
      getVisitStats: (options) => url.getVisitStatsFromUrl(endpoint, options),
    }));
  }

  protected override loadFailedMessage(t: Translation): string {
    return t.loadFailed.visitStats;
  }

  protected defaultHeading(t: Translation): string {
    return t.headings.visitStats;
  }

  protected taskArgs(): readonly unknown[] {
    return [this.record];
  }

  protected async fetchData(
    source: DataSource,
    [record]: readonly unknown[],
    options: RequestOptions,
  ): Promise<VisitStats> {
    this.#stopTimer();
    // Each read has its number, so a superseded one ending late cannot clear the flag of the newer one.
    const read = ++this.#reads;
    this.#loading = true;
    const pushesBefore = this.#pushes;
    try {
      // The figures are drawn by their own chunk: fetch it beside them.
      const view = loadStatsView();
      view.catch(() => undefined);
      const stats = await this.#readStats(source, record === true, options);
      this.#view = await orAgain(view, loadStatsView);
      this.#countUp ??= new this.#view.CountUpController(this);
      this.addStyles(this.#view.statsViewStyles);
      // A push that arrived while this read was under way is at least as new: keep it.
      if (this.#pushes === pushesBefore) this.live = undefined;
      return stats;
    } finally {
      if (read === this.#reads) this.#loading = false;
      if (!options.signal?.aborted) this.#scheduleNext();
    }
  }

  async #readStats(
    source: DataSource,
    record: boolean,
    options: RequestOptions,
  ): Promise<VisitStats> {
    if (record && source.recordVisit && !countedSources.has(source)) {
      countedSources.add(source);
      try {
        const counted = await source.recordVisit(options);
        if (counted) return counted;
      } catch (error) {
        if (toDataError(error).kind === 'aborted') {
          countedSources.delete(source);
          throw error;
        }
        // Showing the figures matters more than counting this view: read them anyway.
        console.warn('portal-widgets: <pw-visit-stats> could not record the visit.', error);
      }
    }
    return source.getVisitStats(options);
  }

  protected override isEmpty(stats: VisitStats): boolean {
    const shown = this.live ?? stats;
    return this.shownFields.every((field) => !isCount(shown[field]));
  }

  protected override emptyMessage(t: Translation): string {
    return t.empty.stats;
  }

  /** The valid counts of the shown fields, the same object for the same figures (the count-up keys on it). */
  #countsOf(stats: VisitStats): Counts<VisitStatsField> {
    const fields = this.shownFields;
    const key = fields.join(' ');
    if (this.#countsCache?.stats === stats && this.#countsCache.key === key) {
      return this.#countsCache.counts;
    }
    const counts: Counts<VisitStatsField> = {};
    for (const field of fields) {
      const value = stats[field];
      if (isCount(value)) counts[field] = value;
    }
    this.#countsCache = { stats, key, counts };
    return counts;
  }

  protected renderData(stats: VisitStats): TemplateResult | typeof nothing {
    // Loaded data means the view chunk has arrived (fetchData waited for it).
    if (!this.#view || !this.#countUp) return nothing;
    return this.#view.renderStats({
      fields: this.shownFields,
      counts: this.#countsOf(this.live ?? stats),
      t: this.i18n.t,
      digits: this.digits,
      countUp: this.#countUp,
    });
  }

  /** Follows the resolved source's live figures, when it offers them. */
  #syncWatch(): void {
    const source = this.isConnected ? this.currentSource : undefined;
    if (source === this.#watched) return;
    this.#stopWatching();
    if (!source?.watchVisitStats) return;
    this.#watched = source;
    try {
      this.#unwatch = source.watchVisitStats((stats) => this.#onPush(stats));
      this.#stopTimer();
    } catch (error) {
      // Live figures that fail to start leave the box polling as before.
      console.warn('portal-widgets: <pw-visit-stats> could not follow live figures.', error);
    }
  }

  #stopWatching(): void {
    const unwatch = this.#unwatch;
    this.#unwatch = undefined;
    this.#watched = undefined;
    this.live = undefined;
    unwatch?.();
    // Back to polling, if a load is not about to schedule it anyway.
    if (unwatch && this.isConnected && !this.#loading) this.#scheduleNext();
  }

  #onPush(stats: VisitStats): void {
    if (!isRecord(stats)) return;
    this.#pushes += 1;
    this.live = stats;
    this.emit('pw-load', stats);
  }

  /** Arms the next refresh, unless refreshing is off, pushed, hidden or the box left the page. */
  #scheduleNext(): void {
    this.#stopTimer();
    if (!this.isConnected || !this.#polling || isHidden()) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      // A missed visibilitychange must not make a hidden tab poll: showing again catches up.
      if (!isHidden()) this.reload();
    }, this.#refreshSeconds * 1000);
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
