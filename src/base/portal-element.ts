import { ContextConsumer } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import {
  html,
  LitElement,
  nothing,
  type CSSResult,
  type PropertyDeclarations,
  type TemplateResult,
} from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ConfigError, HttpError, toDataError, type DataError } from '../data/errors.js';
import type { DataSource, RequestOptions } from '../data/types.js';
import { DEFAULT_TIME_ZONE } from '../data/time-zone.js';
import type { ErrorReason, Translation } from '../i18n/index.js';
import { VERSION } from './define.js';
import type { PortalEventMap } from './events.js';
import { clampHeadingLevel, heading } from './heading.js';
import { LangController } from './lang.js';
import { sourceContext } from './source-context.js';
import { onSourcesChanged } from './source-registry.js';
import { resolveSource, SourceResolutionError, type Resolution } from './source-resolution.js';
import { boxStyles } from './styles.js';

export { SourceResolutionError };

/** The detail type of one of the library's events. */
type DetailOf<K extends keyof PortalEventMap> =
  PortalEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * The arguments of one task run, as compared to decide whether data shown
 * belongs to the view asked for now: the source by identity, the rest by value.
 */
interface RunKey {
  source: Resolution;
  args: string;
}

/** What the box shows at one moment, decided from the task and the last good data. */
type View<T> =
  | { state: 'loading' }
  | { state: 'refreshing'; data: T; stale?: DataError }
  | { state: 'loaded'; data: T }
  | { state: 'error'; error: DataError }
  | { state: 'stale'; data: T; error: DataError };

export { clampHeadingLevel };

/**
 * What every widget shares: the box frame, source resolution, language, the
 * loading / loaded / empty / error states driven by `@lit/task`, and events.
 * A widget says what to fetch (`taskArgs`, `fetchData`) and how to draw it
 * (`renderData`); the base does the rest, the same way for all.
 *
 * States: while loading, the box is `aria-busy="true"` and shows the
 * server-given fallback children, or else a skeleton shaped like the content.
 * Loaded data replaces the fallback. An empty result is a sentence; a failed
 * load is a message naming what failed and why, with a retry button
 * (`role="alert"`). A failed refresh keeps the last good data and adds a
 * notice. Loading, loaded and empty are announced politely through a visually
 * hidden status region; errors only through their alert, so nothing is read twice.
 *
 * @fires {CustomEvent<unknown>} pw-load - The data arrived and is shown; `detail` is the data (its type is named by each element).
 * @fires {CustomEvent<ErrorEventDetail>} pw-error - Loading failed; `detail.error` is a typed `DataError`, `detail.message` the sentence shown.
 *
 * @attribute lang - `vi` (default) or `en`. When absent, the language of the
 *   nearest ancestor with `lang` (or the document's), following changes to it.
 *
 * @slot - Plain-HTML fallback given by the server; shown until the data arrives, then hidden.
 *
 * @csspart box - The whole box.
 * @csspart header - The box's title bar (a real `h1`–`h6`, see `heading-level`).
 * @csspart body - The area under the title bar.
 * @csspart skeleton - Placeholder lines shown while loading.
 * @csspart message - The sentence shown when there is nothing to show.
 * @csspart error - The error message with its retry button (also the notice over stale data).
 * @csspart retry-button - The button that loads the data again.
 *
 * @cssproperty --pw-font-family - Font of the box. Default: inherited from the page.
 * @cssproperty --pw-font-size - Base font size of the box. Default: inherited.
 * @cssproperty --pw-line-height - Line height of the box. Default: inherited.
 * @cssproperty --pw-color-primary - Main color: header bar and buttons. Default: portal red `#9e1b1b`.
 * @cssproperty --pw-color-text - Body text color.
 * @cssproperty --pw-color-muted - Secondary text (dates, messages).
 * @cssproperty --pw-color-link - Link color.
 * @cssproperty --pw-color-link-hover - Link color on hover.
 * @cssproperty --pw-color-surface - Box background.
 * @cssproperty --pw-color-border - Box and control border color.
 * @cssproperty --pw-color-error - Error text color.
 * @cssproperty --pw-color-focus - Keyboard focus ring color.
 * @cssproperty --pw-color-skeleton - Loading placeholder color.
 * @cssproperty --pw-focus-ring-width - Width of the keyboard focus ring.
 * @cssproperty --pw-radius - Corner radius of the box.
 * @cssproperty --pw-radius-small - Corner radius of buttons, inputs and placeholders. Default: `--pw-radius`.
 * @cssproperty --pw-space - Inner spacing of the box body.
 * @cssproperty --pw-space-small - Gaps between small pieces (buttons, lines).
 * @cssproperty --pw-box-border-width - Width of the box border (0 for a borderless card).
 * @cssproperty --pw-box-shadow - Shadow of the box. Default: none.
 * @cssproperty --pw-box-header-bg - Header bar background (defaults to the primary color).
 * @cssproperty --pw-box-header-color - Header bar text color.
 * @cssproperty --pw-box-header-font - Header bar font family (inherits by default).
 * @cssproperty --pw-box-header-font-size - Header bar font size.
 * @cssproperty --pw-box-header-font-weight - Header bar font weight.
 * @cssproperty --pw-box-header-text-transform - Header bar text transform (uppercase by default).
 * @cssproperty --pw-box-header-padding - Header bar inner spacing.
 * @cssproperty --pw-box-header-letter-spacing - Header bar letter spacing.
 * @cssproperty --pw-box-header-border - Line under the header bar. Default: none.
 * @cssproperty --pw-button-bg - Button background (defaults to the primary color).
 * @cssproperty --pw-button-color - Button text color.
 * @cssproperty --pw-button-padding - Button inner spacing.
 */
