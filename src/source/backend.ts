/**
 * From a `<pw-source>`'s settings to the data source of its backend. Kept apart
 * from the element (and free of the DOM) so that the command-line `check` can
 * build exactly the source a page's widgets would use, from the page's markup.
 */
import { createLazySource } from '../data/adapters/forwarding.js';
import { createJsonSource, type JsonSourceOptions } from '../data/adapters/json.js';
import { ConfigError } from '../data/errors.js';
import type { HttpClient } from '../data/http.js';
import { lazyModule } from '../data/lazy-module.js';
import { isRecord } from '../data/shapes.js';
import type { DataSource } from '../data/types.js';

/** The settings of a non-composite `<pw-source>`: its attributes, as properties. */
export interface BackendSettings {
  type?: string;
  baseUrl?: string;
  siteId?: string;
  structureId?: string;
  bodyField?: string;
  contentType?: string;
  imageField?: string;
  categoryField?: string;
  token?: string;
  tokenHeader?: string;
  linksUrl?: string;
  linksPage?: string;
  articleUrl?: string;
  /** The HTTP client; the page-wide one by default. */
  http?: HttpClient;
}

// The CMS and feed adapters share a chunk of helpers (cms.ts), which each
// imports. Asked for together with the adapter, it downloads beside it rather
// than one round trip after it, when the adapter's own code has arrived.
const cmsHelpers = lazyModule(() => import('../data/adapters/cms.js'));

/** An adapter chunk that needs the CMS helpers: both downloads start together. */
function cmsAdapter<M>(load: () => Promise<M>): () => Promise<M> {
  const adapter = lazyModule(load);
  return () => {
    cmsHelpers().catch(() => undefined);
    return adapter();
  };
}

// Each backend's adapter is a chunk of its own, downloaded by the first source of that type.
const adapterModules = {
  static: lazyModule(() => import('../data/adapters/static.js')),
  wordpress: cmsAdapter(() => import('../data/adapters/wordpress.js')),
  rss: cmsAdapter(() => import('../data/adapters/rss.js')),
  liferay: cmsAdapter(() => import('../data/adapters/liferay.js')),
  joomla: cmsAdapter(() => import('../data/adapters/joomla.js')),
  drupal: cmsAdapter(() => import('../data/adapters/drupal.js')),
};

/**
 * A source whose adapter is downloaded on first use, so the script-tag bundle
 * carries only the json adapter. A configuration error found when
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

/** Reads the optional JSON child holding the mapping of the API. */
function parseJsonSettings(text: string | null | undefined): Partial<JsonSourceOptions> {
  if (!text?.trim()) return {};
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      `The JSON mapping inside <pw-source> is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  if (!isRecord(config)) {
    throw new ConfigError('The JSON configuration of <pw-source> must be an object.');
  }
  return config as Partial<JsonSourceOptions>;
}

/**
 * The data source for `settings` (any type but `composite`, which follows
 * other sources); `jsonText` is the text of the `<script type="application/json">`
 * child, for `type="json"`. Throws a {@link ConfigError} for settings that cannot work.
 */
export function createBackend(
  settings: BackendSettings,
  timeZone: string,
  jsonText?: string | null,
): DataSource {
  const baseUrl = settings.baseUrl ?? '';
  // Undefined is the adapters' default: the page-wide client.
  const http = settings.http;
  const optional = (value: string | undefined) => value?.trim() || undefined;
  switch (settings.type || 'json') {
    case 'json':
      return createJsonSource({ ...parseJsonSettings(jsonText), baseUrl, timeZone, http });
    case 'static': {
      const options = { url: baseUrl, timeZone, http };
      return lazyAdapter(timeZone, async () =>
        (await adapterModules.static()).createStaticSource(options),
      );
    }
    case 'wordpress': {
      const options = {
        baseUrl,
        timeZone,
        http,
        linksUrl: optional(settings.linksUrl),
        linksPage: optional(settings.linksPage),
      };
      return lazyAdapter(timeZone, async () =>
        (await adapterModules.wordpress()).createWordPressSource(options),
      );
    }
    case 'rss': {
      const options = { url: baseUrl, timeZone, http, linksUrl: optional(settings.linksUrl) };
      return lazyAdapter(timeZone, async () =>
        (await adapterModules.rss()).createRssSource(options),
      );
    }
    case 'liferay': {
      const options = {
        baseUrl,
        timeZone,
        http,
        siteId: optional(settings.siteId),
        structureId: optional(settings.structureId),
        bodyField: optional(settings.bodyField),
        articleUrl: optional(settings.articleUrl),
      };
      return lazyAdapter(timeZone, async () =>
        (await adapterModules.liferay()).createLiferaySource(options),
      );
    }
    case 'joomla': {
      const options = {
        baseUrl,
        timeZone,
        http,
        token: optional(settings.token),
        tokenHeader: optional(settings.tokenHeader),
        articleUrl: optional(settings.articleUrl),
      };
      return lazyAdapter(timeZone, async () =>
        (await adapterModules.joomla()).createJoomlaSource(options),
      );
    }
    case 'drupal': {
      const options = {
        baseUrl,
        timeZone,
        http,
        contentType: optional(settings.contentType),
        // An empty attribute turns the field off, so it is passed as given.
        imageField: settings.imageField?.trim(),
        categoryField: settings.categoryField?.trim(),
      };
      return lazyAdapter(timeZone, async () =>
        (await adapterModules.drupal()).createDrupalSource(options),
      );
    }
    default:
      throw new ConfigError(
        `<pw-source type="${String(settings.type)}"> is not a known type (json, static, wordpress, ` +
          `rss, liferay, joomla, drupal, composite).`,
      );
  }
}
