/**
 * Broken backends, injected over real HTTP by the scenario middleware: every
 * box must end in a clear state (data, or an error in the visitor's language)
 * however the server misbehaves — hanging, failing, lying about the content
 * type, sending broken bytes, dripping slowly or sending far too much.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import {
  createJsonSource,
  HttpClient,
  type HttpClientOptions,
  type PortalElement,
  type SourceElement,
} from '../../src/index.js';
import { vi } from '../../src/i18n/vi.js';
import { viArticle } from '../../src/i18n/vi-article.js';
import {
  createScenario,
  toBase64,
  waitFor,
  waitForRequests,
  type Scenario,
  type ScenarioResponse,
} from '../helpers/server.js';
import {
  afterReload,
  BROKEN_VALUES,
  headingText,
  part,
  settled,
  shownText,
} from '../helpers/elements.js';

type Widget = PortalElement<unknown>;

interface WidgetKind {
  tag: string;
  attributes: Record<string, string>;
  /** Where the fixture backend answers what this box asks for. */
  fixturePath: string;
  /** A node that exists only once the data is shown. */
  dataSelector: string;
}

const ARTICLE_ID = 'hong-bang-tiep-doan-kiem-tra';

const KINDS: WidgetKind[] = [
  {
    tag: 'pw-article',
    attributes: { 'article-id': ARTICLE_ID, related: '0' },
    fixturePath: `/api/articles/${ARTICLE_ID}`,
    dataSelector: '[part~="title"]',
  },
  {
    tag: 'pw-activity-list',
    attributes: { category: 'hoat-dong-lanh-dao', 'page-size': '5' },
    fixturePath: '/api/articles?category=hoat-dong-lanh-dao&page=1&pageSize=5',
    dataSelector: '[part~="item"]',
  },
  {
    tag: 'pw-link-box',
    attributes: { variant: 'list' },
    fixturePath: '/api/links',
    dataSelector: '[part~="link"]',
  },
  {
    tag: 'pw-visit-stats',
    attributes: { refresh: '0' },
    fixturePath: '/api/stats',
    dataSelector: '[part~="value"]',
  },
];

/** The fixture backend's answer for a box, as text, to be served broken or slowly. */
async function validPayload(kind: WidgetKind): Promise<string> {
  const response = await fetch(kind.fixturePath, { cache: 'no-store' });
  expect(response.ok, `${kind.fixturePath} answers`).to.equal(true);
  return response.text();
}

/**
 * Puts a box inside a `<pw-source>` whose json source reads from the scenario
 * through its own HTTP client (no retries unless asked, short limits).
 */
async function mount(
  kind: WidgetKind,
  scenario: Scenario,
  http: HttpClientOptions = {},
  attributes: Record<string, string> = {},
): Promise<Widget> {
  const holder = await fixture<SourceElement>(html`<pw-source></pw-source>`);
  holder.source = createJsonSource({
    baseUrl: scenario.base,
    http: new HttpClient({ retries: 0, timeoutMs: 5000, ...http }),
  });
  const el = document.createElement(kind.tag) as Widget;
  for (const [name, value] of Object.entries({ ...kind.attributes, ...attributes })) {
    el.setAttribute(name, value);
  }
  holder.append(el);
  await el.updateComplete;
  return el;
}

const alertText = (el: HTMLElement) =>
  (part(el, '[role="alert"]').textContent ?? '').replace(/\s+/g, ' ').trim();
const shows = (el: HTMLElement, selector: string) => !!el.shadowRoot!.querySelector(selector);
const retryButton = (el: HTMLElement) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]');

/** Asserts what every error state owes the visitor: a readable alert, nothing broken. */
function expectCleanError(el: Widget, reason: string): void {
  expect(alertText(el)).to.contain(reason);
  expect(shownText(el)).not.to.match(BROKEN_VALUES);
}

