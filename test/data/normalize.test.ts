import { expect } from '@open-wc/testing';
import { ValidationError } from '../../src/data/errors.js';
import {
  normalizeArticle,
  normalizeArticleSummary,
  normalizeLinks,
  normalizePage,
  normalizeVisitStats,
} from '../../src/data/normalize.js';

const ctx = { timeZone: 'Asia/Ho_Chi_Minh', baseUrl: 'https://cms.example.vn/api/' };
const query = { page: 1, pageSize: 5 };

/** Fails when any value anywhere in `value` is undefined, NaN or an invalid date string. */
function expectClean(value: unknown, path = 'result'): void {
  expect(value, path).not.to.equal(undefined);
  if (typeof value === 'number')
    expect(Number.isFinite(value), `${path} is ${value}`).to.equal(true);
  if (typeof value === 'string')
    expect(value, path).not.to.match(/Invalid Date|NaN|^undefined$|\[object Object\]/);
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) expectClean(child, `${path}.${key}`);
  }
}

/** Silences and records console.warn while `run` runs. */
function captureWarnings<T>(run: () => T): { result: T; warnings: string[] } {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    return { result: run(), warnings };
  } finally {
    console.warn = original;
  }
}

/** Values of every JSON type but the expected one, for "wrong type" sweeps. */
const WRONG = [null, 42, NaN, true, [], ['x'], {}, { nested: 1 }, ''];

describe('normalizeArticleSummary', () => {
  it('keeps valid fields, resolves URLs and normalizes the date', () => {
    const result = normalizeArticleSummary(
      {
        id: 12,
        title: '  Tiếp đoàn kiểm tra  ',
        url: '/tin/12',
        date: '2020-02-26T10:05:00',
        summary: 'Tóm tắt',
        image: { src: 'images/a.jpg', alt: 'Ảnh' },
        category: { id: 'hdld', name: 'Hoạt động của lãnh đạo' },
        extra: 'ignored',
      },
      ctx,
    );
    expect(result).to.deep.equal({
      id: '12',
      title: 'Tiếp đoàn kiểm tra',
      url: 'https://cms.example.vn/tin/12',
      date: '2020-02-26T03:05:00.000Z',
      summary: 'Tóm tắt',
      image: { src: 'https://cms.example.vn/api/images/a.jpg', alt: 'Ảnh' },
      category: { id: 'hdld', name: 'Hoạt động của lãnh đạo' },
    });
  });

  it('resolves relative URLs against the page when no baseUrl is given', () => {
    const result = normalizeArticleSummary({ id: 'a', title: 'T', url: '/x' }, { timeZone: 'UTC' });
    expect(result.url).to.equal(new URL('/x', location.href).href);
  });

  it('rejects non-objects with a ValidationError', () => {
    for (const raw of [null, undefined, 'text', 3, [], [{ id: 1, title: 'x' }]]) {
      expect(() => normalizeArticleSummary(raw, ctx), JSON.stringify(raw)).to.throw(
        ValidationError,
      );
    }
  });

  it('requires an id (string or number) and a non-empty title', () => {
    for (const id of [undefined, null, '', '  ', NaN, Infinity, true, {}, []]) {
      expect(() => normalizeArticleSummary({ id, title: 'T' }, ctx), `id ${String(id)}`).to.throw(
        ValidationError,
        /id/,
      );
    }
    for (const title of [undefined, null, '', '   ', 5, {}, ['T']]) {
      expect(
        () => normalizeArticleSummary({ id: 'a', title }, ctx),
        `title ${String(title)}`,
      ).to.throw(ValidationError, /title/);
    }
  });

  it('drops every optional field that has the wrong type', () => {
    for (const wrong of WRONG) {
      const result = normalizeArticleSummary(
        {
          id: 'a',
          title: 'T',
          url: wrong,
          date: wrong,
          summary: wrong,
          image: wrong,
          category: wrong,
        },
        ctx,
      );
      expectClean(result);
      expect(Object.keys(result).sort(), JSON.stringify(wrong)).to.deep.equal(
        // A number is a usable category id, and the date parser takes epoch ms.
        typeof wrong === 'number' && Number.isFinite(wrong)
          ? ['category', 'date', 'id', 'title']
          : ['id', 'title'],
      );
    }
  });

  it('drops invalid dates instead of showing "Invalid Date"', () => {
    for (const date of ['2020-02-30', 'hôm qua', '26/02/2020', '', 'NaN']) {
      const result = normalizeArticleSummary({ id: 'a', title: 'T', date }, ctx);
      expect(result, date).not.to.have.property('date');
    }
  });

  it('rejects javascript:, data: and other non-web URLs in url and image', () => {
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'data:image/png;base64,AAAA',
      'vbscript:x',
      'file:///etc/passwd',
    ]) {
      const result = normalizeArticleSummary({ id: 'a', title: 'T', url: bad, image: bad }, ctx);
      expect(result, bad).not.to.have.property('url');
      expect(result, bad).not.to.have.property('image');
      const withObject = normalizeArticleSummary(
        { id: 'a', title: 'T', image: { src: bad, alt: 'x' } },
        ctx,
      );
      expect(withObject, bad).not.to.have.property('image');
    }
  });

  it('accepts an image as a string URL or {src, alt}, dropping a wrong alt', () => {
    expect(
      normalizeArticleSummary({ id: 'a', title: 'T', image: 'https://x.vn/a.png' }, ctx).image,
    ).to.deep.equal({
      src: 'https://x.vn/a.png',
    });
    expect(
      normalizeArticleSummary(
        { id: 'a', title: 'T', image: { src: 'https://x.vn/a.png', alt: 7 } },
        ctx,
      ).image,
    ).to.deep.equal({
      src: 'https://x.vn/a.png',
    });
  });

  it('completes a half-filled category', () => {
    expect(
      normalizeArticleSummary({ id: 'a', title: 'T', category: { name: 'Tin' } }, ctx).category,
    ).to.deep.equal({
      id: 'Tin',
      name: 'Tin',
    });
    expect(
      normalizeArticleSummary({ id: 'a', title: 'T', category: 'tin-tuc' }, ctx).category,
    ).to.deep.equal({
      id: 'tin-tuc',
      name: 'tin-tuc',
    });
    expect(
      normalizeArticleSummary({ id: 'a', title: 'T', category: { id: null, name: 5 } }, ctx),
    ).not.to.have.property('category');
  });
});

