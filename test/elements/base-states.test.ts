/**
 * What the four boxes share, checked on each of them over real HTTP: the
 * loading, error and stale states, announcements, the server fallback,
 * heading levels, language, CSP-safe markup, narrow columns and axe.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { PortalElement } from '../../src/index.js';
import { createScenario, waitForRequests, type ScenarioResponse } from '../helpers/server.js';
import { afterReload, part, settled } from '../helpers/elements.js';

type Widget = PortalElement<unknown>;

interface WidgetKind {
  tag: string;
  /** The path under a scenario's base that the widget's `src` points at. */
  path: string;
  attributes: Record<string, string>;
  /** A node that exists only once the data is shown. */
  dataSelector: string;
  /** The error message's first sentence, naming what failed. */
  failed: { vi: string; en: string };
}

const KINDS: WidgetKind[] = [
  {
    tag: 'pw-article',
    path: 'articles/{id}',
    attributes: { 'article-id': 'hong-bang-tiep-doan-kiem-tra', related: '0' },
    dataSelector: '[part~="title"]',
    failed: { vi: 'Không tải được bài viết.', en: 'The article could not be loaded.' },
  },
  {
    tag: 'pw-activity-list',
    path: 'articles',
    attributes: { category: 'hoat-dong-lanh-dao', 'page-size': '5' },
    dataSelector: '[part~="item"]',
    failed: {
      vi: 'Không tải được danh sách tin.',
      en: 'The list of articles could not be loaded.',
    },
  },
  {
    tag: 'pw-link-box',
    path: 'links',
    attributes: { variant: 'list' },
    dataSelector: '[part~="link"]',
    failed: { vi: 'Không tải được danh sách liên kết.', en: 'The links could not be loaded.' },
  },
  {
    tag: 'pw-visit-stats',
    path: 'stats',
    attributes: { refresh: '0' },
    dataSelector: '[part~="value"]',
    failed: {
      vi: 'Không tải được dữ liệu thống kê truy cập.',
      en: 'The visit statistics could not be loaded.',
    },
  },
];

/** The first attempt and the HTTP layer's two retries of a read all fail. */
const SERVER_DOWN: ScenarioResponse[] = [
  { status: 500, body: { error: 'boom' } },
  { status: 500, body: { error: 'boom' } },
  { status: 500, body: { error: 'boom' } },
];

interface MountOptions {
  src?: string;
  lang?: string;
  attributes?: Record<string, string>;
  /** Light-DOM children, as a server would print them. */
  children?: string;
  /** Width of the column the widget sits in, in px. */
  width?: number;
  /** Inside `<pw-source base-url>` instead of `src`. */
  sourceBase?: string;
}

/** Puts one widget on the page, built by hand so the tag can vary. */
async function mount(kind: WidgetKind, options: MountOptions = {}): Promise<Widget> {
  const column = await fixture<HTMLDivElement>(html`<div></div>`);
  if (options.width) column.style.width = `${options.width}px`;
  const el = document.createElement(kind.tag) as Widget;
  for (const [name, value] of Object.entries({ ...kind.attributes, ...options.attributes })) {
    el.setAttribute(name, value);
  }
  if (options.lang) el.setAttribute('lang', options.lang);
  if (options.src) el.setAttribute('src', options.src);
  if (options.children) el.innerHTML = options.children;
  if (options.sourceBase) {
    const source = document.createElement('pw-source');
    source.setAttribute('base-url', options.sourceBase);
    source.append(el);
    column.append(source);
  } else {
    column.append(el);
  }
  await el.updateComplete;
  return el;
}

const box = (el: HTMLElement) => part(el, '[part~="box"]');
const statusText = (el: HTMLElement) =>
  (part(el, '.announcer[role="status"]').textContent ?? '').replace(/\s+/g, ' ').trim();
const alertText = (el: HTMLElement) =>
  (part(el, '[role="alert"]').textContent ?? '').replace(/\s+/g, ' ').trim();
const shows = (el: HTMLElement, selector: string) => !!el.shadowRoot!.querySelector(selector);

/** Every element of a shadow root and of the shadow roots nested in it. */
function deepElements(root: ShadowRoot): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    found.push(element);
    if (element.shadowRoot) found.push(...deepElements(element.shadowRoot));
  }
  return found;
}

/** Elements of the widget's shadow DOM carrying a style attribute (blocked under a strict CSP). */
function styledNodes(el: HTMLElement): string[] {
  return deepElements(el.shadowRoot!)
    .filter((element) => element.hasAttribute('style'))
    .map((element) => `<${element.localName} style="${element.getAttribute('style')}">`);
}