describe('broken backends', () => {
  describe('a server that never answers', () => {
    for (const kind of KINDS) {
      it(`<${kind.tag}> shows a timeout error with a retry button`, async () => {
        const scenario = await createScenario([{ hang: true }]);
        const el = await mount(kind, scenario, { timeoutMs: 300, retries: 1, retryBaseMs: 1 });
        await settled(el);
        expectCleanError(el, vi.errors.timeout);
        expect(retryButton(el), 'retry button').not.to.equal(null);
        expect(shows(el, kind.dataSelector)).to.equal(false);
        // The first attempt and one retry, each abandoned by the client at its time limit.
        const log = await waitFor(async () => {
          const current = await scenario.log();
          return current.requests.every((r) => r.aborted) ? current : undefined;
        }, 'both requests were abandoned');
        expect(log.count).to.equal(2);
      });
    }
  });

  describe('5xx answers with Retry-After', () => {
    for (const kind of KINDS) {
      it(`<${kind.tag}> retries after the delay the server asks for, then shows the data`, async () => {
        const scenario = await createScenario([
          { status: 503, headers: { 'retry-after': '1' }, body: { error: 'maintenance' } },
          { fixture: true },
        ]);
        const el = await mount(kind, scenario, { retries: 2, retryBaseMs: 1 });
        await settled(el);
        expect(shows(el, kind.dataSelector), 'data after the retry').to.equal(true);
        expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
        const { requests } = await scenario.log();
        expect(requests).to.have.length(2);
        // Retry-After: 1 is one second, not the client's 1 ms backoff.
        expect(requests[1]!.at - requests[0]!.at).to.be.at.least(900);
      });
    }

    for (const kind of KINDS) {
      it(`<${kind.tag}> gives up after the retries, offers a retry that works`, async () => {
        const scenario = await createScenario([
          { status: 500, headers: { 'retry-after': '1' } },
          { status: 502, headers: { 'retry-after': '1' } },
          { status: 503, headers: { 'retry-after': '1' } },
          { fixture: true },
        ]);
        const el = await mount(kind, scenario, { retries: 2, retryBaseMs: 1 });
        await settled(el, 9000);
        expectCleanError(el, vi.httpStatus(503));
        const { requests } = await scenario.log();
        expect(requests).to.have.length(3);
        for (let i = 1; i < requests.length; i += 1) {
          expect(requests[i]!.at - requests[i - 1]!.at, `wait before retry ${i}`).to.be.at.least(
            900,
          );
        }
        const event = await afterReload(el, () => retryButton(el)!.click());
        expect(event.type).to.equal('pw-load');
        expect(shows(el, kind.dataSelector)).to.equal(true);
        expect((await scenario.log()).count).to.equal(4);
      }).timeout(15000);
    }
  });

  describe('404', () => {
    it('<pw-article> says the article was not found, without a pointless retry', async () => {
      const scenario = await createScenario([{ status: 404, body: { error: 'gone' } }]);
      const el = await mount(KINDS[0]!, scenario, { retries: 2 });
      await settled(el);
      expectCleanError(el, viArticle.article.notFound);
      expect(retryButton(el)).to.equal(null);
      expect((await scenario.log()).count, 'a 404 is not retried').to.equal(1);
    });

    for (const kind of KINDS.slice(1)) {
      it(`<${kind.tag}> says the server does not have the content`, async () => {
        const scenario = await createScenario([{ status: 404, body: { error: 'gone' } }]);
        const el = await mount(kind, scenario, { retries: 2 });
        await settled(el);
        expectCleanError(el, vi.errors['not-found']);
        expect((await scenario.log()).count).to.equal(1);
      });
    }
  });

  describe('200 answers that are not readable JSON', () => {
    const errorPage =
      '<!doctype html><html><head><title>Lỗi</title></head><body><h1>502 Bad Gateway</h1></body></html>';
    const broken: { name: string; response: (valid: string) => ScenarioResponse }[] = [
      {
        name: 'an HTML error page',
        response: () => ({ body: errorPage, headers: { 'content-type': 'text/html' } }),
      },
      {
        name: 'an HTML page labelled as JSON',
        response: () => ({ body: errorPage }),
      },
      {
        name: 'truncated JSON',
        response: (valid) => ({ body: valid.slice(0, Math.floor(valid.length / 2)) }),
      },
      {
        name: 'invalid UTF-8',
        response: (valid) => {
          const bytes = Array.from(new TextEncoder().encode(valid));
          // A lead byte followed by a non-continuation byte, inside the first string.
          bytes.splice(bytes.indexOf(0x22) + 1, 0, 0xc3, 0x28, 0xff);
          return { bodyBase64: toBase64(bytes) };
        },
      },
      {
        name: 'an XML content type',
        response: () => ({
          body: '<?xml version="1.0"?><error>Service unavailable</error>',
          headers: { 'content-type': 'application/xml' },
        }),
      },
    ];
    for (const kind of KINDS) {
      for (const { name, response } of broken) {
        it(`<${kind.tag}> shows a parse error for ${name}`, async () => {
          const scenario = await createScenario([response(await validPayload(kind))]);
          const el = await mount(kind, scenario, { retries: 2 });
          await settled(el);
          expectCleanError(el, vi.errors.parse);
          expect(retryButton(el), 'retry button').not.to.equal(null);
          expect((await scenario.log()).count, 'a parse error is not retried').to.equal(1);
        });
      }
    }
  });

  describe('a slow drip', () => {
    for (const kind of KINDS) {
      it(`<${kind.tag}> renders a body that trickles in within the time limit`, async () => {
        const valid = await validPayload(kind);
        // About twenty chunks, 40 ms apart.
        const dripBytes = Math.max(8, Math.ceil(new TextEncoder().encode(valid).length / 20));
        const scenario = await createScenario([{ body: valid, dripMs: 40, dripBytes }]);
        const el = await mount(kind, scenario, { timeoutMs: 5000 });
        await settled(el);
        expect(shows(el, kind.dataSelector)).to.equal(true);
        const { requests } = await scenario.log();
        expect(requests).to.have.length(1);
        expect(requests[0]!.aborted).to.equal(false);
      });
    }
  });

  describe('oversized answers', () => {
    it('<pw-activity-list> shows only one page of a 10 000-item answer', async () => {
      const items = Array.from({ length: 10_000 }, (_, i) => ({
        id: `tin-${i}`,
        title: `Tin số ${i + 1}`,
        url: `/tin/${i}`,
        date: '2024-03-01T08:00:00+07:00',
      }));
      const scenario = await createScenario([{ body: { items, total: 10_000 } }]);
      const el = await mount(KINDS[1]!, scenario, {}, { 'page-size': '5' });
      await settled(el);
      const rendered = el.shadowRoot!.querySelectorAll('[part~="item"]');
      expect(rendered).to.have.length(5);
      expect(shownText(el)).to.contain('Tin số 5').and.not.contain('Tin số 6 ');
    });

    it('<pw-article> renders a 2 MB body', async () => {
      const paragraphs: string[] = [];
      let size = 0;
      for (let i = 0; size < 2 * 1024 * 1024; i += 1) {
        const paragraph = `<p>Đoạn ${i}: nội dung dài của bài viết về cải cách hành chính.</p>`;
        paragraphs.push(paragraph);
        size += paragraph.length;
      }
      const last = paragraphs.length - 1;
      const scenario = await createScenario([
        {
          body: {
            id: 'bai-dai',
            title: 'Bài viết rất dài',
            date: '2024-03-01T08:00:00+07:00',
            body: paragraphs.join(''),
          },
        },
      ]);
      const el = await mount(KINDS[0]!, scenario, {}, { 'article-id': 'bai-dai' });
      await settled(el, 15000);
      const content = part(el, '[part~="content"]');
      expect(content.querySelectorAll('p')).to.have.length(paragraphs.length);
      expect(content.lastElementChild?.textContent).to.contain(`Đoạn ${last}:`);
    }).timeout(20000);
  });

  describe('a failed refresh', () => {
    for (const kind of KINDS) {
      it(`<${kind.tag}> keeps the last good data and says it is stale`, async () => {
        const scenario = await createScenario([{ fixture: true }, { status: 500 }]);
        const el = await mount(kind, scenario);
        await settled(el);
        const bodyText = () => part(el, '[part~="body"]').innerText.replace(/\s+/g, ' ').trim();
        // The counters count up for a moment; compare the figures once they stand still.
        await waitFor(() => !el.shadowRoot!.querySelector('.counting'), 'count-up ended');
        const before = bodyText();
        const heading = headingText(el);
        expect(shows(el, kind.dataSelector)).to.equal(true);
        const event = await afterReload(el, () => el.reload());
        expect(event.type).to.equal('pw-error');
        expect(shows(el, kind.dataSelector), 'data still shown').to.equal(true);
        expect(alertText(el)).to.contain(vi.staleNotice);
        expect(bodyText()).to.contain(before.slice(0, 60));
        expect(headingText(el), 'the box title').to.equal(heading);
        await waitForRequests(scenario, 2);
      });
    }
  });
});
