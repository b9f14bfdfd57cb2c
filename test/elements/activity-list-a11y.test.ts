import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { ActivityListElement } from '../../src/index.js';
import { createScenario, waitForRequests } from '../helpers/server.js';
import { afterReload, part, settled } from '../helpers/elements.js';

/** Axe checks of every layout and state, in both languages. */

async function mount(template: ReturnType<typeof html>): Promise<ActivityListElement> {
  const wrapper = await fixture<HTMLElement>(template);
  const el = (
    wrapper.localName === 'pw-activity-list' ? wrapper : wrapper.querySelector('pw-activity-list')
  ) as ActivityListElement;
  await settled(el);
  return el;
}

function items(page: number, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: `p${page}-${i + 1}`,
    title: `Tin trang ${page}, số ${i + 1}`,
    url: `https://portal.example/tin/p${page}-${i + 1}`,
    date: '2020-03-02T08:00:00+07:00',
  }));
}

describe('pw-activity-list accessibility', () => {
  for (const lang of ['vi', 'en']) {
    describe(lang, () => {
      for (const layout of ['list', 'featured', 'cards']) {
        for (const paging of ['pages', 'more', 'none']) {
          it(`is accessible loaded: ${layout}, paging ${paging}`, async () => {
            const el = await mount(html`
              <pw-source base-url="/api"
                ><pw-activity-list
                  category="hoat-dong-lanh-dao"
                  layout=${layout}
                  paging=${paging}
                  lang=${lang}
                  show-image
                  show-summary
                ></pw-activity-list
              ></pw-source>
            `);
            expect(el.shadowRoot!.querySelectorAll('[part~="title"]')).to.have.length(5);
            await expect(el).to.be.accessible();
          });
        }
      }

      it('is accessible with a compact page window and gaps', async () => {
        const scenario = await createScenario([
          { body: { items: items(1, 5), page: 1, pageSize: 5, total: 100, hasMore: true } },
          { body: { items: items(7, 5), page: 7, pageSize: 5, total: 100, hasMore: true } },
        ]);
        const el = await mount(
          html`<pw-activity-list
            lang=${lang}
            src=${`${scenario.base}/articles`}
          ></pw-activity-list>`,
        );
        const five = [
          ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="page-button"]'),
        ].find((b) => b.textContent!.trim() === '5')!;
        await afterReload(el, () => five.click());
        await afterReload(el, () =>
          el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="next-button"]')!.click(),
        );
        expect(el.shadowRoot!.querySelectorAll('nav .gap')).to.have.length(2);
        await expect(el).to.be.accessible();
      });

      it('is accessible while loading', async () => {
        const scenario = await createScenario([{ hang: true }]);
        const el = await fixture<ActivityListElement>(html`
          <pw-activity-list lang=${lang} layout="cards" src=${`${scenario.base}/articles`}>
          </pw-activity-list>
        `);
        await waitForRequests(scenario, 1);
        expect(part(el, '[part~="box"]').getAttribute('aria-busy')).to.equal('true');
        await expect(el).to.be.accessible();
      });

      it('is accessible when empty', async () => {
        const el = await mount(html`
          <pw-source base-url="/api"
            ><pw-activity-list lang=${lang} category="khong-co"></pw-activity-list
          ></pw-source>
        `);
        part(el, '[part~="message"]');
        await expect(el).to.be.accessible();
      });

      it('is accessible on a later page that came back empty', async () => {
        const scenario = await createScenario([{ body: items(1, 5) }, { body: [] }]);
        const el = await mount(
          html`<pw-activity-list
            lang=${lang}
            src=${`${scenario.base}/articles`}
          ></pw-activity-list>`,
        );
        await afterReload(el, () => part(el, '[part~="next-button"]').click());
        part(el, '[part~="message"]');
        await expect(el).to.be.accessible();
      });

      it('is accessible with an error', async () => {
        const scenario = await createScenario([{ status: 404, body: { error: 'không có' } }]);
        const el = await mount(
          html`<pw-activity-list
            lang=${lang}
            src=${`${scenario.base}/articles`}
          ></pw-activity-list>`,
        );
        part(el, '[part~="retry-button"]');
        await expect(el).to.be.accessible();
      });

      it('is accessible with a failed "more" under the items already shown', async () => {
        const scenario = await createScenario([
          { body: { items: items(1, 5), page: 1, pageSize: 5, hasMore: true } },
          { status: 404, body: { error: 'không có' } },
        ]);
        const el = await mount(html`
          <pw-activity-list
            lang=${lang}
            layout="featured"
            paging="more"
            src=${`${scenario.base}/articles`}
          ></pw-activity-list>
        `);
        await afterReload(el, () => part(el, '[part~="more-button"]').click());
        part(el, '[part~="retry-button"]');
        expect(el.shadowRoot!.querySelectorAll('[part~="title"]')).to.have.length(5);
        await expect(el).to.be.accessible();
      });
    });
  }
});
