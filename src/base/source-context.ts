import { createContext, ContextRoot } from '@lit/context';
import type { DataSource } from '../data/types.js';

/** The data source a `<pw-source>` provides to the widgets inside it. */
export const sourceContext = createContext<DataSource | undefined>(
  Symbol.for('portal-widgets.source'),
);

const rootKey = Symbol.for('portal-widgets.context-root');

/**
 * A widget upgraded before its enclosing `<pw-source>` asks for the source too
 * early; a ContextRoot on the document replays that request once the provider
 * exists. Attached once per page, whatever number of library copies load.
 */
export function attachContextRoot(): void {
  const holder = globalThis as unknown as Record<symbol, ContextRoot | undefined>;
  if (holder[rootKey] || typeof document === 'undefined') return;
  const root = new ContextRoot();
  root.attach(document.documentElement);
  holder[rootKey] = root;
}
