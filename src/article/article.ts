import { defineElement } from '../base/define.js';
import { ArticleElement } from './article.component.js';

export { ArticleElement } from './article.component.js';
export type { ArticleView } from './article.component.js';

defineElement('pw-article', ArticleElement);

declare global {
  interface HTMLElementTagNameMap {
    'pw-article': ArticleElement;
  }
}
