import type { DataSource } from '../data/types.js';

/**
 * The page-wide part of source resolution: the default source, and a signal
 * that some source appeared, changed or left, so waiting widgets look again.
 * Kept free of Lit so script code can set a default without loading elements.
 */

let defaultSource: DataSource | undefined;
const listeners = new Set<() => void>();

/** Makes `source` the page default, used by widgets that find no other source. */
export function setDefaultSource(source: DataSource | undefined): void {
  defaultSource = source;
  notifySourcesChanged();
}

/** The page default set by `setDefaultSource()` or a `<pw-source default>`. */
export function getDefaultSource(): DataSource | undefined {
  return defaultSource;
}

/** Calls `listener` whenever sources change; returns the unsubscribe function. */
export function onSourcesChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells every waiting widget to resolve its source again. */
export function notifySourcesChanged(): void {
  for (const listener of [...listeners]) listener();
}

// Widgets that found no source while the page was still parsing wait for the
// rest of the document; look once more when it is complete.
if (typeof document !== 'undefined' && document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', notifySourcesChanged, { once: true });
}
