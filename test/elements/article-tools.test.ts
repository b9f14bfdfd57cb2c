import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/index.js';
import type { ArticleElement } from '../../src/index.js';
import { TEXT_SIZE_KEY } from '../../src/article/article-tools.js';
import { part, settled } from '../helpers/elements.js';
import { absolute, closeFramePages, fetchCount, openFramePage } from '../helpers/frames.js';
import { createScenario } from '../helpers/server.js';
import { canEmulateMedia } from '../helpers/motion.js';

const HONG_BANG = 'hong-bang-tiep-doan-kiem-tra';
const HONG_BANG_TITLE =
  'UBND Quận Hồng Bàng tiếp Đoàn kiểm tra của Sở Thông tin và Truyền thông về hiện trạng ứng dụng công nghệ thông tin và xây dựng “Chính quyền điện tử”';

async function article(
  tools: string | undefined,
  lang = 'vi',
  extra = '',
): Promise<ArticleElement> {
  const wrapper = await fixture<HTMLElement>(html`
    <pw-source base-url="/api"
      ><pw-article
        lang=${lang}
        article-id=${HONG_BANG}
        tools=${ifDefined(tools)}
        related=${extra ? '3' : '0'}
      ></pw-article
    ></pw-source>
  `);
  const el = wrapper.querySelector('pw-article') as ArticleElement;
  await settled(el);
  return el;
}

function toolNames(el: HTMLElement): string[] {
  return [...el.shadowRoot!.querySelectorAll('[part~="tools"] [part~="tool"]')].map((tool) =>
    tool.getAttribute('part')!.replace('tool ', ''),
  );
}

/** What the tools' status region says now. */
function said(el: HTMLElement): string {
  return (part(el, '[part~="article"] [role="status"]').textContent ?? '').trim();
}

function fontSizeOf(el: HTMLElement): number {
  return parseFloat(getComputedStyle(part(el, '[part~="content"]')).fontSize);
}

