/**
 * The demo portal page (demo/index.html) as a visitor gets it: the built
 * script-tag bundle from dist/, the fixture portal behind /api and a real
 * visit counter. The test server serves the page with the error probes loaded
 * first and the counter's endpoints pointed at its /counter mount (see
 * web-test-runner.config.mjs); the page is opened in an iframe and inspected
 * from here, same origin. It runs in Chromium and, with the browser suite, in
 * Firefox.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { BROKEN_VALUES, goToFirstSite, isSettled, itemTitles } from '../helpers/elements.js';

interface DemoWindow extends Window {
  __pageErrors: string[];
  __consoleErrors: string[];
  __cspViolations: string[];
  __opened: { url: string; target?: string }[];
  Event: typeof Event;
}

const BOXES = ['pw-activity-list', 'pw-article', 'pw-link-box', 'pw-visit-stats'];

function shadow(element: Element): ShadowRoot {
  return element.shadowRoot!;
}

function articleTitle(article: Element): string {
  return (shadow(article).querySelector('[part~="article"] [part~="title"]')?.textContent ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

async function counterTotal(): Promise<number> {
  const response = await fetch('/counter/stats', { cache: 'no-store' });
  return ((await response.json()) as { total: number }).total;
}

describe('the demo portal page, built bundle', () => {
  let frame: HTMLIFrameElement;
  let win: DemoWindow;
  let totalBefore: number;

  before(async () => {
    // The stats box counts a visit once per browser session, which the runner's
    // earlier pages may already have used.
    sessionStorage.clear();
    totalBefore = await counterTotal();
    frame = document.createElement('iframe');
    frame.title = 'demo portal page';
    frame.width = '1200';
    frame.height = '2000';
    const loaded = new Promise((resolve) =>
      frame.addEventListener('load', resolve, { once: true }),
    );
    frame.src = '/demo/index.html';
    document.body.append(frame);
    await loaded;
    win = frame.contentWindow as DemoWindow;
    await waitUntil(
      () => BOXES.every((tag) => win.customElements.get(tag)),
      'the script tag defined no elements',
      { timeout: 8000 },
    );
    await waitUntil(
      () => BOXES.every((tag) => isSettled(win.document.querySelector(tag)!)),
      'a box did not settle',
      { timeout: 8000 },
    );
  });

  after(() => frame.remove());

  it('shows all four boxes with data, nothing broken on screen', () => {
    const doc = win.document;
    expect(itemTitles(doc.querySelector('pw-activity-list')!)).to.have.length(5);
    expect(articleTitle(doc.querySelector('pw-article')!)).to.contain('Hồng Bàng');
    const options = shadow(doc.querySelector('pw-link-box')!).querySelectorAll('option');
    expect([...options].filter((option) => option.value).length).to.be.greaterThan(1);
    const values = shadow(doc.querySelector('pw-visit-stats')!).querySelectorAll('[part~="value"]');
    expect(values.length).to.be.greaterThan(0);
    for (const tag of BOXES) {
      const box = shadow(doc.querySelector(tag)!).querySelector<HTMLElement>('[part~="box"]')!;
      expect(box.querySelector('[part~="error"]'), `${tag} shows an error`).to.equal(null);
      expect(box.innerText, tag).not.to.match(BROKEN_VALUES);
    }
  });

  it('records this visit with the counter and shows its total', async () => {
    await waitUntil(async () => (await counterTotal()) > totalBefore, 'no visit was recorded');
    const shown = shadow(win.document.querySelector('pw-visit-stats')!).textContent!;
    // Grouped the Vietnamese way: 1.234.567.
    expect(shown).to.match(/\d{1,3}(\.\d{3})*/);
  });

  it('pages the activity list', async () => {
    const list = win.document.querySelector<HTMLElement>('pw-activity-list')!;
    const first = itemTitles(list);
    shadow(list).querySelector<HTMLButtonElement>('[part~="next-button"]')!.click();
    await waitUntil(
      () => isSettled(list) && itemTitles(list).join() !== first.join(),
      'the next page did not show',
    );
    for (const title of itemTitles(list)) expect(first).not.to.include(title);
  });

  it('opens a chosen item of the list in the article box', async () => {
    const list = win.document.querySelector<HTMLElement>('pw-activity-list')!;
    const article = win.document.querySelector<HTMLElement>('pw-article')!;
    const link = shadow(list).querySelector<HTMLAnchorElement>('a[part~="title"]')!;
    const chosen = link.textContent!.replace(/\s+/g, ' ').trim();
    link.click();
    await waitUntil(
      () => isSettled(article) && articleTitle(article) === chosen,
      'the article did not change to the chosen item',
    );
    expect(frame.contentWindow!.location.pathname).to.equal('/demo/index.html');
  });

  it('"Đi" opens the chosen website', async () => {
    const chosen = goToFirstSite(win, win.document.querySelector('pw-link-box')!);
    await waitUntil(() => win.__opened.length > 0, '"Đi" opened nothing');
    expect(win.__opened[0].url).to.equal(chosen);
  });

  it('logs no error', () => {
    expect(win.__pageErrors).to.deep.equal([]);
    expect(win.__consoleErrors).to.deep.equal([]);
    expect(win.__cspViolations).to.deep.equal([]);
  });
});