for (const kind of KINDS) {
  describe(`${kind.tag}: shared states`, () => {
    it('is busy with a skeleton while loading, then shows the data and says so politely', async () => {
      const scenario = await createScenario([{ fixture: true, delayMs: 400 }]);
      const el = await mount(kind, { src: `${scenario.base}/${kind.path}` });
      expect(box(el).getAttribute('aria-busy')).to.equal('true');
      expect(shows(el, '[part~="skeleton"]')).to.equal(true);
      expect(part(el, '[part~="skeleton"]').getAttribute('aria-hidden')).to.equal('true');
      expect(statusText(el)).to.equal('Đang tải dữ liệu…');
      // The status region lies outside the busy box, so screen readers do not hold it back.
      expect(box(el).contains(part(el, '.announcer[role="status"]'))).to.equal(false);

      await settled(el);
      expect(box(el).getAttribute('aria-busy')).to.equal('false');
      expect(shows(el, '[part~="skeleton"]')).to.equal(false);
      expect(shows(el, kind.dataSelector)).to.equal(true);
      expect(statusText(el)).to.equal('Đã tải xong.');
    });

    it('shows a 500 as an alert naming what failed, in Vietnamese, and fires pw-error', async () => {
      const scenario = await createScenario(SERVER_DOWN);
      const errors: CustomEvent[] = [];
      const column = await fixture<HTMLDivElement>(html`<div></div>`);
      column.addEventListener('pw-error', (event) => errors.push(event as CustomEvent));
      const el = document.createElement(kind.tag) as Widget;
      for (const [name, value] of Object.entries(kind.attributes)) el.setAttribute(name, value);
      el.setAttribute('src', `${scenario.base}/${kind.path}`);
      column.append(el);
      await settled(el);

      expect(alertText(el)).to.equal(
        `${kind.failed.vi} Máy chủ đang gặp sự cố (mã lỗi 500). Thử lại`,
      );
      expect(part(el, '[part~="retry-button"]').localName).to.equal('button');
      // The alert is read out; the polite region stays silent, so nothing is read twice.
      expect(statusText(el)).to.equal('');
      expect(errors).to.have.length(1);
      expect(errors[0].detail.error.kind).to.equal('http');
      expect(errors[0].detail.error.status).to.equal(500);
      expect(errors[0].detail.message).to.equal(
        `${kind.failed.vi} Máy chủ đang gặp sự cố (mã lỗi 500).`,
      );
      expect(errors[0].bubbles && errors[0].composed).to.equal(true);
    });

    it('words the same failure in English', async () => {
      const scenario = await createScenario(SERVER_DOWN);
      const el = await mount(kind, { src: `${scenario.base}/${kind.path}`, lang: 'en' });
      await settled(el);
      expect(alertText(el)).to.equal(
        `${kind.failed.en} The server is having trouble (error 500). Try again`,
      );
    });

    it('loads again from the retry button', async () => {
      const scenario = await createScenario([...SERVER_DOWN, { fixture: true }]);
      const el = await mount(kind, { src: `${scenario.base}/${kind.path}` });
      await settled(el);
      expect(shows(el, kind.dataSelector)).to.equal(false);

      const outcome = await afterReload(el, () =>
        part<HTMLButtonElement>(el, '[part~="retry-button"]').click(),
      );
      expect(outcome.type).to.equal('pw-load');
      expect(shows(el, kind.dataSelector)).to.equal(true);
      expect(shows(el, '[role="alert"]')).to.equal(false);
      expect(statusText(el)).to.equal('Đã tải xong.');
      expect((await scenario.log()).count).to.equal(4);
    });

    it('keeps the last good data with a notice when a refresh fails', async () => {
      const scenario = await createScenario([{ fixture: true }, ...SERVER_DOWN]);
      const el = await mount(kind, { src: `${scenario.base}/${kind.path}` });
      await settled(el);
      const outcome = await afterReload(el, () => el.reload());
      expect(outcome.type).to.equal('pw-error');
      expect(shows(el, kind.dataSelector)).to.equal(true);
      expect(alertText(el)).to.contain('Không cập nhật được; đang hiển thị dữ liệu trước đó.');
    });

    it('shows the server fallback until the data arrives, then hides it', async () => {
      const scenario = await createScenario([{ fixture: true, delayMs: 400 }]);
      const el = await mount(kind, {
        src: `${scenario.base}/${kind.path}`,
        children: '<p class="fallback">Nội dung do máy chủ in sẵn <a href="/tin">Xem</a></p>',
      });
      const fallback = el.querySelector('.fallback')!;
      expect(box(el).getAttribute('aria-busy')).to.equal('true');
      expect(fallback.checkVisibility()).to.equal(true);
      expect(shows(el, '[part~="skeleton"]')).to.equal(false);

      await settled(el);
      expect(shows(el, kind.dataSelector)).to.equal(true);
      expect(fallback.checkVisibility()).to.equal(false);
      // Still in the light DOM, for search engines and readers without JavaScript.
      expect(el.contains(fallback)).to.equal(true);
    });

    it('renders the title as a real heading at heading-level, clamped to 1–6', async () => {
      const levels: [string | undefined, string][] = [
        [undefined, 'h2'],
        ['4', 'h4'],
        ['1', 'h1'],
        ['0', 'h1'],
        ['9', 'h6'],
        ['tiêu đề', 'h2'],
      ];
      for (const [level, tag] of levels) {
        // No source at all: the error state, reached without a request.
        const el = await mount(
          kind,
          level === undefined ? {} : { attributes: { 'heading-level': level } },
        );
        await settled(el);
        expect(part(el, '[part~="header"]').localName, `heading-level=${level}`).to.equal(tag);
      }
      const el = await mount(kind, { attributes: { 'heading-level': '3' } });
      await settled(el);
      el.headingLevel = 5;
      await el.updateComplete;
      expect(part(el, '[part~="header"]').localName).to.equal('h5');
    });

    it('follows lang changes on an ancestor and on <html>', async () => {
      const htmlLang = document.documentElement.getAttribute('lang');
      const scenario = await createScenario(SERVER_DOWN);
      const el = await mount(kind, { src: `${scenario.base}/${kind.path}` });
      await settled(el);
      const column = el.parentElement!;
      const retryText = () => part(el, '[part~="retry-button"]').textContent!.trim();
      try {
        document.documentElement.setAttribute('lang', 'vi');
        column.setAttribute('lang', 'en');
        await waitUntil(() => retryText() === 'Try again', 'did not switch to English');
        expect(alertText(el)).to.contain(kind.failed.en);

        column.setAttribute('lang', 'vi');
        await waitUntil(() => retryText() === 'Thử lại', 'did not switch back to Vietnamese');
        expect(alertText(el)).to.contain(kind.failed.vi);

        column.removeAttribute('lang');
        document.documentElement.setAttribute('lang', 'en-GB');
        await waitUntil(() => retryText() === 'Try again', 'did not follow <html lang>');
        expect(box(el).hasAttribute('lang')).to.equal(false);

        // A language the widgets do not speak: Vietnamese, marked as such for screen readers.
        document.documentElement.setAttribute('lang', 'fr');
        await waitUntil(() => retryText() === 'Thử lại', 'did not fall back to Vietnamese');
        expect(box(el).getAttribute('lang')).to.equal('vi');

        // The widget's own lang wins over its ancestors'.
        el.setAttribute('lang', 'en');
        await waitUntil(() => retryText() === 'Try again', 'own lang did not win');
      } finally {
        if (htmlLang === null) document.documentElement.removeAttribute('lang');
        else document.documentElement.setAttribute('lang', htmlLang);
      }
    });

    it('is axe-clean while loading and in the error state, in vi and en', async () => {
      for (const lang of ['vi', 'en']) {
        const slow = await createScenario([{ hang: true }]);
        const loading = await mount(kind, { src: `${slow.base}/${kind.path}`, lang });
        await waitForRequests(slow, 1);
        expect(box(loading).getAttribute('aria-busy')).to.equal('true');
        await expect(loading).to.be.accessible();

        const down = await createScenario(SERVER_DOWN);
        const failed = await mount(kind, { src: `${down.base}/${kind.path}`, lang });
        await settled(failed);
        expect(shows(failed, '[role="alert"]')).to.equal(true);
        await expect(failed).to.be.accessible();
      }
    });
  });
}

