// How much the list asks of the browser to draw its items: the nodes of an
// item, and which renders draw items at all. Counts, never timings (those are
// in the bench's render rows).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { ActivityListElement, ArticleQuery, DataSource } from '../../src/index.js';
import { afterReload, part, settled } from '../helpers/elements.js';

const CATEGORY = 'hoat-dong-lanh-dao';

async function mount(template: ReturnType<typeof html>): Promise<ActivityListElement> {
  const wrapper = await fixture<HTMLElement>(template);
  const el = wrapper.querySelector('pw-activity-list') as ActivityListElement;
  await settled(el);
  return el;
}

const all = <E extends Element = HTMLElement>(el: HTMLElement, selector: string): E[] => [
  ...el.shadowRoot!.querySelectorAll<E>(selector),
];

/** A node's children as the browser gets them: elements by tag, text as is, lit's markers left out. */
function children(node: Node): string[] {
  return [...node.childNodes]
    .filter((child) => child.nodeType !== Node.COMMENT_NODE)
    .map((child) => (child instanceof Element ? child.localName : `"${child.textContent}"`));
}

/**
 * Counts the calls of Intl.DateTimeFormat's formatToParts (the list's way to
 * format a date) for dates in `year`, so widgets of other tests that are still
 * finishing an update do not count.
 */
/**
 * Counts the dates of `year` formatted, both ways the library formats them:
 * through Intl (`formatToParts`, for most zones) and by hand (the portal's
 * default zone, whose fields are read with `getUTCDate` once per date).
 */
function countDateFormatting(year: number): { calls: () => number; restore(): void } {
  const intl = Intl.DateTimeFormat.prototype;
  const formatToParts = intl.formatToParts;
  const getUTCDate = Date.prototype.getUTCDate;
  let calls = 0;
  intl.formatToParts = function (this: Intl.DateTimeFormat, date?: Date | number) {
    if (new Date(date ?? 0).getUTCFullYear() === year) calls++;
    return formatToParts.call(this, date);
  };
  Date.prototype.getUTCDate = function (this: Date) {
    if (this.getUTCFullYear() === year) calls++;
    return getUTCDate.call(this);
  };
  return {
    calls: () => calls,
    restore: () => {
      intl.formatToParts = formatToParts;
      Date.prototype.getUTCDate = getUTCDate;
    },
  };
}

describe('pw-activity-list rendering work', () => {
  it('draws an item as li > div.text > title, a space, date: no other text node', async () => {
    const el = await mount(html`
      <pw-source base-url="/api"
        ><pw-activity-list category=${CATEGORY}></pw-activity-list
      ></pw-source>
    `);
    const items = all(el, 'li[part~="item"]');
    expect(items).to.have.length(5);
    for (const item of items) {
      expect(children(item)).to.deep.equal(['div']);
      expect(children(item.firstElementChild!)).to.deep.equal(['a', '" "', 'time']);
    }
  });

  it('keeps the other layouts free of whitespace nodes too, bar that one space', async () => {
    for (const layout of ['featured', 'cards']) {
      const el = await mount(html`
        <pw-source base-url="/api"
          ><pw-activity-list category=${CATEGORY} layout=${layout} show-summary></pw-activity-list
        ></pw-source>
      `);
      for (const item of all(el, 'li[part~="item"]')) {
        const shape = children(item);
        expect(
          shape.filter((node) => node.startsWith('"')),
          `${layout}: ${shape}`,
        ).to.deep.equal([]);
        const text = children(item.querySelector('.text')!);
        expect(text.slice(0, 3), `${layout}: ${text}`).to.deep.equal(['a', '" "', 'time']);
      }
    }
  });

  // The default zone is formatted by hand, another one through Intl: neither may redo the old items.
  for (const timeZone of ['Asia/Ho_Chi_Minh', 'Asia/Bangkok']) {
    it(`formats no date again while the next page loads: only the new items are drawn (${timeZone})`, async () => {
      // A source answering from memory: the only dates formatted are the ones drawn.
      const pages = [1, 2].map((page) => ({
        items: Array.from({ length: 5 }, (_, i) => ({
          id: `p${page}-${i}`,
          title: `Tin ${page}.${i}`,
          url: `/tin/p${page}-${i}`,
          date: new Date(Date.UTC(2001, 5, 20 - i - 5 * page)).toISOString(),
        })),
        page,
        pageSize: 5,
        total: 10,
      }));
      const source = {
        timeZone,
        listArticles: (query: ArticleQuery) => Promise.resolve(pages[(query.page ?? 1) - 1]),
      } as unknown as DataSource;
      const dates = countDateFormatting(2001);
      try {
        const wrapper = await fixture<HTMLElement>(html`
          <div id="render-memory" .source=${source}>
            <pw-activity-list source="render-memory"></pw-activity-list>
          </div>
        `);
        const el = wrapper.querySelector('pw-activity-list') as ActivityListElement;
        await settled(el);
        const firstPage = dates.calls();
        // Guards the spy: if dates are formatted some third way, this test must learn it.
        expect(firstPage, 'date formatting calls for the first 5 items').to.be.greaterThan(0);
        await afterReload(el, () => part(el, '[part~="next-button"]').click());
        await el.updateComplete;
        expect(all(el, '[part~="title"]')[0].textContent).to.equal('Tin 2.0');
        // The busy state in between drew the old items again before; now it leaves them alone.
        expect(dates.calls() - firstPage).to.equal(firstPage);
      } finally {
        dates.restore();
      }
    });
  }

  it('draws its items again when something they show changes after loading', async () => {
    const el = await mount(html`
      <pw-source base-url="/api"
        ><pw-activity-list category=${CATEGORY}></pw-activity-list
      ></pw-source>
    `);
    el.hideDate = true;
    await el.updateComplete;
    expect(all(el, '[part~="date"]')).to.have.length(0);
    el.hideDate = false;
    el.showSummary = true;
    await el.updateComplete;
    expect(all(el, '[part~="date"]')).to.have.length(5);
    expect(all(el, '[part~="summary"]')).to.have.length.greaterThan(0);
    el.hrefTemplate = '/tin?id={id}';
    await el.updateComplete;
    for (const link of all<HTMLAnchorElement>(el, 'a[part~="title"]')) {
      expect(link.getAttribute('href')).to.match(/^\/tin\?id=/);
    }
    el.layout = 'cards';
    await el.updateComplete;
    expect(all(el, '[part~="card"]')).to.have.length(5);
  });
});
