/**
 * The widgets on a legacy portal page nobody controls (test/robustness/fixtures/
 * hostile-page.html): quirks mode, Bootstrap 3, `html { font-size: 62.5% }`,
 * jQuery 1.12, zone.js, RequireJS's global `define`, Prototype-style prototype
 * extensions, inherited body text styles, and an ASP.NET post-back form around
 * everything. The page is opened in an iframe from the test server and
 * inspected from here, same origin.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { BROKEN_VALUES, goToFirstSite, isSettled, itemTitles } from '../helpers/elements.js';
import { createScenario, waitForRequests, type Scenario } from '../helpers/server.js';

interface HostileWindow extends Window {
  __pageErrors: string[];
  __consoleErrors: string[];
  __opened: { url: string; target?: string; features?: string }[];
  __submits: number;
  Array: ArrayConstructor;
  Event: typeof Event;
  JSON: JSON;
  define?: { amd?: unknown };
  jQuery?: { fn: { jquery: string } };
  Zone?: unknown;
}

const BOXES = ['pw-article', 'pw-activity-list', 'pw-link-box', 'pw-visit-stats'];

let frame: HTMLIFrameElement | undefined;
/** How many documents the frame loaded: more than one means something navigated it. */
let frameLoads = 0;

async function openHostilePage(stats: Scenario, flaky: Scenario): Promise<HostileWindow> {
  frame = document.createElement('iframe');
  frame.title = 'legacy portal page';
  frame.width = '1000';
  frame.height = '2000';
  frameLoads = 0;
  const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
  frame.addEventListener('load', () => (frameLoads += 1));
  frame.src = `/test/robustness/fixtures/hostile-page.html?stats=${stats.base}&flaky=${flaky.base}`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as HostileWindow;
  await waitUntil(
    () => BOXES.every((tag) => win.customElements.get(tag)),
    'the elements were not defined',
    { timeout: 8000 },
  );
  return win;
}

function shadow(element: Element): ShadowRoot {
  return element.shadowRoot!;
}

/** Clicks every enabled button in the widget's shadow root (the current render). */
function clickEveryButton(element: Element, skip: (button: HTMLButtonElement) => boolean): number {
  const buttons = [...shadow(element).querySelectorAll('button')].filter(
    (button) => !button.disabled && !skip(button),
  );
  for (const button of buttons) button.click();
  return buttons.length;
}

