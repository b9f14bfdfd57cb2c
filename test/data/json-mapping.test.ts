import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { ActivityListElement, ArticleElement } from '../../src/index.js';
import { createJsonSource, type JsonSourceOptions } from '../../src/data/adapters/json.js';
import { compileDateFormat, parseDateWithFormat } from '../../src/data/date-format.js';
import { parseEpoch } from '../../src/data/dates.js';
import { ConfigError, ValidationError } from '../../src/data/errors.js';
import { HttpClient } from '../../src/data/http.js';
import { createScenario, settle, type Scenario } from '../helpers/server.js';
import { BROKEN_VALUES, part, settled, shownText } from '../helpers/elements.js';

/** A private client per test, so caching in one test never hides requests in another. */
function http(): HttpClient {
  return new HttpClient({ retryBaseMs: 5, retries: 0 });
}

/** A documented mapping example, read over HTTP exactly as shipped. */
async function example(name: string): Promise<Partial<JsonSourceOptions>> {
  const response = await fetch(`/docs/mapping-examples/${name}.json`);
  expect(response.ok, `docs/mapping-examples/${name}.json`).to.equal(true);
  return (await response.json()) as Partial<JsonSourceOptions>;
}

/** The paths and queries the scenario received, without its prefix. */
async function requested(scenario: Scenario): Promise<string[]> {
  return (await scenario.log()).requests.map((request) =>
    decodeURI(request.url.slice(scenario.base.length)),
  );
}

/** `<pw-source type="json">` with the mapping as its JSON child, holding `widget`; resolves once it settles. */
async function mountWithMapping<E extends HTMLElement>(
  baseUrl: string,
  mapping: unknown,
  widget: string,
  attributes: Record<string, string> = {},
): Promise<E> {
  const source = document.createElement('pw-source');
  source.setAttribute('type', 'json');
  source.setAttribute('base-url', baseUrl);
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = JSON.stringify(mapping);
  source.append(script);
  const element = document.createElement(widget) as E;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  source.append(element);
  document.body.append(source);
  await settled(element);
  return element;
}

afterEach(() => {
  for (const source of document.querySelectorAll('body > pw-source')) source.remove();
});

/** A Vietnamese home-grown API, shaped as in the example of the mapping documentation. */
const HOME_GROWN = {
  list: {
    result: {
      tongSo: '7',
      rows: [
        {
          maTin: 1201,
          tieuDe: 'Hội nghị tổng kết công tác năm 2025',
          ngayDang: '26/02/2026 10:05',
          tomTat: 'Sáng nay, UBND tỉnh tổ chức hội nghị tổng kết.',
          anh: { url: '/uploads/hoi-nghi.jpg' },
          duongDan: 'https://portal.example/tin-tuc/1201',
        },
        {
          maTin: 1200,
          tieuDe: 'Lịch tiếp công dân tháng 3',
          ngayDang: '25/02/2026 08:00',
          tomTat: null,
          anh: null,
          duongDan: 'https://portal.example/tin-tuc/1200',
        },
      ],
    },
  },
  article: {
    result: {
      maTin: 1201,
      tieuDe: 'Hội nghị tổng kết công tác năm 2025',
      noiDung: '<p>Sáng nay, UBND tỉnh tổ chức hội nghị.</p>',
      ngayDang: '26/02/2026 10:05',
      tacGia: 'Văn phòng UBND tỉnh',
    },
  },
  links: {
    data: [
      {
        ten: 'Cổng thông tin Chính phủ',
        diaChi: 'https://chinhphu.vn',
        nhom: { ten: 'Trung ương' },
      },
      { ten: 'Bộ Nội vụ', diaChi: 'https://moha.gov.vn', nhom: { ten: 'Trung ương' } },
    ],
  },
  stats: { data: { dangTruyCap: '12', tongLuotTruyCap: '9.313.603', homNay: 1520 } },
};

