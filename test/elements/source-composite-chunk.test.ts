/**
 * What only `<pw-source type="composite">` needs is a chunk of its own, loaded
 * by the first composite on the page; until it arrives, the composite's
 * source is a stand-in. Each test loads the library into an iframe, a module
 * graph of its own, so the chunk is not loaded yet; an import map can send it
 * somewhere broken.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type * as Library from '../../src/index.js';
import type { DataSource, SourceElement, VisitStats } from '../../src/index.js';
import { BROKEN_VALUES, part, settled, shownText } from '../helpers/elements.js';
import {
  absolute,
  closeFramePages,
  fetchCount,
  openFramePageImporting,
} from '../helpers/frames.js';

const COMPOSITE_CHUNK = /\/src\/source\/composite-references\.(js|ts)$/;

/** The fixture API as an absolute URL: the page in the iframe has no address of its own. */
const API = absolute('/api');

interface LibraryPage extends Window {
  __warnings: string[];
  __pageErrors: string[];
}

afterEach(closeFramePages);

/** A page with the library and `body`; with `chunkUrl`, an import map sends the composite chunk there. */
async function openPage(
  body = '',
  chunkUrl?: string,
): Promise<{ win: LibraryPage; portal: typeof Library }> {
  const { win, exports } = await openFramePageImporting<typeof Library>(['/src/index.ts'], {
    head: `<script>
      window.__warnings = [];
      window.__pageErrors = [];
      const warn = console.warn.bind(console);
      console.warn = (...args) => {
        window.__warnings.push(args.map(String).join(' '));
        warn(...args);
      };
      addEventListener('error', (event) => window.__pageErrors.push(String(event.message)));
      addEventListener('unhandledrejection', (event) =>
        window.__pageErrors.push(String(event.reason)),
      );
    </script>`,
    redirect: chunkUrl ? { '/src/source/composite-references.js': chunkUrl } : undefined,
    body,
  });
  return { win: win as LibraryPage, portal: exports };
}

/** How many times the page fetched the composite chunk. */
const chunkRequests = (win: Window): number => fetchCount(win, COMPOSITE_CHUNK);

/** Adds `html` to the page's body and returns the element with id or tag `selector`. */
function add<E extends HTMLElement>(win: Window, html: string, selector: string): E {
  win.document.body.insertAdjacentHTML('beforeend', html);
  return win.document.querySelector<E>(selector)!;
}

