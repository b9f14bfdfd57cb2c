import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import {
  createJsonSource,
  type DataSource,
  type VisitStats,
  type VisitStatsElement,
} from '../../src/index.js';
import { vi } from '../../src/i18n/vi.js';
import { createScenario } from '../helpers/server.js';
import {
  BROKEN_VALUES,
  afterReload,
  headingText,
  part,
  settled,
  shownText,
} from '../helpers/elements.js';
import { reduceMotion, restoreMotion } from '../helpers/motion.js';

/** Mounts `template` and returns its <pw-visit-stats> once it has settled. */
async function visitStats(template: ReturnType<typeof html>): Promise<VisitStatsElement> {
  const wrapper = await fixture<HTMLElement>(template);
  const el = (
    wrapper.localName === 'pw-visit-stats' ? wrapper : wrapper.querySelector('pw-visit-stats')
  ) as VisitStatsElement;
  await settled(el);
  return el;
}

/** The rows as shown: [label, number] pairs. */
function rows(el: VisitStatsElement): [string, string][] {
  return [...el.shadowRoot!.querySelectorAll('[part~="row"]')].map((row) => [
    row.querySelector('dt')!.textContent!.trim(),
    row.querySelector('dd')!.textContent!.trim(),
  ]);
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

const ALL = 'online today yesterday week month year total';

/** The demo portal's counters (demo/fixtures/portal.json), served by a scenario so no other test's visits change them. */
const PORTAL_STATS = {
  online: 37,
  today: 1284,
  yesterday: 2951,
  week: 10422,
  month: 48710,
  year: 512334,
  total: 9313603,
};

/**
 * The fixture backend's counters right now, read over HTTP: they grow as
 * tests record visits, so expectations are taken from them, not hard-coded.
 */
async function fixtureStats(): Promise<Required<Omit<VisitStats, 'updatedAt'>>> {
  const response = await fetch('/api/stats', { cache: 'no-store' });
  return (await response.json()) as Required<Omit<VisitStats, 'updatedAt'>>;
}

const vietnamese = (n: number) => n.toLocaleString('vi-VN');

describe('pw-visit-stats', () => {
  // The count-up has its own tests (visit-stats-motion); here the final numbers show at once.
  before(reduceMotion);
  after(restoreMotion);

  describe('figures and labels', () => {
    it('shows online and total from the fixture backend in Vietnamese by default', async () => {
      const expected = await fixtureStats();
      const el = await visitStats(
        html`<pw-source base-url="/api"><pw-visit-stats refresh="0"></pw-visit-stats></pw-source>`,
      );
      expect(el.fields).to.equal('online total');
      expect(headingText(el)).to.equal('Thống kê truy cập');
      const shown = rows(el);
      expect(shown.map(([label]) => label)).to.deep.equal([
        'Số người đang truy cập:',
        'Tổng số lượt truy cập:',
      ]);
      expect(shown[1][1]).to.equal(vietnamese(expected.total));
      expect(shown[1][1]).to.match(/^\d{1,3}(\.\d{3})+$/);
      expect(shown[0][1]).to.match(/^\d+$/);
      expect(shownText(el)).not.to.match(BROKEN_VALUES);
    });

    it('labels every field as portals do, in Vietnamese and in English', async () => {
      const scenario = await createScenario([{ body: PORTAL_STATS }]);
      const el = await visitStats(
        html`<pw-visit-stats
          src=${`${scenario.base}/stats`}
          fields=${ALL}
          refresh="0"
        ></pw-visit-stats>`,
      );
      expect(rows(el)).to.deep.equal([
        ['Số người đang truy cập:', '37'],
        ['Hôm nay:', '1.284'],
        ['Hôm qua:', '2.951'],
        ['Tuần này:', '10.422'],
        ['Tháng này:', '48.710'],
        ['Năm nay:', '512.334'],
        ['Tổng số lượt truy cập:', '9.313.603'],
      ]);
      el.lang = 'en';
      await waitUntil(() => rows(el)[0][0] === 'Online now:', 'did not switch to English');
      expect(headingText(el)).to.equal('Visit statistics');
      expect(rows(el)).to.deep.equal([
        ['Online now:', '37'],
        ['Today:', '1,284'],
        ['Yesterday:', '2,951'],
        ['This week:', '10,422'],
        ['This month:', '48,710'],
        ['This year:', '512,334'],
        ['Total visits:', '9,313,603'],
      ]);
    });

    it('is a definition list: one row per figure, a term and its number', async () => {
      const el = await visitStats(
        html`<pw-source base-url="/api"
          ><pw-visit-stats fields="today total" refresh="0"></pw-visit-stats
        ></pw-source>`,
      );
      const list = part(el, '[part~="list"]');
      expect(list.localName).to.equal('dl');
      const children = [...list.children];
      expect(children).to.have.length(2);
      for (const row of children) {
        expect(row.localName).to.equal('div');
        expect([...row.children].map((c) => c.localName)).to.deep.equal(['dt', 'dd']);
        expect(row.querySelector('dt')!.getAttribute('part')).to.equal('label');
        expect(row.querySelector('dd')!.getAttribute('part')).to.equal('value');
      }
    });

    it('shows the fields in canonical order, whatever the order or separator given', async () => {
      const el = await visitStats(
        html`<pw-source base-url="/api"
          ><pw-visit-stats fields="total, today,online" refresh="0"></pw-visit-stats
        ></pw-source>`,
      );
      expect(rows(el).map(([label]) => label)).to.deep.equal([
        'Số người đang truy cập:',
        'Hôm nay:',
        'Tổng số lượt truy cập:',
      ]);
    });

    it('ignores unknown fields with a warning, and falls back to online and total when none is known', async () => {
      const warnings = recordWarnings();
      try {
        const el = await visitStats(
          html`<pw-source base-url="/api"
            ><pw-visit-stats fields="visitors today" refresh="0"></pw-visit-stats
          ></pw-source>`,
        );
        expect(rows(el).map(([label]) => label)).to.deep.equal(['Hôm nay:']);
        expect(warnings.messages.some((m) => m.includes('"visitors"'))).to.equal(true);

        el.fields = 'nobody nothing';
        await el.updateComplete;
        expect(rows(el).map(([label]) => label)).to.deep.equal([
          'Số người đang truy cập:',
          'Tổng số lượt truy cập:',
        ]);
        expect(warnings.messages.some((m) => m.includes('"nobody"'))).to.equal(true);
      } finally {
        warnings.restore();
      }
    });

    it('follows a change of the ancestor language', async () => {
      const scenario = await createScenario([{ body: { online: 3, total: 1234567 } }]);
      const wrapper = await fixture<HTMLElement>(html`
        <section lang="vi">
          <pw-visit-stats src=${`${scenario.base}/stats`} refresh="0"></pw-visit-stats>
        </section>
      `);
      const el = wrapper.querySelector('pw-visit-stats')!;
      await settled(el);
      expect(shownText(el)).to.contain('1.234.567');
      wrapper.setAttribute('lang', 'en');
      await waitUntil(() => shownText(el).includes('1,234,567'), 'did not follow lang="en"');
      expect(shownText(el)).to.contain('Online now');
    });
  });

  describe('numbers', () => {
    it('groups digits the language’s way: 1.234.567 in Vietnamese, 1,234,567 in English', async () => {
      const scenario = await createScenario([{ body: { online: 1000, total: 1234567 } }]);
      const el = await visitStats(
        html`<pw-visit-stats src=${`${scenario.base}/stats`} refresh="0"></pw-visit-stats>`,
      );
      expect(rows(el).map(([, n]) => n)).to.deep.equal(['1.000', '1.234.567']);
      el.setAttribute('lang', 'en');
      await waitUntil(() => rows(el)[1][1] === '1,234,567', 'did not regroup in English');
      expect(rows(el)[0][1]).to.equal('1,000');
    });

    it('zero-pads to `digits` and keeps the grouping (digits="8": 09.313.603)', async () => {
      const scenario = await createScenario([{ body: PORTAL_STATS }]);
      const el = await visitStats(
        html`<pw-visit-stats
          src=${`${scenario.base}/stats`}
          fields="today total"
          digits="8"
          refresh="0"
        ></pw-visit-stats>`,
      );
      expect(rows(el).map(([, n]) => n)).to.deep.equal(['00.001.284', '09.313.603']);
      el.lang = 'en';
      await waitUntil(() => rows(el)[1][1] === '09,313,603', 'did not pad in English');
      expect(rows(el)[0][1]).to.equal('00,001,284');
    });

    it('never cuts a number shorter than it is, and ignores unusable `digits`', async () => {
      const scenario = await createScenario([{ body: { online: 7, total: 1234 } }]);
      const el = await visitStats(
        html`<pw-visit-stats
          src=${`${scenario.base}/stats`}
          digits="2"
          refresh="0"
        ></pw-visit-stats>`,
      );
      expect(rows(el).map(([, n]) => n)).to.deep.equal(['07', '1.234']);
      for (const digits of ['abc', '-3', '0', '']) {
        el.setAttribute('digits', digits);
        await el.updateComplete;
        expect(
          rows(el).map(([, n]) => n),
          `digits="${digits}"`,
        ).to.deep.equal(['7', '1.234']);
      }
      el.setAttribute('digits', '99');
      await el.updateComplete;
      // Capped at Intl's maximum of 21 digits.
      expect(rows(el)[0][1].replace(/\D/g, '')).to.have.length(21);
    });

    it('drops counts that are not whole non-negative numbers, even from a custom source', async () => {
      // A hand-written source passing the backend's JSON through unchecked.
      const scenario = await createScenario([
        { body: { online: -1, today: 1.5, yesterday: 'nhiều', week: null, month: 12, total: 5 } },
      ]);
      const raw: DataSource = {
        ...createJsonSource({ baseUrl: scenario.base }),
        async getVisitStats(options) {
          const response = await fetch(`${scenario.base}/stats`, { signal: options?.signal });
          return (await response.json()) as VisitStats;
        },
      };
      const wrapper = await fixture<HTMLElement>(
        html`<pw-source .source=${raw}
          ><pw-visit-stats fields=${ALL} refresh="0"></pw-visit-stats
        ></pw-source>`,
      );
      const el = wrapper.querySelector('pw-visit-stats')!;
      await settled(el);
      expect(rows(el)).to.deep.equal([
        ['Tháng này:', '12'],
        ['Tổng số lượt truy cập:', '5'],
      ]);
      expect(shownText(el)).not.to.match(BROKEN_VALUES);
    });
  });

  describe('states', () => {
    it('shows a sentence when the backend has no figures, in either language', async () => {
      const scenario = await createScenario([{ body: {} }]);
      const el = await visitStats(
        html`<pw-visit-stats src=${`${scenario.base}/stats`} refresh="0"></pw-visit-stats>`,
      );
      expect(part(el, '[part~="message"]').textContent).to.equal('Chưa có số liệu thống kê.');
      el.lang = 'en';
      await waitUntil(
        () => part(el, '[part~="message"]').textContent === 'No statistics are available yet.',
        'the empty sentence did not follow lang="en"',
      );
    });

    it('is empty when none of the asked-for figures is there', async () => {
      const scenario = await createScenario([{ body: { online: 4, today: 9 } }]);
      const el = await visitStats(
        html`<pw-visit-stats
          src=${`${scenario.base}/stats`}
          fields="year total"
          refresh="0"
        ></pw-visit-stats>`,
      );
      expect(part(el, '[part~="message"]').textContent).to.equal('Chưa có số liệu thống kê.');
    });

    it('shows an error with a retry button that recovers', async () => {
      const scenario = await createScenario([
        {
          status: 200,
          body: '<html>Bad gateway page</html>',
          headers: { 'content-type': 'text/html' },
        },
        { body: { online: 5, total: 42 } },
      ]);
      const errors: Event[] = [];
      const el = await visitStats(html`
        <pw-visit-stats
          src=${`${scenario.base}/stats`}
          refresh="0"
          @pw-error=${(e: Event) => errors.push(e)}
        ></pw-visit-stats>
      `);
      const alert = part(el, '[role="alert"]');
      expect(alert.textContent).to.contain(vi.errors.parse);
      expect(errors).to.have.length(1);
      await afterReload(el, () => part<HTMLButtonElement>(el, '[part~="retry-button"]').click());
      expect(rows(el)).to.deep.equal([
        ['Số người đang truy cập:', '5'],
        ['Tổng số lượt truy cập:', '42'],
      ]);
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    });

    it('keeps the last good figures when a refresh fails', async () => {
      const scenario = await createScenario([
        { body: { online: 9, total: 777 } },
        { status: 404, body: { error: 'gone' } },
      ]);
      const el = await visitStats(html`
        <pw-visit-stats src=${`${scenario.base}/stats`} refresh="0"></pw-visit-stats>
      `);
      await afterReload(el, () => el.reload());
      expect(shownText(el)).to.contain('777');
      expect(part(el, '[role="alert"]').textContent).to.contain(vi.staleNotice);
    });

    it('fires pw-load with the figures', async () => {
      const scenario = await createScenario([{ body: { online: 2, total: 10 } }]);
      const loaded: VisitStats[] = [];
      await visitStats(html`
        <pw-visit-stats
          src=${`${scenario.base}/stats`}
          refresh="0"
          @pw-load=${(e: CustomEvent<VisitStats>) => loaded.push(e.detail)}
        ></pw-visit-stats>
      `);
      expect(loaded).to.deep.equal([{ online: 2, total: 10 }]);
    });
  });

  describe('record', () => {
    beforeEach(() => sessionStorage.clear());

    it('counts the visit once per browser session: one POST, however many boxes and page loads', async () => {
      const scenario = await createScenario([{ fixture: true }]);
      const posts = async () => (await scenario.log()).requests.filter((r) => r.method === 'POST');

      // Two boxes on one page.
      const page = await fixture<HTMLElement>(html`
        <div>
          <pw-source base-url=${scenario.base}
            ><pw-visit-stats record refresh="0"></pw-visit-stats
          ></pw-source>
          <pw-source base-url=${scenario.base}
            ><pw-visit-stats record refresh="0" fields="today"></pw-visit-stats
          ></pw-source>
        </div>
      `);
      for (const el of page.querySelectorAll('pw-visit-stats')) await settled(el);
      expect(await posts()).to.have.length(1);
      expect((await posts())[0].url).to.equal(`${scenario.base}/stats/visit`);
      expect(JSON.parse((await posts())[0].body!))
        .to.have.property('session')
        .that.is.a('string');

      // The next page of the same session: a new source, the same sessionStorage.
      page.remove();
      const next = await visitStats(html`
        <pw-source base-url=${scenario.base}
          ><pw-visit-stats record refresh="0"></pw-visit-stats
        ></pw-source>
      `);
      expect(await posts()).to.have.length(1);
      expect(rows(next)[1][1]).to.match(/^\d{1,3}(\.\d{3})+$/);

      // What the session remembers: this endpoint has been told about this visit.
      const remembered = Object.keys(sessionStorage).filter((key) =>
        key.endsWith(`${scenario.base}/stats/visit`),
      );
      expect(remembered).to.have.length(1);
    });

    it('shows the figures the POST answers with, without another request', async () => {
      const scenario = await createScenario([{ body: { online: 3, total: 4242 } }]);
      const el = await visitStats(html`
        <pw-source base-url=${scenario.base}
          ><pw-visit-stats record refresh="0"></pw-visit-stats
        ></pw-source>
      `);
      const { requests } = await scenario.log();
      expect(requests.map((r) => `${r.method} ${r.url}`)).to.deep.equal([
        `POST ${scenario.base}/stats/visit`,
      ]);
      expect(rows(el)).to.deep.equal([
        ['Số người đang truy cập:', '3'],
        ['Tổng số lượt truy cập:', '4.242'],
      ]);
    });

    it('does not count without `record`', async () => {
      const scenario = await createScenario([{ fixture: true }]);
      await visitStats(html`
        <pw-source base-url=${scenario.base}
          ><pw-visit-stats refresh="0"></pw-visit-stats
        ></pw-source>
      `);
      const { requests } = await scenario.log();
      expect(requests.map((r) => r.method)).to.deep.equal(['GET']);
    });

    it('asks a custom source to count once, however many boxes use it', async () => {
      const scenario = await createScenario([{ fixture: true }]);
      const backend = createJsonSource({ baseUrl: scenario.base });
      let recordCalls = 0;
      const custom: DataSource = {
        ...backend,
        recordVisit(options) {
          recordCalls += 1;
          return backend.recordVisit!(options);
        },
      };
      const wrapper = await fixture<HTMLElement>(html`
        <pw-source .source=${custom}>
          <pw-visit-stats record refresh="0"></pw-visit-stats>
          <pw-visit-stats record refresh="0"></pw-visit-stats>
        </pw-source>
      `);
      for (const el of wrapper.querySelectorAll('pw-visit-stats')) await settled(el);
      expect(recordCalls).to.equal(1);
    });

    it('still shows the figures when counting fails', async () => {
      const warnings = recordWarnings();
      try {
        const scenario = await createScenario([
          { status: 500, body: { error: 'không ghi được' } },
          { body: { online: 1, total: 99 } },
        ]);
        const el = await visitStats(html`
          <pw-source base-url=${scenario.base}
            ><pw-visit-stats record refresh="0"></pw-visit-stats
          ></pw-source>
        `);
        const { requests } = await scenario.log();
        expect(requests.map((r) => r.method)).to.deep.equal(['POST', 'GET']);
        expect(rows(el)[1][1]).to.equal('99');
        expect(warnings.messages.some((m) => m.includes('could not record'))).to.equal(true);
      } finally {
        warnings.restore();
      }
    });
  });
});