export abstract class PortalElement<T> extends LitElement {
  /** The library version that registered this element. */
  static version = VERSION;

  static override styles = [boxStyles];

  // Declared here rather than with decorators: a plain object costs a page
  // fewer bytes than a decorator call per field, and subclasses add theirs.
  static override properties: PropertyDeclarations = {
    heading: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    source: {},
    src: {},
    contextSource: { state: true },
    hasFallback: { state: true },
  };

  /** Box title; a localized default when absent. */
  heading?: string;

  /**
   * Level of the box title (1–6, default 2), so the box fits the page's
   * outline; values outside the range are clamped.
   */
  headingLevel = 2;

  /** The `id` of a `<pw-source>` anywhere in the document, used when no `<pw-source>` encloses this widget. */
  source?: string;

  /** A URL answering this widget's canonical JSON directly (the shortest embed). */
  src?: string;

  /** The source of the nearest enclosing `<pw-source>`. */
  protected contextSource?: DataSource;

  /** Language and strings; follows `lang` on this element or any ancestor. */
  protected readonly i18n = new LangController(this);

  /** Whether the server gave light-DOM content to show until the data arrives. */
  private hasFallback = false;

  #unsubscribeSources?: () => void;
  private nextRunFresh = false;
  // The data of the last successful run, under the arguments of that run.
  private lastGood?: { key: RunKey; value: T };
  // The arguments of the run now pending; they become lastGood's key if it succeeds.
  #runKey?: RunKey;
  // The error of the last failed refresh; its notice stays up while the next
  // refresh runs, so a periodic refresh against a dead server is not re-announced.
  private staleError?: { key: RunKey; error: DataError };
  // What the status region says; changed only on real state changes (a
  // background refresh of data already shown says nothing).
  #announcement: 'loading' | 'loaded' | 'empty' | '' = '';
  // The stylesheets given to addStyles, each adopted once.
  #added?: Set<CSSResult>;

