import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createUrlSource } from '../data/adapters/url.js';
import { ConfigError, toDataError, type DataError } from '../data/errors.js';
import type { DataSource, RequestOptions } from '../data/types.js';
import type { ErrorReason, Translation } from '../i18n/index.js';
import { VERSION } from './define.js';
import { LangController } from './lang.js';
import { sourceContext } from './source-context.js';
import { getDefaultSource, onSourcesChanged } from './source-registry.js';
import { boxStyles } from './styles.js';

/** No source could be resolved for a widget; `reason` says which kind of miss. */
export class SourceResolutionError extends ConfigError {
  readonly reason: 'no-source' | 'source-not-found';
  constructor(reason: 'no-source' | 'source-not-found', message: string) {
    super(message);
    this.name = 'SourceResolutionError';
    this.reason = reason;
  }
}

/** A `<pw-source>` as seen by widgets: anything holding a resolved data source. */
interface SourceHolder extends Element {
  source?: DataSource;
}

// One DataSource per distinct `src`, so every widget with the same src shares it.
const urlSources = new Map<string, DataSource>();

/**
 * What every widget shares: the box frame, source resolution, language, the
 * loading / loaded / empty / error states driven by `@lit/task`, and events.
 * A widget says what to fetch (`taskArgs`, `fetchData`) and how to draw it
 * (`renderData`); the base does the rest, the same way for all.
 *
 * @fires pw-load - The data arrived and is shown; `detail` is the data.
 * @fires pw-error - Loading failed; `detail.error` is a typed `DataError`.
 *
 * @attribute lang - `vi` (default) or `en`. When absent, the language of the
 *   nearest ancestor with `lang` (or the document's), following changes to it.
 *
 * @slot - Plain-HTML fallback given by the server; shown until the data arrives.
 *
 * @csspart box - The whole box.
 * @csspart header - The box's title bar.
 * @csspart body - The area under the title bar.
 * @csspart skeleton - Placeholder lines shown while loading.
 * @csspart message - The sentence shown when there is nothing to show.
 * @csspart error - The error message with its retry button.
 * @csspart retry-button - The button that loads the data again.
 *
 * @cssproperty --pw-color-primary - Main color: header bar and buttons.
 * @cssproperty --pw-color-text - Body text color.
 * @cssproperty --pw-color-muted - Secondary text (dates, messages).
 * @cssproperty --pw-color-link - Link color.
 * @cssproperty --pw-color-link-hover - Link color on hover.
 * @cssproperty --pw-color-surface - Box background.
 * @cssproperty --pw-color-border - Box border color.
 * @cssproperty --pw-color-error - Error text color.
 * @cssproperty --pw-color-focus - Keyboard focus ring color.
 * @cssproperty --pw-color-skeleton - Loading placeholder color.
 * @cssproperty --pw-radius - Corner radius of the box and buttons.
 * @cssproperty --pw-space - Inner spacing of the box.
 * @cssproperty --pw-box-header-bg - Header bar background (defaults to the primary color).
 * @cssproperty --pw-box-header-color - Header bar text color.
 * @cssproperty --pw-box-header-font - Header bar font family (inherits by default).
 * @cssproperty --pw-box-header-font-size - Header bar font size.
 * @cssproperty --pw-box-header-text-transform - Header bar text transform (uppercase by default).
 * @cssproperty --pw-button-bg - Button background.
 * @cssproperty --pw-button-color - Button text color.
 */
export abstract class PortalElement<T> extends LitElement {
  /** The library version that registered this element. */
  static version = VERSION;

  static override styles = [boxStyles];

  /** Box title; a localized default when absent. */
  @property() heading?: string;

  /** Level of the box title for assistive technology (1–6). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** The `id` of a `<pw-source>` anywhere in the document, used when no `<pw-source>` encloses this widget. */
  @property() source?: string;

  /** A URL answering this widget's canonical JSON directly (the shortest embed). */
  @property() src?: string;

  /** The source of the nearest enclosing `<pw-source>`. */
  @consume({ context: sourceContext, subscribe: true })
  @state()
  protected contextSource?: DataSource;

  /** Language and strings; follows `lang` on this element or any ancestor. */
  protected readonly i18n = new LangController(this);

  private unsubscribeSources?: () => void;
  private hasFallback = false;
  private nextRunFresh = false;
  private lastGood?: { key: string; value: T };

  /** The task that loads this widget's data; re-runs when its arguments change. */
  protected readonly task = new Task(this, {
    args: () => [this.resolveSource(), ...this.taskArgs()] as const,
    task: async ([resolved, ...args], { signal }) => {
      if (resolved === 'pending') {
        // The named <pw-source> is on the page but not yet upgraded: stay loading;
        // its arrival changes the task arguments and starts a new run.
        return new Promise<T>((_, reject) =>
          signal.addEventListener('abort', () => reject(signal.reason), { once: true }),
        );
      }
      if (!resolved || typeof resolved === 'string') {
        const reason = resolved ?? 'no-source';
        throw new SourceResolutionError(
          reason,
          reason === 'no-source'
            ? `<${this.localName}> has no data source: wrap it in <pw-source>, or set source, src or a default source.`
            : `<${this.localName}> names source="${this.source}", but no <pw-source> with that id is on the page.`,
        );
      }
      const fresh = this.nextRunFresh;
      this.nextRunFresh = false;
      return this.fetchData(resolved, args, { signal, fresh, lang: this.i18n.lang });
    },
    onComplete: (value) => {
      this.lastGood = { key: this.argsKey(), value };
      this.emit('pw-load', value);
    },
    onError: (error) => {
      const dataError = toDataError(error);
      if (dataError.kind !== 'aborted') this.emit('pw-error', { error: dataError });
    },
  });

