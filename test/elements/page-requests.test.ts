/**
 * What the portal page costs in requests, as a test rather than only a bench
 * row (request counts do not jitter): the demo's widgets on three resources
 * make three GET requests, and none when they are mounted again within the
 * cache time. The scenario's fresh URL keeps other tests' cache out of it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { settled } from '../helpers/elements.js';
import { createScenario } from '../helpers/server.js';

const HONG_BANG = 'hong-bang-tiep-doan-kiem-tra';

describe('the portal page', () => {
  beforeEach(() => sessionStorage.clear());

  it('reads three resources with three GET requests, and again with none', async () => {
    const scenario = await createScenario(Array.from({ length: 12 }, () => ({ fixture: true })));
    const page = await fixture<HTMLElement>(html`
      <pw-source base-url=${scenario.base}>
        <pw-activity-list category="hoat-dong-lanh-dao" page-size="5"></pw-activity-list>
        <pw-article article-id=${HONG_BANG} related="5"></pw-article>
        <pw-link-box></pw-link-box>
        <pw-visit-stats record refresh="0"></pw-visit-stats>
      </pw-source>
    `);
    const widgets = [...page.children] as HTMLElement[];
    for (const widget of widgets) await settled(widget);
    const requests = async () =>
      (await scenario.log()).requests.map(
        (r) => `${r.method} ${r.url.slice(scenario.base.length)}`,
      );
    expect((await requests()).sort()).to.deep.equal([
      `GET /articles/${HONG_BANG}`,
      'GET /articles?category=hoat-dong-lanh-dao&page=1&pageSize=5',
      'GET /links',
      'POST /stats/visit',
    ]);

    // A revisit: the same page built again (new elements, so each loads its
    // data anew), within the cache time; every box shows its data again.
    const again = page.cloneNode(true) as HTMLElement;
    page.replaceWith(again);
    const copies = [...again.children] as HTMLElement[];
    for (const copy of copies) await settled(copy);
    for (const copy of copies) {
      expect(copy.shadowRoot!.querySelector('[part~="error"], [part~="skeleton"]')).to.equal(null);
    }
    expect(copies[3]!.shadowRoot!.textContent).to.match(/Tổng số lượt truy cập:\s*[\d.]+/);
    const after = await requests();
    expect(after.length, after.join(', ')).to.equal(4);
  });
});