describe('robustness: a hostile legacy host page', () => {
  let stats: Scenario;
  let flaky: Scenario;
  let win: HostileWindow;

  before(async () => {
    // The visit source answers from the fixture backend, and logs what it was sent.
    stats = await createScenario([{ fixture: true }]);
    // The second list fails first (a 400 is not retried), so its retry button shows.
    flaky = await createScenario([{ status: 400, body: { error: 'bad' } }, { fixture: true }]);
    win = await openHostilePage(stats, flaky);
    await waitUntil(
      () => [...win.document.querySelectorAll<HTMLElement>(BOXES.join(','))].every(isSettled),
      'a widget did not settle',
      { timeout: 8000 },
    );
  });

  after(() => {
    frame?.remove();
    frame = undefined;
  });

  it('is really the hostile page: quirks mode and every legacy library in place', () => {
    const doc = win.document;
    expect(doc.compatMode).to.equal('BackCompat');
    expect(win.jQuery?.fn.jquery).to.equal('1.12.4');
    expect(win.define?.amd).to.be.an('object');
    expect(win.Zone).to.be.a('function');
    // Bootstrap 3 is applied, and the root font size is the 10px trick.
    expect(win.getComputedStyle(doc.documentElement).fontSize).to.equal('10px');
    expect(win.getComputedStyle(doc.querySelector('.row')!).marginLeft).to.equal('-15px');
    // Prototype's toJSON: arrays serialize as a quoted string on this page.
    expect(win.JSON.stringify(win.Array.of(1))).to.equal('"[1]"');
    const keys: string[] = [];
    for (const key in win.Array(1).fill(0)) keys.push(key);
    expect(keys).to.include('pageHelper');
    expect(win.document.querySelector('form')!.querySelectorAll(BOXES.join(',')).length).to.equal(
      5,
    );
  });

  it('renders all four boxes with data', () => {
    const doc = win.document;
    const list = doc.querySelector('#list')!;
    expect(itemTitles(list).length).to.equal(3);
    const article = doc.querySelector('pw-article')!;
    expect(shadow(article).querySelector('[part~="content"]')!.textContent).to.contain(
      'Phó Chủ tịch',
    );
    const options = shadow(doc.querySelector('pw-link-box')!).querySelectorAll('option[value]');
    expect([...options].filter((o) => (o as HTMLOptionElement).value).length).to.be.greaterThan(1);
    const values = shadow(doc.querySelector('pw-visit-stats')!).querySelectorAll('[part~="value"]');
    expect(values.length).to.be.greaterThan(0);
    for (const tag of BOXES) {
      for (const el of doc.querySelectorAll(tag)) {
        const box = shadow(el).querySelector<HTMLElement>('[part~="box"]')!;
        expect(box.innerText, tag).not.to.match(BROKEN_VALUES);
      }
    }
  });

  it('records the visit with a JSON object body, not a quoted string', async () => {
    const log = await waitForRequests(stats, 1);
    const visit = log.requests.find((request) => request.method === 'POST');
    expect(visit, 'no visit was posted').not.to.equal(undefined);
    expect(visit!.url).to.equal(`${stats.base}/stats/visit`);
    const body: unknown = JSON.parse(visit!.body!);
    expect(body).to.be.an('object');
    expect(Object.keys(body as object)).to.deep.equal(['session']);
    expect((body as { session: unknown }).session).to.match(/^[0-9a-f]{32}$/);
  });

  it('pages the activity list: the next page shows other items', async () => {
    const list = win.document.querySelector('#list')!;
    const first = itemTitles(list);
    shadow(list).querySelector<HTMLButtonElement>('[part~="next-button"]')!.click();
    await waitUntil(
      () => isSettled(list as HTMLElement) && itemTitles(list).join() !== first.join(),
      'the next page did not show',
    );
    const second = itemTitles(list);
    expect(second.length).to.be.greaterThan(0);
    for (const title of second) expect(first).not.to.include(title);
  });

  it('"Đi" opens the chosen site in a new tab', async () => {
    const chosen = goToFirstSite(win, win.document.querySelector('pw-link-box')!);
    await waitUntil(() => win.__opened.length > 0, '"Đi" opened nothing');
    expect(win.__opened[0].url).to.equal(chosen);
    expect(win.__opened[0].target).to.equal('_blank');
  });

  it('retries the failed list from its retry button', async () => {
    const list = win.document.querySelector<HTMLElement>('#flaky-list')!;
    const retry = shadow(list).querySelector<HTMLButtonElement>('[part~="retry-button"]');
    expect(retry, 'the first failure shows a retry button').not.to.equal(null);
    retry!.click();
    await waitUntil(() => isSettled(list) && itemTitles(list).length > 0, 'the retry did not load');
  });

  it('submits no form and navigates nowhere when every widget button is pressed', async () => {
    const doc = win.document;
    let pressed = 0;
    for (const tag of BOXES) {
      for (const el of doc.querySelectorAll(tag)) {
        // Reading aloud would speak for the rest of the run; it is a button like the others.
        pressed += clickEveryButton(el, (button) => button.matches('[part~="speak-button"]'));
      }
    }
    expect(pressed).to.be.greaterThan(8);
    // Whatever the presses started (a page load, the tools' chunk) has time to finish.
    await waitUntil(
      () => [...doc.querySelectorAll<HTMLElement>(BOXES.join(','))].every(isSettled),
      'a widget did not settle after the presses',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(win.__submits).to.equal(0);
    expect(frameLoads).to.equal(1);
    expect(frame!.contentWindow).to.equal(win);
    expect(win.location.pathname).to.equal('/test/robustness/fixtures/hostile-page.html');
  });

  it('uses the page font, and resets its other inherited text styles at the box', () => {
    const page = win.getComputedStyle(win.document.body);
    for (const tag of BOXES) {
      const el = win.document.querySelector(tag)!;
      for (const selector of ['[part~="body"]', '[part~="body"] *:not(button)']) {
        const node = shadow(el).querySelector(selector);
        if (!node) continue;
        const style = win.getComputedStyle(node);
        const where = `${tag} ${selector}`;
        expect(style.fontFamily, where).to.equal(page.fontFamily);
        expect(style.textTransform, where).to.equal('none');
        expect(style.letterSpacing, where).to.equal('normal');
        expect(style.wordSpacing, where).to.equal('0px');
        expect(style.textIndent, where).to.equal('0px');
        expect(style.textShadow, where).to.equal('none');
        expect(style.fontStyle, where).to.equal('normal');
        expect(style.fontVariant, where).to.equal('normal');
        expect(style.whiteSpace, where).to.equal('normal');
      }
      // The box itself: the page's size; its text colour is the --pw-color-text default.
      const host = win.getComputedStyle(el);
      expect(host.fontSize, tag).to.equal(page.fontSize);
      expect(host.color, tag).to.equal('rgb(31, 35, 40)');
      expect(host.fontWeight, tag).to.equal('400');
      expect(host.textAlign, tag).to.equal('start');
    }
    // The header keeps its own tokens: uppercase by default, from the token, not the page.
    const header = shadow(win.document.querySelector('pw-visit-stats')!).querySelector(
      '[part~="header"]',
    )!;
    expect(win.getComputedStyle(header).textTransform).to.equal('uppercase');
    expect(win.getComputedStyle(header).letterSpacing).to.equal('normal');
  });

  it('logs no error on the page', () => {
    expect(win.__pageErrors).to.deep.equal([]);
    expect(win.__consoleErrors).to.deep.equal([]);
  });
});
