import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { VisitStatsElement } from '../../src/index.js';
import { createScenario } from '../helpers/server.js';
import {
  BROKEN_VALUES,
  afterReload,
  headingText,
  part,
  settled,
  shownText,
} from '../helpers/elements.js';

describe('pw-visit-stats', () => {
  it('shows online and total from the fixture backend in Vietnamese grouping by default', async () => {
    const el = await fixture<VisitStatsElement>(html`
      <pw-source base-url="/api"><pw-visit-stats refresh="0"></pw-visit-stats></pw-source>
    `).then((source) => source.querySelector('pw-visit-stats')!);
    await settled(el);
    const text = shownText(el);
    expect(headingText(el)).to.equal('Thống kê truy cập');
    expect(text).to.contain('Số người đang truy cập');
    expect(text).to.contain('Tổng số lượt truy cập');
    expect(text).to.match(/9\.3\d\d\.\d{3}/);
    expect(text).not.to.match(BROKEN_VALUES);
  });

  it('shows the requested fields in English grouping when an ancestor says lang="en"', async () => {
    const scenario = await createScenario([
      { body: { online: 12, today: 345, total: 9313603, week: 'many', year: -4 } },
    ]);
    const wrapper = await fixture<HTMLElement>(html`
      <div lang="en">
        <pw-source base-url=${scenario.base}>
          <pw-visit-stats fields="online today week year total" refresh="0"></pw-visit-stats>
        </pw-source>
      </div>
    `);
    const el = wrapper.querySelector('pw-visit-stats')!;
    await settled(el);
    const text = shownText(el);
    expect(headingText(el)).to.equal('Visit statistics');
    expect(text).to.contain('Total visits: 9,313,603');
    expect(text).to.contain('Today: 345');
    // Wrong-typed and negative counts are dropped, not shown.
    expect(text).not.to.contain('This week');
    expect(text).not.to.contain('This year');
    expect(text).not.to.match(BROKEN_VALUES);
  });

  it('follows a change of the ancestor language', async () => {
    const scenario = await createScenario([{ body: { online: 3, total: 1234567 } }]);
    const wrapper = await fixture<HTMLElement>(html`
      <section lang="vi">
        <pw-visit-stats src=${`${scenario.base}/stats`} refresh="0"></pw-visit-stats>
      </section>
    `);
    const el = wrapper.querySelector('pw-visit-stats')!;
    await settled(el);
    expect(shownText(el)).to.contain('1.234.567');
    wrapper.setAttribute('lang', 'en');
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
    expect(shownText(el)).to.contain('1,234,567');
    expect(shownText(el)).to.contain('Online now');
  });

  it('zero-pads to `digits`', async () => {
    const scenario = await createScenario([{ body: { online: 7, total: 1234 } }]);
    const el = await fixture<VisitStatsElement>(html`
      <pw-visit-stats src=${`${scenario.base}/stats`} digits="6" refresh="0"></pw-visit-stats>
    `);
    await settled(el);
    expect(shownText(el)).to.contain('001.234');
  });

  it('shows an error with a retry button that recovers', async () => {
    const scenario = await createScenario([
      {
        status: 200,
        body: '<html>Bad gateway page</html>',
        headers: { 'content-type': 'text/html' },
      },
      { body: { online: 5, total: 42 } },
    ]);
    const errors: Event[] = [];
    const el = await fixture<VisitStatsElement>(html`
      <pw-visit-stats
        src=${`${scenario.base}/stats`}
        refresh="0"
        @pw-error=${(e: Event) => errors.push(e)}
      ></pw-visit-stats>
    `);
    await settled(el);
    const alert = part(el, '[role="alert"]');
    expect(alert.textContent).to.contain('Không tải được dữ liệu');
    expect(errors).to.have.length(1);
    await afterReload(el, () => part<HTMLButtonElement>(el, '[part~="retry-button"]').click());
    expect(shownText(el)).to.contain('42');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('keeps the last good figures when a refresh fails', async () => {
    const scenario = await createScenario([
      { body: { online: 9, total: 777 } },
      { status: 404, body: { error: 'gone' } },
    ]);
    const el = await fixture<VisitStatsElement>(html`
      <pw-visit-stats src=${`${scenario.base}/stats`} refresh="0"></pw-visit-stats>
    `);
    await settled(el);
    await afterReload(el, () => el.reload());
    expect(shownText(el)).to.contain('777');
    expect(part(el, '[role="alert"]').textContent).to.contain('dữ liệu trước đó');
  });

  it('records one visit per browser session with `record`', async () => {
    sessionStorage.clear();
    const scenario = await createScenario([{ fixture: true }]);
    const el = await fixture<VisitStatsElement>(html`
      <pw-source base-url=${scenario.base}
        ><pw-visit-stats record refresh="0"></pw-visit-stats
      ></pw-source>
    `).then((source) => source.querySelector('pw-visit-stats')!);
    await settled(el);
    const posts = (await scenario.log()).requests.filter((r) => r.method === 'POST');
    expect(posts).to.have.length(1);
    expect(posts[0].url).to.match(/\/stats\/visit$/);
  });

  it('is accessible', async () => {
    const el = await fixture<VisitStatsElement>(html`
      <pw-source base-url="/api"><pw-visit-stats refresh="0"></pw-visit-stats></pw-source>
    `).then((source) => source.querySelector('pw-visit-stats')!);
    await settled(el);
    await expect(el).to.be.accessible();
  });
});
