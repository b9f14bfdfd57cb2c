/**
 * What only `<pw-source type="composite">` needs: finding the sources it names
 * by id, refusing a composite that leads back to itself, and noticing when a
 * named source appears or changes. Few pages use a composite, so this module
 * (with `createCompositeSource`) is a chunk that the first one loads; see
 * `loadCompositeCode` in source.component.ts.
 */

import { createCompositeSource, type CompositeParts } from '../data/adapters/composite.js';
import { createForwardingSource } from '../data/adapters/forwarding.js';
import { ConfigError } from '../data/errors.js';
import type { DataSource } from '../data/types.js';
import { COMPOSITE_KINDS, SourceElement } from './source.component.js';

/** Anything on the page holding a data source: a `<pw-source>`, or an element set up in script. */
type SourceHolder = Element & { source?: DataSource };

/** The sources one composite `<pw-source>` (the host) names, and what they were when it was built. */
export class CompositeReferences {
  /** The sources named when the composite was last built, in the order of `COMPOSITE_KINDS`. */
  private referenced: (DataSource | undefined)[] = [];

  constructor(private readonly host: SourceElement) {}

  /**
   * Each kind of data from the `<pw-source>` named for it. A named source not
   * on the page yet is looked up again when a widget asks; the host rebuilds
   * the composite once it appears (see {@link changed}).
   *
   * @throws {ConfigError} when the composite leads back to itself, or names no source.
   */
  build(timeZone: string): DataSource {
    const host = this.host;
    this.referenced = this.current();
    if (this.leadsBackHere()) {
      throw new ConfigError(
        `<pw-source id="${host.id}" type="composite"> takes its data from itself, directly or ` +
          `through other composite sources.`,
      );
    }
    const parts: CompositeParts = {};
    COMPOSITE_KINDS.forEach((kind, index) => {
      const id = host[kind].trim();
      if (!id) return;
      parts[kind] =
        this.referenced[index] ??
        createForwardingSource(() => {
          const holder = this.findHolder(id);
          if (holder && holder !== host && holder.source) return holder.source;
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

  /** Whether a named source appeared, changed or left since the last {@link build}. */
  changed(): boolean {
    const now = this.current();
    return now.some((source, index) => source !== this.referenced[index]);
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

  /** Whether following the composite sources named from the host leads back to it. */
  private leadsBackHere(): boolean {
    const seen = new Set<Element>();
    const pending = CompositeReferences.namedIds(this.host);
    while (pending.length > 0) {
      const holder = this.findHolder(pending.pop()!);
      if (!holder || seen.has(holder)) continue;
      if (holder === this.host) return true;
      seen.add(holder);
      pending.push(...CompositeReferences.namedIds(holder));
    }
    return false;
  }

  /** The sources named now, in the order of `COMPOSITE_KINDS`; the host itself counts as none. */
  private current(): (DataSource | undefined)[] {
    return COMPOSITE_KINDS.map((kind) => {
      const id = this.host[kind].trim();
      const holder = id ? this.findHolder(id) : null;
      return holder && holder !== this.host ? holder.source : undefined;
    });
  }

  private findHolder(id: string): SourceHolder | null {
    const root = this.host.getRootNode() as Document | ShadowRoot;
    return (root.getElementById?.(id) ?? document.getElementById(id)) as SourceHolder | null;
  }
}