/** Every variant worth drawing, on the fixture backend. */
const VARIANTS: {
  kind: WidgetKind;
  attributes: Record<string, string>;
  /** When the data shows up elsewhere than in `kind.dataSelector`. */
  dataSelector?: string;
}[] = [
  ...['list', 'featured', 'cards'].flatMap((layout) =>
    ['pages', 'more'].map((paging) => ({
      kind: KINDS[1],
      attributes: { layout, paging, 'show-image': '', 'show-summary': '' },
    })),
  ),
  { kind: KINDS[0], attributes: { related: '5', tools: 'print font email share speak' } },
  {
    kind: KINDS[2],
    attributes: { variant: 'select' },
    dataSelector: '[part~="select"] option[value^="http"]',
  },
  ...['list', 'logos'].map((variant) => ({ kind: KINDS[2], attributes: { variant } })),
  {
    kind: KINDS[3],
    attributes: { fields: 'online today yesterday week month year total', digits: '9' },
  },
];

const describeVariant = (variant: (typeof VARIANTS)[number]) =>
  `${variant.kind.tag} ${Object.entries(variant.attributes)
    .map(([name, value]) => (value ? `${name}="${value}"` : name))
    .join(' ')}`;

describe('markup and layout of every box', () => {
  for (const variant of VARIANTS) {
    it(`has no style attributes, loaded or loading: ${describeVariant(variant)}`, async () => {
      const el = await mount(variant.kind, {
        sourceBase: '/api',
        attributes: variant.attributes,
      });
      await settled(el);
      expect(shows(el, variant.dataSelector ?? variant.kind.dataSelector)).to.equal(true);
      expect(styledNodes(el)).to.deep.equal([]);

      const slow = await createScenario([{ hang: true }]);
      const loading = await mount(variant.kind, {
        src: `${slow.base}/${variant.kind.path}`,
        attributes: variant.attributes,
      });
      expect(shows(loading, '[part~="skeleton"]')).to.equal(true);
      expect(styledNodes(loading)).to.deep.equal([]);
    });

    for (const width of [320, 640]) {
      it(`fits a ${width}px column without horizontal overflow: ${describeVariant(variant)}`, async () => {
        const el = await mount(variant.kind, {
          sourceBase: '/api',
          attributes: variant.attributes,
          width,
        });
        await settled(el);
        expect(shows(el, variant.dataSelector ?? variant.kind.dataSelector)).to.equal(true);
        const column = el.closest('div')!;
        expect(column.scrollWidth, 'column').to.be.at.most(column.clientWidth);
        expect(el.getBoundingClientRect().width, 'widget width').to.be.at.most(width);
        for (const selector of ['[part~="box"]', '[part~="body"]']) {
          const node = part(el, selector);
          expect(node.scrollWidth, selector).to.be.at.most(node.clientWidth);
        }
      });
    }
  }

  for (const kind of KINDS) {
    it(`has no style attributes and fits 320px in the error state: ${kind.tag}`, async () => {
      const scenario = await createScenario(SERVER_DOWN);
      const el = await mount(kind, { src: `${scenario.base}/${kind.path}`, width: 320 });
      await settled(el);
      expect(shows(el, '[role="alert"]')).to.equal(true);
      expect(styledNodes(el)).to.deep.equal([]);
      const body = part(el, '[part~="body"]');
      expect(body.scrollWidth).to.be.at.most(body.clientWidth);
    });
  }
});

