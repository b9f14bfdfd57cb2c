import { defineElement } from '../base/define.js';
import { VisitStatsElement } from './visit-stats.component.js';

export { VisitStatsElement } from './visit-stats.component.js';

defineElement('pw-visit-stats', VisitStatsElement);

declare global {
  interface HTMLElementTagNameMap {
    'pw-visit-stats': VisitStatsElement;
  }
}
