/**
 * Theming: the `--pw-*` tokens a page sets reach every box, each token's
 * default is written once, and a token the page leaves unset gives that one
 * default everywhere it is used.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { CSSResultOrNative, LitElement } from 'lit';
import '../../src/index.js';
import { articleBodyStyles } from '../../src/article/article-body.styles.js';
import { listViewStyles } from '../../src/activity-list/activity-list-view.styles.js';
import { linksViewStyles } from '../../src/link-box/link-box-view.styles.js';
import { statsViewStyles } from '../../src/visit-stats/visit-stats-view.styles.js';
import { part, settled } from '../helpers/elements.js';

const TAGS = ['pw-article', 'pw-activity-list', 'pw-link-box', 'pw-visit-stats'] as const;

/**
 * The distinct stylesheets the four elements adopt (the shared base sheet
 * once), as text: their own, and those their drawings of loaded data bring.
 */
function sheetTexts(): string[] {
  const sheets = new Set<CSSResultOrNative>([
    articleBodyStyles,
    listViewStyles,
    linksViewStyles,
    statsViewStyles,
  ]);
  for (const tag of TAGS) {
    const element = customElements.get(tag) as unknown as typeof LitElement;
    for (const sheet of element.elementStyles as CSSResultOrNative[]) sheets.add(sheet);
  }
  return [...sheets].map((sheet) =>
    'cssText' in sheet
      ? sheet.cssText
      : [...(sheet as CSSStyleSheet).cssRules].map((rule) => rule.cssText).join('\n'),
  );
}

/** Every `var(--pw-name, fallback)` in `css`, as [name, fallback] (fallback trimmed). */
function tokenDefaults(css: string): [string, string][] {
  const found: [string, string][] = [];
  const pattern = /var\(\s*(--pw-[\w-]+)\s*,/g;
  for (let match = pattern.exec(css); match; match = pattern.exec(css)) {
    // The fallback runs to the parenthesis that closes this var(), nested ones included.
    let depth = 1;
    let end = pattern.lastIndex;
    while (end < css.length && depth > 0) {
      if (css[end] === '(') depth += 1;
      if (css[end] === ')') depth -= 1;
      end += 1;
    }
    found.push([match[1], css.slice(pattern.lastIndex, end - 1).trim()]);
  }
  return found;
}

async function fourBoxes(style = ''): Promise<Record<(typeof TAGS)[number], HTMLElement>> {
  const wrapper = await fixture<HTMLElement>(html`
    <div style=${style}>
      <pw-source base-url="/api">
        <pw-article article-id="hong-bang-tiep-doan-kiem-tra" tools="font"></pw-article>
        <pw-activity-list page-size="2"></pw-activity-list>
        <pw-link-box></pw-link-box>
        <pw-visit-stats refresh="0"></pw-visit-stats>
      </pw-source>
    </div>
  `);
  const boxes = Object.fromEntries(
    TAGS.map((tag) => [tag, wrapper.querySelector<HTMLElement>(tag)!]),
  ) as Record<(typeof TAGS)[number], HTMLElement>;
  await Promise.all(Object.values(boxes).map((box) => settled(box)));
  return boxes;
}

function computed(element: HTMLElement, selector: string): CSSStyleDeclaration {
  return getComputedStyle(part(element, selector));
}

describe('theming tokens', () => {
  it('writes each token default once, across all four elements', () => {
    const where = new Map<string, string[]>();
    for (const text of sheetTexts()) {
      for (const [name, fallback] of tokenDefaults(text)) {
        where.set(name, [...(where.get(name) ?? []), fallback]);
      }
    }
    expect(where.size, 'no token defaults found at all').to.be.greaterThan(10);
    const repeated = [...where].filter(([, fallbacks]) => fallbacks.length > 1);
    expect(
      repeated.map(([name, fallbacks]) => `${name}: ${fallbacks.join(' | ')}`),
      'tokens whose default is written more than once',
    ).to.deep.equal([]);
  });

  it('gives the documented defaults when the page sets no token', async () => {
    const boxes = await fourBoxes();
    for (const tag of TAGS) {
      const box = computed(boxes[tag], '[part~="box"]');
      expect(box.borderTopColor, tag).to.equal('rgb(213, 217, 222)');
      expect(box.borderTopLeftRadius, tag).to.equal('4px');
      expect(computed(boxes[tag], '[part~="header"]').backgroundColor, tag).to.equal(
        'rgb(158, 27, 27)',
      );
    }
    // Small radii follow the box radius unless set on their own.
    const tool = computed(boxes['pw-article'], '[part~="larger-button"]');
    expect(tool.borderTopLeftRadius).to.equal('4px');
  });

  it('carries the tokens a page sets to every box and every part that uses them', async () => {
    const boxes = await fourBoxes(
      '--pw-color-primary: rgb(1, 2, 3); --pw-color-border: rgb(4, 5, 6); --pw-radius: 0px; --pw-color-link: rgb(7, 8, 9); --pw-color-muted: rgb(10, 11, 12)',
    );
    for (const tag of TAGS) {
      const box = computed(boxes[tag], '[part~="box"]');
      expect(box.borderTopColor, tag).to.equal('rgb(4, 5, 6)');
      expect(box.borderTopLeftRadius, tag).to.equal('0px');
      expect(computed(boxes[tag], '[part~="header"]').backgroundColor, tag).to.equal(
        'rgb(1, 2, 3)',
      );
    }
    const list = boxes['pw-activity-list'];
    expect(computed(list, '[part~="title"]').color).to.equal('rgb(7, 8, 9)');
    expect(computed(list, '[part~="date"]').color).to.equal('rgb(10, 11, 12)');
    // The article's text-size tools are drawn in the primary colour, with the small radius.
    const tool = computed(boxes['pw-article'], '[part~="larger-button"]');
    expect(tool.color).to.equal('rgb(1, 2, 3)');
    expect(tool.borderTopLeftRadius).to.equal('0px');
    expect(computed(boxes['pw-visit-stats'], '[part~="value"]').color).to.equal('rgb(1, 2, 3)');
  });

  it('lets one box differ from the rest, and a specific token win over the general one', async () => {
    const boxes = await fourBoxes('--pw-color-primary: rgb(1, 2, 3); --pw-radius-small: 7px');
    boxes['pw-link-box'].style.setProperty('--pw-color-primary', 'rgb(20, 30, 40)');
    boxes['pw-visit-stats'].style.setProperty('--pw-box-header-bg', 'rgb(50, 60, 70)');
    await (boxes['pw-link-box'] as LitElement).updateComplete;
    expect(computed(boxes['pw-link-box'], '[part~="header"]').backgroundColor).to.equal(
      'rgb(20, 30, 40)',
    );
    expect(computed(boxes['pw-activity-list'], '[part~="header"]').backgroundColor).to.equal(
      'rgb(1, 2, 3)',
    );
    expect(computed(boxes['pw-visit-stats'], '[part~="header"]').backgroundColor).to.equal(
      'rgb(50, 60, 70)',
    );
    const tool = computed(boxes['pw-article'], '[part~="larger-button"]');
    expect(tool.borderTopLeftRadius).to.equal('7px');
    expect(computed(boxes['pw-article'], '[part~="box"]').borderTopLeftRadius).to.equal('4px');
  });
});
