/**
 * The English strings are a chunk of their own: a Vietnamese page never
 * fetches them, the first English widget fetches them once, and no widget
 * shows Vietnamese text while they come. Each test opens a portal page in an
 * iframe, so it starts from a module graph that has not loaded English yet,
 * and counts the page's module requests with the Resource Timing API.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { en } from '../../src/i18n/en.js';
import { viLinks } from '../../src/i18n/vi-links.js';
import { viList } from '../../src/i18n/vi-list.js';
import { vi } from '../../src/i18n/vi.js';
import { BROKEN_VALUES, headingText, part, settled, shownText } from '../helpers/elements.js';
import { absolute, closeFramePages, fetchCount, openFramePage } from '../helpers/frames.js';
import { createScenario } from '../helpers/server.js';

const ENGLISH_CHUNK = /\/src\/i18n\/en\.(js|ts)\b/;
const VIETNAMESE_CHUNK = /\/src\/i18n\/vi\.(js|ts)\b/;

/** Opens a page with the script-tag bundle, `body` in it and `<html lang>`. */
async function openPage(
  body: string,
  { lang = 'vi', redirect }: { lang?: string; redirect?: Record<string, string> } = {},
): Promise<Window> {
  const win = await openFramePage({ lang, redirect, modules: ['/src/bundle.ts'], body });
  await waitUntil(() => win.customElements.get('pw-link-box'), 'the bundle did not load');
  return win;
}

/** Adds `markup` at the end of the page and returns the widget in it. */
function add(win: Window, markup: string): HTMLElement {
  const holder = win.document.createElement('div');
  holder.innerHTML = markup;
  win.document.body.append(holder);
  return holder.querySelector<HTMLElement>('pw-link-box, pw-activity-list')!;
}

/**
 * Every text the widget's shadow root has shown since now, read after each
 * batch of changes (a batch ends before the next network answer is handled).
 */
function recordShownTexts(widget: HTMLElement): { texts: string[]; stop: () => void } {
  const root = widget.shadowRoot!;
  const texts: string[] = [];
  const observer = new MutationObserver(() => texts.push(root.textContent ?? ''));
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return { texts, stop: () => observer.disconnect() };
}