describe('normalizeArticle', () => {
  const valid = { id: 'a', title: 'T', body: '<p>Nội dung</p>' };

  it('requires a body string', () => {
    expect(normalizeArticle(valid, ctx).body).to.equal('<p>Nội dung</p>');
    expect(normalizeArticle({ ...valid, body: '' }, ctx).body).to.equal('');
    for (const body of [undefined, null, 5, {}, ['<p>']]) {
      expect(() => normalizeArticle({ ...valid, body }, ctx), String(body)).to.throw(
        ValidationError,
        /body/,
      );
    }
  });

  it('keeps valid attachments only and drops a wrong author', () => {
    const result = normalizeArticle(
      {
        ...valid,
        author: 42,
        attachments: [
          { name: 'Quyết định.pdf', url: 'files/qd.pdf' },
          { name: 'Bad', url: 'javascript:alert(1)' },
          { name: '', url: 'https://x.vn/a' },
          { url: 'https://x.vn/b' },
          null,
          'https://x.vn/c',
        ],
      },
      ctx,
    );
    expect(result).not.to.have.property('author');
    expect(result.attachments).to.deep.equal([
      { name: 'Quyết định.pdf', url: 'https://cms.example.vn/api/files/qd.pdf' },
    ]);
    expectClean(result);
  });

  it('drops attachments that are not an array or have no valid entry', () => {
    for (const attachments of [null, 'x', {}, [], [{ name: 1, url: 2 }]]) {
      expect(normalizeArticle({ ...valid, attachments }, ctx)).not.to.have.property('attachments');
    }
  });
});

describe('normalizePage', () => {
  it('keeps valid items and drops invalid ones with a warning', () => {
    const { result, warnings } = captureWarnings(() =>
      normalizePage(
        { items: [{ id: 1, title: 'A' }, { id: 2 }, null, { id: 3, title: 'C' }], total: 4 },
        query,
        ctx,
      ),
    );
    expect(result.items.map((item) => item.id)).to.deep.equal(['1', '3']);
    expect(warnings).to.have.length(2);
    expect(result.total).to.equal(4);
  });

  it('always sets hasMore: from hasMore, else from total, else from a full page', () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i, title: `T${i}` }));
    expect(
      normalizePage({ items: items(5), hasMore: false, total: 100 }, query, ctx).hasMore,
    ).to.equal(false);
    expect(normalizePage({ items: items(5), total: 12 }, query, ctx).hasMore).to.equal(true);
    expect(normalizePage({ items: items(5), total: 5 }, query, ctx).hasMore).to.equal(false);
    expect(normalizePage({ items: items(2), total: 12, page: 3 }, query, ctx).hasMore).to.equal(
      false,
    );
    expect(normalizePage({ items: items(5) }, query, ctx).hasMore).to.equal(true);
    expect(normalizePage({ items: items(4) }, query, ctx).hasMore).to.equal(false);
    expect(normalizePage({ items: items(5), hasMore: 'yes' }, query, ctx).hasMore).to.equal(true);
    expect(normalizePage(items(3), query, ctx).hasMore).to.equal(false);
  });

  it('falls back to the query for a bad page or pageSize, and drops a bad total', () => {
    for (const wrong of [...WRONG.filter((value) => value !== 42), -1, 0, 1.5, '2x', 2 ** 60]) {
      const result = normalizePage(
        { items: [], page: wrong, pageSize: wrong, total: wrong },
        { page: 2, pageSize: 7 },
        ctx,
      );
      expect(result.page, String(wrong)).to.equal(2);
      expect(result.pageSize, String(wrong)).to.equal(7);
      // 0 is a valid total (an empty category), though not a valid page.
      if (wrong !== 0) expect(result, String(wrong)).not.to.have.property('total');
      expectClean(result);
    }
    expect(normalizePage({ items: [], page: '3', total: '40' }, query, ctx)).to.include({
      page: 3,
      total: 40,
    });
  });

  it('rejects a payload without an items array', () => {
    for (const raw of [null, undefined, 'x', 1, {}, { items: null }, { items: {} }, { data: [] }]) {
      expect(() => normalizePage(raw, query, ctx), JSON.stringify(raw)).to.throw(ValidationError);
    }
  });
});