  /** The box title when `heading` is not set. */
  protected abstract defaultHeading(t: Translation): string;

  /** The values besides the source that decide what to load; a change re-runs the task. */
  protected abstract taskArgs(): readonly unknown[];

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

  /** The sentence shown for a failed load. */
  protected errorMessage(error: DataError, t: Translation): string {
    const reason: ErrorReason = error instanceof SourceResolutionError ? error.reason : error.kind;
    return `${t.errorLead} ${t.errors[reason]}`;
  }

  /** Placeholder shaped like the content while loading. */
  protected renderSkeleton(): TemplateResult {
    return html`<div part="skeleton" aria-hidden="true">
      <span class="skeleton"></span><span class="skeleton"></span><span class="skeleton"></span>
    </div>`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.hasFallback = [...this.childNodes].some(
      (node) =>
        node.nodeType === Node.ELEMENT_NODE ||
        (node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== ''),
    );
    // A named or default source may appear after this widget; look again when it does.
    this.unsubscribeSources = onSourcesChanged(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribeSources?.();
    this.unsubscribeSources = undefined;
  }

  /** Loads the data again, bypassing fresh cache entries. */
  reload(): void {
    this.nextRunFresh = true;
    void this.task.run();
  }

  /** Fires one of the library's events: bubbling, composed, typed. */
  protected emit<D>(
    name: string,
    detail: D,
    options: { cancelable?: boolean } = {},
  ): CustomEvent<D> {
    const event = new CustomEvent<D>(name, {
      detail,
      bubbles: true,
      composed: true,
      cancelable: options.cancelable ?? false,
    });
    this.dispatchEvent(event);
    return event;
  }

  /**
   * DESIGN order: enclosing `<pw-source>`, then `source="id"`, then `src`,
   * then the page default. Returns the reason when nothing is found.
   */
  protected resolveSource(): DataSource | 'pending' | 'no-source' | 'source-not-found' {
    if (this.contextSource) return this.contextSource;
    if (this.source) {
      const root = this.getRootNode() as Document | ShadowRoot;
      const holder = (root.getElementById?.(this.source) ??
        document.getElementById(this.source)) as SourceHolder | null;
      if (holder?.source) return holder.source;
      const mayStillArrive =
        document.readyState === 'loading' ||
        (holder?.localName === 'pw-source' && !customElements.get('pw-source'));
      return mayStillArrive ? 'pending' : 'source-not-found';
    }
    if (this.src) {
      let urlSource = urlSources.get(this.src);
      if (!urlSource) {
        urlSource = createUrlSource(this.src);
        urlSources.set(this.src, urlSource);
      }
      return urlSource;
    }
    return getDefaultSource() ?? (document.readyState === 'loading' ? 'pending' : 'no-source');
  }

  /** The time zone dates are shown in: the source's own, else the portal default. */
  protected get timeZone(): string {
    const resolved = this.resolveSource();
    return (typeof resolved === 'object' && resolved.timeZone) || 'Asia/Ho_Chi_Minh';
  }

  private argsKey(): string {
    return JSON.stringify(this.taskArgs());
  }

  override render(): TemplateResult {
    const t = this.i18n.t;
    const level = Math.min(6, Math.max(1, Math.trunc(this.headingLevel) || 2));
    const heading = this.heading ?? this.defaultHeading(t);
    const busy = this.task.status === TaskStatus.INITIAL || this.task.status === TaskStatus.PENDING;
    let body: unknown;
    let announcement = busy ? t.loading : '';
    if (this.task.status === TaskStatus.COMPLETE && this.task.value !== undefined) {
      const value = this.task.value;
      if (this.isEmpty(value)) {
        announcement = this.emptyMessage(t);
        body = html`<p part="message" class="message">${announcement}</p>`;
      } else {
        body = this.renderData(value);
      }
    } else if (this.task.status === TaskStatus.ERROR) {
      const error = toDataError(this.task.error);
      const message = this.errorMessage(error, t);
      // A failed refresh of the same view keeps the last good data on screen.
      const keep =
        this.lastGood && this.lastGood.key === this.argsKey() ? this.lastGood : undefined;
      body = html`${keep ? this.renderData(keep.value) : nothing}
        <div part="error" class=${keep ? 'error stale' : 'error'} role="alert">
          <p>${keep ? t.staleNotice : message}</p>
          <button type="button" part="retry-button" @click=${() => this.reload()}>
            ${t.retry}
          </button>
        </div>`;
    } else if (this.lastGood) {
      body = this.renderData(this.lastGood.value);
    } else {
      body = this.hasFallback ? html`<slot></slot>` : this.renderSkeleton();
    }
    return html`<section part="box" class="box" aria-busy=${busy ? 'true' : 'false'}>
      <div part="header" class="header" role="heading" aria-level=${level}>${heading}</div>
      <div part="body" class="body">${body}</div>
      <div class="visually-hidden" role="status">${announcement}</div>
    </section>`;
  }
}
