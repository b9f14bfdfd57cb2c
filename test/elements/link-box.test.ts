import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { LinkBoxElement } from '../../src/index.js';
import { createScenario } from '../helpers/server.js';
import { headingText, part, settled, shownText } from '../helpers/elements.js';

async function linkBox(template: ReturnType<typeof html>): Promise<LinkBoxElement> {
  const wrapper = await fixture<HTMLElement>(template);
  const el = (
    wrapper.localName === 'pw-link-box' ? wrapper : wrapper.querySelector('pw-link-box')
  ) as LinkBoxElement;
  await settled(el);
  return el;
}

describe('pw-link-box', () => {
  it('renders the portal drop-down with groups as optgroups and a Go button', async () => {
    const el = await linkBox(
      html`<pw-source base-url="/api"><pw-link-box></pw-link-box></pw-source>`,
    );
    expect(headingText(el)).to.equal('Liên kết website');
    const select = part<HTMLSelectElement>(el, 'select');
    const groups = [...select.querySelectorAll('optgroup')].map((g) => g.label);
    expect(groups.length).to.be.greaterThanOrEqual(2);
    expect(select.querySelectorAll('option').length).to.be.greaterThanOrEqual(11);
    expect(part(el, '[part~="go-button"]').textContent!.trim()).to.equal('Đi');
  });

  it('does not navigate when the selection changes', async () => {
    const el = await linkBox(
      html`<pw-source base-url="/api"><pw-link-box></pw-link-box></pw-source>`,
    );
    const before = window.location.href;
    const select = part<HTMLSelectElement>(el, 'select');
    select.selectedIndex = 2;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    select.dispatchEvent(new Event('input', { bubbles: true }));
    expect(window.location.href).to.equal(before);
  });

  it('filters by group', async () => {
    const el = await linkBox(
      html`<pw-source base-url="/api"
        ><pw-link-box group="Cơ quan Trung ương"></pw-link-box
      ></pw-source>`,
    );
    const groups = [...part(el, 'select').querySelectorAll('optgroup')].map((g) => g.label);
    expect(groups).to.deep.equal(['Cơ quan Trung ương']);
  });

  it('renders safe external anchors in the list variant and drops unsafe URLs', async () => {
    const scenario = await createScenario([
      {
        body: {
          items: [
            { title: 'Chính phủ', url: 'https://chinhphu.vn', group: 'A' },
            { title: 'Độc hại', url: 'javascript:alert(1)', group: 'A' },
            { title: 'Hộp thư', url: 'mailto:vp@example.gov.vn', group: 'B' },
            { title: 42, url: 'https://bad.example' },
          ],
        },
      },
    ]);
    const el = await linkBox(
      html`<pw-link-box variant="list" src=${`${scenario.base}/links`} lang="en"></pw-link-box>`,
    );
    const anchors = [...el.shadowRoot!.querySelectorAll('a')];
    expect(anchors.map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://chinhphu.vn/',
      'mailto:vp@example.gov.vn',
    ]);
    expect(anchors[0].rel).to.equal('noopener noreferrer');
    expect(anchors[0].target).to.equal('_blank');
    expect(anchors[0].textContent).to.contain('opens in a new tab');
    expect(anchors[1].hasAttribute('target')).to.equal(false);
    expect(shownText(el)).not.to.contain('Độc hại');
  });

  it('shows a sentence when there are no links', async () => {
    const scenario = await createScenario([{ body: { items: [] } }]);
    const el = await linkBox(html`<pw-link-box src=${`${scenario.base}/links`}></pw-link-box>`);
    expect(part(el, '[part~="message"]').textContent).to.contain('Chưa có liên kết nào');
  });

  for (const variant of ['select', 'list', 'logos'] as const) {
    for (const lang of ['vi', 'en']) {
      it(`is accessible: ${variant}, ${lang}`, async () => {
        const el = await linkBox(
          html`<pw-source base-url="/api"
            ><pw-link-box variant=${variant} lang=${lang}></pw-link-box
          ></pw-source>`,
        );
        await expect(el).to.be.accessible();
      });
    }
  }
});