/** Strapi v5: `data[]` with the fields directly on each item, `meta.pagination`. */
function strapiArticle(index: number): Record<string, unknown> {
  return {
    id: index,
    documentId: `kx9f2m${index}c8bq`,
    title: `Thông báo số ${index}`,
    description: `Tóm tắt thông báo số ${index}.`,
    slug: `thong-bao-${index}`,
    createdAt: '2026-02-20T02:00:00.000Z',
    updatedAt: '2026-02-20T02:00:00.000Z',
    publishedAt: `2026-02-2${index}T03:0${index}:00.000Z`,
    cover: {
      id: 40 + index,
      documentId: `img${index}`,
      url: `/uploads/cover_${index}.jpg`,
      alternativeText: `Ảnh thông báo ${index}`,
      formats: { thumbnail: { url: `/uploads/thumbnail_cover_${index}.jpg` } },
    },
    category: { id: 3, documentId: 'cat3', name: 'Thông báo', slug: 'thong-bao' },
  };
}

/** Ghost Content API: `posts[]` and `meta.pagination` with page, limit, pages, total, next, prev. */
function ghostPost(slug: string, title: string): Record<string, unknown> {
  return {
    id: `65f1c0${slug.length}a9b2`,
    uuid: '0f6a2c3e-5c39-4c2d-9c1a-1b2f3d4e5f60',
    title,
    slug,
    html: `<p>${title}: nội dung.</p>`,
    feature_image: `https://blog.example/content/images/${slug}.jpg`,
    feature_image_alt: null,
    featured: false,
    published_at: '2026-02-26T10:05:00.000+07:00',
    url: `https://blog.example/${slug}/`,
    excerpt: `${title}: tóm tắt.`,
    custom_excerpt: null,
    primary_author: { id: 'a1', name: 'Ban biên tập', slug: 'ban-bien-tap' },
    primary_tag: { id: 't1', name: 'Tin tức', slug: 'tin-tuc' },
  };
}