  /** The task that loads this widget's data; re-runs when its arguments change. */
  // The task's arguments are the single truth of what to load: the run reads
  // them, never `this`, and the argument function never throws (a bad
  // configuration resolves to its ConfigError, which the run throws).
  protected readonly task = new Task(this, {
    args: () => [this.resolveSource(), ...this.taskArgs()] as const,
    task: async ([resolved, ...args], { signal }) => {
      this.#runKey = { source: resolved, args: this.viewKey(args) };
      if (resolved === 'pending') {
        // The named <pw-source> is on the page but not yet upgraded: stay loading;
        // its arrival changes the task arguments and starts a new run.
        return new Promise<T>((_, reject) =>
          signal.addEventListener('abort', () => reject(signal.reason), { once: true }),
        );
      }
      if (resolved instanceof ConfigError) throw resolved;
      const fresh = this.nextRunFresh;
      this.nextRunFresh = false;
      return this.fetchData(resolved, args, { signal, fresh, lang: this.i18n.lang });
    },
    onComplete: (value) => {
      // Only the latest run completes (the task drops superseded ones), so #runKey is its own.
      if (this.#runKey) this.lastGood = { key: this.#runKey, value };
      this.staleError = undefined;
      this.emit('pw-load', value);
    },
    onError: (error) => {
      const dataError = toDataError(error);
      if (dataError.kind === 'aborted') return;
      this.emit('pw-error', {
        error: dataError,
        message: this.errorMessage(dataError, this.i18n.t),
      });
    },
  });

  constructor() {
    super();
    // Asks the enclosing <pw-source>, if any, for its source, and hears when it
    // changes; the controller registers itself with this element.
    new ContextConsumer(this, {
      context: sourceContext,
      subscribe: true,
      callback: (source) => (this.contextSource = source),
    });
  }

  /** The box title when `heading` is not set. */
  protected abstract defaultHeading(t: Translation): string;

  /**
   * The values besides the source that decide what to load; a change re-runs
   * the task. Return the same values (primitives, or the very same objects)
   * for the same view: they are compared one by one with `!==`.
   */
  protected abstract taskArgs(): readonly unknown[];

  /**
   * Which of the task's arguments name the view, as a string: a failed run
   * whose view is the one on screen keeps its data up with a notice. Default:
   * all of them; a list leaves out the page number, so a failed page change
   * keeps the page shown.
   */
  protected viewKey(args: readonly unknown[]): string {
    return JSON.stringify(args);
  }

  /** Loads this widget's data from the resolved source. */
  protected abstract fetchData(
    source: DataSource,
    args: readonly unknown[],
    options: RequestOptions,
  ): Promise<T>;

  /** Draws the loaded data inside the box body. */
  protected abstract renderData(data: T): TemplateResult | typeof nothing;

  /** Whether loaded data has nothing to show (an empty list, say). */
  protected isEmpty(_data: T): boolean {
    return false;
  }

  /** The sentence shown when the data is empty. */
  protected emptyMessage(t: Translation): string {
    return t.empty.articles;
  }

  /** The first sentence of an error message: what this box failed to load. Each element names its own. */
  protected loadFailedMessage(t: Translation): string {
    return t.errorLead;
  }

  /** The sentence shown for a failed load: what failed, then why. */
  protected errorMessage(error: DataError, t: Translation): string {
    const reason: ErrorReason = error instanceof SourceResolutionError ? error.reason : error.kind;
    const why =
      error instanceof HttpError && error.status > 0
        ? t.httpStatus(error.status)
        : t.errors[reason];
    return `${this.loadFailedMessage(t)} ${why}`;
  }

  /** Whether a failed load offers "Thử lại"; false where the same request would fail the same way. */
  protected canRetry(_error: DataError): boolean {
    return true;
  }

  /**
   * Placeholder shaped like the content while loading, so the page does not
   * jump when the data arrives. Widgets override it with their own shape.
   */
  protected renderSkeleton(): TemplateResult {
    return this.renderSkeletonLines(4);
  }

  /** `count` placeholder lines of varying length, for {@link renderSkeleton}. */
  protected renderSkeletonLines(count: number): TemplateResult {
    return html`<div part="skeleton" class="skeleton-lines" aria-hidden="true">
      ${Array.from({ length: count }, () => html`<span class="skeleton"></span>`)}
    </div>`;
  }

  /**
   * The data of the last successful load: what the box shows, also while a
   * refresh runs or after it failed. Secondary parts (an article's related
   * items) load from it, after the main content is up.
   */
  protected get lastLoaded(): T | undefined {
    return this.lastGood?.value;
  }

  /**
   * Adds the stylesheet of a part loaded later (a box's drawing of its data,
   * downloaded beside the data) to this box, once. That CSS then travels with
   * its code instead of in the first script of every page.
   */
  protected addStyles(styles: CSSResult): void {
    const root = this.renderRoot as ShadowRoot;
    if ((this.#added ??= new Set()).has(styles)) return;
    this.#added.add(styles);
    // No styleSheet where shadow roots cannot adopt sheets: a <style> then, as lit does.
    const sheet = styles.styleSheet;
    if (sheet) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } else {
      root.appendChild(document.createElement('style')).textContent = styles.cssText;
    }
  }

  /** The box title's level, `heading-level` clamped to 1–6. */
  protected get effectiveHeadingLevel(): number {
    return clampHeadingLevel(this.headingLevel);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.hasFallback = hasContent([...this.childNodes]);
    // A named or default source may appear after this widget; look again when it does.
    this.#unsubscribeSources = onSourcesChanged(() => this.requestUpdate());
    // Back on the page after its request was cancelled: load again.
    if (this.task.status === TaskStatus.ERROR && toDataError(this.task.error).kind === 'aborted') {
      void this.task.run();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribeSources?.();
    this.#unsubscribeSources = undefined;
    // A widget that leaves the page cancels its request; one merely moved
    // (disconnected and connected again at once) keeps it.
    queueMicrotask(() => {
      if (!this.isConnected) this.task.abort();
    });
  }

  /**
   * A new box asks for its data before it draws anything, and draws one
   * microtask later, after the boxes upgraded with it have asked for theirs:
   * a page's requests leave together instead of one skeleton render apart.
   * (The first update then finds the task running with the same arguments.)
   *
   * It also waits for the strings of the language in effect before drawing,
   * so an English box never shows Vietnamese first (its catalogue is a lazy
   * chunk); `updateComplete` waits too. A box already drawn keeps its old text
   * meanwhile; a new one shows the server's fallback through a bare slot, its
   * data loading beside the strings.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const first = !this.hasUpdated;
    if (first && this.task.status === TaskStatus.INITIAL) void this.task.run();
    const loading = this.i18n.loading;
    if (!loading) {
      return first ? Promise.resolve().then(() => super.scheduleUpdate()) : super.scheduleUpdate();
    }
    const placeholder = this.hasUpdated
      ? undefined
      : this.renderRoot.appendChild(document.createElement('slot'));
    return loading.then(() => {
      placeholder?.remove();
      return this.scheduleUpdate();
    });
  }

  /** Loads the data again, bypassing fresh cache entries. */
  reload(): void {
    this.nextRunFresh = true;
    void this.task.run();
  }

  /** Fires one of the library's events (see `PortalEventMap`): bubbling, composed, typed. */
  protected emit<K extends keyof PortalEventMap>(
    name: K,
    detail: DetailOf<K>,
    options: { cancelable?: boolean } = {},
  ): CustomEvent<DetailOf<K>> {
    const event = new CustomEvent<DetailOf<K>>(name, {
      detail,
      bubbles: true,
      composed: true,
      cancelable: options.cancelable ?? false,
    });
    this.dispatchEvent(event);
    return event;
  }

  /**
   * This widget's source, in the order docs/guide/backends.md documents (see
   * `source-resolution.ts`); a configuration mistake is returned, not thrown.
   */
  protected resolveSource(): Resolution {
    return resolveSource(this, {
      context: this.contextSource,
      sourceId: this.source,
      src: this.src,
      fromUrl: (src) => this.sourceFromUrl(src),
    });
  }

  /**
   * The source behind `src`: each widget builds it from the url adapter's
   * reader of its own data only (`urlSourceWith`), so a page downloads just
   * the normalizers of the widgets it shows. Widgets without a `src` form
   * keep this default, which says so.
   *
   * @throws {ConfigError} when `src` is not a valid URL.
   */
  protected sourceFromUrl(src: string): DataSource {
    throw new ConfigError(`<${this.localName}> cannot read src="${src}"; use a <pw-source>.`);
  }

  /** The time zone dates are shown in: the source's own, else the portal default. */
  protected get timeZone(): string {
    return this.currentSource?.timeZone || DEFAULT_TIME_ZONE;
  }

  /** The source this widget resolves to now, or undefined while pending or misconfigured. */
  protected get currentSource(): DataSource | undefined {
    const resolved = this.resolveSource();
    return resolved === 'pending' || resolved instanceof ConfigError ? undefined : resolved;
  }

  /** The arguments the task would run with now, as compared with a run's. */
  #currentKey(): RunKey {
    return { source: this.resolveSource(), args: this.viewKey(this.taskArgs()) };
  }

  #currentView(): View<T> {
    const key = this.#currentKey();
    switch (this.task.status) {
      case TaskStatus.COMPLETE:
        return { state: 'loaded', data: this.task.value as T };
      case TaskStatus.ERROR: {
        const error = toDataError(this.task.error);
        // A failed refresh of the same view keeps the last good data on screen.
        if (this.lastGood && sameRun(this.lastGood.key, key)) {
          this.staleError = { key, error };
          return { state: 'stale', data: this.lastGood.value, error };
        }
        return { state: 'error', error };
      }
      default:
        if (!this.lastGood) return { state: 'loading' };
        // Earlier data stays up while new data loads, even for new arguments (the next page).
        return {
          state: 'refreshing',
          data: this.lastGood.value,
          stale:
            this.staleError && sameRun(this.staleError.key, key)
              ? this.staleError.error
              : undefined,
        };
    }
  }

  /** Keeps the status region in step with the view; see `#announcement`. */
  #announce(view: View<T>): void {
    switch (view.state) {
      case 'loading':
        this.#announcement = 'loading';
        break;
      case 'refreshing':
        // New arguments (another page) are a load the visitor asked for; a
        // periodic refresh of the same view is not news.
        if (!this.lastGood || !sameRun(this.lastGood.key, this.#currentKey())) {
          this.#announcement = 'loading';
        }
        break;
      case 'loaded':
        this.#announcement = this.isEmpty(view.data) ? 'empty' : 'loaded';
        break;
      default:
        // The alert is read out; the status region stays quiet to avoid a double reading.
        this.#announcement = '';
    }
  }

  #retry(): void {
    // A retry asked for by the visitor must be answered audibly, even with the same outcome.
    this.staleError = undefined;
    this.reload();
  }

