import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import {
  createJsonSource,
  type DataSource,
  type Link,
  type LinkBoxElement,
  type SourceElement,
} from '../../src/index.js';
import { vi } from '../../src/i18n/vi.js';
import { createScenario } from '../helpers/server.js';
import { BROKEN_VALUES, headingText, part, settled, shownText } from '../helpers/elements.js';

async function linkBox(template: ReturnType<typeof html>): Promise<LinkBoxElement> {
  const wrapper = await fixture<HTMLElement>(template);
  const el = (
    wrapper.localName === 'pw-link-box' ? wrapper : wrapper.querySelector('pw-link-box')
  ) as LinkBoxElement;
  await settled(el);
  return el;
}

/**
 * Records calls to window.open instead of opening tabs. window.open is the
 * browser's navigation API, not the data layer: data still comes over HTTP.
 */
function recordWindowOpen(): { calls: unknown[][]; restore(): void } {
  const original = window.open;
  const calls: unknown[][] = [];
  window.open = ((...args: unknown[]) => {
    calls.push(args);
    return null;
  }) as typeof window.open;
  return { calls, restore: () => (window.open = original) };
}

/** Records console warnings while still letting them through. */
function recordWarnings(): { messages: string[]; restore(): void } {
  const original = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
    original.apply(console, args);
  };
  return { messages, restore: () => (console.warn = original) };
}

const shadow = (el: HTMLElement) => el.shadowRoot!;

const MIXED_LINKS = {
  items: [
    { title: 'Chính phủ', url: 'https://chinhphu.vn', group: 'Trung ương' },
    { title: 'Độc hại', url: 'javascript:alert(1)', group: 'Trung ương' },
    { title: 'Dữ liệu', url: 'data:text/html,<b>x</b>', group: 'Trung ương' },
    { title: 'Tệp', url: 'file:///etc/passwd' },
    { title: 'FTP', url: 'ftp://example.gov.vn/' },
    { title: 'Hộp thư', url: 'mailto:vp@example.gov.vn', group: 'Liên hệ' },
    { title: 'Đường dây nóng', url: 'tel:1022', group: 'Liên hệ' },
    { title: 'Sở Nội vụ', url: 'http://sonoivu.example.gov.vn/', group: 'Địa phương' },
  ],
};

