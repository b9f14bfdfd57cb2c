import { provide } from '@lit/context';
import { css, html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  createCompositeSource,
  createForwardingSource,
  createLazySource,
  parseCategoryAliases,
  withCategoryAliases,
  type CompositeParts,
} from '../data/adapters/composite.js';
import { createJsonSource, type JsonSourceOptions } from '../data/adapters/json.js';
import { createStaticSource } from '../data/adapters/static.js';
import { checkTimeZone, DEFAULT_TIME_ZONE } from '../data/dates.js';
import { ConfigError } from '../data/errors.js';
import type { DataSource } from '../data/types.js';
import { VERSION } from '../base/define.js';
import { sourceContext } from '../base/source-context.js';
import {
  getDefaultSource,
  notifySourcesChanged,
  onSourcesChanged,
  setDefaultSource,
} from '../base/source-registry.js';

/** The backends `<pw-source type>` accepts. */
export type SourceType =
  'json' | 'static' | 'wordpress' | 'rss' | 'liferay' | 'joomla' | 'drupal' | 'composite';

/** The kinds of data a composite source takes from other sources. */
const COMPOSITE_KINDS = ['articles', 'links', 'stats'] as const;

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

/** Anything on the page holding a data source: a `<pw-source>`, or an element set up in script. */
type SourceHolder = Element & { source?: DataSource };

/**
 * A source whose adapter is downloaded on first use, so the script-tag bundle
 * carries only the json and static adapters. A configuration error found when
 * the adapter is created is reported like one found at once.
 */
function lazyAdapter(timeZone: string, create: () => Promise<DataSource>): DataSource {
  return createLazySource(
    () =>
      create().catch((error: unknown) => {
        if (error instanceof ConfigError) console.warn(`portal-widgets: ${error.message}`);
        throw error;
      }),
    { timeZone },
  );
}

/** A source whose every call fails with one error: a misconfigured source shows as an error state. */
function failingSource(error: Error): DataSource {
  const fail = () => Promise.reject(error);
  return { getArticle: fail, listArticles: fail, listLinks: fail, getVisitStats: fail };
}

