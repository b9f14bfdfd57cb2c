import { ContextProvider } from '@lit/context';
import {
  css,
  html,
  LitElement,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { parseCategoryAliases, withCategoryAliases } from '../data/adapters/category-aliases.js';
import { createLazySource } from '../data/adapters/forwarding.js';
import { checkTimeZone, DEFAULT_TIME_ZONE } from '../data/dates.js';
import { ConfigError } from '../data/errors.js';
import { lazyModule } from '../data/lazy-module.js';
import type { DataSource } from '../data/types.js';
import { VERSION } from '../base/define.js';
import { sourceContext } from '../base/source-context.js';
import {
  getDefaultSource,
  notifySourcesChanged,
  onSourcesChanged,
  setDefaultSource,
} from '../base/source-registry.js';
import { createBackend } from './backend.js';
import type { CompositeReferences } from './composite-references.js';

/** The backends `<pw-source type>` accepts. */
export type SourceType =
  'json' | 'static' | 'wordpress' | 'rss' | 'liferay' | 'joomla' | 'drupal' | 'composite';

/** The kinds of data a composite source takes from other sources. */
export const COMPOSITE_KINDS = ['articles', 'links', 'stats'] as const;

/** Properties that change the source built from the attributes. */
const CONFIG_PROPERTIES = [
  'type',
  'baseUrl',
  'timezone',
  'categories',
  'siteId',
  'structureId',
  'bodyField',
  'contentType',
  'imageField',
  'categoryField',
  'token',
  'tokenHeader',
  'linksUrl',
  'linksPage',
  'articleUrl',
  ...COMPOSITE_KINDS,
] as const;

type CompositeCode = typeof import('./composite-references.js');

/**
 * The code only `type="composite"` needs (following the sources it names) is
 * a chunk of its own, as few pages use it: the first composite `<pw-source>`
 * loads it. A failed load is tried again by the next call that needs it.
 */
let compositeCode: CompositeCode | undefined;
const importCompositeCode = lazyModule(() => import('./composite-references.js'));

function loadCompositeCode(): Promise<CompositeCode> {
  return importCompositeCode().then((code) => (compositeCode = code));
}

/** A source whose every call fails with one error: a misconfigured source shows as an error state. */
function failingSource(error: Error): DataSource {
  const fail = () => Promise.reject(error);
  return { getArticle: fail, listArticles: fail, listLinks: fail, getVisitStats: fail };
}

/**
 * Says where the data of the widgets comes from. Widgets inside it use it;
 * widgets elsewhere name it with `source="ID"`; with `default` it serves every
 * widget on the page that has no other source.
 *
 * ```html
 * <pw-source id="portal" base-url="/api" default></pw-source>
 * <pw-source id="news" type="wordpress" base-url="https://portal.example"></pw-source>
 * <pw-source id="feed" type="rss" base-url="https://portal.example/feed/?paged={page}"></pw-source>
 * ```
 *
 * For `type="json"` a child `<script type="application/json">` maps any REST
 * API without code: `{ "articles": { "url": "{base}/news?p={page}", "items": "data.rows",
 * "total": "data.count", "fields": { "title": "headline" } } }` (see docs/guide/json-mapping.md).
 * The `wordpress`, `rss`, `liferay`, `joomla` and `drupal` adapters are
 * downloaded only when a widget first asks such a source for data.
 *
 * `type="composite"` takes each kind of data from another `<pw-source>`, named
 * by id: `<pw-source type="composite" articles="news" links="opml" stats="counter">`.
 * Its code too is downloaded only when a composite source is on the page.
 *
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

  static override properties: PropertyDeclarations = {
    type: {},
    baseUrl: { attribute: 'base-url' },
    timezone: {},
    default: { type: Boolean, reflect: true },
    categories: {},
    siteId: { attribute: 'site-id' },
    structureId: { attribute: 'structure-id' },
    bodyField: { attribute: 'body-field' },
    contentType: { attribute: 'content-type' },
    imageField: { attribute: 'image-field' },
    categoryField: { attribute: 'category-field' },
    token: {},
    tokenHeader: { attribute: 'token-header' },
    linksUrl: { attribute: 'links-url' },
    linksPage: { attribute: 'links-page' },
    articleUrl: { attribute: 'article-url' },
    articles: {},
    links: {},
    stats: {},
    customSource: { attribute: false },
  };

  /**
   * The kind of backend: `json` (default), `static`, `wordpress`, `rss`,
   * `liferay`, `joomla`, `drupal`, or `composite` (each kind of data from
   * another source).
   */
  type: SourceType = 'json';

  /**
   * Where the backend lives: the API root (`json`), the data file (`static`),
   * the site root (`wordpress`, `liferay`, `joomla`, `drupal`) or the feed URL,
   * which may hold `{category}` and `{page}` (`rss`).
   */
  baseUrl = '';

  /**
   * IANA time zone for offset-less dates, and for showing dates: Vietnam's
   * (UTC+7) unless set.
   */
  timezone = DEFAULT_TIME_ZONE;

  /** Serve every widget on the page that has no other source. */
  default = false;

  /**
   * Category aliases, any type: `name=id` pairs separated by commas or spaces.
   * Widgets then name categories by the portal's own names and the backend
   * gets its ids: `categories="hoat-dong-lanh-dao=12, tin-tuc=7"`.
   */
  categories = '';

  /** `liferay`: the id of the site (group) whose web content is listed. */
  siteId = '';

  /** `liferay`: list only web content of this structure (its id). */
  structureId = '';

  /** `liferay`: the name of the content field holding the article body (default `content`). */
  bodyField = '';

  /** `drupal`: the content type (node bundle) listed (default `article`). */
  contentType = '';

  /** `drupal`: the image field of that type (default `field_image`; empty for none). */
  imageField?: string;

  /** `drupal`: the taxonomy field holding the category (default `field_tags`; empty for none). */
  categoryField?: string;

  /**
   * `joomla`: an API token, for sites whose content endpoints are not public.
   * Every visitor can read it: never a super user's token; prefer a proxy that adds it.
   */
  token = '';

  /** `joomla`: the header carrying `token` (default `X-Joomla-Token`; `Authorization` sends `Bearer`). */
  tokenHeader = '';

  /**
   * `wordpress`, `rss`: an OPML file holding the link box's links (WordPress
   * default: the site's `/wp-links-opml.php`).
   */
  linksUrl = '';

  /** `wordpress`: the slug of a page whose anchors are the links, grouped under its headings. */
  linksPage = '';

  /**
   * `liferay`, `joomla`: URL template of an article's page on the portal, with
   * `{id}` and `{slug}` (Joomla also `{category}`).
   */
  articleUrl = '';

  /** `composite`: the id of the `<pw-source>` serving articles. */
  articles = '';

  /** `composite`: the id of the `<pw-source>` serving links. */
  links = '';

  /** `composite`: the id of the `<pw-source>` serving visit statistics. */
  stats = '';

  /** A data source set in script; overrides the attributes. */
  customSource?: DataSource;

  // Hands the source to the widgets inside; they hear at once when it is replaced.
  readonly #provider = new ContextProvider(this, { context: sourceContext });

  /** The data source built from the attributes (or the one set in script). */
  get #provided(): DataSource | undefined {
    return this.#provider.value;
  }
  set #provided(source: DataSource | undefined) {
    this.#provider.setValue(source);
  }

  /** For a composite: the sources it names, to notice when one of them changes (composite chunk). */
  #references?: CompositeReferences;
  #following = false;
  // The configuration the provided source was built from (see willUpdate).
  #builtFrom?: string;
  #unsubscribeSources?: () => void;

  /** The data source widgets use: set it to plug in any backend. */
  get source(): DataSource | undefined {
    return this.#provided;
  }
  set source(value: DataSource | undefined) {
    this.customSource = value;
    this.#provided = value ?? this.#buildSource();
    this.#announce();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#provided ??= this.customSource ?? this.#buildSource();
    this.#announce();
    this.#unsubscribeSources = onSourcesChanged(() => this.#followReferencedSources());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribeSources?.();
    this.#unsubscribeSources = undefined;
    if (this.default && getDefaultSource() === this.#provided) setDefaultSource(undefined);
    else notifySourcesChanged();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Compared with what the source was built from, not with `hasUpdated`: the
    // first update also carries attributes set after connecting, which the
    // source built in connectedCallback has not seen.
    const configChanged =
      CONFIG_PROPERTIES.some((name) => changed.has(name)) && this.#configKey() !== this.#builtFrom;
    if (configChanged && !this.customSource) {
      this.#provided = this.#buildSource();
      this.#announce();
    } else if (changed.has('default') && this.hasUpdated) {
      this.#announce();
    }
  }

  /** Tells widgets waiting for a named or default source to look again. */
  #announce(): void {
    if (!this.isConnected) return;
    if (this.default) setDefaultSource(this.#provided);
    else notifySourcesChanged();
  }

  /** A composite is rebuilt when a source it refers to appears or changes, so its widgets reload. */
  #followReferencedSources(): void {
    // Announcing the rebuilt source notifies every source again, this one included.
    if (this.type !== 'composite' || this.customSource || this.#following) return;
    // Not built from its references yet: its stand-in reads them when the chunk arrives.
    if (!this.#references?.changed()) return;
    this.#following = true;
    try {
      this.#provided = this.#buildSource();
      this.#announce();
    } finally {
      this.#following = false;
    }
  }

  /** The configuration properties' values, as one comparable string. */
  #configKey(): string {
    return JSON.stringify(CONFIG_PROPERTIES.map((name) => this[name]));
  }

  #buildSource(): DataSource {
    this.#builtFrom = this.#configKey();
    try {
      const timeZone = checkTimeZone(this.timezone || DEFAULT_TIME_ZONE);
      if (this.type === 'composite' && !compositeCode) return this.#compositeStandIn(timeZone);
      let source = this.#buildBackend(timeZone);
      if (this.categories.trim()) {
        source = withCategoryAliases(source, parseCategoryAliases(this.categories));
      }
      return source;
    } catch (error) {
      const configError =
        error instanceof ConfigError
          ? error
          : new ConfigError(`<pw-source> configuration: ${String(error)}`);
      // A warning, not an error: the widgets show the problem themselves, in the page's language.
      console.warn(`portal-widgets: ${configError.message}`);
      return failingSource(configError);
    }
  }

  #buildBackend(timeZone: string): DataSource {
    if (this.type === 'composite') {
      // Loaded by now: until it is, buildSource() gives a stand-in instead.
      this.#references ??= new compositeCode!.CompositeReferences(this);
      return this.#references.build(timeZone);
    }
    const mapping = this.querySelector(':scope > script[type="application/json"]');
    // The element's own properties are the backend settings (see BackendSettings).
    return createBackend(this, timeZone, mapping?.textContent);
  }

  /**
   * What a composite provides while the composite chunk loads: a stand-in
   * that waits for it, then hands every call to the source built as usual.
   * It stays this element's source until the next rebuild, so widgets that
   * already asked it are not reloaded. `watchVisitStats` is that of the built
   * source, seen once it exists (a visit box looks again after each load).
   */
  #compositeStandIn(timeZone: string): DataSource {
    let built: DataSource | undefined;
    const target = (): DataSource | undefined => {
      if (built || !compositeCode) return built;
      // Replaced before the chunk came: the source that replaced it answers.
      if (this.#provided && this.#provided !== standIn) return this.#provided;
      return (built = this.#buildSource());
    };
    const standIn: DataSource = {
      ...createLazySource(() => loadCompositeCode().then(() => target()!), { timeZone }),
      get watchVisitStats(): DataSource['watchVisitStats'] {
        const source = target();
        return source?.watchVisitStats && ((callback) => source.watchVisitStats!(callback));
      },
    };
    // Built as soon as the chunk is here, as it would have been at once, so a
    // configuration error is reported even before a widget asks.
    void loadCompositeCode().then(target, () => undefined);
    return standIn;
  }

  override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