describe('pw-link-box', () => {
  let opened: ReturnType<typeof recordWindowOpen>;
  beforeEach(() => (opened = recordWindowOpen()));
  afterEach(() => opened.restore());

  describe('select variant', () => {
    it('is the default: a labelled drop-down with groups as optgroups and a Go button', async () => {
      const el = await linkBox(
        html`<pw-source base-url="/api"><pw-link-box></pw-link-box></pw-source>`,
      );
      expect(el.variant).to.equal('select');
      expect(headingText(el)).to.equal('Liên kết website');
      const select = part<HTMLSelectElement>(el, 'select');
      expect([...select.querySelectorAll('optgroup')].map((g) => g.label)).to.deep.equal([
        'Cơ quan Trung ương',
        'Thành phố Hải Phòng',
        'Quận, huyện',
      ]);
      const first = select.querySelector('optgroup')!;
      expect([...first.querySelectorAll('option')].map((o) => o.textContent)).to.deep.equal([
        'Cổng thông tin điện tử Chính phủ',
        'Cổng Dịch vụ công quốc gia',
        'Bộ Thông tin và Truyền thông',
        'Bộ Nội vụ',
        'Bộ Tư pháp',
        'Công báo Chính phủ',
      ]);
      // The placeholder plus the 16 fixture links.
      expect(select.options).to.have.length(17);
      expect(select.options[0].value).to.equal('');
      expect(select.options[0].textContent).to.equal('-- Chọn liên kết --');
      expect(select.labels).to.have.length(1);
      expect(select.labels![0].textContent).to.equal('Chọn trang web liên kết');
      expect(part(el, '[part~="go-button"]').textContent!.trim()).to.equal('Đi');
    });

    it('speaks English with lang="en"', async () => {
      const el = await linkBox(
        html`<pw-source base-url="/api"><pw-link-box lang="en"></pw-link-box></pw-source>`,
      );
      const select = part<HTMLSelectElement>(el, 'select');
      expect(headingText(el)).to.equal('Website links');
      expect(select.labels![0].textContent).to.equal('Choose a linked website');
      expect(select.options[0].textContent).to.equal('-- Choose a website --');
      expect(part(el, '[part~="go-button"]').textContent!.trim()).to.equal('Go');
    });

    it('does not navigate or open anything when the selection changes', async () => {
      const el = await linkBox(
        html`<pw-source base-url="/api"><pw-link-box></pw-link-box></pw-source>`,
      );
      const before = window.location.href;
      const select = part<HTMLSelectElement>(el, 'select');
      select.selectedIndex = 2;
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      expect(window.location.href).to.equal(before);
      expect(opened.calls).to.deep.equal([]);
    });

    it('opens the chosen site in a new tab with noopener when Go is pressed', async () => {
      const el = await linkBox(
        html`<pw-source base-url="/api"><pw-link-box></pw-link-box></pw-source>`,
      );
      const select = part<HTMLSelectElement>(el, 'select');
      select.value = 'https://dichvucong.gov.vn/';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      part<HTMLButtonElement>(el, '[part~="go-button"]').click();
      expect(opened.calls).to.deep.equal([
        ['https://dichvucong.gov.vn/', '_blank', 'noopener,noreferrer'],
      ]);
      // The button tells assistive technology that a new tab opens.
      await el.updateComplete;
      const go = part(el, '[part~="go-button"]');
      const description = shadow(el).getElementById(go.getAttribute('aria-describedby')!);
      expect(description?.textContent).to.equal('(mở trong thẻ mới)');
    });

    it('works from the keyboard: Tab to the drop-down, arrows to choose, Tab to Go, Enter', async () => {
      const el = await linkBox(
        html`<pw-source base-url="/api"><pw-link-box></pw-link-box></pw-source>`,
      );
      const select = part<HTMLSelectElement>(el, 'select');
      const go = part<HTMLButtonElement>(el, '[part~="go-button"]');
      (document.activeElement as HTMLElement | null)?.blur();

      await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement).to.equal(select);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      expect(select.value).to.equal('https://dichvucong.gov.vn/');
      // Moving through the options with arrows (which fires change) opens nothing.
      expect(opened.calls).to.deep.equal([]);

      await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement).to.equal(go);
      await sendKeys({ press: 'Enter' });
      expect(opened.calls).to.deep.equal([
        ['https://dichvucong.gov.vn/', '_blank', 'noopener,noreferrer'],
      ]);
    });

    it('announces a hint when Go is pressed with nothing chosen, and clears it on a choice', async () => {
      const el = await linkBox(
        html`<pw-source base-url="/api"><pw-link-box></pw-link-box></pw-source>`,
      );
      const hint = part(el, '[part~="hint"]');
      expect(hint.getAttribute('role')).to.equal('status');
      expect(hint.textContent!.trim()).to.equal('');

      part<HTMLButtonElement>(el, '[part~="go-button"]').click();
      await waitUntil(() => hint.textContent!.trim() !== '', 'no hint');
      expect(hint.textContent!.trim()).to.equal(
        'Vui lòng chọn một trang web trong danh sách rồi bấm “Đi”.',
      );
      const select = part<HTMLSelectElement>(el, 'select');
      await waitUntil(() => shadow(el).activeElement === select, 'focus did not go to the list');
      expect(select.getAttribute('aria-describedby')).to.equal(hint.id);
      expect(opened.calls).to.deep.equal([]);

      // Pressed again: the live region is emptied and filled again, so it is announced again.
      const changes: string[] = [];
      const observer = new MutationObserver(() => changes.push(hint.textContent!.trim()));
      observer.observe(hint, { childList: true, characterData: true, subtree: true });
      part<HTMLButtonElement>(el, '[part~="go-button"]').click();
      await waitUntil(() => changes.length >= 2 && changes.at(-1) !== '', 'hint not repeated');
      observer.disconnect();
      expect(changes).to.include('');

      select.selectedIndex = 1;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      expect(hint.textContent!.trim()).to.equal('');
      expect(select.hasAttribute('aria-describedby')).to.equal(false);
    });

    it('gives the hint in English', async () => {
      const el = await linkBox(
        html`<pw-source base-url="/api"><pw-link-box lang="en"></pw-link-box></pw-source>`,
      );
      part<HTMLButtonElement>(el, '[part~="go-button"]').click();
      const hint = part(el, '[part~="hint"]');
      await waitUntil(() => hint.textContent!.trim() !== '', 'no hint');
      expect(hint.textContent!.trim()).to.equal(
        'Please choose a website from the list, then press “Go”.',
      );
    });

    it('filters by group: asks the backend for the group and shows only it', async () => {
      const scenario = await createScenario([{ fixture: true }]);
      const el = await linkBox(
        html`<pw-source base-url=${scenario.base}
          ><pw-link-box group="Cơ quan Trung ương"></pw-link-box
        ></pw-source>`,
      );
      const groups = [...part(el, 'select').querySelectorAll('optgroup')].map((g) => g.label);
      expect(groups).to.deep.equal(['Cơ quan Trung ương']);
      const { requests } = await scenario.log();
      expect(requests).to.have.length(1);
      const url = new URL(requests[0].url, location.origin);
      expect(url.pathname).to.equal(`${scenario.base}/links`);
      expect(url.searchParams.get('group')).to.equal('Cơ quan Trung ương');
    });

    it('follows a change of group', async () => {
      const el = await linkBox(
        html`<pw-source base-url="/api"
          ><pw-link-box variant="list" group="Quận, huyện"></pw-link-box
        ></pw-source>`,
      );
      expect(shownText(el)).to.contain('Quận Ngô Quyền');
      el.group = 'Cơ quan Trung ương';
      await waitUntil(() => shownText(el).includes('Bộ Tư pháp'), 'group change not followed');
      expect(shownText(el)).not.to.contain('Quận Ngô Quyền');
    });

    it('does not open mail and phone links in a new tab', async () => {
      const scenario = await createScenario([{ body: MIXED_LINKS }]);
      const el = await linkBox(html`<pw-link-box src=${`${scenario.base}/links`}></pw-link-box>`);
      const select = part<HTMLSelectElement>(el, 'select');
      select.value = 'tel:1022';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      // Only web links are described as opening a new tab.
      expect(part(el, '[part~="go-button"]').hasAttribute('aria-describedby')).to.equal(false);
    });

    it('falls back to the drop-down for an unknown variant', async () => {
      const el = await linkBox(
        html`<pw-source base-url="/api"
          ><pw-link-box variant=${'carousel' as 'list'}></pw-link-box
        ></pw-source>`,
      );
      expect(part(el, 'select').querySelectorAll('option').length).to.equal(17);
    });
  });

  describe('list variant', () => {
    it('shows plain anchors under group headings, one level below the box title', async () => {
      const el = await linkBox(
        html`<pw-source base-url="/api"
          ><pw-link-box variant="list" heading-level="3"></pw-link-box
        ></pw-source>`,
      );
      const names = [...shadow(el).querySelectorAll('[part~="group-name"]')];
      expect(names.map((n) => n.textContent!.trim())).to.deep.equal([
        'Cơ quan Trung ương',
        'Thành phố Hải Phòng',
        'Quận, huyện',
      ]);
      for (const name of names) expect(name.localName).to.equal('h4');
      const lists = [...shadow(el).querySelectorAll('ul[part~="list"]')];
      expect(lists).to.have.length(3);
      // Each list is named by its group heading.
      expect(shadow(el).getElementById(lists[2].getAttribute('aria-labelledby')!)).to.equal(
        names[2],
      );
      expect(lists[2].querySelectorAll('a')).to.have.length(5);
      const anchor = lists[0].querySelector('a')!;
      expect(anchor.getAttribute('href')).to.equal('https://chinhphu.vn/');
      expect(anchor.target).to.equal('_blank');
      expect(anchor.rel).to.equal('noopener noreferrer');
      const hidden = anchor.querySelector('.visually-hidden')!;
      expect(hidden.textContent!.trim()).to.equal('(mở trong thẻ mới)');
      // Visually hidden, still in the accessible text.
      expect(hidden.getBoundingClientRect().width).to.be.at.most(1);
      expect(anchor.textContent).to.contain('Cổng thông tin điện tử Chính phủ');
      expect(shadow(el).querySelector('select')).to.equal(null);
    });

    it('says "(opens in a new tab)" in English', async () => {
      const el = await linkBox(
        html`<pw-source base-url="/api"
          ><pw-link-box variant="list" lang="en"></pw-link-box
        ></pw-source>`,
      );
      const anchor = shadow(el).querySelector('a')!;
      expect(anchor.querySelector('.visually-hidden')!.textContent!.trim()).to.equal(
        '(opens in a new tab)',
      );
    });

    it('keeps links without a group out of any heading', async () => {
      const scenario = await createScenario([
        {
          body: [
            { title: 'Không nhóm', url: 'https://a.example.vn/' },
            { title: 'Có nhóm', url: 'https://b.example.vn/', group: 'Nhóm B' },
          ],
        },
      ]);
      const el = await linkBox(
        html`<pw-link-box variant="list" src=${`${scenario.base}/links`}></pw-link-box>`,
      );
      const lists = [...shadow(el).querySelectorAll('ul[part~="list"]')];
      expect(lists).to.have.length(2);
      expect(lists[0].hasAttribute('aria-labelledby')).to.equal(false);
      expect(lists[0].textContent).to.contain('Không nhóm');
      expect(lists[1].closest('[part~="group"]')!.textContent).to.contain('Nhóm B');
    });
  });

  describe('only safe links', () => {
    for (const variant of ['select', 'list', 'logos'] as const) {
      it(`renders http, https, mailto and tel only, with a warning for the rest (${variant})`, async () => {
        const warnings = recordWarnings();
        try {
          const scenario = await createScenario([{ body: MIXED_LINKS }]);
          const el = await linkBox(
            html`<pw-link-box variant=${variant} src=${`${scenario.base}/links`}></pw-link-box>`,
          );
          const urls =
            variant === 'select'
              ? [...part<HTMLSelectElement>(el, 'select').options].slice(1).map((o) => o.value)
              : [...shadow(el).querySelectorAll('a')].map((a) => a.getAttribute('href'));
          expect(urls).to.deep.equal([
            'https://chinhphu.vn/',
            'mailto:vp@example.gov.vn',
            'tel:1022',
            'http://sonoivu.example.gov.vn/',
          ]);
          for (const title of ['Độc hại', 'Dữ liệu', 'Tệp', 'FTP']) {
            expect(shownText(el)).not.to.contain(title);
            expect(warnings.messages.some((m) => m.includes(JSON.stringify(title)))).to.equal(
              true,
              `no warning for ${title}`,
            );
          }
        } finally {
          warnings.restore();
        }
      });
    }

    it('gives mailto and tel anchors no target, no rel and no new-tab hint', async () => {
      const scenario = await createScenario([{ body: MIXED_LINKS }]);
      const el = await linkBox(
        html`<pw-link-box variant="list" src=${`${scenario.base}/links`}></pw-link-box>`,
      );
      const byHref = (href: string) =>
        shadow(el).querySelector<HTMLAnchorElement>(`a[href="${href}"]`)!;
      for (const href of ['mailto:vp@example.gov.vn', 'tel:1022']) {
        const anchor = byHref(href);
        expect(anchor.hasAttribute('target'), href).to.equal(false);
        expect(anchor.hasAttribute('rel'), href).to.equal(false);
        expect(anchor.querySelector('.visually-hidden'), href).to.equal(null);
      }
      const web = byHref('http://sonoivu.example.gov.vn/');
      expect(web.target).to.equal('_blank');
      expect(web.rel).to.equal('noopener noreferrer');
    });

    it('drops unsafe links from a custom data source too', async () => {
      const warnings = recordWarnings();
      try {
        const scenario = await createScenario([{ fixture: true }]);
        const backend = createJsonSource({ baseUrl: scenario.base });
        // A hand-written source that adds links without going through the data layer's checks.
        const custom: DataSource = {
          ...backend,
          async listLinks(query, options) {
            const links = await backend.listLinks(query, options);
            return [
              { title: 'Chạy mã', url: 'javascript:alert(1)' },
              { title: 'Trang ảo', url: 'vbscript:msgbox' },
              ...links.slice(0, 2),
            ] as Link[];
          },
        };
        const wrapper = await fixture<SourceElement>(
          html`<pw-source .source=${custom}><pw-link-box variant="list"></pw-link-box></pw-source>`,
        );
        const el = wrapper.querySelector('pw-link-box')!;
        await settled(el);
        const hrefs = [...shadow(el).querySelectorAll('a')].map((a) => a.getAttribute('href'));
        expect(hrefs).to.deep.equal(['https://chinhphu.vn/', 'https://dichvucong.gov.vn/']);
        expect(warnings.messages.some((m) => m.includes('"Chạy mã"'))).to.equal(true);
        expect((await scenario.log()).count).to.equal(1);
      } finally {
        warnings.restore();
      }
    });

    it('fires pw-load with the links it shows', async () => {
      const scenario = await createScenario([{ body: MIXED_LINKS }]);
      const loaded: Link[][] = [];
      await linkBox(
        html`<pw-link-box
          variant="list"
          src=${`${scenario.base}/links`}
          @pw-load=${(e: CustomEvent<Link[]>) => loaded.push(e.detail)}
        ></pw-link-box>`,
      );
      expect(loaded).to.have.length(1);
      expect(loaded[0].map((l) => l.title)).to.deep.equal([
        'Chính phủ',
        'Hộp thư',
        'Đường dây nóng',
        'Sở Nội vụ',
      ]);
    });
  });

  describe('logos variant', () => {
    it('shows logos with alt text, size and lazy loading, and text for sites without one', async () => {
      const el = await linkBox(
        html`<pw-source base-url="/api"
          ><pw-link-box variant="logos" group="Cơ quan Trung ương"></pw-link-box
        ></pw-source>`,
      );
      const anchors = [...shadow(el).querySelectorAll<HTMLAnchorElement>('a[part~="link"]')];
      expect(anchors).to.have.length(6);
      const logo = anchors[0].querySelector<HTMLImageElement>('img[part~="logo"]')!;
      expect(logo.alt).to.equal('Cổng thông tin điện tử Chính phủ');
      expect(logo.getAttribute('src')).to.equal(
        new URL('/fixtures/logos/chinh-phu.svg', location.href).href,
      );
      expect(Number(logo.getAttribute('width'))).to.be.greaterThan(0);
      expect(Number(logo.getAttribute('height'))).to.be.greaterThan(0);
      expect(logo.getAttribute('loading')).to.equal('lazy');
      expect(anchors[0].target).to.equal('_blank');
      expect(anchors[0].rel).to.equal('noopener noreferrer');
      // The name is said once: by the image, not again by a caption.
      expect(anchors[0].querySelector('[part~="link-text"]')).to.equal(null);

      // "Bộ Nội vụ" has no logo: its tile shows its name.
      const noLogo = anchors[3];
      expect(noLogo.querySelector('img')).to.equal(null);
      expect(noLogo.querySelector('[part~="link-text"]')!.textContent).to.equal('Bộ Nội vụ');
      expect(noLogo.querySelector('.visually-hidden')!.textContent!.trim()).to.equal(
        '(mở trong thẻ mới)',
      );
      await waitUntil(() => logo.complete && logo.naturalWidth > 0, 'the logo did not load');
    });

    it('falls back to the name when a logo fails to load', async () => {
      const scenario = await createScenario([
        {
          body: [
            {
              title: 'Trang có logo hỏng',
              url: 'https://hong.example.vn/',
              logo: '/fixtures/logos/khong-co-tep-nay.svg',
            },
          ],
        },
      ]);
      const el = await linkBox(
        html`<pw-link-box variant="logos" src=${`${scenario.base}/links`}></pw-link-box>`,
      );
      await waitUntil(
        () => shadow(el).querySelector('[part~="link-text"]'),
        'the broken logo was not replaced by text',
      );
      expect(shadow(el).querySelector('img')).to.equal(null);
      expect(shownText(el)).to.contain('Trang có logo hỏng');
    });
  });

  describe('states', () => {
    it('shows a sentence when there are no links', async () => {
      const scenario = await createScenario([{ body: { items: [] } }]);
      const el = await linkBox(html`<pw-link-box src=${`${scenario.base}/links`}></pw-link-box>`);
      expect(part(el, '[part~="message"]').textContent).to.equal('Chưa có liên kết nào.');
      expect(part(el, '[role="status"]').textContent).to.contain('Chưa có liên kết nào.');
    });

    it('names the group when a group has no links, in either language', async () => {
      const el = await linkBox(
        html`<pw-source base-url="/api"
          ><pw-link-box variant="list" group="Không tồn tại"></pw-link-box
        ></pw-source>`,
      );
      expect(part(el, '[part~="message"]').textContent).to.equal(
        'Chưa có liên kết nào trong nhóm “Không tồn tại”.',
      );
      el.lang = 'en';
      await waitUntil(
        () =>
          part(el, '[part~="message"]').textContent ===
          'There are no links in the group “Không tồn tại” yet.',
        'the empty sentence did not follow lang="en"',
      );
    });

    it('shows an error with a retry button when the answer is unreadable', async () => {
      const scenario = await createScenario([
        { body: '<html>lỗi</html>', headers: { 'content-type': 'text/html' } },
        { body: { items: [{ title: 'Đã có', url: 'https://ok.example.vn/' }] } },
      ]);
      const el = await linkBox(
        html`<pw-link-box variant="list" src=${`${scenario.base}/links`}></pw-link-box>`,
      );
      expect(part(el, '[role="alert"]').textContent).to.contain(vi.errors.parse);
      part<HTMLButtonElement>(el, '[part~="retry-button"]').click();
      await waitUntil(() => shownText(el).includes('Đã có'), 'retry did not recover');
      expect(shownText(el)).not.to.match(BROKEN_VALUES);
    });

    it('is busy while loading', async () => {
      const scenario = await createScenario([{ hang: true }]);
      const el = await fixture<LinkBoxElement>(
        html`<pw-link-box src=${`${scenario.base}/links`}></pw-link-box>`,
      );
      await el.updateComplete;
      expect(part(el, '[part~="box"]').getAttribute('aria-busy')).to.equal('true');
      expect(part(el, '[role="status"]').textContent).to.equal('Đang tải dữ liệu…');
      // Another src aborts the hanging request (a new load replaces the old one).
      const answered = await createScenario([{ body: { items: [] } }]);
      el.src = `${answered.base}/links`;
      await settled(el);
    });
  });
});