/** Reads the optional `<script type="application/json">` child holding the mapping of the API. */
function readJsonConfig(host: Element): Partial<JsonSourceOptions> {
  const script = host.querySelector(':scope > script[type="application/json"]');
  if (!script?.textContent?.trim()) return {};
  let config: unknown;
  try {
    config = JSON.parse(script.textContent);
  } catch (error) {
    throw new ConfigError(
      `The JSON mapping inside <pw-source> is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
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
 * <pw-source id="news" type="wordpress" base-url="https://portal.example"></pw-source>
 * <pw-source id="feed" type="rss" base-url="https://portal.example/feed/?paged={page}"></pw-source>
 * ```
 *
 * For `type="json"` a child `<script type="application/json">` maps any REST
 * API without code: `{ "articles": { "url": "{base}/news?p={page}", "items": "data.rows",
 * "total": "data.count", "fields": { "title": "headline" } } }` (see the README).
 * The `wordpress`, `rss`, `liferay`, `joomla` and `drupal` adapters are
 * downloaded only when a widget first asks such a source for data.
 *
 * `type="composite"` takes each kind of data from another `<pw-source>`, named
 * by id: `<pw-source type="composite" articles="news" links="opml" stats="counter">`.
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

  /**
   * The kind of backend: `json` (default), `static`, `wordpress`, `rss`,
   * `liferay`, `joomla`, `drupal`, or `composite` (each kind of data from
   * another source).
   */
  @property() type: SourceType = 'json';

  /**
   * Where the backend lives: the API root (`json`), the data file (`static`),
   * the site root (`wordpress`, `liferay`, `joomla`, `drupal`) or the feed URL,
   * which may hold `{category}` and `{page}` (`rss`).
   */
  @property({ attribute: 'base-url' }) baseUrl = '';

  /** IANA time zone for offset-less dates, and for showing dates. */
  @property() timezone = 'Asia/Ho_Chi_Minh';

  /** Serve every widget on the page that has no other source. */
  @property({ type: Boolean, reflect: true }) default = false;

  /**
   * Category aliases, any type: `name=id` pairs separated by commas or spaces.
   * Widgets then name categories by the portal's own names and the backend
   * gets its ids: `categories="hoat-dong-lanh-dao=12, tin-tuc=7"`.
   */
  @property() categories = '';

  /** `liferay`: the id of the site (group) whose web content is listed. */
  @property({ attribute: 'site-id' }) siteId = '';

  /** `liferay`: list only web content of this structure (its id). */
  @property({ attribute: 'structure-id' }) structureId = '';

  /** `liferay`: the name of the content field holding the article body (default `content`). */
  @property({ attribute: 'body-field' }) bodyField = '';

  /** `drupal`: the content type (node bundle) listed (default `article`). */
  @property({ attribute: 'content-type' }) contentType = '';

  /** `drupal`: the image field of that type (default `field_image`; empty for none). */
  @property({ attribute: 'image-field' }) imageField?: string;

  /** `drupal`: the taxonomy field holding the category (default `field_tags`; empty for none). */
  @property({ attribute: 'category-field' }) categoryField?: string;

  /**
   * `joomla`: an API token, for sites whose content endpoints are not public.
   * Every visitor can read it: never a super user's token; prefer a proxy that adds it.
   */
  @property() token = '';

  /** `joomla`: the header carrying `token` (default `X-Joomla-Token`; `Authorization` sends `Bearer`). */
  @property({ attribute: 'token-header' }) tokenHeader = '';

  /**
   * `wordpress`, `rss`: an OPML file holding the link box's links (WordPress
   * default: the site's `/wp-links-opml.php`).
   */
  @property({ attribute: 'links-url' }) linksUrl = '';

  /** `wordpress`: the slug of a page whose anchors are the links, grouped under its headings. */
  @property({ attribute: 'links-page' }) linksPage = '';

  /**
   * `liferay`, `joomla`: URL template of an article's page on the portal, with
   * `{id}` and `{slug}` (Joomla also `{category}`).
   */
  @property({ attribute: 'article-url' }) articleUrl = '';

  /** `composite`: the id of the `<pw-source>` serving articles. */
  @property() articles = '';

  /** `composite`: the id of the `<pw-source>` serving links. */
  @property() links = '';

  /** `composite`: the id of the `<pw-source>` serving visit statistics. */
  @property() stats = '';

  /** A data source set in script; overrides the attributes. */
  @property({ attribute: false }) customSource?: DataSource;

  /** The data source built from the attributes (or the one set in script). */
  @provide({ context: sourceContext })
  @state()
  private provided?: DataSource;

  /** For a composite: the sources it was built from, to notice when one of them changes. */
  private referenced: (DataSource | undefined)[] = [];
  private following = false;
  private unsubscribeSources?: () => void;

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
    this.unsubscribeSources = onSourcesChanged(() => this.followReferencedSources());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribeSources?.();
    this.unsubscribeSources = undefined;
    if (this.default && getDefaultSource() === this.provided) setDefaultSource(undefined);
    else notifySourcesChanged();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const configChanged = CONFIG_PROPERTIES.some((name) => changed.has(name));
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

  /** A composite is rebuilt when a source it refers to appears or changes, so its widgets reload. */
  private followReferencedSources(): void {
    // Announcing the rebuilt source notifies every source again, this one included.
    if (this.type !== 'composite' || this.customSource || this.following) return;
    const now = this.currentReferences();
    if (now.every((source, index) => source === this.referenced[index])) return;
    this.following = true;
    try {
      this.provided = this.buildSource();
      this.announce();
    } finally {
      this.following = false;
    }
  }

  /** The ids a composite `<pw-source>` names (read from attributes when it is not upgraded yet). */
  private static namedIds(element: Element): string[] {
    const upgraded = element instanceof SourceElement;
    const type = upgraded ? element.type : element.getAttribute('type');
    if (type !== 'composite') return [];
    return COMPOSITE_KINDS.map((kind) =>
      (upgraded ? element[kind] : (element.getAttribute(kind) ?? '')).trim(),
    ).filter((id) => id !== '');
  }

  /** Whether following the composite sources named from here leads back to this one. */
  private leadsBackHere(): boolean {
    const seen = new Set<Element>();
    const pending = SourceElement.namedIds(this);
    while (pending.length > 0) {
      const holder = this.findHolder(pending.pop()!);
      if (!holder || seen.has(holder)) continue;
      if (holder === this) return true;
      seen.add(holder);
      pending.push(...SourceElement.namedIds(holder));
    }
    return false;
  }

  private currentReferences(): (DataSource | undefined)[] {
    return COMPOSITE_KINDS.map((kind) => {
      const id = this[kind].trim();
      const holder = id ? this.findHolder(id) : null;
      return holder && holder !== this ? holder.source : undefined;
    });
  }

  private findHolder(id: string): SourceHolder | null {
    const root = this.getRootNode() as Document | ShadowRoot;
    return (root.getElementById?.(id) ?? document.getElementById(id)) as SourceHolder | null;
  }

  private buildSource(): DataSource {
    try {
      const timeZone = checkTimeZone(this.timezone || DEFAULT_TIME_ZONE);
      let source = this.buildBackend(timeZone);
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

  private buildBackend(timeZone: string): DataSource {
    const baseUrl = this.baseUrl;
    const optional = (value: string | undefined) => value?.trim() || undefined;
    switch (this.type) {
      case 'json':
        return createJsonSource({ ...readJsonConfig(this), baseUrl, timeZone });
      case 'static':
        return createStaticSource({ url: baseUrl, timeZone });
      case 'composite':
        return this.buildComposite(timeZone);
      case 'wordpress': {
        const options = {
          baseUrl,
          timeZone,
          linksUrl: optional(this.linksUrl),
          linksPage: optional(this.linksPage),
        };
        return lazyAdapter(timeZone, async () =>
          (await import('../data/adapters/wordpress.js')).createWordPressSource(options),
        );
      }
      case 'rss': {
        const options = { url: baseUrl, timeZone, linksUrl: optional(this.linksUrl) };
        return lazyAdapter(timeZone, async () =>
          (await import('../data/adapters/rss.js')).createRssSource(options),
        );
      }
      case 'liferay': {
        const options = {
          baseUrl,
          timeZone,
          siteId: optional(this.siteId),
          structureId: optional(this.structureId),
          bodyField: optional(this.bodyField),
          articleUrl: optional(this.articleUrl),
        };
        return lazyAdapter(timeZone, async () =>
          (await import('../data/adapters/liferay.js')).createLiferaySource(options),
        );
      }
      case 'joomla': {
        const options = {
          baseUrl,
          timeZone,
          token: optional(this.token),
          tokenHeader: optional(this.tokenHeader),
          articleUrl: optional(this.articleUrl),
        };
        return lazyAdapter(timeZone, async () =>
          (await import('../data/adapters/joomla.js')).createJoomlaSource(options),
        );
      }
      case 'drupal': {
        const options = {
          baseUrl,
          timeZone,
          contentType: optional(this.contentType),
          // An empty attribute turns the field off, so it is passed as given.
          imageField: this.imageField?.trim(),
          categoryField: this.categoryField?.trim(),
        };
        return lazyAdapter(timeZone, async () =>
          (await import('../data/adapters/drupal.js')).createDrupalSource(options),
        );
      }
      default:
        throw new ConfigError(
          `<pw-source type="${String(this.type)}"> is not a known type (json, static, wordpress, ` +
            `rss, liferay, joomla, drupal, composite).`,
        );
    }
  }

  /**
   * Each kind of data from the `<pw-source>` named for it. A named source not
   * on the page yet is looked up again when a widget asks, and the composite
   * is rebuilt once it appears (see {@link followReferencedSources}).
   */
  private buildComposite(timeZone: string): DataSource {
    this.referenced = this.currentReferences();
    if (this.leadsBackHere()) {
      throw new ConfigError(
        `<pw-source id="${this.id}" type="composite"> takes its data from itself, directly or ` +
          `through other composite sources.`,
      );
    }
    const parts: CompositeParts = {};
    COMPOSITE_KINDS.forEach((kind, index) => {
      const id = this[kind].trim();
      if (!id) return;
      parts[kind] =
        this.referenced[index] ??
        createForwardingSource(() => {
          const holder = this.findHolder(id);
          if (holder && holder !== this && holder.source) return holder.source;
          throw new ConfigError(
            `<pw-source type="composite"> takes its ${kind} from "${id}", but no <pw-source id="${id}"> is on the page.`,
          );
        });
    });
    if (Object.keys(parts).length === 0) {
      throw new ConfigError(
        '<pw-source type="composite"> needs articles="ID", links="ID" or stats="ID": the ids of ' +
          'the <pw-source> elements serving each kind of data.',
      );
    }
    return createCompositeSource(parts, { timeZone });
  }

  override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