describe('pw-article tools', () => {
  afterEach(() => window.localStorage.removeItem(TEXT_SIZE_KEY));

  it('shows none by default', async () => {
    const el = await article(undefined);
    expect(el.shadowRoot!.querySelector('[part~="tools"]')).to.equal(null);
  });

  it('shows the named tools in the order given, ignoring unknown names', async () => {
    const el = await article('email fax print email');
    expect(toolNames(el)).to.deep.equal(['email-link', 'print-button']);
    const group = part(el, '[part~="tools"]');
    expect(group.getAttribute('role')).to.equal('group');
    expect(group.getAttribute('aria-label')).to.equal('Công cụ bài viết');
  });

  it('names every tool in Vietnamese and in English', async () => {
    const names = (el: HTMLElement) =>
      [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="tool"]')].map((tool) =>
        tool.innerText.replace(/\s+/g, ' ').trim(),
      );
    const vi = await article('print font email share');
    for (const tool of vi.shadowRoot!.querySelectorAll('[part~="tool"]')) {
      expect(tool.localName).to.be.oneOf(['button', 'a']);
    }
    // A−/A+ show the glyph; their names are words, read from visually hidden text.
    const viSmaller = part(vi, '[part~="smaller-button"]');
    expect(viSmaller.querySelector('[aria-hidden="true"]')!.textContent).to.equal('A−');
    expect(viSmaller.querySelector('.visually-hidden')!.textContent).to.equal('Giảm cỡ chữ');
    expect(names(vi)).to.include.members(['In bài', 'Gửi e-mail', 'Sao chép liên kết']);
    fixtureCleanup();
    const en = await article('print font email share', 'en');
    expect(part(en, '[part~="larger-button"] .visually-hidden').textContent).to.equal(
      'Larger text',
    );
    expect(names(en)).to.include.members(['Print', 'Send by e-mail', 'Copy link']);
  });

  describe('print', () => {
    let printed: { printing: boolean; target: boolean }[];
    const realPrint = window.print;
    beforeEach(() => {
      printed = [];
      // Observe the call instead of opening the dialog; the element only calls the browser API.
      window.print = () => {
        printed.push({
          printing: document.documentElement.hasAttribute('data-pw-printing'),
          target: !!document.querySelector('pw-article[data-pw-print-target]'),
        });
      };
    });
    afterEach(async () => {
      window.print = realPrint;
      window.dispatchEvent(new Event('afterprint'));
      if (await canEmulateMedia()) await emulateMedia({ media: 'screen' });
    });

    it('prints only the article, without tools or other news', async function () {
      const wrapper = await fixture<HTMLElement>(html`
        <div>
          <p id="before">Phần đầu trang</p>
          <div id="columns">
            <pw-source base-url="/api"
              ><pw-article article-id=${HONG_BANG} tools="print font" related="3"></pw-article
            ></pw-source>
            <aside id="sidebar">Cột bên</aside>
          </div>
        </div>
      `);
      const el = wrapper.querySelector('pw-article') as ArticleElement;
      await settled(el);
      const inlineStyles = document.querySelectorAll('[style], style').length;

      part(el, '[part~="print-button"]').click();
      // The first press loads the tools' code; the dialog opens once it has arrived.
      await waitUntil(() => printed.length > 0, 'the print dialog opens');
      expect(printed).to.deep.equal([{ printing: true, target: true }]);

      // Print media can be switched on only by Chromium's driver: elsewhere the rest is skipped.
      if (!(await canEmulateMedia())) this.skip();
      await emulateMedia({ media: 'print' });
      const display = (node: Element) => getComputedStyle(node).display;
      expect(display(wrapper.querySelector('#before')!)).to.equal('none');
      expect(display(wrapper.querySelector('#sidebar')!)).to.equal('none');
      expect(display(el)).to.equal('block');
      expect(display(part(el, '[part~="content"]'))).to.equal('block');
      expect(display(part(el, '[part~="tools"]'))).to.equal('none');
      expect(display(part(el, '[part~="related"]'))).to.equal('none');
      // Done with an adopted stylesheet and attributes: nothing a strict CSP would block.
      expect(document.querySelectorAll('[style], style').length).to.equal(inlineStyles);

      // The dialog closed: the page prints whole again.
      window.dispatchEvent(new Event('afterprint'));
      expect(document.documentElement.hasAttribute('data-pw-printing')).to.equal(false);
      expect(el.hasAttribute('data-pw-print-target')).to.equal(false);
      expect(document.querySelector('[data-pw-print-path]')).to.equal(null);
      expect(display(wrapper.querySelector('#before')!)).to.equal('block');
    });
  });

  describe('text size', () => {
    it('steps with A−/A+ within bounds, announces it, and keeps it across visits', async () => {
      const el = await article('font');
      const normal = fontSizeOf(el);
      const larger = part(el, '[part~="larger-button"]');
      const smaller = part(el, '[part~="smaller-button"]');

      larger.click();
      await el.updateComplete;
      expect(fontSizeOf(el)).to.be.closeTo(normal * 1.15, 0.5);
      await waitUntil(() => said(el) === 'Cỡ chữ 115%', 'the new size is announced');
      expect(window.localStorage.getItem(TEXT_SIZE_KEY)).to.equal('115');

      for (let i = 0; i < 6; i += 1) larger.click();
      await el.updateComplete;
      expect(fontSizeOf(el)).to.be.closeTo(normal * 1.5, 0.5);
      expect(larger.getAttribute('aria-disabled')).to.equal('true');
      expect(smaller.getAttribute('aria-disabled')).to.equal('false');

      for (let i = 0; i < 6; i += 1) smaller.click();
      await el.updateComplete;
      expect(fontSizeOf(el)).to.be.closeTo(normal * 0.9, 0.5);
      expect(smaller.getAttribute('aria-disabled')).to.equal('true');

      larger.click();
      larger.click();
      larger.click();
      await el.updateComplete;
      expect(window.localStorage.getItem(TEXT_SIZE_KEY)).to.equal('130');

      // A new visit (the element made again) reads the stored size.
      fixtureCleanup();
      const again = await article('font');
      expect(fontSizeOf(again)).to.be.closeTo(normal * 1.3, 0.5);
      expect(part(again, '[part~="title"]').textContent).to.contain('Hồng Bàng');
    });

    it('ignores a stored value that is not one of its steps', async () => {
      window.localStorage.setItem(TEXT_SIZE_KEY, '9000');
      const el = await article('font');
      const base = parseFloat(getComputedStyle(part(el, '[part~="article"]')).fontSize);
      expect(fontSizeOf(el)).to.be.closeTo(base, 0.5);
    });
  });

  describe('e-mail', () => {
    it('links a mailto: with the title as subject and title and link as body', async () => {
      const el = await article('email');
      const link = part<HTMLAnchorElement>(el, '[part~="email-link"]');
      const href = link.getAttribute('href')!;
      expect(href).to.match(/^mailto:\?subject=/);
      // Percent-encoded, spaces as %20 (a "+" would reach the mail as a plus sign).
      expect(href).not.to.contain('+');
      expect(href).not.to.contain(' ');
      const query = new URLSearchParams(href.replace(/^mailto:\?/, ''));
      expect(query.get('subject')).to.equal(HONG_BANG_TITLE);
      const body = query.get('body')!.split('\n');
      expect(body[0]).to.equal(HONG_BANG_TITLE);
      // The backend's own URL for the article, made absolute.
      expect(body[1]).to.equal(new URL(`/?id=${HONG_BANG}`, window.location.href).href);
      expect(link.textContent!.trim()).to.equal('Gửi e-mail');
    });
  });

  describe('copy link and share', () => {
    it('copies the link on a key press and says so', async () => {
      const el = await article('share');
      const copy = part(el, '[part~="copy-button"]');
      copy.focus();
      // A real key press: the browser allows the clipboard only after a user gesture.
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => said(el) === 'Đã sao chép liên kết', 'the copy is announced');
      expect(el.shadowRoot!.querySelector('[part~="link-fallback"]')).to.equal(null);

      // Paste it somewhere to see what was copied.
      const field = document.createElement('textarea');
      document.body.append(field);
      try {
        field.focus();
        await sendKeys({ down: 'Control' });
        await sendKeys({ press: 'v' });
        await sendKeys({ up: 'Control' });
        expect(field.value).to.equal(new URL(`/?id=${HONG_BANG}`, window.location.href).href);
      } finally {
        field.remove();
      }
    });

    it('offers the link in a field when the browser refuses to copy', async () => {
      const el = await article('share', 'en');
      // The browser says no, as it does without permission or on an insecure page.
      const clipboard = navigator.clipboard;
      Object.defineProperty(clipboard, 'writeText', {
        configurable: true,
        value: () =>
          Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
      });
      try {
        part(el, '[part~="copy-button"]').click();
        await waitUntil(
          () => el.shadowRoot!.querySelector('[part~="link-field"]'),
          'the link field appears',
        );
      } finally {
        delete (clipboard as unknown as Record<string, unknown>).writeText;
      }
      const field = part<HTMLInputElement>(el, '[part~="link-field"]');
      expect(field.value).to.equal(new URL(`/?id=${HONG_BANG}`, window.location.href).href);
      expect(field.readOnly).to.equal(true);
      await waitUntil(() => el.shadowRoot!.activeElement === field, 'the field gets focus');
      expect(field.selectionStart).to.equal(0);
      expect(field.selectionEnd).to.equal(field.value.length);
      expect(part(el, '[part~="link-fallback"]').textContent).to.contain(
        'could not be copied automatically',
      );
      expect(part(el, 'label[for="link-field"]').textContent!.trim()).to.equal(
        'Link to this article',
      );
      expect(said(el)).not.to.equal('Link copied');
      await expect(el).to.be.accessible();
    });

    it('adds the share sheet button only where the browser has one', async () => {
      const el = await article('share');
      const shareButton = el.shadowRoot!.querySelector('[part~="share-button"]');
      expect(shareButton !== null).to.equal(typeof navigator.share === 'function');
    });
  });

  describe('read aloud', () => {
    const synth = window.speechSynthesis;
    const RealUtterance = window.SpeechSynthesisUtterance;
    let spoken: { text: string; lang: string; voice: unknown }[];
    let cancelled: number;
    let queued: FakeUtterance[];

    /** Records what would be read instead of reading it; the browser API is the boundary. */
    class FakeUtterance {
      text: string;
      lang = '';
      voice: unknown = null;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(text: string) {
        this.text = text;
      }
    }

    function useVoices(voices: { lang: string; name: string }[]): void {
      Object.defineProperty(synth, 'getVoices', { configurable: true, value: () => voices });
      Object.defineProperty(synth, 'speak', {
        configurable: true,
        value: (u: FakeUtterance) => {
          spoken.push({ text: u.text, lang: u.lang, voice: u.voice });
          queued.push(u);
        },
      });
      Object.defineProperty(synth, 'cancel', {
        configurable: true,
        value: () => {
          cancelled += 1;
          queued = [];
        },
      });
      (window as unknown as { SpeechSynthesisUtterance: unknown }).SpeechSynthesisUtterance =
        FakeUtterance;
    }

    beforeEach(() => {
      spoken = [];
      cancelled = 0;
      queued = [];
    });
    afterEach(() => {
      for (const name of ['getVoices', 'speak', 'cancel']) {
        delete (synth as unknown as Record<string, unknown>)[name];
      }
      window.SpeechSynthesisUtterance = RealUtterance;
    });

    it('is hidden when the browser has no voice for the language', async () => {
      useVoices([{ lang: 'en-US', name: 'English' }]);
      const el = await article('print speak');
      expect(toolNames(el)).to.deep.equal(['print-button']);
    });

    it('appears when a voice for the language arrives late', async () => {
      useVoices([]);
      const el = await article('speak');
      expect(el.shadowRoot!.querySelector('[part~="speak-button"]')).to.equal(null);
      useVoices([{ lang: 'vi_VN', name: 'Tiếng Việt' }]);
      synth.dispatchEvent(new Event('voiceschanged'));
      await el.updateComplete;
      expect(part(el, '[part~="speak-button"]').textContent!.trim()).to.equal('Đọc bài');
    });

    it('reads the article in its language, and stops on demand', async () => {
      const voice = { lang: 'en-GB', name: 'English' };
      useVoices([{ lang: 'vi-VN', name: 'Tiếng Việt' }, voice]);
      const el = await article('speak', 'en');
      const button = part(el, '[part~="speak-button"]');
      expect(button.textContent!.trim()).to.equal('Read aloud');
      button.click();
      await waitUntil(() => spoken.length > 0, 'reading starts');
      await el.updateComplete;
      expect(spoken.length).to.be.greaterThan(1);
      expect(spoken.every((s) => s.voice === voice && s.lang === 'en-GB')).to.equal(true);
      expect(spoken[0].text).to.contain('UBND Quận Hồng Bàng');
      expect(spoken.map((s) => s.text).join(' ')).to.contain('Văn phòng quận');
      expect(spoken.every((s) => s.text.length <= 220)).to.equal(true);
      expect(button.textContent!.trim()).to.equal('Stop reading');

      button.click();
      await el.updateComplete;
      expect(cancelled).to.be.greaterThan(0);
      expect(button.textContent!.trim()).to.equal('Read aloud');
    });

    it('turns back into "Đọc bài" when reading ends by itself', async () => {
      useVoices([{ lang: 'vi-VN', name: 'Tiếng Việt' }]);
      const el = await article('speak');
      const button = part(el, '[part~="speak-button"]');
      button.click();
      await waitUntil(() => button.textContent!.trim() === 'Dừng đọc', 'reading starts');
      for (const utterance of queued) utterance.onend?.();
      await el.updateComplete;
      expect(button.textContent!.trim()).to.equal('Đọc bài');
    });

    it('reads once for two quick presses, and not at all once the article is gone', async () => {
      useVoices([{ lang: 'vi-VN', name: 'Tiếng Việt' }]);
      const el = await article('speak');
      const button = part(el, '[part~="speak-button"]');
      // Both presses land before the tools' code has answered.
      button.click();
      button.click();
      await waitUntil(() => button.textContent!.trim() === 'Dừng đọc', 'reading starts');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(spoken.filter((s) => s.text === spoken[0].text)).to.have.length(1);

      button.click();
      await el.updateComplete;
      spoken = [];
      button.click();
      el.remove();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(spoken).to.deep.equal([]);
    });
  });

  describe('keyboard', () => {
    it('reaches the tools with Tab, shows focus, and activates them with Enter', async () => {
      const el = await article('font print');
      const realPrint = window.print;
      let prints = 0;
      window.print = () => {
        prints += 1;
      };
      try {
        const normal = fontSizeOf(el);
        await sendKeys({ press: 'Tab' });
        const smaller = part(el, '[part~="smaller-button"]');
        expect(el.shadowRoot!.activeElement).to.equal(smaller);
        expect(getComputedStyle(smaller).outlineStyle).to.equal('solid');

        await sendKeys({ press: 'Tab' });
        const larger = part(el, '[part~="larger-button"]');
        expect(el.shadowRoot!.activeElement).to.equal(larger);
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
        expect(fontSizeOf(el)).to.be.closeTo(normal * 1.15, 0.5);
        // The button keeps focus, so the visitor can press again.
        expect(el.shadowRoot!.activeElement).to.equal(larger);

        await sendKeys({ press: 'Tab' });
        expect(el.shadowRoot!.activeElement).to.equal(part(el, '[part~="print-button"]'));
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => prints === 1, 'Enter prints');
      } finally {
        window.print = realPrint;
        window.dispatchEvent(new Event('afterprint'));
      }
    });
  });

  describe('code loaded on first use', () => {
    /** The tools' code, as the library imports it. */
    const TOOL_ACTIONS = '/src/article/article-tool-actions.js';
    afterEach(closeFramePages);

    interface ToolsPage {
      win: Window & typeof globalThis & { pageErrors: string[] };
      el: ArticleElement;
      /** Whether the page has requested the tools' code. */
      fetched(): boolean;
    }

    /**
     * A page of its own, so nothing of the library is loaded yet, with an
     * article and every tool. `redirect` sends module URLs elsewhere, as a
     * broken deploy or a dropped connection would.
     */
    async function toolsPage(redirect: Record<string, string> = {}): Promise<ToolsPage> {
      const win = (await openFramePage({
        lang: 'vi',
        head: `<script>
          window.pageErrors = [];
          addEventListener('error', (e) => pageErrors.push(String(e.message)));
          addEventListener('unhandledrejection', (e) => pageErrors.push(String(e.reason)));
        </script>`,
        redirect,
        modules: ['/src/index.ts'],
        body: `<pw-source base-url="${absolute('/api')}"
          ><pw-article article-id="${HONG_BANG}" tools="print font share"></pw-article
        ></pw-source>`,
      })) as ToolsPage['win'];
      await waitUntil(() => win.customElements.get('pw-article'), 'the library loads');
      const el = win.document.querySelector('pw-article') as ArticleElement;
      await settled(el);
      const fetched = () => fetchCount(win, /article-tool-actions/) > 0;
      return { win, el, fetched };
    }

    it('is fetched only when a tool is pressed, and the tool then works', async () => {
      const { win, el, fetched } = await toolsPage();
      let prints = 0;
      win.print = () => {
        prints += 1;
      };
      expect(toolNames(el)).to.include.members(['print-button', 'larger-button', 'copy-button']);
      expect(fetched()).to.equal(false);

      // A−/A+ stay in the main code: they need the sizes to draw their states anyway.
      part(el, '[part~="larger-button"]').click();
      await waitUntil(() => said(el) === 'Cỡ chữ 115%', 'the new size is announced');
      expect(fetched()).to.equal(false);

      part(el, '[part~="print-button"]').click();
      await waitUntil(() => prints === 1, 'the print dialog opens after the code arrives');
      expect(fetched()).to.equal(true);
      expect(el.hasAttribute('data-pw-print-target')).to.equal(true);
      win.dispatchEvent(new Event('afterprint'));
      expect(el.hasAttribute('data-pw-print-target')).to.equal(false);
      expect(win.pageErrors).to.deep.equal([]);
    });

    it('says so, naming the tool, when its code cannot be loaded', async () => {
      const unavailable = await createScenario([
        { status: 503, body: 'Service Unavailable', headers: { 'content-type': 'text/plain' } },
      ]);
      const { win, el } = await toolsPage({
        [TOOL_ACTIONS]: `${unavailable.base}/article-tool-actions.js`,
      });
      let prints = 0;
      win.print = () => {
        prints += 1;
      };
      const offline = 'Không kết nối được tới máy chủ; vui lòng kiểm tra kết nối mạng rồi thử lại.';

      part(el, '[part~="print-button"]').click();
      await waitUntil(() => said(el) === `In bài: ${offline}`, 'the failure is announced');
      expect(prints).to.equal(0);
      expect((await unavailable.log()).count).to.be.greaterThan(0);

      // Copying still offers the link by hand, the way it does when the browser refuses.
      part(el, '[part~="copy-button"]').click();
      await waitUntil(() => said(el) === `Sao chép liên kết: ${offline}`, 'announced again');
      await waitUntil(
        () => el.shadowRoot!.querySelector('[part~="link-field"]'),
        'the link field appears',
      );
      expect(part<HTMLInputElement>(el, '[part~="link-field"]').value).to.equal(
        new URL(`/?id=${HONG_BANG}`, window.location.href).href,
      );
      expect(toolNames(el)).to.include.members(['print-button', 'copy-button']);
      expect(win.pageErrors).to.deep.equal([]);
    });
  });

  for (const lang of ['vi', 'en']) {
    it(`is accessible with every tool (${lang})`, async () => {
      const el = await article('print font email share speak', lang, 'related');
      await expect(el).to.be.accessible();
    });
  }
});