describe('error messages', () => {
  it('read as two full sentences for every failure kind, in both languages', async () => {
    const cases: { responses: ScenarioResponse[]; vi: string; en: string }[] = [
      {
        responses: [{ status: 200, body: 'not json {', headers: { 'content-type': 'text/plain' } }],
        vi: 'Máy chủ trả về dữ liệu không đọc được.',
        en: 'The server sent an answer that could not be read.',
      },
      {
        responses: [{ status: 404, body: { error: 'gone' } }],
        vi: 'Không tìm thấy nội dung yêu cầu trên máy chủ.',
        en: 'The server does not have the requested content.',
      },
      {
        responses: [{ status: 403, body: { error: 'no' } }],
        vi: 'Máy chủ từ chối yêu cầu (mã lỗi 403).',
        en: 'The server refused the request (error 403).',
      },
      {
        responses: [{ body: { items: 'not a list' } }],
        vi: 'Dữ liệu nhận được không đúng định dạng.',
        en: 'The data received is not in the expected format.',
      },
    ];
    const linkBox = KINDS[2];
    for (const { responses, vi, en } of cases) {
      for (const [lang, reason] of [
        ['vi', vi],
        ['en', en],
      ] as const) {
        const scenario = await createScenario(responses);
        const el = await mount(linkBox, { src: `${scenario.base}/links`, lang });
        await settled(el);
        expect(alertText(el)).to.contain(`${linkBox.failed[lang]} ${reason}`);
      }
    }
  });

  it('name a missing source in both languages', async () => {
    const linkBox = KINDS[2];
    const none = await mount(linkBox);
    await settled(none);
    expect(alertText(none)).to.contain(
      'Không tải được danh sách liên kết. Chưa khai báo nguồn dữ liệu cho khung này.',
    );
    const missing = await mount(linkBox, { attributes: { source: 'khong-co' }, lang: 'en' });
    await settled(missing);
    expect(alertText(missing)).to.contain(
      'The links could not be loaded. The data source named for this box is not on the page.',
    );
  });
});
