/**
 * Relative URLs resolve as the browser's own fetch() and links do: against the
 * document's base URL, which a `<base href>` (written by some CMS templates)
 * moves away from the page's address.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { settled, shownText } from '../helpers/elements.js';
import { absolute, closeFramePages, fetchCount, openFramePage } from '../helpers/frames.js';

describe('relative URLs under <base href>', () => {
  afterEach(closeFramePages);

  it('resolves src and base-url against the base URL, not the page address', async () => {
    const win = await openFramePage({
      head: `<base href="${absolute('/api/')}" />`,
      modules: ['/src/index.ts'],
      body: `<pw-visit-stats id="by-src" src="stats" refresh="0"></pw-visit-stats>
        <pw-source base-url="."
          ><pw-link-box id="by-source" variant="list"></pw-link-box
        ></pw-source>`,
    });
    await waitUntil(() => win.customElements.get('pw-link-box'), 'the library did not load');
    const stats = win.document.querySelector<HTMLElement>('#by-src')!;
    const links = win.document.querySelector<HTMLElement>('#by-source')!;
    await settled(stats);
    await settled(links);
    expect(shownText(stats)).to.match(/Tổng số lượt truy cập:\s*[\d.]+/);
    expect(shownText(links)).to.contain('Cổng thông tin điện tử Chính phủ');
    expect(fetchCount(win, /^\/api\/stats$/)).to.equal(1);
    expect(fetchCount(win, /^\/api\/links$/)).to.equal(1);
  });
});
