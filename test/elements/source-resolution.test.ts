import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import {
  createStaticSource,
  setDefaultSource,
  type DataSource,
  type LinkBoxElement,
  type SourceElement,
} from '../../src/index.js';
import { defineElement } from '../../src/base/define.js';
import { createScenario, sleep } from '../helpers/server.js';
import { part, settled, shownText } from '../helpers/elements.js';

/** A static source whose only link names where it came from. */
function namedSource(name: string): DataSource {
  return createStaticSource({ data: { links: [{ title: name, url: 'https://example.gov.vn/' }] } });
}

describe('source resolution', () => {
  afterEach(() => setDefaultSource(undefined));

  it('1. uses the enclosing <pw-source>, before any other', async () => {
    setDefaultSource(namedSource('mặc định'));
    const wrapper = await fixture<HTMLElement>(html`
      <pw-source base-url="/api"
        ><pw-link-box variant="list" src="/nowhere"></pw-link-box
      ></pw-source>
    `);
    const el = wrapper.querySelector('pw-link-box')!;
    await settled(el);
    expect(shownText(el)).to.contain('Cổng thông tin điện tử Chính phủ');
  });

  it('2. finds source="ID" anywhere in the document, even inserted later', async () => {
    const el = await fixture<LinkBoxElement>(
      html`<pw-link-box variant="list" source="later-source"></pw-link-box>`,
    );
    await settled(el);
    expect(part(el, '[role="alert"]').textContent).to.contain('Không tìm thấy nguồn dữ liệu');
    const source = document.createElement('pw-source') as SourceElement;
    source.id = 'later-source';
    source.source = namedSource('nguồn theo id');
    document.body.append(source);
    try {
      await settled(el);
      await new Promise((r) => setTimeout(r, 0));
      await settled(el);
      expect(shownText(el)).to.contain('nguồn theo id');
    } finally {
      source.remove();
    }
  });

  it('3. loads the widget src directly', async () => {
    const scenario = await createScenario([
      { body: [{ title: 'Qua src', url: 'https://src.example.vn/' }] },
    ]);
    const el = await fixture<LinkBoxElement>(
      html`<pw-link-box variant="list" src=${`${scenario.base}/x`}></pw-link-box>`,
    );
    await settled(el);
    expect(shownText(el)).to.contain('Qua src');
  });

  it('4a. falls back to setDefaultSource()', async () => {
    setDefaultSource(namedSource('mặc định từ script'));
    const el = await fixture<LinkBoxElement>(html`<pw-link-box variant="list"></pw-link-box>`);
    await settled(el);
    expect(shownText(el)).to.contain('mặc định từ script');
  });

  it('4b. falls back to <pw-source default> in another column', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <div>
        <aside><pw-link-box variant="list"></pw-link-box></aside>
        <footer><pw-source default base-url="/api"></pw-source></footer>
      </div>
    `);
    const el = wrapper.querySelector('pw-link-box')!;
    await settled(el);
    expect(shownText(el)).to.contain('Cổng thông tin điện tử Chính phủ');
  });

  it('shows a clear error when there is no source at all', async () => {
    const el = await fixture<LinkBoxElement>(html`<pw-link-box lang="en"></pw-link-box>`);
    await settled(el);
    expect(part(el, '[role="alert"]').textContent).to.contain('No data source is set up');
    expect(el.shadowRoot!.querySelector('[part~="retry-button"]')).to.not.equal(null);
  });

  it('reports an unsupported source type as an error state', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <pw-source type="gopher" base-url="/api"><pw-link-box></pw-link-box></pw-source>
    `);
    const el = wrapper.querySelector('pw-link-box')!;
    await settled(el);
    expect(part(el, '[role="alert"]').textContent).to.contain('cấu hình chưa đúng');
  });

  it('keeps each widget on its own source when more widgets than the shared cache holds use src', async () => {
    // The shared cache of src sources holds 64; each of these 80 boxes must still
    // keep its one source, and so ask for its figures once, not again and again.
    const scenario = await createScenario([{ body: { online: 3, total: 1234 } }]);
    const count = 80;
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        ${Array.from(
          { length: count },
          (_, i) =>
            html`<pw-visit-stats
              refresh="0"
              src=${`${scenario.base}/stats?box=${i}`}
            ></pw-visit-stats>`,
        )}
      </div>`,
    );
    const boxes = [...wrapper.querySelectorAll<HTMLElement>('pw-visit-stats')];
    for (const box of boxes) await settled(box);
    await sleep(300);
    for (const box of boxes) expect(shownText(box)).to.contain('1.234');
    expect((await scenario.log()).count).to.equal(count);
  });

  it('registers idempotently', () => {
    const Existing = customElements.get('pw-link-box')!;
    expect(() => defineElement('pw-link-box', Existing)).not.to.throw();
    class Other extends HTMLElement {
      static version = '0.0.0-other';
    }
    expect(() => defineElement('pw-link-box', Other)).not.to.throw();
    expect(customElements.get('pw-link-box')).to.equal(Existing);
  });
});