describe('language loading', () => {
  afterEach(closeFramePages);

  it('never fetches English on a Vietnamese page, and fetches it once for English widgets', async () => {
    const win = await openPage(`
      <pw-source base-url="/api" default></pw-source>
      <pw-link-box></pw-link-box>
      <pw-activity-list page-size="3"></pw-activity-list>`);
    const shown = [...win.document.querySelectorAll<HTMLElement>('pw-link-box, pw-activity-list')];
    for (const widget of shown) await settled(widget);
    expect(headingText(shown[0])).to.equal(viLinks.headings.linkBox);
    // The module requests are really counted: Vietnamese was fetched, once.
    expect(fetchCount(win, VIETNAMESE_CHUNK)).to.equal(1);
    expect(fetchCount(win, ENGLISH_CHUNK)).to.equal(0);

    const own = add(win, '<pw-link-box lang="en"></pw-link-box>');
    const inherited = add(
      win,
      '<div lang="en"><pw-activity-list page-size="3"></pw-activity-list></div>',
    );
    await settled(own);
    await settled(inherited);
    expect(headingText(own)).to.equal(en.headings.linkBox);
    expect(headingText(inherited)).to.equal(en.headings.activityList);
    expect(headingText(shown[0]), 'a Vietnamese widget stays Vietnamese').to.equal(
      viLinks.headings.linkBox,
    );
    expect(fetchCount(win, ENGLISH_CHUNK)).to.equal(1);
  });

  it('draws an English widget in English from its first render, showing the fallback until then', async () => {
    const win = await openPage('<pw-source base-url="/api" default></pw-source>');
    const widget = win.document.createElement('pw-link-box');
    widget.setAttribute('lang', 'en');
    widget.innerHTML = '<ul><li><a href="/lien-ket">Server link</a></li></ul>';
    const fallback = widget.querySelector('li')!;
    win.document.body.append(widget);
    const { texts, stop } = recordShownTexts(widget);
    // The first change of the shadow root comes right after the first update
    // was scheduled, long before the English module can have arrived.
    const firstChange = await new Promise<{ drawn: boolean; fallbackShown: boolean }>((resolve) => {
      const probe = new MutationObserver(() => {
        probe.disconnect();
        resolve({
          drawn: widget.shadowRoot!.querySelector('[part~="box"]') !== null,
          fallbackShown: fallback.checkVisibility(),
        });
      });
      probe.observe(widget.shadowRoot!, { childList: true, subtree: true });
    });
    expect(firstChange.drawn, 'drew before English came').to.equal(false);
    expect(firstChange.fallbackShown, 'the server fallback is hidden meanwhile').to.equal(true);
    expect(fetchCount(win, ENGLISH_CHUNK)).to.be.at.most(1);
    await settled(widget);
    stop();

    expect(headingText(widget)).to.equal(en.headings.linkBox);
    const drawn = texts.filter((text) => text.trim() !== '');
    expect(drawn.length, 'no render was seen').to.be.greaterThan(0);
    for (const text of drawn) {
      expect(text).not.to.contain(viLinks.headings.linkBox);
      expect(text).not.to.contain(vi.loading);
      expect(text).not.to.match(BROKEN_VALUES);
    }
    expect(fetchCount(win, ENGLISH_CHUNK)).to.equal(1);
  });

  it('switches drawn widgets to English at runtime, keeping Vietnamese until English is here', async () => {
    const win = await openPage(`
      <pw-source base-url="/api" default></pw-source>
      <pw-link-box></pw-link-box>
      <section><pw-activity-list page-size="3"></pw-activity-list></section>`);
    const linkBox = win.document.querySelector<HTMLElement>('pw-link-box')!;
    const list = win.document.querySelector<HTMLElement>('pw-activity-list')!;
    await settled(linkBox);
    await settled(list);
    expect(fetchCount(win, ENGLISH_CHUNK)).to.equal(0);

    const headings: string[] = [];
    const observer = new MutationObserver(() => headings.push(headingText(linkBox)));
    observer.observe(linkBox.shadowRoot!, { childList: true, subtree: true, characterData: true });
    linkBox.setAttribute('lang', 'en');
    await waitUntil(() => headingText(linkBox) === en.headings.linkBox, 'own lang="en" ignored');
    observer.disconnect();
    // Never blank nor half-drawn while English loads: Vietnamese, then English.
    expect(
      headings.every((h) => h === viLinks.headings.linkBox || h === en.headings.linkBox),
    ).to.equal(true);

    list.parentElement!.setAttribute('lang', 'en');
    await waitUntil(() => headingText(list) === en.headings.activityList, 'ancestor lang ignored');
    expect(shownText(list)).not.to.match(BROKEN_VALUES);

    list.parentElement!.setAttribute('lang', 'vi');
    linkBox.removeAttribute('lang');
    await waitUntil(() => headingText(list) === viList.headings.activityList, 'did not go back');
    await waitUntil(() => headingText(linkBox) === viLinks.headings.linkBox, 'did not go back');
    expect(fetchCount(win, ENGLISH_CHUNK)).to.equal(1);
  });

  it("loads an English widget's data while its strings are still on the way", async () => {
    // The English module answers after a delay (through a scenario that
    // re-exports the real one), and the list's data comes from another scenario.
    const slowEnglish = await createScenario([
      {
        delayMs: 1500,
        headers: { 'content-type': 'text/javascript' },
        body: `export { en } from '${absolute('/src/i18n/en.ts')}?direct';`,
      },
    ]);
    const data = await createScenario([{ fixture: true }]);
    const win = await openPage('', {
      lang: 'en',
      redirect: { '/src/i18n/en.js': absolute(`${slowEnglish.base}/en.js`) },
    });
    const list = add(
      win,
      `<pw-activity-list src="${absolute(`${data.base}/articles`)}" page-size="3"></pw-activity-list>`,
    );
    await waitUntil(
      () =>
        list.shadowRoot?.querySelector('[part~="header"]')?.textContent ===
        en.headings.activityList,
      'never drawn in English',
      { timeout: 5000 },
    );
    const [english] = (await slowEnglish.log()).requests;
    const [read] = (await data.log()).requests;
    expect(english, 'the English strings were not fetched').to.not.equal(undefined);
    expect(read, 'the data was not fetched').to.not.equal(undefined);
    // Served 1.5 s after it was asked for: the data request came well before that.
    expect(read!.at - english!.at).to.be.lessThan(1000);
  });

  it('falls back to Vietnamese, marked as such, when the English strings cannot be loaded', async () => {
    // The page's import map sends the English module to a file that does not exist.
    const win = await openPage('<pw-source base-url="/api" default></pw-source>', {
      lang: 'en',
      redirect: { '/src/i18n/en.js': '/src/i18n/missing-catalogue.js' },
    });
    const warnings: unknown[][] = [];
    const pageConsole = (win as Window & typeof globalThis).console;
    const warn = pageConsole.warn;
    pageConsole.warn = (...args: unknown[]) => {
      warnings.push(args);
      warn.apply(pageConsole, args);
    };
    const widget = add(win, '<pw-link-box></pw-link-box>');
    await settled(widget);

    expect(fetchCount(win, /\/src\/i18n\/missing-catalogue\.js$/)).to.equal(1);
    expect(headingText(widget)).to.equal(viLinks.headings.linkBox);
    expect(shownText(widget)).not.to.match(BROKEN_VALUES);
    // The page is English: the box says its text is Vietnamese.
    expect(part(widget, '[part~="box"]').getAttribute('lang')).to.equal('vi');
    expect(warnings.some((args) => String(args[0]).includes('English strings'))).to.equal(true);

    const second = add(win, '<pw-activity-list page-size="3"></pw-activity-list>');
    await settled(second);
    expect(headingText(second)).to.equal(viList.headings.activityList);
    expect(fetchCount(win, /\/src\/i18n\/missing-catalogue\.js$/)).to.equal(1);
  });
  it('tries the English strings again later, and redraws in English once they come', async () => {
    // The first download fails (the server is briefly down); the next one is the real module.
    const flakyEnglish = await createScenario([
      { status: 503, body: 'unavailable', headers: { 'content-type': 'text/plain' } },
      {
        headers: { 'content-type': 'text/javascript' },
        body: `export { en } from '${absolute('/src/i18n/en.ts')}?direct';`,
      },
    ]);
    const win = await openPage('<pw-source base-url="/api" default></pw-source>', {
      lang: 'en',
      redirect: { '/src/i18n/en.js': absolute(`${flakyEnglish.base}/en.js`) },
    });
    const widget = add(win, '<pw-link-box></pw-link-box>');
    await settled(widget);
    expect(headingText(widget)).to.equal(viLinks.headings.linkBox);
    expect((await flakyEnglish.log()).requests.length).to.equal(1);

    // The browser says the network is back: the strings are asked for again at once.
    win.dispatchEvent(new Event('online'));
    await waitUntil(
      () => headingText(widget) === en.headings.linkBox,
      'the box stayed in Vietnamese after the English strings could be loaded',
    );
    expect((await flakyEnglish.log()).requests.length).to.equal(2);
    expect(part(widget, '[part~="box"]').getAttribute('lang')).to.equal(null);
    expect(shownText(widget)).not.to.match(BROKEN_VALUES);
    // A box added now is English from the start, with no further download.
    const second = add(win, '<pw-activity-list page-size="3"></pw-activity-list>');
    await settled(second);
    expect(headingText(second)).to.equal(en.headings.activityList);
    expect((await flakyEnglish.log()).requests.length).to.equal(2);
  });
});
