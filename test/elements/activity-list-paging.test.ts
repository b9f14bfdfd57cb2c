import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { ActivityListElement, ArticleSummary, Page } from '../../src/index.js';
import { pageWindow } from '../../src/activity-list/page-window.js';
import { createScenario, waitForRequests, type ScenarioResponse } from '../helpers/server.js';
import { afterReload, part, settled } from '../helpers/elements.js';

/** `count` items of page `page`, with ids that say where they come from. */
function items(page: number, count: number): ArticleSummary[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `p${page}-${i + 1}`,
    title: `Tin trang ${page}, số ${i + 1}`,
    url: `https://portal.example/tin/p${page}-${i + 1}`,
  }));
}

/** A scripted answer for one page; `extra` adds `total` / `hasMore` as the backend reports them. */
function answer(
  page: number,
  count: number,
  extra: Record<string, unknown> = {},
): ScenarioResponse {
  return { body: { items: items(page, count), page, pageSize: 5, ...extra } };
}

async function mount(template: ReturnType<typeof html>): Promise<ActivityListElement> {
  const wrapper = await fixture<HTMLElement>(template);
  const el = (
    wrapper.localName === 'pw-activity-list' ? wrapper : wrapper.querySelector('pw-activity-list')
  ) as ActivityListElement;
  await settled(el);
  return el;
}

const all = <E extends Element = HTMLElement>(el: HTMLElement, selector: string): E[] => [
  ...el.shadowRoot!.querySelectorAll<E>(selector),
];

/** What the navigation shows, in order: numbers, `…` for gaps, and `<`/`>` for enabled previous/next. */
function navShown(el: HTMLElement): string[] {
  const nav = el.shadowRoot!.querySelector('nav[part~="pagination"]');
  if (!nav) return [];
  return [...nav.querySelectorAll('li')]
    .map((li) => {
      const button = li.querySelector('button');
      if (!button) return li.textContent!.trim();
      const part = button.getAttribute('part')!;
      if (part.includes('previous')) return button.disabled ? '' : '<';
      if (part.includes('next')) return button.disabled ? '' : '>';
      return button.getAttribute('aria-current') === 'page'
        ? `[${button.textContent!.trim()}]`
        : button.textContent!.trim();
    })
    .filter((text) => text !== '');
}

function pageButton(el: HTMLElement, n: number): HTMLButtonElement {
  const found = all<HTMLButtonElement>(el, '[part~="page-button"]').find(
    (b) => b.textContent!.trim() === String(n),
  );
  if (!found) throw new Error(`no button for page ${n}; shown: ${navShown(el).join(' ')}`);
  return found;
}

const titles = (el: HTMLElement) => all(el, '[part~="title"]').map((t) => t.textContent!.trim());

/** Clicks and waits for the answer (`pw-load` or `pw-error`) to the page the click asked for. */
function press(el: HTMLElement, button: HTMLElement): Promise<Event> {
  return afterReload(el, () => button.click());
}

const focused = (el: HTMLElement) => el.shadowRoot!.activeElement as HTMLElement | null;

const statusText = (el: HTMLElement) =>
  el.shadowRoot!.querySelector('[part~="body"] [role="status"]')!.textContent!.trim();

function requestedPage(url: string): string | null {
  return new URL(url, window.location.href).searchParams.get('page');
}

