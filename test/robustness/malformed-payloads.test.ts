/**
 * Malformed payloads: a backend answering valid JSON of the wrong shape. Each
 * box must end in a clear state (its data, its empty sentence or an error),
 * throw nothing uncaught, and never print a broken value such as "undefined",
 * "NaN", "Invalid Date", "null" or "[object Object]".
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import {
  createJsonSource,
  HttpClient,
  type PortalElement,
  type SourceElement,
} from '../../src/index.js';
import { createScenario, type ScenarioResponse } from '../helpers/server.js';
import { BROKEN_VALUES, settled, shownText } from '../helpers/elements.js';

type Widget = PortalElement<unknown>;

/**
 * A payload, named for the test title; a string is sent as raw JSON text.
 * `keeps` is valid content in it that must still be shown.
 */
type Payload = [name: string, body: unknown, keeps?: string];

/** Shapes that are wrong for every box. */
const ANY_BOX: Payload[] = [
  ['null', null],
  ['an empty array', []],
  ['an array of junk', [null, 1, 'x', [], {}]],
  ['a string', '"một chuỗi"'],
  ['a number', 42],
  ['true', true],
  ['an empty object', {}],
];

const ARTICLE: Payload[] = [
  [
    'wrong types in every field',
    {
      id: 5,
      title: 7,
      url: {},
      date: [],
      summary: {},
      image: [],
      category: 'x',
      body: 12,
      author: 3,
      attachments: 'a',
    },
  ],
  [
    'objects where strings belong',
    {
      id: { a: 1 },
      title: { vi: 'Tiêu đề' },
      date: { y: 2024 },
      body: { html: '<p>x</p>' },
      author: { name: 'A' },
    },
  ],
  [
    'a valid title with broken details',
    {
      id: 'bai-1',
      title: 'Tiêu đề hợp lệ',
      date: '2024-13-45T99:99:00',
      body: '<p>Nội dung</p>',
      summary: null,
      author: null,
      image: { src: null, alt: 5 },
      category: { id: null, name: 9 },
      attachments: [null, 1, 'x', { url: 5, title: null }, { title: 'Không có địa chỉ' }],
    },
    'Tiêu đề hợp lệ',
  ],
  ['a body that is an array', { id: 'bai-5', title: 'Bài viết', body: ['<p>a</p>'] }],
  ['an invalid date string', { id: 'bai-2', title: 'Bài viết', date: 'không phải ngày' }],
  ['a date out of range', { id: 'bai-3', title: 'Bài viết', date: -1e20 }],
  ['nulls everywhere', { id: null, title: null, date: null, body: null }],
  ['an empty title', { id: 'bai-4', title: '', date: '2024-03-01', body: '' }],
];

const LIST: Payload[] = [
  ['items: null', { items: null }],
  ['items: a string', { items: 'abc' }],
  ['items: an object', { items: { a: 1 } }],
  ['items of junk', { items: [null, 1, 'x', [], {}] }],
  [
    'wrong types in every field',
    {
      items: [{ id: 1, title: 2, date: 'garbage', url: {}, summary: [], image: 5, category: 'c' }],
      total: 'NaN',
      page: 'two',
      pageSize: 'abc',
      hasMore: 'yes',
    },
  ],
  [
    'negative and non-numeric counts',
    {
      items: [{ id: 'a', title: 'Tin hợp lệ', date: '2024-02-30' }],
      total: -5,
      page: -3,
      pageSize: -1,
    },
    'Tin hợp lệ',
  ],
  [
    'an infinite total',
    '{"items":[{"id":"a","title":"Tin hợp lệ","date":"2024-03-01"}],"total":1e999,"page":1e999}',
    'Tin hợp lệ',
  ],
  [
    'invalid dates',
    {
      items: [
        { id: 'a', title: 'Ngày sai', date: 'không phải ngày' },
        { id: 'b', title: 'Ngày số', date: 1e20 },
        { id: 'c', title: 'Ngày rỗng', date: '' },
        { id: 'd', title: 'Ngày đối tượng', date: {} },
      ],
    },
  ],
];

