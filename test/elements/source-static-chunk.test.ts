/**
 * The static adapter is a chunk of its own, like every adapter but json's: the
 * script-tag bundle downloads it for the first `<pw-source type="static">` that
 * is used, or the first call to the `createStaticSource` it exports. Each test
 * loads the bundle's entry into an iframe, a module graph of its own, so the
 * chunk is not loaded yet; an import map can send it somewhere broken.
 */
import { expect } from '@open-wc/testing';
import type * as Bundle from '../../src/bundle.js';
import type { SourceElement } from '../../src/index.js';
import { part, settled, shownText } from '../helpers/elements.js';
import {
  absolute,
  closeFramePages,
  fetchCount,
  openFramePageImporting,
} from '../helpers/frames.js';

const STATIC_CHUNK = /\/src\/data\/adapters\/static\.(js|ts)$/;
const PORTAL_JSON = absolute('/fixtures/portal.json');

afterEach(closeFramePages);

/** A `<pw-source>` given `source` in script, holding `widget`, added to the page. */
function addSourceWith(win: Window, source: Bundle.DataSource, widget: string): HTMLElement {
  const holder = win.document.createElement('pw-source') as SourceElement;
  holder.source = source;
  holder.innerHTML = widget;
  win.document.body.append(holder);
  return holder.firstElementChild as HTMLElement;
}

async function openPage(
  body = '',
  chunkUrl?: string,
): Promise<{ win: Window; portal: typeof Bundle }> {
  const { win, exports } = await openFramePageImporting<typeof Bundle>(['/src/bundle.ts'], {
    redirect: chunkUrl ? { '/src/data/adapters/static.js': chunkUrl } : undefined,
    body,
  });
  return { win, portal: exports };
}

const chunkRequests = (win: Window): number => fetchCount(win, STATIC_CHUNK);

describe('static adapter chunk', () => {
  it('is loaded by the first static <pw-source> in use, not before', async () => {
    const { win } = await openPage(`
      <pw-source base-url="${absolute('/api')}">
        <pw-visit-stats id="json-box" fields="total" refresh="0"></pw-visit-stats>
      </pw-source>`);
    const jsonBox = win.document.querySelector<HTMLElement>('#json-box')!;
    await settled(jsonBox);
    expect(shownText(jsonBox)).to.contain('Tổng số lượt truy cập');
    expect(chunkRequests(win), 'loaded without a static source').to.equal(0);

    win.document.body.insertAdjacentHTML(
      'beforeend',
      `<pw-source type="static" base-url="${PORTAL_JSON}">
        <pw-link-box id="static-box" variant="list"></pw-link-box>
      </pw-source>`,
    );
    const staticBox = win.document.querySelector<HTMLElement>('#static-box')!;
    await settled(staticBox);
    expect(shownText(staticBox)).to.contain('Cổng thông tin điện tử Chính phủ');
    expect(chunkRequests(win)).to.equal(1);
  });

  it("serves the bundle's createStaticSource from the chunk, with the zone it was given", async () => {
    const { win, portal } = await openPage();
    const source = portal.createStaticSource({
      data: { stats: { online: 42 } },
      timeZone: 'Asia/Bangkok',
    });
    expect(source.timeZone).to.equal('Asia/Bangkok');
    expect(chunkRequests(win), 'loaded before the first call').to.equal(0);
    const box = addSourceWith(
      win,
      source,
      '<pw-visit-stats fields="online" refresh="0"></pw-visit-stats>',
    );
    await settled(box);
    expect(shownText(box)).to.contain('42');
    expect(chunkRequests(win)).to.equal(1);
  });

  it('reports options the adapter rejects as an error state, not a throw', async () => {
    const { win, portal } = await openPage();
    const source = portal.createStaticSource({ timeZone: 'Not/AZone' });
    // A zone Intl rejects would break date formatting before any call: the default stands in.
    expect(source.timeZone).to.equal('Asia/Ho_Chi_Minh');
    const box = addSourceWith(win, source, '<pw-link-box variant="list"></pw-link-box>');
    await settled(box);
    expect(part(box, '[role="alert"]').textContent).to.contain(
      'Nguồn dữ liệu được cấu hình chưa đúng.',
    );
  });

  it('shows an error with a retry when the chunk cannot be loaded', async () => {
    const { win } = await openPage(
      `<pw-source type="static" base-url="${PORTAL_JSON}">
        <pw-link-box variant="list"></pw-link-box>
      </pw-source>`,
      absolute('/src/data/adapters/missing-static-chunk.js'),
    );
    const box = win.document.querySelector<HTMLElement>('pw-link-box')!;
    await settled(box);
    const alert = part(box, '[role="alert"]');
    expect(alert.textContent).to.contain('Không tải được danh sách liên kết.');
    expect(alert.querySelector('button')?.textContent?.trim()).to.equal('Thử lại');
  });
});
