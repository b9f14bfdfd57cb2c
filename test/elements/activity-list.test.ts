import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { ActivityListElement, ArticleElement, ArticleSummary, Page } from '../../src/index.js';
import { createScenario, waitForRequests } from '../helpers/server.js';
import {
  afterReload,
  BROKEN_VALUES,
  headingText,
  part,
  settled,
  shownText,
} from '../helpers/elements.js';

const CATEGORY = 'hoat-dong-lanh-dao';

/** Mounts a template and returns its pw-activity-list once it has settled. */
async function mount(template: ReturnType<typeof html>): Promise<ActivityListElement> {
  const wrapper = await fixture<HTMLElement>(template);
  const el = (
    wrapper.localName === 'pw-activity-list' ? wrapper : wrapper.querySelector('pw-activity-list')
  ) as ActivityListElement;
  await settled(el);
  return el;
}

/** The fixture backend's own answer, to compare what the widget shows with what it was sent. */
async function backendPage(query: string): Promise<Page<ArticleSummary>> {
  const response = await fetch(`/api/articles?${query}`);
  return (await response.json()) as Page<ArticleSummary>;
}

const all = <E extends Element = HTMLElement>(el: HTMLElement, selector: string): E[] => [
  ...el.shadowRoot!.querySelectorAll<E>(selector),
];

/**
 * Records whether clicks reaching the window were already cancelled, and
 * cancels them, so that a link the widget leaves to the browser does not
 * navigate the test page away.
 */
function guardClicks(): { prevented: boolean[]; restore(): void } {
  const prevented: boolean[] = [];
  const guard = (event: Event) => {
    prevented.push(event.defaultPrevented);
    event.preventDefault();
  };
  window.addEventListener('click', guard);
  return { prevented, restore: () => window.removeEventListener('click', guard) };
}

