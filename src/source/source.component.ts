import { provide } from '@lit/context';
import { css, html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createJsonSource, type JsonSourceOptions } from '../data/adapters/json.js';
import { createStaticSource } from '../data/adapters/static.js';
import { ConfigError } from '../data/errors.js';
import type { DataSource } from '../data/types.js';
import { VERSION } from '../base/define.js';
import { sourceContext } from '../base/source-context.js';
import {
  getDefaultSource,
  notifySourcesChanged,
  setDefaultSource,
} from '../base/source-registry.js';

/** The backends `<pw-source type>` accepts. */
export type SourceType = 'json' | 'static' | 'wordpress' | 'rss' | 'liferay' | 'joomla' | 'drupal';

/** A source whose every call fails with one error: a misconfigured source shows as an error state. */
function failingSource(error: Error): DataSource {
  const fail = () => Promise.reject(error);
  return { getArticle: fail, listArticles: fail, listLinks: fail, getVisitStats: fail };
}

/** Reads the optional `<script type="application/json">` child holding endpoint templates and field paths. */
function readJsonConfig(host: Element): Partial<JsonSourceOptions> {
  const script = host.querySelector(':scope > script[type="application/json"]');
  if (!script?.textContent?.trim()) return {};
  const config: unknown = JSON.parse(script.textContent);
  if (!config || typeof config !== 'object' || Array.isArray(config)) {
    throw new ConfigError('The JSON configuration of <pw-source> must be an object.');
  }
  return config as Partial<JsonSourceOptions>;
}

/**
 * Says where the data of the widgets comes from. Widgets inside it use it;
 * widgets elsewhere name it with `source="ID"`; with `default` it serves every
 * widget on the page that has no other source.
 *
 * ```html
 * <pw-source id="portal" base-url="/api" default></pw-source>
 * ```
 *
 * For `type="json"` a child `<script type="application/json">` may map any REST
 * API: `{ "endpoints": { "articles": "{base}/news?p={page}" }, "fields": { … } }`.
 * In script, assign any object implementing `DataSource` to `.source`.
 *
 * @summary The data source of the portal widgets.
 * @slot - Widgets that use this source.
 */
export class SourceElement extends LitElement {
  /** The library version that registered this element. */
  static version = VERSION;

  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The kind of backend. */
  @property() type: SourceType = 'json';

  /** Where the backend lives: the API root, the site root or the data file, depending on `type`. */
  @property({ attribute: 'base-url' }) baseUrl = '';

  /** IANA time zone for offset-less dates, and for showing dates. */
  @property() timezone = 'Asia/Ho_Chi_Minh';

  /** Serve every widget on the page that has no other source. */
  @property({ type: Boolean, reflect: true }) default = false;

  /** A data source set in script; overrides the attributes. */
  @property({ attribute: false }) customSource?: DataSource;

  /** The data source built from the attributes (or the one set in script). */
  @provide({ context: sourceContext })
  @state()
  private provided?: DataSource;

  /** The data source widgets use: set it to plug in any backend. */
  get source(): DataSource | undefined {
    return this.provided;
  }
  set source(value: DataSource | undefined) {
    this.customSource = value;
    this.provided = value ?? this.buildSource();
    this.announce();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.provided ??= this.customSource ?? this.buildSource();
    this.announce();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.default && getDefaultSource() === this.provided) setDefaultSource(undefined);
    else notifySourcesChanged();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const configChanged = changed.has('type') || changed.has('baseUrl') || changed.has('timezone');
    if (configChanged && !this.customSource && this.hasUpdated) {
      this.provided = this.buildSource();
      this.announce();
    } else if (changed.has('default') && this.hasUpdated) {
      this.announce();
    }
  }

  /** Tells widgets waiting for a named or default source to look again. */
  private announce(): void {
    if (!this.isConnected) return;
    if (this.default) setDefaultSource(this.provided);
    else notifySourcesChanged();
  }

  private buildSource(): DataSource {
    try {
      const timeZone = this.timezone || 'Asia/Ho_Chi_Minh';
      switch (this.type) {
        case 'json':
          return createJsonSource({ ...readJsonConfig(this), baseUrl: this.baseUrl, timeZone });
        case 'static':
          return createStaticSource({ url: this.baseUrl, timeZone });
        default:
          throw new ConfigError(
            `<pw-source type="${this.type}"> is not supported by this version.`,
          );
      }
    } catch (error) {
      const configError =
        error instanceof ConfigError
          ? error
          : new ConfigError(`<pw-source> configuration: ${String(error)}`);
      console.error(configError);
      return failingSource(configError);
    }
  }

  override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
