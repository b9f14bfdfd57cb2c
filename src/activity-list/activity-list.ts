import { defineElement } from '../base/define.js';
import { ActivityListElement } from './activity-list.component.js';

export { ActivityListElement } from './activity-list.component.js';

defineElement('pw-activity-list', ActivityListElement);

declare global {
  interface HTMLElementTagNameMap {
    'pw-activity-list': ActivityListElement;
  }
}