describe('pw-activity-list paging', () => {
  describe('the page window', () => {
    it('lists every page when they fit', () => {
      expect(pageWindow(1, 1)).to.deep.equal([1]);
      expect(pageWindow(3, 7)).to.deep.equal([1, 2, 3, 4, 5, 6, 7]);
    });

    it('keeps the first, last, current and neighbours of many pages, in seven slots', () => {
      expect(pageWindow(1, 20)).to.deep.equal([1, 2, 3, 4, 5, 'gap', 20]);
      expect(pageWindow(4, 20)).to.deep.equal([1, 2, 3, 4, 5, 'gap', 20]);
      expect(pageWindow(5, 20)).to.deep.equal([1, 'gap', 4, 5, 6, 'gap', 20]);
      expect(pageWindow(16, 20)).to.deep.equal([1, 'gap', 15, 16, 17, 'gap', 20]);
      expect(pageWindow(17, 20)).to.deep.equal([1, 'gap', 16, 17, 18, 19, 20]);
      expect(pageWindow(20, 20)).to.deep.equal([1, 'gap', 16, 17, 18, 19, 20]);
      for (let current = 1; current <= 20; current += 1) {
        const slots = pageWindow(current, 20);
        expect(slots, `page ${current}`).to.have.length(7);
        expect(slots, `page ${current}`).to.include(current);
      }
    });

    it('copes with odd input', () => {
      expect(pageWindow(0, 3)).to.deep.equal([1, 2, 3]);
      expect(pageWindow(9, 3)).to.deep.equal([1, 2, 3]);
      expect(pageWindow(1, 0)).to.deep.equal([1]);
    });
  });

  describe('paging="pages"', () => {
    it('is a nav of numbered buttons named "Trang N", the current one aria-current', async () => {
      const el = await mount(html`
        <pw-source base-url="/api"
          ><pw-activity-list category="hoat-dong-lanh-dao"></pw-activity-list
        ></pw-source>
      `);
      const nav = part(el, 'nav[part~="pagination"]');
      expect(nav.getAttribute('aria-label')).to.equal('Phân trang');
      // 17 items of 5: four pages.
      expect(navShown(el)).to.deep.equal(['[1]', '2', '3', '4', '>']);
      const buttons = all<HTMLButtonElement>(el, '[part~="page-button"]');
      buttons.forEach((button, i) => {
        expect(button.textContent!.trim()).to.equal(String(i + 1));
        expect(button.getAttribute('aria-label')).to.equal(`Trang ${i + 1}`);
        expect(button.type).to.equal('button');
      });
      expect(part(el, '[part~="previous-button"]').getAttribute('aria-label')).to.equal(
        'Trang trước',
      );
      expect(part(el, '[part~="next-button"]').getAttribute('aria-label')).to.equal('Trang sau');
      expect(buttons.filter((b) => b.hasAttribute('aria-current'))).to.have.length(1);
    });

    it('names the buttons "Page N" in English', async () => {
      const el = await mount(html`
        <pw-source base-url="/api"
          ><pw-activity-list lang="en" category="hoat-dong-lanh-dao"></pw-activity-list
        ></pw-source>
      `);
      expect(part(el, 'nav').getAttribute('aria-label')).to.equal('Pagination');
      expect(pageButton(el, 3).getAttribute('aria-label')).to.equal('Page 3');
      expect(part(el, '[part~="next-button"]').getAttribute('aria-label')).to.equal('Next page');
    });

    it('with an item total: every page, a jump to the last, next disabled there', async () => {
      const scenario = await createScenario([
        answer(1, 5, { total: 47, hasMore: true }),
        answer(10, 2, { total: 47, hasMore: false }),
        answer(9, 5, { total: 47, hasMore: true }),
      ]);
      const el = await mount(
        html`<pw-activity-list src=${`${scenario.base}/articles`}></pw-activity-list>`,
      );
      expect(navShown(el)).to.deep.equal(['[1]', '2', '3', '4', '5', '…', '10', '>']);
      await press(el, pageButton(el, 10));
      expect(el.page).to.equal(10);
      expect(titles(el)).to.deep.equal(['Tin trang 10, số 1', 'Tin trang 10, số 2']);
      expect(navShown(el)).to.deep.equal(['<', '1', '…', '6', '7', '8', '9', '[10]']);
      await press(el, part(el, '[part~="previous-button"]'));
      expect(el.page).to.equal(9);
      expect(navShown(el)).to.deep.equal(['<', '1', '…', '6', '7', '8', '[9]', '10', '>']);
      const pages = (await scenario.log()).requests.map((r) => requestedPage(r.url));
      expect(pages).to.deep.equal(['1', '10', '9']);
    });

    it('with a page count turned into a total (pages × size): the short last page is fine', async () => {
      // A backend that only knows "3 pages" reaches the widget as total = 3 × 5.
      const scenario = await createScenario([
        answer(1, 5, { total: 15, hasMore: true }),
        answer(3, 1, { total: 15, hasMore: false }),
      ]);
      const el = await mount(
        html`<pw-activity-list src=${`${scenario.base}/articles`}></pw-activity-list>`,
      );
      expect(navShown(el)).to.deep.equal(['[1]', '2', '3', '>']);
      await press(el, pageButton(el, 3));
      expect(titles(el)).to.deep.equal(['Tin trang 3, số 1']);
      expect(navShown(el)).to.deep.equal(['<', '1', '2', '[3]']);
    });

    it('with only "has more": the pages seen so far plus next, until the end shows', async () => {
      const scenario = await createScenario([
        answer(1, 5, { hasMore: true }),
        answer(2, 5, { hasMore: true }),
        answer(3, 4, { hasMore: false }),
      ]);
      const el = await mount(
        html`<pw-activity-list src=${`${scenario.base}/articles`}></pw-activity-list>`,
      );
      expect(navShown(el)).to.deep.equal(['[1]', '2', '>']);
      await press(el, part(el, '[part~="next-button"]'));
      expect(navShown(el)).to.deep.equal(['<', '1', '[2]', '3', '>']);
      await press(el, pageButton(el, 3));
      expect(titles(el)).to.have.length(4);
      expect(navShown(el)).to.deep.equal(['<', '1', '2', '[3]']);
      expect(statusText(el)).to.equal('Đang hiển thị trang 3 trên 3.');
    });

    it('with neither: a full page suggests more; an empty next page ends it, and the way back stays', async () => {
      // A bare array, as a backend that reports no paging at all sends.
      const scenario = await createScenario([{ body: items(1, 5) }, { body: [] }]);
      const el = await mount(
        html`<pw-activity-list lang="en" src=${`${scenario.base}/articles`}></pw-activity-list>`,
      );
      expect(navShown(el)).to.deep.equal(['[1]', '2', '>']);
      await press(el, part(el, '[part~="next-button"]'));
      expect(el.shadowRoot!.querySelector('[part~="list"]')).to.equal(null);
      expect(part(el, '[part~="message"]').textContent!.trim()).to.equal(
        'There are no articles on this page.',
      );
      expect(navShown(el)).to.deep.equal(['<', '1', '[2]']);
      const back = part<HTMLButtonElement>(el, '[part~="previous-button"]');
      await press(el, back);
      expect(titles(el)).to.have.length(5);
      // Now the end is known: page 1 is the only one.
      expect(el.shadowRoot!.querySelector('nav')).to.equal(null);
    });

    it('shows a compact window for many pages: 1 … 4 5 6 … 20', async () => {
      const scenario = await createScenario([
        answer(1, 5, { total: 100, hasMore: true }),
        answer(5, 5, { total: 100, hasMore: true }),
        answer(4, 5, { total: 100, hasMore: true }),
      ]);
      const el = await mount(
        html`<pw-activity-list src=${`${scenario.base}/articles`}></pw-activity-list>`,
      );
      await press(el, pageButton(el, 5));
      expect(navShown(el)).to.deep.equal(['<', '1', '…', '4', '[5]', '6', '…', '20', '>']);
      expect(all(el, '[part~="page-button"]')).to.have.length(5);
      for (const gap of all(el, 'nav li.gap'))
        expect(gap.getAttribute('aria-hidden')).to.equal('true');
      await press(el, pageButton(el, 4));
      expect(navShown(el)).to.deep.equal(['<', '1', '2', '3', '[4]', '5', '…', '20', '>']);
    });

    it('fits its navigation on one line of a 320 px column, with fewer numbers', async () => {
      const wrapper = await fixture<HTMLElement>(html`
        <div style="width: 320px">
          <pw-source base-url="/api"
            ><pw-activity-list category="hoat-dong-lanh-dao" page-size="2"></pw-activity-list
          ></pw-source>
        </div>
      `);
      const el = wrapper.querySelector<ActivityListElement>('pw-activity-list')!;
      await settled(el);
      await waitUntil(() => part(el, 'nav').classList.contains('compact'), 'compact navigation');
      // 17 items of 2: nine pages.
      expect(navShown(el)).to.deep.equal(['[1]', '2', '3', '…', '9', '>']);
      const tops = new Set(
        all(el, 'nav button').map((b) => Math.round(b.getBoundingClientRect().top)),
      );
      expect(tops.size).to.equal(1);
      const next = part(el, '[part~="next-button"]');
      expect(next.getAttribute('aria-label')).to.equal('Trang sau');
      // Arrows only on screen; the button keeps its name through aria-label.
      const words = () => next.querySelector('.step-text')!.getBoundingClientRect().width;
      expect(words()).to.be.at.most(1);
      const box = part(el, '[part~="box"]');
      expect(box.scrollWidth).to.be.at.most(box.clientWidth);

      wrapper.style.width = '700px';
      await waitUntil(() => !part(el, 'nav').classList.contains('compact'), 'full navigation');
      expect(navShown(el)).to.deep.equal(['[1]', '2', '3', '4', '5', '…', '9', '>']);
      expect(words()).to.be.greaterThan(10);
    });

    it('moves focus to the first item of the new page and announces the page', async () => {
      const el = await mount(html`
        <pw-source base-url="/api"
          ><pw-activity-list category="hoat-dong-lanh-dao"></pw-activity-list
        ></pw-source>
      `);
      const button = pageButton(el, 2);
      button.focus();
      await press(el, button);
      await el.updateComplete;
      const first = part(el, '[part~="title"]');
      expect(focused(el)).to.equal(first);
      expect(statusText(el)).to.equal('Đang hiển thị trang 2 trên 4.');
    });

    it('does not scroll when the new first item is in view, and scrolls to it just enough when not', async () => {
      const wrapper = await fixture<HTMLElement>(html`
        <div>
          <pw-source base-url="/api"
            ><pw-activity-list category="hoat-dong-lanh-dao"></pw-activity-list
          ></pw-source>
          <div style="height: 3000px"></div>
        </div>
      `);
      const el = wrapper.querySelector<ActivityListElement>('pw-activity-list')!;
      await settled(el);
      window.scrollTo(0, 0);
      await press(el, pageButton(el, 2));
      await el.updateComplete;
      expect(window.scrollY).to.equal(0);

      // Scroll so that the list's top is out of sight but the navigation is not.
      const nav = part(el, 'nav');
      window.scrollTo(0, window.scrollY + nav.getBoundingClientRect().top - 10);
      expect(part(el, '[part~="title"]').getBoundingClientRect().top).to.be.lessThan(0);
      await press(el, pageButton(el, 3));
      await el.updateComplete;
      const top = part(el, '[part~="title"]').getBoundingClientRect().top;
      expect(top).to.be.at.least(-1);
      expect(top).to.be.lessThan(window.innerHeight);
      window.scrollTo(0, 0);
    });

    it('is keyboard operable: Tab to a page button, Enter or Space changes the page', async () => {
      const el = await mount(html`
        <pw-source base-url="/api"
          ><pw-activity-list category="hoat-dong-lanh-dao"></pw-activity-list
        ></pw-source>
      `);
      const links = all<HTMLAnchorElement>(el, 'a[part~="title"]');
      links[links.length - 1].focus();
      // The previous button is disabled on page 1, so Tab goes to page 1, then page 2.
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal(pageButton(el, 1));
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal(pageButton(el, 2));
      await afterReload(el, () => void sendKeys({ press: 'Enter' }));
      await el.updateComplete;
      expect(el.page).to.equal(2);
      expect(focused(el)).to.equal(part(el, '[part~="title"]'));

      pageButton(el, 3).focus();
      // ' ' rather than 'Space': the one name for the key that every driver knows.
      await afterReload(el, () => void sendKeys({ press: ' ' }));
      await el.updateComplete;
      expect(el.page).to.equal(3);
      expect(pageButton(el, 3).getAttribute('aria-current')).to.equal('page');
      expect(focused(el)).to.equal(part(el, '[part~="title"]'));
    });

    it('keeps the page shown when another page fails, and retry loads it', async () => {
      const scenario = await createScenario([
        answer(1, 5, { total: 15, hasMore: true }),
        { status: 404, body: { error: 'không có' } },
        answer(2, 5, { total: 15, hasMore: true }),
      ]);
      const el = await mount(
        html`<pw-activity-list src=${`${scenario.base}/articles`}></pw-activity-list>`,
      );
      const before = titles(el);
      const failure = await press(el, pageButton(el, 2));
      expect(failure.type).to.equal('pw-error');
      expect(titles(el)).to.deep.equal(before);
      expect(part(el, '[role="alert"]').textContent).to.contain('trước đó');
      const retry = part<HTMLButtonElement>(el, '[part~="retry-button"]');
      const success = await afterReload(el, () => retry.click());
      await el.updateComplete;
      expect(success.type).to.equal('pw-load');
      expect(titles(el)[0]).to.equal('Tin trang 2, số 1');
      expect(navShown(el)).to.deep.equal(['<', '1', '[2]', '3', '>']);
      expect(focused(el)).to.equal(part(el, '[part~="title"]'));
    });

    it('goes back to page 1 when the category changes', async () => {
      const el = await mount(html`
        <pw-source base-url="/api"
          ><pw-activity-list category="hoat-dong-lanh-dao"></pw-activity-list
        ></pw-source>
      `);
      await press(el, pageButton(el, 3));
      expect(el.page).to.equal(3);
      await afterReload(el, () => (el.category = 'tin-tuc-su-kien'));
      expect(el.page).to.equal(1);
      expect(titles(el)).to.have.length(4);
      expect(el.shadowRoot!.querySelector('nav')).to.equal(null);
    });

    it('has no navigation when everything fits on one page', async () => {
      const scenario = await createScenario([answer(1, 3, { total: 3, hasMore: false })]);
      const el = await mount(
        html`<pw-activity-list src=${`${scenario.base}/articles`}></pw-activity-list>`,
      );
      expect(titles(el)).to.have.length(3);
      expect(el.shadowRoot!.querySelector('nav')).to.equal(null);
    });
  });

  describe('paging="more"', () => {
    it('appends the next page, moves focus to the first new item and announces it', async () => {
      const scenario = await createScenario([
        answer(1, 5, { hasMore: true }),
        answer(2, 5, { hasMore: true }),
        answer(3, 2, { hasMore: false }),
      ]);
      const el = await mount(
        html`<pw-activity-list
          paging="more"
          src=${`${scenario.base}/articles`}
        ></pw-activity-list>`,
      );
      expect(el.shadowRoot!.querySelector('nav')).to.equal(null);
      const more = part<HTMLButtonElement>(el, '[part~="more-button"]');
      expect(more.textContent!.trim()).to.equal('Xem thêm');
      more.focus();
      const loaded = (await press(el, more)) as CustomEvent<Page<ArticleSummary>>;
      await el.updateComplete;
      expect(loaded.detail.items).to.have.length(10);
      expect(titles(el)).to.have.length(10);
      expect(titles(el)[5]).to.equal('Tin trang 2, số 1');
      expect(focused(el)).to.equal(all(el, '[part~="title"]')[5]);
      expect(statusText(el)).to.equal('Đã thêm 5 tin.');

      await press(el, part(el, '[part~="more-button"]'));
      await el.updateComplete;
      expect(titles(el)).to.have.length(12);
      expect(focused(el)).to.equal(all(el, '[part~="title"]')[10]);
      expect(el.shadowRoot!.querySelector('[part~="more-button"]')).to.equal(null);
      const pages = (await scenario.log()).requests.map((r) => requestedPage(r.url));
      expect(pages).to.deep.equal(['1', '2', '3']);
    });

    it('says "Show more" in English and skips items the next page repeats', async () => {
      const scenario = await createScenario([
        answer(1, 5, { hasMore: true }),
        // A new article was published meanwhile: page 2 starts with page 1's last item.
        {
          body: {
            items: [...items(1, 5).slice(4), ...items(2, 4)],
            page: 2,
            pageSize: 5,
            hasMore: false,
          },
        },
      ]);
      const el = await mount(
        html`<pw-activity-list
          lang="en"
          paging="more"
          src=${`${scenario.base}/articles`}
        ></pw-activity-list>`,
      );
      const more = part<HTMLButtonElement>(el, '[part~="more-button"]');
      expect(more.textContent!.trim()).to.equal('Show more');
      await press(el, more);
      await el.updateComplete;
      const shown = all(el, '[part~="title"]').map((t) => t.textContent!.trim());
      expect(shown).to.have.length(9);
      expect(new Set(shown).size).to.equal(9);
      expect(statusText(el)).to.equal('4 more articles added.');
    });

    it('keeps what is shown when the next page fails, and retry appends it', async () => {
      const scenario = await createScenario([
        answer(1, 5, { hasMore: true }),
        { status: 404, body: { error: 'không có' } },
        answer(2, 3, { hasMore: false }),
      ]);
      const el = await mount(
        html`<pw-activity-list
          paging="more"
          src=${`${scenario.base}/articles`}
        ></pw-activity-list>`,
      );
      const failure = await press(el, part(el, '[part~="more-button"]'));
      expect(failure.type).to.equal('pw-error');
      expect(titles(el)).to.have.length(5);
      await afterReload(el, () => part(el, '[part~="retry-button"]').click());
      await el.updateComplete;
      expect(titles(el)).to.have.length(8);
      expect(focused(el)).to.equal(all(el, '[part~="title"]')[5]);
    });

    it('ignores presses while the next page is loading', async () => {
      const scenario = await createScenario([
        answer(1, 5, { hasMore: true }),
        { ...answer(2, 5, { hasMore: true }), delayMs: 300 },
        answer(3, 5, { hasMore: false }),
      ]);
      const el = await mount(
        html`<pw-activity-list
          paging="more"
          src=${`${scenario.base}/articles`}
        ></pw-activity-list>`,
      );
      const more = part<HTMLButtonElement>(el, '[part~="more-button"]');
      const loaded = oneEvent(el, 'pw-load');
      more.click();
      await el.updateComplete;
      expect(more.getAttribute('aria-disabled')).to.equal('true');
      more.click();
      await loaded;
      await settled(el);
      expect(titles(el)).to.have.length(10);
      const log = await waitForRequests(scenario, 2);
      expect(log.requests.map((r) => requestedPage(r.url))).to.deep.equal(['1', '2']);
    });
  });

  describe('paging="none"', () => {
    it('shows the first page only, with no navigation and no more button', async () => {
      const scenario = await createScenario([answer(1, 5, { total: 40, hasMore: true })]);
      const el = await mount(
        html`<pw-activity-list
          paging="none"
          src=${`${scenario.base}/articles`}
        ></pw-activity-list>`,
      );
      expect(titles(el)).to.have.length(5);
      expect(el.shadowRoot!.querySelector('nav, [part~="more-button"]')).to.equal(null);
      expect((await scenario.log()).count).to.equal(1);
    });
  });

  it('treats an unknown paging value as "pages"', async () => {
    const el = await mount(html`
      <pw-source base-url="/api"
        ><pw-activity-list category="hoat-dong-lanh-dao" paging="infinite"></pw-activity-list
      ></pw-source>
    `);
    await waitUntil(() => el.shadowRoot!.querySelector('nav'), 'navigation shown');
    expect(navShown(el)[0]).to.equal('[1]');
  });
});