describe('<pw-source type="composite"> code chunk', () => {
  it('is loaded only when a composite source is on the page, and once', async () => {
    const { win } = await openPage(`
      <pw-source id="plain" base-url="${API}">
        <pw-link-box variant="list"></pw-link-box>
      </pw-source>`);
    const plainBox = win.document.querySelector<HTMLElement>('pw-link-box')!;
    await settled(plainBox);
    expect(shownText(plainBox)).to.contain('Cổng thông tin điện tử Chính phủ');
    expect(chunkRequests(win), 'loaded without a composite').to.equal(0);

    const first = add<HTMLElement>(
      win,
      `<pw-source id="first" type="composite" links="plain">
        <pw-link-box id="first-box" variant="list"></pw-link-box>
      </pw-source>`,
      '#first-box',
    );
    await settled(first);
    expect(shownText(first)).to.contain('Cổng thông tin điện tử Chính phủ');
    const second = add<HTMLElement>(
      win,
      `<pw-source id="second" type="composite" links="plain">
        <pw-link-box id="second-box" variant="list"></pw-link-box>
      </pw-source>`,
      '#second-box',
    );
    await settled(second);
    expect(shownText(second)).to.contain('Cổng thông tin điện tử Chính phủ');
    expect(chunkRequests(win)).to.equal(1);
    expect(win.__pageErrors).to.deep.equal([]);
  });

  it('gives a source at once, which serves like the composite, live counters included', async () => {
    const { win, portal } = await openPage();
    const watchers = new Set<(stats: VisitStats) => void>();
    let recorded = 0;
    const counter: DataSource = {
      ...portal.createStaticSource({ data: { stats: { online: 3, total: 1000 } } }),
      recordVisit: async () => {
        recorded += 1;
        return { online: 4, total: 1001 };
      },
      watchVisitStats(callback) {
        watchers.add(callback);
        return () => watchers.delete(callback);
      },
    };
    const counterElement = win.document.createElement('pw-source') as SourceElement;
    counterElement.id = 'counter';
    counterElement.source = counter;
    win.document.body.append(counterElement);

    // The outer composite comes first, so it is built first and asks the inner one for its counters.
    win.document.body.insertAdjacentHTML(
      'beforeend',
      `<pw-source id="outer" type="composite" stats="portal"></pw-source>
      <pw-source id="portal" type="composite" stats="counter" timezone="Asia/Bangkok"></pw-source>`,
    );
    const outer = win.document.querySelector<SourceElement>('#outer')!;
    const portalSource = win.document.querySelector<SourceElement>('#portal')!;
    // There before their chunk: widgets naming them find them at once.
    const standIn = outer.source;
    expect(standIn, 'no source before the chunk').to.not.equal(undefined);
    expect(standIn!.timeZone).to.equal('Asia/Ho_Chi_Minh');
    expect(portalSource.source!.timeZone).to.equal('Asia/Bangkok');

    const box = add<HTMLElement>(
      win,
      `<pw-visit-stats id="box" source="outer" refresh="0" record></pw-visit-stats>`,
      '#box',
    );
    await settled(box);
    await waitUntil(() => shownText(box).includes('1.001'), 'the recorded figures are not shown');
    expect(recorded).to.equal(1);
    expect(chunkRequests(win)).to.equal(1);
    // The visit box follows the live figures of the counter through both composites.
    await waitUntil(() => watchers.size === 1, 'the live figures are not followed');
    watchers.forEach((watcher) => watcher({ online: 9, total: 2222 }));
    await waitUntil(() => shownText(box).includes('2.222'), 'the pushed figures are not shown');
    // The stand-in stayed: the box did not load again.
    expect(outer.source).to.equal(standIn);
    expect(recorded).to.equal(1);
    expect(win.__pageErrors).to.deep.equal([]);

    box.remove();
    expect(watchers.size, 'still watched after the box left').to.equal(0);
  });

  it('has no live figures when the source named for the counters has none', async () => {
    const { win } = await openPage(`
      <pw-source id="counter" base-url="${API}"></pw-source>
      <pw-source id="portal" type="composite" stats="counter">
        <pw-visit-stats refresh="0"></pw-visit-stats>
      </pw-source>`);
    const box = win.document.querySelector<HTMLElement>('pw-visit-stats')!;
    await settled(box);
    expect(shownText(box)).to.match(/\d{1,3}(\.\d{3})+/);
    const composite = win.document.querySelector<SourceElement>('#portal')!;
    expect(composite.source!.watchVisitStats).to.equal(undefined);
  });

  it('reports configuration errors once the chunk is here, even those no widget asks about', async () => {
    const { win } = await openPage(`
      <pw-source id="empty" type="composite"></pw-source>
      <pw-source id="loop" type="composite" articles="loop">
        <pw-activity-list></pw-activity-list>
      </pw-source>
      <pw-source id="half" type="composite" links="nowhere">
        <pw-link-box variant="list"></pw-link-box>
      </pw-source>`);
    const list = win.document.querySelector<HTMLElement>('pw-activity-list')!;
    const links = win.document.querySelector<HTMLElement>('pw-link-box')!;
    await Promise.all([settled(list), settled(links)]);
    for (const widget of [list, links]) {
      expect(part(widget, '[part~="error"]').textContent).to.contain(
        'Nguồn dữ liệu được cấu hình chưa đúng',
      );
    }
    const warned = (text: string) => win.__warnings.filter((line) => line.includes(text)).length;
    await waitUntil(
      () => warned('needs articles="ID"') > 0,
      'the empty composite was not reported',
    );
    expect(warned('needs articles="ID"'), 'reported more than once').to.equal(1);
    expect(warned('<pw-source id="loop" type="composite"> takes its data from itself')).to.equal(1);
    expect(win.__pageErrors).to.deep.equal([]);
  });

  it('shows an error, not a blank box, when the chunk cannot be loaded', async () => {
    const missing = new URL('/src/source/missing-composite-chunk.js', location.href).href;
    const { win } = await openPage(
      `<pw-source id="plain" base-url="${API}">
        <pw-link-box id="plain-box" variant="list"></pw-link-box>
      </pw-source>
      <pw-source id="portal" type="composite" links="plain">
        <pw-link-box id="portal-box" variant="list"></pw-link-box>
      </pw-source>`,
      missing,
    );
    const plainBox = win.document.querySelector<HTMLElement>('#plain-box')!;
    const box = win.document.querySelector<HTMLElement>('#portal-box')!;
    await Promise.all([settled(plainBox), settled(box)]);
    expect(shownText(plainBox)).to.contain('Cổng thông tin điện tử Chính phủ');
    const alert = part(box, '[role="alert"]').textContent ?? '';
    expect(alert.trim()).to.not.equal('');
    expect(alert).to.not.match(BROKEN_VALUES);
    expect(box.shadowRoot!.querySelector('[part~="retry-button"]')).to.not.equal(null);
    expect(
      win.performance
        .getEntriesByType('resource')
        .some((entry) => new URL(entry.name).pathname === new URL(missing).pathname),
      'the chunk was never asked for',
    ).to.equal(true);
    expect(win.__pageErrors).to.deep.equal([]);
  });
});