describe('normalizeLinks', () => {
  it('accepts {items} or an array and keeps http(s), mailto and tel links', () => {
    const raw = [
      {
        title: 'Chính phủ',
        url: 'https://chinhphu.vn',
        group: 'Trung ương',
        logo: '/logos/cp.svg',
      },
      { title: 'Thư', url: 'mailto:vp@example.vn' },
      { title: 'Gọi', url: 'tel:+842253842000' },
      { title: 'Nội bộ', url: '/lien-he' },
    ];
    const { result, warnings } = captureWarnings(() => normalizeLinks({ items: raw }));
    expect(warnings).to.have.length(0);
    expect(result).to.have.length(4);
    expect(result[0]).to.deep.equal({
      title: 'Chính phủ',
      url: 'https://chinhphu.vn/',
      group: 'Trung ương',
      logo: new URL('/logos/cp.svg', location.href).href,
    });
    expect(result[3]!.url).to.equal(new URL('/lien-he', location.href).href);
    expect(normalizeLinks(raw)).to.deep.equal(result);
  });

  it('drops unsafe or broken links with a warning', () => {
    const { result, warnings } = captureWarnings(() =>
      normalizeLinks([
        { title: 'XSS', url: 'javascript:alert(1)' },
        { title: 'Data', url: 'data:text/html,<script>alert(1)</script>' },
        { title: 'No URL' },
        { url: 'https://no-title.vn' },
        { title: 'Bad URL', url: 'http://[::1' },
        null,
        'https://x.vn',
        { title: 'OK', url: 'https://ok.vn', group: 7, logo: 'javascript:alert(1)' },
      ]),
    );
    expect(result).to.deep.equal([{ title: 'OK', url: 'https://ok.vn/' }]);
    expect(warnings).to.have.length(7);
  });

  it('rejects a payload that is neither an array nor {items}', () => {
    for (const raw of [null, undefined, 'x', {}, { items: 'x' }]) {
      expect(() => normalizeLinks(raw), JSON.stringify(raw)).to.throw(ValidationError);
    }
  });
});

describe('normalizeVisitStats', () => {
  it('keeps non-negative integers and digit strings, parses updatedAt', () => {
    expect(
      normalizeVisitStats({
        online: 37,
        today: '1284',
        total: 9313603,
        updatedAt: '2020-02-26T10:05:00',
      }),
    ).to.deep.equal({
      online: 37,
      today: 1284,
      total: 9313603,
      updatedAt: '2020-02-26T03:05:00.000Z',
    });
  });

  it('drops negative, fractional, non-numeric and unsafe counts', () => {
    const result = normalizeVisitStats({
      online: -1,
      today: 1.5,
      yesterday: 'nhiều',
      week: NaN,
      month: Infinity,
      year: '9.313.603',
      total: 2 ** 60,
      updatedAt: 'hôm nay',
    });
    expect(result).to.deep.equal({});
    for (const wrong of WRONG) {
      const stats = normalizeVisitStats({ online: wrong, total: wrong, updatedAt: wrong });
      expectClean(stats);
      // 42 is a valid count (and valid epoch ms); everything else is dropped.
      if (wrong !== 42) expect(stats, JSON.stringify(wrong)).to.deep.equal({});
    }
  });

  it('rejects a payload that is not an object', () => {
    for (const raw of [null, undefined, 5, 'x', [], [{ online: 1 }]]) {
      expect(() => normalizeVisitStats(raw), JSON.stringify(raw)).to.throw(ValidationError);
    }
  });
});
