/**
 * Dates and counts in the portal's default zone are formatted without `Intl`
 * (its first use costs a slow phone over 100 ms before any box can show):
 * they must read exactly as `Intl` writes them, and a page showing the four
 * boxes in that zone must not create a single `Intl` formatter.
 */
import { expect } from '@open-wc/testing';
import { DEFAULT_TIME_ZONE, parseDate } from '../../src/data/dates.js';
import { en } from '../../src/i18n/en.js';
import {
  formatCount,
  formatDate,
  formatDateTime,
  vietnameseStrings,
} from '../../src/i18n/index.js';
import type { Translation } from '../../src/i18n/types.js';
import { settled } from '../helpers/elements.js';
import { closeFramePages, openFramePage } from '../helpers/frames.js';

// Asia/Bangkok has been UTC+7 without daylight saving since 1920, and is not
// a zone formatted by hand, so it gives Intl's reading of the same wall clock.
const INTL_UTC7 = 'Asia/Bangkok';

/** Instants from the day Vietnam's UTC+7 began to 2040, around local midnight and at odd minutes. */
function instants(): string[] {
  const out = ['1975-06-12T16:00:00.000Z', '1975-06-12T17:00:00.000Z', '2000-02-29T16:59:59.000Z'];
  for (
    let ms = Date.UTC(1975, 6, 1);
    ms < Date.UTC(2040, 0, 1);
    ms += 86_400_000 * 97 + 3_671_000
  ) {
    out.push(new Date(ms).toISOString());
  }
  out.push('2024-12-31T16:59:00.000Z', '2024-12-31T17:00:00.000Z', '2020-02-26T03:05:00.000Z');
  return out;
}

const LANGUAGES: [string, () => Translation][] = [
  ['vi', () => vietnameseStrings()],
  ['en', () => en],
];

describe('formatting without Intl in the default time zone', () => {
  afterEach(closeFramePages);

  for (const [lang, strings] of LANGUAGES) {
    it(`writes dates exactly as Intl does (${lang})`, () => {
      const t = strings();
      const all = instants();
      expect(all.length).to.be.greaterThan(200);
      for (const iso of all) {
        expect(formatDateTime(iso, t, DEFAULT_TIME_ZONE), iso).to.equal(
          formatDateTime(iso, t, INTL_UTC7),
        );
        expect(formatDate(iso, t, DEFAULT_TIME_ZONE), iso).to.equal(formatDate(iso, t, INTL_UTC7));
      }
    });

    it(`groups counts exactly as Intl does (${lang})`, () => {
      const t = strings();
      const values = [0, 7, 42, 999, 1000, 1234, 12_345, 999_999, 1_000_000, 9_313_603, 2.5, 3.49];
      values.push(1e12 + 5, 123_456_789_012_345);
      for (const digits of [1, 4, 8]) {
        const intl = new Intl.NumberFormat(t.locale, {
          maximumFractionDigits: 0,
          minimumIntegerDigits: digits,
        });
        for (const value of values) {
          expect(formatCount(value, t, digits), `${value} with ${digits} digits`).to.equal(
            intl.format(value),
          );
        }
      }
    });
  }

  it('reads the portal’s own offset before 1975 (UTC+8), through Intl', () => {
    const t = vietnameseStrings();
    expect(formatDateTime('1975-01-01T00:00:00Z', t, DEFAULT_TIME_ZONE)).to.equal(
      'Thứ Tư, 01/01/1975 08:00',
    );
    expect(parseDate('1975-01-01T08:00:00', DEFAULT_TIME_ZONE)).to.equal(
      '1975-01-01T00:00:00.000Z',
    );
  });

  it('parses offset-less dates in the default zone as Intl does', () => {
    for (const text of ['2020-02-26T10:05:00', '1975-06-13 00:00', '2038-01-19 03:14:07']) {
      expect(parseDate(text, DEFAULT_TIME_ZONE), text).to.equal(parseDate(text, INTL_UTC7));
    }
    expect(parseDate('2020-02-26T10:05:00', DEFAULT_TIME_ZONE)).to.equal(
      '2020-02-26T03:05:00.000Z',
    );
  });

  it('shows the four boxes of a default-zone page without creating an Intl formatter', async () => {
    const win = await openFramePage({
      // Runs before the library: counts every formatter the page creates.
      head: `<script>
        window.__intlCreated = [];
        for (const name of ['DateTimeFormat', 'NumberFormat']) {
          const Original = Intl[name];
          Intl[name] = new Proxy(Original, {
            construct(target, args) {
              window.__intlCreated.push(name + ' ' + JSON.stringify(args));
              return new target(...args);
            },
          });
        }
      </script>`,
      modules: ['/src/bundle.ts'],
      body: `<pw-source base-url="/api" default></pw-source>
        <pw-article article-id="hong-bang-tiep-doan-kiem-tra" related="3"></pw-article>
        <pw-activity-list page-size="5"></pw-activity-list>
        <pw-link-box></pw-link-box>
        <pw-visit-stats refresh="0"></pw-visit-stats>`,
    });
    const boxes = [
      ...win.document.querySelectorAll<HTMLElement>(
        'pw-article, pw-activity-list, pw-link-box, pw-visit-stats',
      ),
    ];
    await new Promise((resolve) => setTimeout(resolve, 50));
    await Promise.all(boxes.map((box) => settled(box)));
    const text = boxes.map((box) => box.shadowRoot!.textContent ?? '').join(' ');
    // Dates and grouped counts are on screen…
    expect(text).to.match(/\d{2}\/\d{2}\/\d{4}/);
    expect(text).to.match(/Thứ \S+, \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    // …and none of them needed Intl.
    expect((win as Window & { __intlCreated: string[] }).__intlCreated).to.deep.equal([]);
  });
});