const LINKS: Payload[] = [
  ['items: null', { items: null }],
  ['items of junk', { items: [null, 1, 'x', [], {}] }],
  [
    'wrong types in every field',
    {
      items: [
        { title: {}, url: [], group: 5, logo: 7 },
        { title: 5, url: 6 },
      ],
    },
  ],
  [
    'a good link among broken ones',
    {
      items: [
        { title: 'Cổng thông tin Chính phủ', url: 'https://chinhphu.vn', group: null, logo: {} },
        { title: null, url: 'https://example.vn' },
        { title: 'Không có địa chỉ' },
      ],
    },
    'Cổng thông tin Chính phủ',
  ],
];

const STATS: Payload[] = [
  [
    'wrong types in every field',
    {
      online: 'NaN',
      today: {},
      yesterday: [],
      week: true,
      month: 'abc',
      year: '',
      total: 'abc',
      updatedAt: 5,
    },
  ],
  ['negative counts', { online: -5, today: -1, week: -0, month: -2, total: -100 }],
  ['fractions and strings', { online: 1.5, today: '12', total: '9.313.603' }],
  ['an infinite count', '{"online":1e999,"total":-1e999}'],
  ['nulls', { online: null, today: null, total: null, updatedAt: null }],
  ['an invalid update time', { online: 3, total: 10, updatedAt: 'không phải ngày' }, '10'],
];

interface WidgetKind {
  tag: string;
  attributes: Record<string, string>;
  /** A node that exists only when data is shown. */
  dataSelector: string;
  payloads: Payload[];
}

const KINDS: WidgetKind[] = [
  {
    tag: 'pw-article',
    attributes: { 'article-id': 'bai-1', related: '0' },
    dataSelector: '[part~="title"]',
    payloads: ARTICLE,
  },
  {
    tag: 'pw-activity-list',
    attributes: { 'page-size': '5' },
    dataSelector: '[part~="item"]',
    payloads: LIST,
  },
  {
    tag: 'pw-link-box',
    attributes: { variant: 'list' },
    dataSelector: '[part~="link"]',
    payloads: LINKS,
  },
  {
    tag: 'pw-visit-stats',
    attributes: { refresh: '0', fields: 'online today yesterday week month year total' },
    dataSelector: '[part~="value"]',
    payloads: STATS,
  },
];

/** Errors that escaped the library while a test ran. */
let uncaught: unknown[] = [];
const onError = (event: ErrorEvent) => uncaught.push(event.error ?? event.message);
const onRejection = (event: PromiseRejectionEvent) => uncaught.push(event.reason);

async function mount(kind: WidgetKind, body: unknown): Promise<Widget> {
  const response: ScenarioResponse = { body };
  const scenario = await createScenario([response]);
  const holder = await fixture<SourceElement>(html`<pw-source></pw-source>`);
  holder.source = createJsonSource({
    baseUrl: scenario.base,
    http: new HttpClient({ retries: 0, cacheTtlMs: 0, staleTtlMs: 0 }),
  });
  const el = document.createElement(kind.tag) as Widget;
  for (const [name, value] of Object.entries(kind.attributes)) el.setAttribute(name, value);
  holder.append(el);
  await el.updateComplete;
  return el;
}

describe('malformed payloads', () => {
  beforeEach(() => {
    uncaught = [];
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });

  for (const kind of KINDS) {
    describe(`<${kind.tag}>`, () => {
      for (const [name, body, keeps] of [...ANY_BOX, ...kind.payloads]) {
        it(`ends in a clear state for ${name}`, async () => {
          const el = await mount(kind, body);
          await settled(el);
          // Let any stray rejection or count-up frame surface before judging.
          await new Promise((resolve) => setTimeout(resolve, 50));
          const root = el.shadowRoot!;
          const alert = root.querySelector('[role="alert"]');
          const message = root.querySelector('[part~="message"]');
          const data = root.querySelector(kind.dataSelector);
          expect(alert || message || data, 'an error, the empty sentence or data').not.to.equal(
            null,
          );
          if (alert) expect((alert.textContent ?? '').trim()).not.to.equal('');
          const text = shownText(el);
          expect(text).not.to.match(BROKEN_VALUES);
          if (keeps) expect(text, 'the valid content').to.contain(keeps);
          // Also in what assistive technology reads that is not on screen.
          for (const node of root.querySelectorAll('[aria-label], [title], [alt]')) {
            for (const attribute of ['aria-label', 'title', 'alt']) {
              expect(node.getAttribute(attribute) ?? '', attribute).not.to.match(BROKEN_VALUES);
            }
          }
          expect(uncaught, 'uncaught errors').to.deep.equal([]);
        });
      }
    });
  }
});
