import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { ActivityListElement, ArticleElement } from '../../src/index.js';
import { createScenario } from '../helpers/server.js';
import { BROKEN_VALUES, headingText, part, settled, shownText } from '../helpers/elements.js';

describe('pw-activity-list', () => {
  afterEach(() => {
    window.history.replaceState(null, '', window.location.pathname);
  });

  it('lists the latest items of a category with dd/MM/yyyy dates and numbered pages', async () => {
    const el = await fixture<HTMLElement>(html`
      <pw-source base-url="/api"
        ><pw-activity-list category="hoat-dong-lanh-dao"></pw-activity-list
      ></pw-source>
    `).then((s) => s.querySelector('pw-activity-list')!);
    await settled(el);
    expect(headingText(el)).to.equal('Hoạt động của lãnh đạo');
    const titles = el.shadowRoot!.querySelectorAll('[part~="title"]');
    expect(titles).to.have.length(5);
    const dates = [...el.shadowRoot!.querySelectorAll('[part~="date"]')].map((d) => d.textContent);
    expect(dates.every((d) => /^\(\d{2}\/\d{2}\/\d{4}\)$/.test(d ?? ''))).to.equal(true);
    const nav = part(el, 'nav[part~="pagination"]');
    expect(nav.getAttribute('aria-label')).to.equal('Phân trang');
    const buttons = [...nav.querySelectorAll('button')];
    expect(buttons.length).to.be.greaterThanOrEqual(3);
    expect(buttons[0].getAttribute('aria-current')).to.equal('page');
    expect(buttons[1].getAttribute('aria-label')).to.equal('Trang 2');
    expect(buttons[1].textContent!.trim()).to.equal('2');
    expect(shownText(el)).not.to.match(BROKEN_VALUES);
  });

  it('goes to page 2', async () => {
    const el = await fixture<HTMLElement>(html`
      <pw-source base-url="/api"
        ><pw-activity-list category="hoat-dong-lanh-dao"></pw-activity-list
      ></pw-source>
    `).then((s) => s.querySelector<ActivityListElement>('pw-activity-list')!);
    await settled(el);
    const first = part(el, '[part~="title"]').textContent;
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('nav button')[1].click();
    await el.updateComplete;
    await settled(el);
    expect(el.page).to.equal(2);
    expect(part(el, '[part~="title"]').textContent).not.to.equal(first);
    expect(part(el, 'nav button[aria-current="page"]').textContent!.trim()).to.equal('2');
  });

  it('pages with only "hasMore" from the backend (no total)', async () => {
    const items = (n: number) =>
      Array.from({ length: 2 }, (_, i) => ({ id: `p${n}-${i}`, title: `Tin ${n}.${i}` }));
    const scenario = await createScenario([
      { body: { items: items(1), page: 1, pageSize: 2, hasMore: true } },
    ]);
    const el = await fixture<ActivityListElement>(
      html`<pw-activity-list page-size="2" src=${`${scenario.base}/articles`}></pw-activity-list>`,
    );
    await settled(el);
    const labels = [...el.shadowRoot!.querySelectorAll('nav button')].map((b) =>
      b.textContent!.trim(),
    );
    expect(labels).to.deep.equal(['1', '2']);
    const request = (await scenario.log()).requests[0];
    expect(request.url).to.contain('page=1');
    expect(request.url).to.contain('pageSize=2');
  });

  it('shows the chosen item in the target article and supports back', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <div>
        <pw-source base-url="/api">
          <pw-activity-list category="hoat-dong-lanh-dao" target="test-article"></pw-activity-list>
          <pw-article
            id="test-article"
            article-id="hong-bang-tiep-doan-kiem-tra"
            id-param="id"
          ></pw-article>
        </pw-source>
      </div>
    `);
    const list = wrapper.querySelector('pw-activity-list')!;
    const article = wrapper.querySelector<ArticleElement>('pw-article')!;
    await settled(list);
    await settled(article);
    const link = part<HTMLAnchorElement>(list, '[part~="title"]');
    expect(link.href).to.match(/[?&]id=/);
    const chosen = new URL(link.href).searchParams.get('id')!;
    setTimeout(() => link.click());
    const event = await oneEvent(list, 'pw-select');
    expect(event.detail.item.id).to.equal(chosen);
    await article.updateComplete;
    await settled(article);
    expect(article.currentId).to.equal(chosen);
    expect(new URL(window.location.href).searchParams.get('id')).to.equal(chosen);
    expect(shownText(article)).to.contain(link.textContent!.trim());

    window.history.back();
    await oneEvent(window, 'popstate');
    await article.updateComplete;
    await settled(article);
    expect(article.currentId).to.equal('hong-bang-tiep-doan-kiem-tra');
  });

  it('lets a pw-select listener cancel the navigation', async () => {
    const el = await fixture<ActivityListElement>(html`
      <pw-activity-list
        src="/api/articles"
        href-template="/tin-tuc?id={id}"
        @pw-select=${(e: Event) => e.preventDefault()}
      ></pw-activity-list>
    `);
    await settled(el);
    const link = part<HTMLAnchorElement>(el, '[part~="title"]');
    expect(link.getAttribute('href')).to.match(/^\/tin-tuc\?id=/);
    const before = window.location.href;
    link.click();
    expect(window.location.href).to.equal(before);
  });

  it('appends the next page with paging="more"', async () => {
    const el = await fixture<ActivityListElement>(html`
      <pw-source base-url="/api"
        ><pw-activity-list paging="more" page-size="3" lang="en"></pw-activity-list
      ></pw-source>
    `).then((s) => s.querySelector<ActivityListElement>('pw-activity-list')!);
    await settled(el);
    const more = part<HTMLButtonElement>(el, '[part~="more-button"]');
    expect(more.textContent!.trim()).to.equal('Show more');
    more.click();
    await el.updateComplete;
    await settled(el);
    await new Promise((r) => setTimeout(r, 50));
    expect(el.shadowRoot!.querySelectorAll('[part~="title"]')).to.have.length(6);
  });

  it('shows a sentence for an empty category and an error for a broken backend', async () => {
    const empty = await fixture<ActivityListElement>(html`
      <pw-source base-url="/api"
        ><pw-activity-list category="khong-co"></pw-activity-list
      ></pw-source>
    `).then((s) => s.querySelector<ActivityListElement>('pw-activity-list')!);
    await settled(empty);
    expect(part(empty, '[part~="message"]').textContent).to.contain('Chưa có tin bài');

    const scenario = await createScenario([
      { status: 200, body: '{"items": [', headers: { 'content-type': 'application/json' } },
    ]);
    const broken = await fixture<ActivityListElement>(
      html`<pw-activity-list lang="en" src=${`${scenario.base}/articles`}></pw-activity-list>`,
    );
    await settled(broken);
    expect(part(broken, '[role="alert"]').textContent).to.contain('could not be read');
    expect(part(broken, '[part~="retry-button"]').textContent!.trim()).to.equal('Try again');
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
    const slot = el.shadowRoot!.querySelector('slot');
    expect(slot, 'fallback slot while loading').to.not.equal(null);
    expect(el.querySelector('a')!.offsetHeight).to.be.greaterThan(0);
    await settled(el);
    expect(el.shadowRoot!.querySelector('slot')).to.equal(null);
    expect(el.querySelector('a')!.offsetHeight).to.equal(0);
  });

  for (const layout of ['list', 'featured', 'cards']) {
    for (const lang of ['vi', 'en']) {
      it(`is accessible: ${layout}, ${lang}`, async () => {
        const el = await fixture<HTMLElement>(html`
          <pw-source base-url="/api"
            ><pw-activity-list
              layout=${layout}
              lang=${lang}
              show-image
              show-summary
            ></pw-activity-list
          ></pw-source>
        `).then((s) => s.querySelector('pw-activity-list')!);
        await settled(el);
        await expect(el).to.be.accessible();
      });
    }
  }
});
