import { ConfigError } from '../data/errors.js';
import { LruMap } from '../data/lru.js';
import type { DataSource } from '../data/types.js';
import { getDefaultSource } from './source-registry.js';

/** No source could be resolved for a widget; `reason` says which kind of miss. */
export class SourceResolutionError extends ConfigError {
  readonly reason: 'no-source' | 'source-not-found';
  constructor(reason: 'no-source' | 'source-not-found', message: string) {
    super(message);
    this.name = 'SourceResolutionError';
    this.reason = reason;
  }
}

/**
 * What a widget's source resolves to: a source; `'pending'` while the named
 * `<pw-source>` or the rest of the page may still arrive; or the
 * configuration error to show. Never thrown: resolution runs inside the task's
 * argument function, where a throw would leave the box loading for ever.
 */
export type Resolution = DataSource | 'pending' | ConfigError;

/** A `<pw-source>` as seen by widgets: anything holding a resolved data source. */
interface SourceHolder extends Element {
  source?: DataSource;
}

/** What a widget tells the resolver about itself. */
export interface SourceRequest {
  /** The source of the nearest enclosing `<pw-source>`. */
  context?: DataSource;
  /** The `source` attribute: the id of a `<pw-source>`. */
  sourceId?: string;
  /** The `src` attribute. */
  src?: string;
  /** Builds the widget's source for `src`; may throw a ConfigError. */
  fromUrl: (src: string) => DataSource;
}

// One source per kind of widget and distinct `src`, so widgets alike share its
// cache; bounded, since a page that keeps changing `src` would grow it for ever.
const urlSources = new LruMap<string, DataSource | ConfigError>(64);

// What each widget resolved last, under the key it resolved it by. While that
// key stays the same, so does the widget's source or error: the task compares
// its arguments by identity, so a new but equal one on each update would re-run
// it for ever (and a shared cache that a page with many widgets overflows
// would hand out new ones).
const lastResolved = new WeakMap<Element, { key: string; value: DataSource | ConfigError }>();

function remembered<V extends DataSource | ConfigError>(
  widget: Element,
  key: string,
  resolve: () => V,
): V {
  const last = lastResolved.get(widget);
  if (last?.key === key) return last.value as V;
  const value = resolve();
  lastResolved.set(widget, { key, value });
  return value;
}

/**
 * The source of `widget`, in the order docs/guide/backends.md documents: the enclosing
 * `<pw-source>`, then `source="id"`, then `src`, then the page default.
 */
export function resolveSource(widget: Element, request: SourceRequest): Resolution {
  const tag = `<${widget.localName}>`;
  if (request.context) return request.context;
  const { sourceId, src } = request;
  if (sourceId) {
    const root = widget.getRootNode() as Document | ShadowRoot;
    const holder = (root.getElementById?.(sourceId) ??
      document.getElementById(sourceId)) as SourceHolder | null;
    if (holder?.source) return holder.source;
    const mayStillArrive =
      document.readyState === 'loading' ||
      (holder?.localName === 'pw-source' && !customElements.get('pw-source'));
    if (mayStillArrive) return 'pending';
    const message = `${tag} names source="${sourceId}", but no <pw-source> with that id is on the page.`;
    return remembered(
      widget,
      message,
      () => new SourceResolutionError('source-not-found', message),
    );
  }
  if (src) {
    // The same mistake gives the same error object, so the task sees unchanged arguments.
    const key = `${widget.localName} ${src}`;
    return remembered(widget, key, () =>
      urlSources.getOrCreate(key, () => {
        try {
          return request.fromUrl(src);
        } catch (error) {
          return error instanceof ConfigError ? error : new ConfigError(String(error));
        }
      }),
    );
  }
  const fallback = getDefaultSource();
  if (fallback) return fallback;
  if (document.readyState === 'loading') return 'pending';
  const message = `${tag} has no data source: wrap it in <pw-source>, or set source, src or a default source.`;
  return remembered(widget, message, () => new SourceResolutionError('no-source', message));
}