describe('pw-activity-list', () => {
  afterEach(() => {
    window.history.replaceState(null, '', window.location.pathname);
  });

  describe('items', () => {
    it('lists the latest items of a category with dd/MM/yyyy dates, five by default', async () => {
      const el = await mount(html`
        <pw-source base-url="/api"
          ><pw-activity-list category=${CATEGORY}></pw-activity-list
        ></pw-source>
      `);
      const expected = await backendPage(`category=${CATEGORY}&page=1&pageSize=5`);
      expect(headingText(el)).to.equal('Hoạt động của lãnh đạo');
      const titles = all(el, '[part~="title"]');
      expect(titles.map((t) => t.textContent!.trim())).to.deep.equal(
        expected.items.map((item) => item.title),
      );
      const dates = all(el, '[part~="date"]').map((d) => d.textContent);
      expect(dates).to.have.length(5);
      for (const date of dates) expect(date).to.match(/^\(\d{2}\/\d{2}\/\d{4}\)$/);
      expect(shownText(el)).not.to.match(BROKEN_VALUES);
    });

    it('asks the backend for the category, page and page size', async () => {
      const scenario = await createScenario([{ fixture: true }]);
      await mount(html`
        <pw-activity-list
          src=${`${scenario.base}/articles`}
          category="tin-tuc-su-kien"
          page-size="3"
        ></pw-activity-list>
      `);
      const url = new URL((await scenario.log()).requests[0].url, window.location.href);
      expect(url.searchParams.get('category')).to.equal('tin-tuc-su-kien');
      expect(url.searchParams.get('page')).to.equal('1');
      expect(url.searchParams.get('pageSize')).to.equal('3');
    });

    for (const bad of ['0', '-2', 'abc']) {
      it(`falls back to 5 items per page for page-size="${bad}"`, async () => {
        const scenario = await createScenario([{ fixture: true }]);
        await mount(html`
          <pw-activity-list src=${`${scenario.base}/articles`} page-size=${bad}></pw-activity-list>
        `);
        const url = new URL((await scenario.log()).requests[0].url, window.location.href);
        expect(url.searchParams.get('pageSize')).to.equal('5');
      });
    }

    it('shows dates in the portal time zone, in both languages', async () => {
      const body = {
        items: [{ id: 'late', title: 'Họp giao ban tối', date: '2020-02-25T20:00:00Z' }],
        page: 1,
        pageSize: 5,
        total: 1,
        hasMore: false,
      };
      const scenario = await createScenario([{ body }]);
      const vi = await mount(
        html`<pw-activity-list src=${`${scenario.base}/articles`}></pw-activity-list>`,
      );
      // 20:00 UTC is already the next day in Hà Nội.
      expect(part(vi, '[part~="date"]').textContent).to.equal('(26/02/2020)');
      const datetime = part(vi, '[part~="date"]').getAttribute('datetime')!;
      expect(new Date(datetime).toISOString()).to.equal('2020-02-25T20:00:00.000Z');
      const en = await mount(
        html`<pw-activity-list lang="en" src=${`${scenario.base}/articles`}></pw-activity-list>`,
      );
      expect(part(en, '[part~="date"]').textContent).to.equal('(26/02/2020)');
    });

    it('hides the dates with hide-date', async () => {
      const el = await mount(html`
        <pw-source base-url="/api"
          ><pw-activity-list category=${CATEGORY} hide-date></pw-activity-list
        ></pw-source>
      `);
      expect(all(el, '[part~="title"]')).to.have.length(5);
      expect(all(el, '[part~="date"]')).to.have.length(0);
      expect(shownText(el)).not.to.match(/\d{2}\/\d{2}\/\d{4}/);
    });

    it('never shows a broken value for odd items', async () => {
      const body = {
        items: [
          { id: 'no-date', title: 'Không có ngày' },
          { id: 'bad-date', title: 'Ngày sai', date: 'hôm qua' },
          { id: 'no-title' },
          { id: 'image-no-alt', title: 'Ảnh không mô tả', image: { src: '/fixtures/x.svg' } },
        ],
        page: 1,
        pageSize: 5,
        hasMore: false,
      };
      const scenario = await createScenario([{ body }]);
      const el = await mount(html`
        <pw-activity-list
          src=${`${scenario.base}/articles`}
          show-image
          show-summary
          href-template="/tin-tuc?id={id}"
        ></pw-activity-list>
      `);
      expect(all(el, '[part~="title"]').map((t) => t.textContent!.trim())).to.deep.equal([
        'Không có ngày',
        'Ngày sai',
        'Ảnh không mô tả',
      ]);
      expect(all(el, '[part~="date"]')).to.have.length(0);
      // Without a description the picture is decorative: the title next to it says it all.
      expect(part(el, 'img').getAttribute('alt')).to.equal('');
      expect(shownText(el)).not.to.match(BROKEN_VALUES);
    });
  });

  describe('layouts', () => {
    it('list: titles and dates only, unless show-image / show-summary ask for more', async () => {
      const plain = await mount(html`
        <pw-source base-url="/api"
          ><pw-activity-list category=${CATEGORY}></pw-activity-list
        ></pw-source>
      `);
      expect(plain.layout).to.equal('list');
      expect(part(plain, 'ul[part~="list"]').classList.contains('list')).to.equal(true);
      expect(all(plain, 'li[part~="item"]')).to.have.length(5);
      expect(all(plain, '[part~="lead"], [part~="card"]')).to.have.length(0);
      expect(all(plain, 'img, [part~="summary"]')).to.have.length(0);

      const rich = await mount(html`
        <pw-source base-url="/api"
          ><pw-activity-list category=${CATEGORY} show-image show-summary></pw-activity-list
        ></pw-source>
      `);
      const expected = await backendPage(`category=${CATEGORY}&page=1&pageSize=5`);
      const items = all(rich, 'li[part~="item"]');
      expected.items.forEach((data, index) => {
        const img = items[index].querySelector('img');
        if (data.image) {
          expect(img, `image of ${data.id}`).to.not.equal(null);
          expect(img!.getAttribute('alt')).to.equal(data.image.alt ?? '');
          expect(img!.getAttribute('loading')).to.equal('lazy');
          expect(img!.getAttribute('decoding')).to.equal('async');
          expect(img!.getAttribute('width')).to.equal('160');
          expect(img!.getAttribute('height')).to.equal('120');
          expect(new URL(img!.src).pathname).to.equal(
            new URL(data.image.src, location.href).pathname,
          );
        } else {
          expect(img, `no image for ${data.id}`).to.equal(null);
        }
        expect(items[index].querySelector('[part~="summary"]')?.textContent).to.equal(data.summary);
      });
      expect(expected.items.some((item) => item.image)).to.equal(true);
    });

    it('list images keep their 4:3 box before they load (no layout shift)', async () => {
      const el = await mount(html`
        <pw-source base-url="/api"
          ><pw-activity-list category=${CATEGORY} show-image></pw-activity-list
        ></pw-source>
      `);
      const img = part<HTMLImageElement>(el, 'img');
      const box = img.getBoundingClientRect();
      expect(box.width).to.be.greaterThan(0);
      expect(Math.abs(box.height - (box.width * 3) / 4)).to.be.lessThan(1.5);
    });

    it('featured: the first item large with image and summary, the rest as a list', async () => {
      // The fixture's newest item has no picture: lead with one that has.
      const fixtureItems = (await backendPage(`category=${CATEGORY}&page=1&pageSize=20`)).items;
      const items = [
        fixtureItems.find((item) => item.image)!,
        ...fixtureItems.filter((item) => !item.image).slice(0, 4),
      ];
      const expected = { items, page: 1, pageSize: 5, total: 5, hasMore: false };
      const scenario = await createScenario([{ body: expected }]);
      const el = await mount(html`
        <pw-activity-list src=${`${scenario.base}/articles`} layout="featured"></pw-activity-list>
      `);
      const shown = all(el, 'li[part~="item"]');
      expect(shown).to.have.length(5);
      const lead = shown[0];
      expect(lead.getAttribute('part')).to.contain('lead');
      expect(all(el, '[part~="lead"]')).to.have.length(1);
      const img = lead.querySelector('img')!;
      expect(img.getAttribute('alt')).to.equal(expected.items[0].image!.alt);
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.getAttribute('decoding')).to.equal('async');
      expect([img.getAttribute('width'), img.getAttribute('height')]).to.deep.equal(['640', '360']);
      const box = img.getBoundingClientRect();
      expect(Math.abs(box.height - (box.width * 9) / 16)).to.be.lessThan(1.5);
      expect(lead.querySelector('[part~="summary"]')!.textContent).to.equal(
        expected.items[0].summary,
      );
      // Its date stands on its own line, without the list's brackets.
      expect(lead.querySelector('[part~="date"]')!.textContent).to.match(/^\d{2}\/\d{2}\/\d{4}$/);
      for (const item of shown.slice(1)) {
        expect(item.querySelector('img, [part~="summary"]')).to.equal(null);
        expect(item.querySelector('[part~="date"]')!.textContent).to.match(/^\(.+\)$/);
      }
    });

    it('featured: a lead without a picture still shows its summary', async () => {
      const el = await mount(html`
        <pw-source base-url="/api"
          ><pw-activity-list category=${CATEGORY} layout="featured"></pw-activity-list
        ></pw-source>
      `);
      const expected = await backendPage(`category=${CATEGORY}&page=1&pageSize=5`);
      expect(expected.items[0].image).to.equal(undefined);
      const lead = part(el, '[part~="lead"]');
      expect(lead.querySelector('img')).to.equal(null);
      expect(lead.querySelector('[part~="summary"]')!.textContent).to.equal(
        expected.items[0].summary,
      );
    });

    it('cards: a grid of cards with image (or placeholder), title, date and summary', async () => {
      const el = await mount(html`
        <pw-source base-url="/api"
          ><pw-activity-list category=${CATEGORY} layout="cards" page-size="6"></pw-activity-list
        ></pw-source>
      `);
      const expected = await backendPage(`category=${CATEGORY}&page=1&pageSize=6`);
      const cards = all(el, 'li[part~="card"]');
      expect(cards).to.have.length(6);
      expected.items.forEach((data, index) => {
        const card = cards[index];
        expect(card.querySelector('[part~="title"]')!.textContent!.trim()).to.equal(data.title);
        expect(card.querySelector('[part~="date"]')!.textContent).to.match(/^\d{2}\/\d{2}\/\d{4}$/);
        expect(card.querySelector('[part~="summary"]')!.textContent).to.equal(data.summary);
        if (data.image) {
          const img = card.querySelector('img')!;
          expect(img.getAttribute('alt')).to.equal(data.image.alt ?? '');
          expect(img.getAttribute('loading')).to.equal('lazy');
          expect(img.getAttribute('width')).to.equal('640');
          expect(img.getAttribute('height')).to.equal('360');
        } else {
          const placeholder = card.querySelector('[part~="image-placeholder"]')!;
          expect(placeholder.getAttribute('aria-hidden')).to.equal('true');
        }
      });
      expect(expected.items.some((item) => !item.image)).to.equal(true);
    });

    it('cards: one column at 320 px, several on a wide page, never overflowing', async () => {
      const wrapper = await fixture<HTMLElement>(html`
        <div style="width: 320px">
          <pw-source base-url="/api"
            ><pw-activity-list category=${CATEGORY} layout="cards"></pw-activity-list
          ></pw-source>
        </div>
      `);
      const el = wrapper.querySelector<ActivityListElement>('pw-activity-list')!;
      await settled(el);
      const list = part(el, 'ul[part~="list"]');
      const columns = () => getComputedStyle(list).gridTemplateColumns.split(' ').length;
      const box = part(el, '[part~="box"]');
      expect(columns()).to.equal(1);
      expect(box.scrollWidth).to.be.at.most(box.clientWidth);
      for (const card of all(el, '[part~="card"]')) {
        expect(card.getBoundingClientRect().right).to.be.at.most(
          wrapper.getBoundingClientRect().right,
        );
      }
      wrapper.style.width = '1000px';
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(columns()).to.be.at.least(3);
      expect(box.scrollWidth).to.be.at.most(box.clientWidth);
    });

    it('falls back to the list layout for an unknown layout value', async () => {
      const el = await mount(html`
        <pw-source base-url="/api"
          ><pw-activity-list category=${CATEGORY} layout="grid"></pw-activity-list
        ></pw-source>
      `);
      expect(part(el, 'ul[part~="list"]').classList.contains('list')).to.equal(true);
      expect(all(el, '[part~="title"]')).to.have.length(5);
      expect(all(el, 'img')).to.have.length(0);
    });

    it('shows a placeholder shaped like the layout while loading', async () => {
      const scenario = await createScenario([{ hang: true }]);
      const el = await fixture<ActivityListElement>(html`
        <pw-activity-list layout="cards" page-size="4" src=${`${scenario.base}/articles`}>
        </pw-activity-list>
      `);
      await waitForRequests(scenario, 1);
      expect(part(el, '[part~="box"]').getAttribute('aria-busy')).to.equal('true');
      const skeleton = part(el, '[part~="skeleton"]');
      expect(skeleton.getAttribute('aria-hidden')).to.equal('true');
      expect(skeleton.querySelectorAll('.card')).to.have.length(4);
    });
  });

  describe('links and selection', () => {
    it('links every item to its own URL from the backend', async () => {
      const el = await mount(html`
        <pw-source base-url="/api"
          ><pw-activity-list category=${CATEGORY}></pw-activity-list
        ></pw-source>
      `);
      const expected = await backendPage(`category=${CATEGORY}&page=1&pageSize=5`);
      const links = all<HTMLAnchorElement>(el, 'a[part~="title"]');
      expect(links.map((a) => a.href)).to.deep.equal(
        expected.items.map((item) => new URL(item.url!, location.href).href),
      );
    });

    it('links through href-template, with the id URL-encoded, in preference to the backend URL', async () => {
      const body = {
        items: [
          { id: 'a b/c', title: 'Có dấu cách', url: 'https://portal.example/a' },
          { id: 'thuong', title: 'Thường' },
        ],
        page: 1,
        pageSize: 5,
        hasMore: false,
      };
      const scenario = await createScenario([{ body }]);
      const el = await mount(html`
        <pw-activity-list
          src=${`${scenario.base}/articles`}
          href-template="/tin-tuc?id={id}"
        ></pw-activity-list>
      `);
      expect(all(el, 'a[part~="title"]').map((a) => a.getAttribute('href'))).to.deep.equal([
        '/tin-tuc?id=a%20b%2Fc',
        '/tin-tuc?id=thuong',
      ]);
    });

    it('ignores a script URL in href-template and never renders a dead "#" link', async () => {
      const body = {
        items: [
          { id: 'co-url', title: 'Có địa chỉ', url: 'https://portal.example/co-url' },
          { id: 'khong-url', title: 'Không có địa chỉ' },
        ],
        page: 1,
        pageSize: 5,
        hasMore: false,
      };
      const scenario = await createScenario([{ body }]);
      const el = await mount(html`
        <pw-activity-list
          src=${`${scenario.base}/articles`}
          href-template="javascript:alert('{id}')"
        ></pw-activity-list>
      `);
      const titles = all(el, '[part~="title"]');
      expect(titles[0].localName).to.equal('a');
      expect(titles[0].getAttribute('href')).to.equal('https://portal.example/co-url');
      // Nowhere to go: the title is text, not a link that goes nowhere.
      expect(titles[1].localName).to.equal('span');
      expect(el.shadowRoot!.querySelector('a[href="#"], a[href^="javascript"]')).to.equal(null);
    });

    it('fires a cancelable pw-select with the item; cancelling it keeps the page', async () => {
      const chosen: ArticleSummary[] = [];
      const el = await mount(html`
        <pw-activity-list
          src="/api/articles"
          href-template="/tin-tuc?id={id}"
          @pw-select=${(event: CustomEvent<{ item: ArticleSummary }>) => {
            chosen.push(event.detail.item);
            event.preventDefault();
          }}
        ></pw-activity-list>
      `);
      const clicks = guardClicks();
      try {
        const link = part<HTMLAnchorElement>(el, 'a[part~="title"]');
        link.click();
        expect(chosen.map((item) => item.title)).to.deep.equal([link.textContent!.trim()]);
        expect(clicks.prevented).to.deep.equal([true]);
      } finally {
        clicks.restore();
      }
    });

    it('leaves an unhandled plain click to the link, and pw-select bubbles out of the box', async () => {
      const el = await mount(html`
        <pw-activity-list src="/api/articles" href-template="/tin-tuc?id={id}"></pw-activity-list>
      `);
      const clicks = guardClicks();
      try {
        const link = part<HTMLAnchorElement>(el, 'a[part~="title"]');
        setTimeout(() => link.click());
        const event = await oneEvent(document, 'pw-select');
        expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
        expect(clicks.prevented).to.deep.equal([false]);
      } finally {
        clicks.restore();
      }
    });

    it('leaves ctrl-, meta-, shift- and middle-clicks to the browser (new tab)', async () => {
      const wrapper = await fixture<HTMLElement>(html`
        <div>
          <pw-source base-url="/api">
            <pw-activity-list category=${CATEGORY} target="modified-article"></pw-activity-list>
            <pw-article id="modified-article" id-param="id"></pw-article>
          </pw-source>
        </div>
      `);
      const el = wrapper.querySelector<ActivityListElement>('pw-activity-list')!;
      await settled(el);
      let selects = 0;
      el.addEventListener('pw-select', () => (selects += 1));
      const before = window.location.href;
      const historyLength = window.history.length;
      const clicks = guardClicks();
      try {
        const link = part<HTMLAnchorElement>(el, 'a[part~="title"]');
        for (const init of [
          { ctrlKey: true },
          { metaKey: true },
          { shiftKey: true },
          { button: 1 },
        ]) {
          link.dispatchEvent(
            new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, ...init }),
          );
        }
        expect(selects).to.equal(0);
        expect(clicks.prevented).to.deep.equal([false, false, false, false]);
        expect(window.location.href).to.equal(before);
        expect(window.history.length).to.equal(historyLength);
      } finally {
        clicks.restore();
      }
    });

    it('with target, shows the item in that pw-article; back and forward follow', async () => {
      const wrapper = await fixture<HTMLElement>(html`
        <div>
          <pw-source base-url="/api">
            <pw-activity-list category=${CATEGORY} target="test-article"></pw-activity-list>
            <pw-article
              id="test-article"
              article-id="hong-bang-tiep-doan-kiem-tra"
              id-param="ma-tin"
            ></pw-article>
          </pw-source>
        </div>
      `);
      const list = wrapper.querySelector<ActivityListElement>('pw-activity-list')!;
      const article = wrapper.querySelector<ArticleElement>('pw-article')!;
      await settled(list);
      await settled(article);
      const links = all<HTMLAnchorElement>(list, 'a[part~="title"]');
      // A real same-page URL using the article's own parameter: it works in a new tab too.
      for (const link of links) {
        const url = new URL(link.href);
        expect(url.pathname).to.equal(window.location.pathname);
        expect(url.searchParams.get('ma-tin')).to.be.a('string').and.not.equal('');
      }
      const link = links[2];
      const chosen = new URL(link.href).searchParams.get('ma-tin')!;
      setTimeout(() => link.click());
      const event = await oneEvent(list, 'pw-select');
      expect(event.detail.item.id).to.equal(chosen);
      await article.updateComplete;
      await settled(article);
      expect(article.currentId).to.equal(chosen);
      expect(new URL(window.location.href).searchParams.get('ma-tin')).to.equal(chosen);
      expect(shownText(article)).to.contain(link.textContent!.trim());

      window.history.back();
      await oneEvent(window, 'popstate');
      await article.updateComplete;
      await settled(article);
      expect(article.currentId).to.equal('hong-bang-tiep-doan-kiem-tra');
      expect(new URL(window.location.href).searchParams.get('ma-tin')).to.equal(null);

      window.history.forward();
      await oneEvent(window, 'popstate');
      await article.updateComplete;
      await settled(article);
      expect(article.currentId).to.equal(chosen);
    });

    it('with target, a cancelled pw-select changes neither the article nor the URL', async () => {
      const wrapper = await fixture<HTMLElement>(html`
        <div>
          <pw-source base-url="/api">
            <pw-activity-list
              category=${CATEGORY}
              target="cancel-article"
              @pw-select=${(event: Event) => event.preventDefault()}
            ></pw-activity-list>
            <pw-article id="cancel-article" article-id="hong-bang-tiep-doan-kiem-tra"></pw-article>
          </pw-source>
        </div>
      `);
      const list = wrapper.querySelector<ActivityListElement>('pw-activity-list')!;
      const article = wrapper.querySelector<ArticleElement>('pw-article')!;
      await settled(list);
      await settled(article);
      const before = window.location.href;
      all<HTMLAnchorElement>(list, 'a[part~="title"]')[3].click();
      await article.updateComplete;
      expect(window.location.href).to.equal(before);
      expect(article.currentId).to.equal('hong-bang-tiep-doan-kiem-tra');
    });
  });

  describe('states', () => {
    it('shows a sentence for an empty category, in either language', async () => {
      const vi = await mount(html`
        <pw-source base-url="/api"
          ><pw-activity-list category="khong-co"></pw-activity-list
        ></pw-source>
      `);
      expect(part(vi, '[part~="message"]').textContent!.trim()).to.equal(
        'Chưa có tin bài nào trong mục này.',
      );
      expect(vi.shadowRoot!.querySelector('[part~="list"], nav, [part~="more-button"]')).to.equal(
        null,
      );
      const en = await mount(html`
        <pw-source base-url="/api"
          ><pw-activity-list lang="en" category="khong-co" paging="more"></pw-activity-list
        ></pw-source>
      `);
      expect(part(en, '[part~="message"]').textContent!.trim()).to.equal(
        'There are no articles in this section yet.',
      );
      expect(en.shadowRoot!.querySelector('[part~="more-button"]')).to.equal(null);
    });

    it('says what failed in the visitor language, and retry loads the list', async () => {
      const scenario = await createScenario([
        { status: 200, body: '{"items": [', headers: { 'content-type': 'application/json' } },
        { fixture: true },
      ]);
      const el = await mount(
        html`<pw-activity-list lang="en" src=${`${scenario.base}/articles`}></pw-activity-list>`,
      );
      const alert = part(el, '[role="alert"]');
      expect(alert.textContent).to.contain('could not be read');
      expect(el.shadowRoot!.querySelector('[part~="list"]')).to.equal(null);
      const retry = part<HTMLButtonElement>(el, '[part~="retry-button"]');
      expect(retry.textContent!.trim()).to.equal('Try again');
      const outcome = await afterReload(el, () => retry.click());
      expect(outcome.type).to.equal('pw-load');
      expect(all(el, '[part~="title"]')).to.have.length(5);
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    });

    it('says so in Vietnamese when no source is set', async () => {
      const el = await mount(html`<pw-activity-list></pw-activity-list>`);
      expect(part(el, '[role="alert"]').textContent).to.contain('nguồn dữ liệu');
      expect(shownText(el)).not.to.match(BROKEN_VALUES);
    });

    it('keeps server-given fallback HTML visible until the data arrives', async () => {
      const scenario = await createScenario([{ fixture: true, delayMs: 400 }]);
      const el = await fixture<ActivityListElement>(html`
        <pw-activity-list src=${`${scenario.base}/articles`}
          ><ul>
            <li><a href="/tin-1">Tin dự phòng</a></li>
          </ul></pw-activity-list
        >
      `);
      expect(el.shadowRoot!.querySelector('slot'), 'fallback slot while loading').to.not.equal(
        null,
      );
      expect(el.querySelector('a')!.offsetHeight).to.be.greaterThan(0);
      await settled(el);
      expect(el.querySelector('a')!.offsetHeight).to.equal(0);
      expect(all(el, '[part~="title"]')).to.have.length(5);
    });

    it('follows a language change of an ancestor', async () => {
      const wrapper = await fixture<HTMLElement>(html`
        <div lang="vi">
          <pw-source base-url="/api"
            ><pw-activity-list category=${CATEGORY}></pw-activity-list
          ></pw-source>
        </div>
      `);
      const el = wrapper.querySelector<ActivityListElement>('pw-activity-list')!;
      await settled(el);
      expect(part(el, 'nav').getAttribute('aria-label')).to.equal('Phân trang');
      wrapper.setAttribute('lang', 'en');
      await waitUntil(() => headingText(el) === 'Leadership activities', 'heading in English');
      expect(part(el, 'nav').getAttribute('aria-label')).to.equal('Pagination');
      expect(part(el, '[part~="page-button"]').getAttribute('aria-label')).to.equal('Page 1');
    });
  });
});
