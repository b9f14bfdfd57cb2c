import { defineElement } from '../base/define.js';
import { attachContextRoot } from '../base/source-context.js';
import { SourceElement } from './source.component.js';

export { SourceElement } from './source.component.js';
export type { SourceType } from './source.component.js';
export { setDefaultSource, getDefaultSource } from '../base/source-registry.js';

attachContextRoot();
defineElement('pw-source', SourceElement);

declare global {
  interface HTMLElementTagNameMap {
    'pw-source': SourceElement;
  }
}
