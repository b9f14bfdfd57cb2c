import { defineElement } from '../base/define.js';
import { LinkBoxElement } from './link-box.component.js';

export { LinkBoxElement, type LinkBoxVariant } from './link-box.component.js';

defineElement('pw-link-box', LinkBoxElement);

declare global {
  interface HTMLElementTagNameMap {
    'pw-link-box': LinkBoxElement;
  }
}