describe('json adapter: declarative mapping', () => {
  describe('the Vietnamese home-grown example', () => {
    it('reads all four kinds, with dd/MM/yyyy dates in the portal zone and numeric strings', async () => {
      const scenario = await createScenario([
        { body: HOME_GROWN.list },
        { body: HOME_GROWN.article },
        { body: HOME_GROWN.links },
        { body: HOME_GROWN.stats },
      ]);
      const source = createJsonSource({
        ...(await example('cong-thong-tin')),
        baseUrl: scenario.base,
        http: http(),
      });

      const page = await source.listArticles({ category: 'thong-bao', page: 1, pageSize: 2 });
      expect(page.total).to.equal(7);
      expect(page.hasMore).to.equal(true);
      expect(page.items[0]).to.deep.equal({
        id: '1201',
        title: 'Hội nghị tổng kết công tác năm 2025',
        date: '2026-02-26T03:05:00.000Z',
        summary: 'Sáng nay, UBND tỉnh tổ chức hội nghị tổng kết.',
        image: { src: new URL('/uploads/hoi-nghi.jpg', location.href).href },
        url: 'https://portal.example/tin-tuc/1201',
      });
      expect(page.items[1]).to.deep.equal({
        id: '1200',
        title: 'Lịch tiếp công dân tháng 3',
        date: '2026-02-25T01:00:00.000Z',
        url: 'https://portal.example/tin-tuc/1200',
      });

      const article = await source.getArticle('1201');
      expect(article).to.deep.include({
        id: '1201',
        body: '<p>Sáng nay, UBND tỉnh tổ chức hội nghị.</p>',
        author: 'Văn phòng UBND tỉnh',
        date: '2026-02-26T03:05:00.000Z',
      });

      expect(await source.listLinks({})).to.deep.equal([
        { title: 'Cổng thông tin Chính phủ', url: 'https://chinhphu.vn/', group: 'Trung ương' },
        { title: 'Bộ Nội vụ', url: 'https://moha.gov.vn/', group: 'Trung ương' },
      ]);
      expect(await source.getVisitStats()).to.deep.equal({
        online: 12,
        total: 9313603,
        today: 1520,
      });
      // A mapped stats endpoint has no visit counter unless one is named.
      expect(source.recordVisit).to.equal(undefined);

      expect(await requested(scenario)).to.deep.equal([
        '/tin-tuc?chuyenMuc=thong-bao&trang=1&soTin=2',
        '/tin-tuc/1201',
        '/lien-ket',
        '/thong-ke',
      ]);
    });

    it('renders the list and the article through the widgets, in Vietnamese', async () => {
      const scenario = await createScenario([
        { body: HOME_GROWN.list },
        { body: HOME_GROWN.article },
      ]);
      const mapping = await example('cong-thong-tin');
      const list = await mountWithMapping<ActivityListElement>(
        scenario.base,
        mapping,
        'pw-activity-list',
        { 'page-size': '2', 'show-summary': '' },
      );
      const text = shownText(list);
      expect(text).to.contain('Hội nghị tổng kết công tác năm 2025');
      expect(text).to.contain('26/02/2026');
      expect(text).not.to.match(BROKEN_VALUES);
      await expect(list).to.be.accessible();

      const article = await mountWithMapping<ArticleElement>(scenario.base, mapping, 'pw-article', {
        'article-id': '1201',
      });
      expect(shownText(article)).to.contain('Sáng nay, UBND tỉnh tổ chức hội nghị.');
      expect(shownText(article)).to.contain('Văn phòng UBND tỉnh');
      expect(shownText(article)).not.to.match(BROKEN_VALUES);
    });
  });

  describe('the Strapi v5 example', () => {
    it('pages by meta.pagination.total and reads fields directly on the data items', async () => {
      const scenario = await createScenario([
        {
          body: {
            data: [strapiArticle(1), strapiArticle(2)],
            meta: { pagination: { page: 2, pageSize: 2, pageCount: 2, total: 4 } },
          },
        },
        {
          body: {
            data: {
              ...strapiArticle(1),
              content: '<p>Nội dung thông báo.</p>',
              author: { id: 1, documentId: 'au1', name: 'Phòng Văn hóa' },
            },
            meta: {},
          },
        },
      ]);
      const source = createJsonSource({
        ...(await example('strapi-v5')),
        baseUrl: `${scenario.base}/`,
        http: http(),
      });
      const page = await source.listArticles({ category: 'thong-bao', page: 2, pageSize: 2 });
      expect(page).to.include({ page: 2, pageSize: 2, total: 4, hasMore: false });
      expect(page.items[0]).to.deep.equal({
        id: 'kx9f2m1c8bq',
        title: 'Thông báo số 1',
        summary: 'Tóm tắt thông báo số 1.',
        date: '2026-02-21T03:01:00.000Z',
        image: {
          src: new URL('/uploads/cover_1.jpg', location.href).href,
          alt: 'Ảnh thông báo 1',
        },
        category: { id: 'thong-bao', name: 'Thông báo' },
      });

      // The article reuses the list's fields and adds its own.
      const article = await source.getArticle('kx9f2m1c8bq');
      expect(article).to.deep.include({
        id: 'kx9f2m1c8bq',
        title: 'Thông báo số 1',
        body: '<p>Nội dung thông báo.</p>',
        author: 'Phòng Văn hóa',
      });
      expect(await requested(scenario)).to.deep.equal([
        '/api/articles?filters[category][slug][$eq]=thong-bao&pagination[page]=2&pagination[pageSize]=2&sort=publishedAt:desc&populate[0]=cover&populate[1]=category',
        '/api/articles/kx9f2m1c8bq?populate[0]=cover&populate[1]=category&populate[2]=author',
      ]);
    });
  });

  describe('the Ghost Content API example', () => {
    it('sends the content key, leaves out an empty tag filter, pages by meta.pagination', async () => {
      const scenario = await createScenario([
        {
          body: {
            posts: [ghostPost('chao-mung', 'Chào mừng'), ghostPost('lich-hop', 'Lịch họp')],
            meta: { pagination: { page: 1, limit: 2, pages: 3, total: 5, next: 2, prev: null } },
          },
        },
        { body: { posts: [ghostPost('chao-mung', 'Chào mừng')] } },
      ]);
      const mapping = await example('ghost');
      const list = await mountWithMapping<ActivityListElement>(
        scenario.base,
        mapping,
        'pw-activity-list',
        { 'page-size': '2', lang: 'en', 'show-image': '' },
      );
      expect(shownText(list)).to.contain('Chào mừng');
      expect(shownText(list)).to.contain('Lịch họp');
      expect(shownText(list)).not.to.match(BROKEN_VALUES);
      const link = part<HTMLAnchorElement>(list, 'a[part~="title"]');
      expect(link.href).to.equal('https://blog.example/chao-mung/');
      await expect(list).to.be.accessible();

      const article = await mountWithMapping<ArticleElement>(scenario.base, mapping, 'pw-article', {
        'article-id': 'chao-mung',
        lang: 'en',
      });
      expect(shownText(article)).to.contain('Chào mừng: nội dung.');
      expect(shownText(article)).to.contain('Ban biên tập');

      expect(await requested(scenario)).to.deep.equal([
        '/ghost/api/content/posts/?key=YOUR_CONTENT_KEY&page=1&limit=2&include=tags,authors',
        '/ghost/api/content/posts/slug/chao-mung/?key=YOUR_CONTENT_KEY&include=tags,authors',
      ]);
    });

    it('filters by tag, takes hasMore from the page count and the article from posts[0]', async () => {
      const scenario = await createScenario([
        {
          body: {
            posts: [ghostPost('lich-hop', 'Lịch họp')],
            meta: { pagination: { page: 3, limit: 2, pages: 3, total: 5, next: null, prev: 2 } },
          },
        },
      ]);
      const source = createJsonSource({
        ...(await example('ghost')),
        baseUrl: scenario.base,
        http: http(),
      });
      const page = await source.listArticles({ category: 'tin-tuc', page: 3, pageSize: 2 });
      expect(page).to.include({ total: 5, hasMore: false });
      expect(page.items[0]).to.deep.include({
        id: 'lich-hop',
        date: '2026-02-26T03:05:00.000Z',
        category: { id: 'tin-tuc', name: 'Tin tức' },
        image: { src: 'https://blog.example/content/images/lich-hop.jpg' },
      });
      expect((await requested(scenario))[0]).to.contain('&filter=tag:tin-tuc&');
    });
  });

  describe('paging', () => {
    it('counts pages from 0 with pageBase 0, fills {offset}, and takes hasMore from totalPages alone', async () => {
      const scenario = await createScenario([
        { body: { ketQua: { ds: [{ id: 'a', title: 'A' }], soTrang: '4' } } },
        { body: { ketQua: { ds: [{ id: 'd', title: 'D' }], soTrang: 4 } } },
      ]);
      const source = createJsonSource({
        baseUrl: scenario.base,
        http: http(),
        pageBase: 0,
        articles: {
          url: '{base}/list?p={page}&from={offset}&n={pageSize}',
          root: 'ketQua',
          items: 'ds',
          totalPages: 'soTrang',
        },
      });
      const first = await source.listArticles({ page: 1, pageSize: 3 });
      expect(first).to.deep.equal({
        items: [{ id: 'a', title: 'A' }],
        page: 1,
        pageSize: 3,
        hasMore: true,
      });
      const last = await source.listArticles({ page: 4, pageSize: 3 });
      expect(last.hasMore).to.equal(false);
      expect(last).not.to.have.property('total');
      expect(await requested(scenario)).to.deep.equal([
        '/list?p=0&from=0&n=3',
        '/list?p=3&from=9&n=3',
      ]);
    });

    it('reads hasMore from a flag or a next link, a missing next key meaning the last page', async () => {
      const scenario = await createScenario([
        { body: { data: [{ id: 1, title: 'Một' }], more: 'true' } },
        { body: { data: [{ id: 2, title: 'Hai' }], links: { next: '/list?page=3' } } },
        { body: { data: [{ id: 3, title: 'Ba' }], links: { self: '/list?page=3' } } },
        { body: { data: [{ id: 4, title: 'Bốn' }] } },
      ]);
      const flag = createJsonSource({
        baseUrl: scenario.base,
        http: http(),
        articles: { url: '{base}/list?page={page}', items: 'data', hasMore: 'more' },
      });
      expect((await flag.listArticles({ page: 1, pageSize: 1 })).hasMore).to.equal(true);
      const next = createJsonSource({
        baseUrl: scenario.base,
        http: http(),
        articles: { url: '{base}/list?page={page}', items: 'data', hasMore: 'links.next' },
      });
      expect((await next.listArticles({ page: 2, pageSize: 1 })).hasMore).to.equal(true);
      expect((await next.listArticles({ page: 3, pageSize: 1 })).hasMore).to.equal(false);
      // Without `links` at all the path is wrong, not the last page.
      const wrong = await settle(next.listArticles({ page: 4, pageSize: 1 }));
      expect(wrong.error).to.be.instanceOf(ConfigError);
      expect((wrong.error as Error).message).to.contain(
        '"links.next" not found in the response of',
      );
    });
  });

  describe('dates', () => {
    it('reads epoch seconds and milliseconds, as numbers or strings', async () => {
      const scenario = await createScenario([
        {
          body: [
            { id: 1, title: 'Giây', date: 1772075100 },
            { id: 2, title: 'Mili giây', date: '1772075100000' },
            { id: 3, title: 'ISO', date: '2026-02-26T10:05:00+07:00' },
          ],
        },
      ]);
      const source = createJsonSource({
        baseUrl: scenario.base,
        http: http(),
        articles: { url: '{base}/list' },
      });
      const page = await source.listArticles({ page: 1, pageSize: 5 });
      expect(page.items.map((item) => item.date)).to.deep.equal([
        '2026-02-26T03:05:00.000Z',
        '2026-02-26T03:05:00.000Z',
        '2026-02-26T03:05:00.000Z',
      ]);
    });

    it('tries the dateFormat before reading digits as an epoch', async () => {
      const scenario = await createScenario([
        { body: [{ id: 1, title: 'Một', ngay: '20260226' }] },
      ]);
      const source = createJsonSource({
        baseUrl: scenario.base,
        http: http(),
        dateFormat: 'yyyyMMdd',
        articles: { url: '{base}/list', fields: { date: 'ngay' } },
      });
      const page = await source.listArticles({ page: 1, pageSize: 5 });
      expect(page.items[0]!.date).to.equal('2026-02-25T17:00:00.000Z');
    });

    it('reads dateFormat patterns in the source time zone and refuses bad patterns', async () => {
      const format = compileDateFormat('dd/MM/yyyy HH:mm:ss');
      expect(parseDateWithFormat('26/02/2026 10:05:30', format, 'Asia/Ho_Chi_Minh')).to.equal(
        '2026-02-26T03:05:30.000Z',
      );
      expect(parseDateWithFormat('26/02/2026 10:05:30', format, 'UTC')).to.equal(
        '2026-02-26T10:05:30.000Z',
      );
      expect(parseDateWithFormat('6/2/2026 9:05:00', format, 'UTC')).to.equal(
        '2026-02-06T09:05:00.000Z',
      );
      expect(parseDateWithFormat('31/02/2026 10:05:30', format, 'UTC')).to.equal(undefined);
      expect(parseDateWithFormat('2026-02-26', format, 'UTC')).to.equal(undefined);
      expect(
        parseDateWithFormat('2026.02.26', compileDateFormat('yyyy.MM.dd'), 'Asia/Ho_Chi_Minh'),
      ).to.equal('2026-02-25T17:00:00.000Z');
      expect(parseDateWithFormat('20260226', compileDateFormat('yyyyMMdd'), 'UTC')).to.equal(
        '2026-02-26T00:00:00.000Z',
      );
      expect(parseEpoch('abc')).to.equal(undefined);
      expect(() => compileDateFormat('HH:mm')).to.throw(ConfigError, /dd, MM and yyyy/);
      expect(() => compileDateFormat('dd/MM/yyyy dd')).to.throw(ConfigError, /twice/);
      // The pattern is compiled with the mapping code, loaded by the first request: that request fails.
      const source = createJsonSource({ baseUrl: '/api', dateFormat: '' });
      const outcome = await settle(source.listArticles({ page: 1, pageSize: 5 }));
      expect(outcome.error).to.be.instanceOf(ConfigError);
      expect((outcome.error as Error).message).to.contain('"dateFormat" must be a pattern');
      expect((await settle(source.getVisitStats())).error).to.be.instanceOf(ConfigError);
    });

    it('reads the dateFormat on the default endpoints too, without a mapping', async () => {
      const scenario = await createScenario([
        { body: { items: [{ id: 1, title: 'Một', ngay: '26/02/2026 10:05' }], total: 1 } },
        { body: { id: 1, title: 'Một', body: '<p>Một</p>', ngay: '26/02/2026 10:05' } },
        { body: { online: 2, updatedAt: '26/02/2026 10:05' } },
      ]);
      const source = createJsonSource({
        baseUrl: scenario.base,
        http: http(),
        dateFormat: 'dd/MM/yyyy HH:mm',
        fields: { article: { date: 'ngay' } },
      });
      const page = await source.listArticles({ page: 1, pageSize: 5 });
      expect(page.items[0]!.date).to.equal('2026-02-26T03:05:00.000Z');
      expect((await source.getArticle('1')).date).to.equal('2026-02-26T03:05:00.000Z');
      expect(await source.getVisitStats()).to.deep.equal({
        online: 2,
        updatedAt: '2026-02-26T03:05:00.000Z',
      });
    });

    it('shows a bad dateFormat as the configuration error of the widget', async () => {
      const scenario = await createScenario([{ body: { items: [] } }]);
      const list = await mountWithMapping<ActivityListElement>(
        scenario.base,
        { dateFormat: 'HH:mm' },
        'pw-activity-list',
        { lang: 'en' },
      );
      const alert = part(list, '[role="alert"]');
      expect(alert.textContent).to.contain('The data source is not set up correctly.');
      expect(shownText(list)).not.to.match(BROKEN_VALUES);
    });
  });

  describe('configuration errors', () => {
    it('names a path that is absent from the response', async () => {
      const scenario = await createScenario([
        { body: { result: { items: [] } } },
        { body: { result: { rows: [], count: 3 } } },
        { body: { data: {} } },
        {
          body: {
            result: {
              rows: [
                { maTin: 1, tieuDe: 'Một' },
                { maTin: 2, tieuDe: 'Hai' },
              ],
            },
          },
        },
        { body: { result: { maTin: 1, tieuDe: 'Một' } } },
      ]);
      const base = {
        baseUrl: scenario.base,
        http: http(),
        article: { url: '{base}/tin/{id}', root: 'result', fields: { body: 'noiDung' } },
        stats: { url: '{base}/thong-ke', root: 'data.counters' },
      };
      const source = createJsonSource({
        ...base,
        articles: { url: '{base}/tin?p={page}', items: 'result.rows', total: 'result.tongSo' },
      });
      const noRows = await settle(source.listArticles({ page: 1, pageSize: 5 }));
      expect(noRows.error).to.be.instanceOf(ConfigError);
      expect((noRows.error as Error).message).to.contain(
        `"result.rows" not found in the response of ${scenario.base}/tin?p=1`,
      );
      const noTotal = await settle(source.listArticles({ page: 2, pageSize: 5 }));
      expect((noTotal.error as Error).message).to.contain('"result.tongSo" not found');
      const noStats = await settle(source.getVisitStats());
      expect((noStats.error as Error).message).to.contain('"data.counters" not found');

      const typo = createJsonSource({
        ...base,
        articles: {
          url: '{base}/tin',
          items: 'result.rows',
          fields: { id: 'maTin', title: 'tieuDe', summary: 'tomTatt' },
        },
      });
      const noSummary = await settle(typo.listArticles({ page: 1, pageSize: 5 }));
      expect(noSummary.error).to.be.instanceOf(ConfigError);
      expect((noSummary.error as Error).message).to.contain('"tomTatt" not found');
      expect((noSummary.error as Error).message).to.contain('articles.fields["summary"]');
      const noBody = await settle(typo.getArticle('1'));
      expect(noBody.error).to.be.instanceOf(ConfigError);
      expect((noBody.error as Error).message).to.contain('"noiDung" not found');
    });

    it('shows a wrong path as the error state of the widget', async () => {
      const scenario = await createScenario([{ body: { result: { danhSach: [] } } }]);
      const warn = console.warn;
      console.warn = () => undefined;
      let list: ActivityListElement;
      try {
        list = await mountWithMapping<ActivityListElement>(
          scenario.base,
          { articles: { url: '{base}/tin', items: 'result.rows' } },
          'pw-activity-list',
          { lang: 'en' },
        );
      } finally {
        console.warn = warn;
      }
      const alert = part(list, '[role="alert"]');
      expect(alert.textContent).to.contain('The data source is not set up correctly.');
      expect(shownText(list)).not.to.match(BROKEN_VALUES);
    });

    it('refuses wrong settings when the source is created', () => {
      const create = (options: Record<string, unknown>) => () =>
        createJsonSource({ baseUrl: '/api', ...options } as unknown as JsonSourceOptions);
      expect(create({ artciles: {} })).to.throw(
        ConfigError,
        /"artciles" is not a json source setting/,
      );
      expect(create({ pageBase: 2 })).to.throw(ConfigError, /pageBase/);
      expect(create({ articles: { itmes: 'data' } })).to.throw(ConfigError, /"articles.itmes"/);
      expect(create({ article: { total: 'x' } })).to.throw(ConfigError, /"article.total"/);
      expect(create({ articles: { items: 5 } })).to.throw(ConfigError, /"articles.items"/);
      expect(create({ links: { url: '{base}/x?n={nhom}' } })).to.throw(ConfigError, /\{nhom\}/);
      expect(create({ stats: { fields: { online: 1 } } })).to.throw(ConfigError, /stats.online/);
      expect(create({ pageBase: '0' })).not.to.throw();
    });

    it('says so when a found value cannot be a flag or a page count', async () => {
      const scenario = await createScenario([
        { body: { data: [], more: { yes: true } } },
        { body: { data: [], pages: 'nhiều' } },
      ]);
      const flag = createJsonSource({
        baseUrl: scenario.base,
        http: http(),
        articles: { url: '{base}/a', items: 'data', hasMore: 'more' },
      });
      expect((await settle(flag.listArticles({ page: 1, pageSize: 5 }))).error).to.be.instanceOf(
        ValidationError,
      );
      const pages = createJsonSource({
        baseUrl: scenario.base,
        http: http(),
        articles: { url: '{base}/b', items: 'data', totalPages: 'pages' },
      });
      const outcome = await settle(pages.listArticles({ page: 1, pageSize: 5 }));
      expect(outcome.error).to.be.instanceOf(ValidationError);
      expect((outcome.error as Error).message).to.contain('"pages"');
    });
  });

  describe('requests', () => {
    it('sends the configured headers (an API key) with every request', async () => {
      const scenario = await createScenario([{ body: { data: { homNay: 3 } } }]);
      const source = createJsonSource({
        baseUrl: scenario.base,
        http: http(),
        headers: { 'X-Api-Key': 'khoa-cong-khai' },
        stats: { url: '{base}/thong-ke', root: 'data', fields: { today: 'homNay' } },
      });
      expect(await source.getVisitStats()).to.deep.equal({ today: 3 });
      const [request] = (await scenario.log()).requests;
      expect(request!.headers['x-api-key']).to.equal('khoa-cong-khai');
    });

    it('reads [n] indexes in paths, and keeps the older endpoints/fields form working beside it', async () => {
      const scenario = await createScenario([
        { body: { groups: [{ links: [{ ten: 'Sở Y tế', url: 'https://syt.example' }] }] } },
        { body: { items: [{ id: 5, title: 'Năm', date: 1772075100 }], total: 1 } },
      ]);
      const source = createJsonSource({
        baseUrl: scenario.base,
        http: http(),
        endpoints: { articles: '{base}/legacy?page={page}' },
        links: { url: '{base}/links', items: 'groups[0].links', fields: { title: 'ten' } },
      });
      expect(await source.listLinks({})).to.deep.equal([
        { title: 'Sở Y tế', url: 'https://syt.example/' },
      ]);
      const page = await source.listArticles({ page: 1, pageSize: 5 });
      expect(page.items).to.deep.equal([
        { id: '5', title: 'Năm', date: '2026-02-26T03:05:00.000Z' },
      ]);
      expect(page.total).to.equal(1);
    });
  });
});