  #onFallbackChange(event: Event): void {
    this.hasFallback = hasContent((event.target as HTMLSlotElement).assignedNodes());
  }

  /** The data, or the empty sentence when there is none. */
  #renderContent(data: T): unknown {
    return this.isEmpty(data)
      ? html`<p part="message" class="message">${this.emptyMessage(this.i18n.t)}</p>`
      : this.renderData(data);
  }

  #renderError(message: string, stale: boolean, retry = true): TemplateResult {
    return html`<div part="error" class=${stale ? 'error stale' : 'error'} role="alert">
      <p>${message}</p>
      ${
        retry
          ? html`<button type="button" part="retry-button" @click=${this.#retry}>
              ${this.i18n.t.retry}
            </button>`
          : nothing
      }
    </div>`;
  }

  override render(): TemplateResult {
    const t = this.i18n.t;
    const view = this.#currentView();
    this.#announce(view);
    // The server's fallback stays visible until data (or an error) replaces it.
    const fallback = html`<slot @slotchange=${this.#onFallbackChange}></slot>`;
    let body: unknown;
    switch (view.state) {
      case 'loading':
        body = html`${fallback}${this.hasFallback ? nothing : this.renderSkeleton()}`;
        break;
      case 'error':
        // With a server fallback, the visitor still has that content under the message.
        body = html`${this.#renderError(
          this.errorMessage(view.error, t),
          false,
          this.canRetry(view.error),
        )}${this.hasFallback ? fallback : nothing}`;
        break;
      default: {
        // One template for shown data, with or without the stale notice, so the
        // notice's node survives a refresh and is not read out again.
        const notice = view.state === 'stale' || (view.state === 'refreshing' && view.stale);
        body = html`${this.#renderContent(view.data)}${
          notice ? this.#renderError(t.staleNotice, true) : nothing
        }`;
      }
    }
    const busy = view.state === 'loading' || view.state === 'refreshing';
    const spoken =
      this.#announcement === 'loading'
        ? t.loading
        : this.#announcement === 'loaded'
          ? t.loaded
          : this.#announcement === 'empty'
            ? this.emptyMessage(t)
            : '';
    return html`<section
        part="box"
        class="box"
        aria-busy=${busy ? 'true' : 'false'}
        lang=${ifDefined(this.i18n.langAttribute)}
      >
        ${heading(this.effectiveHeadingLevel, 'header', this.heading ?? this.defaultHeading(t))}
        <div part="body" class="body">${body}</div>
      </section>
      <div class="visually-hidden announcer" role="status" aria-live="polite">${spoken}</div>`;
  }
}

/** Whether two runs load the same view: the same source and the same view arguments. */
function sameRun(a: RunKey, b: RunKey): boolean {
  return a.source === b.source && a.args === b.args;
}

/** Whether nodes hold anything a visitor would see (not just whitespace or comments). */
function hasContent(nodes: Node[]): boolean {
  return nodes.some(
    (node) =>
      node.nodeType === Node.ELEMENT_NODE ||
      (node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== ''),
  );
}
