import { expect } from '@open-wc/testing';
import { createStaticSource, type StaticData } from '../../src/data/adapters/static.js';
import {
  createUrlSource,
  getVisitStatsFromUrl,
  urlEndpoint,
  urlSourceWith,
} from '../../src/data/adapters/url.js';
import { ConfigError, NotFoundError, ValidationError } from '../../src/data/errors.js';
import { HttpClient } from '../../src/data/http.js';
import { createScenario, settle } from '../helpers/server.js';

function http(options: ConstructorParameters<typeof HttpClient>[0] = {}): HttpClient {
  return new HttpClient({ retryBaseMs: 5, ...options });
}

const DATA: StaticData = {
  articles: [
    {
      id: 'old',
      title: 'Cũ',
      date: '2020-01-01T08:00:00',
      category: { id: 'hd', name: 'Hoạt động' },
      body: '<p>cũ</p>',
    },
    {
      id: 'new',
      title: 'Mới',
      date: '2020-03-01T08:00:00',
      category: { id: 'hd', name: 'Hoạt động' },
      body: '<p>mới</p>',
    },
    {
      id: 'mid',
      title: 'Giữa',
      date: '2020-02-01T08:00:00+07:00',
      category: { id: 'tt', name: 'Tin tức' },
      body: '',
    },
    { id: 'undated', title: 'Không ngày', category: { id: 'hd', name: 'Hoạt động' } },
    { id: 'broken', date: '2020-04-01' },
  ],
  links: [
    { title: 'A', url: 'https://a.vn', group: 'G1' },
    { title: 'B', url: 'https://b.vn', group: 'G2' },
  ],
  stats: { online: 3, total: '120' },
};

/** Runs `run` with console.warn silenced (invalid items warn by design). */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    return await run();
  } finally {
    console.warn = warn;
  }
}

describe('createStaticSource', () => {
  describe('in memory', () => {
    const source = createStaticSource({ data: DATA });

    it('lists newest first, undated last, skipping invalid items', async () => {
      const page = await quietly(() => source.listArticles({ page: 1, pageSize: 10 }));
      expect(page.items.map((item) => item.id)).to.deep.equal(['new', 'mid', 'old', 'undated']);
      expect(page).to.include({ page: 1, pageSize: 10, total: 4, hasMore: false });
    });

    it('filters by category id or name and paginates', async () => {
      const byId = await quietly(() =>
        source.listArticles({ category: 'hd', page: 1, pageSize: 2 }),
      );
      expect(byId.items.map((item) => item.id)).to.deep.equal(['new', 'old']);
      expect(byId).to.include({ total: 3, hasMore: true });
      const second = await quietly(() =>
        source.listArticles({ category: 'Hoạt động', page: 2, pageSize: 2 }),
      );
      expect(second.items.map((item) => item.id)).to.deep.equal(['undated']);
      expect(second.hasMore).to.equal(false);
      const none = await quietly(() =>
        source.listArticles({ category: 'khac', page: 1, pageSize: 2 }),
      );
      expect(none).to.include({ total: 0, hasMore: false });
    });

    it('gets an article by id, NotFoundError when absent, ValidationError without a body', async () => {
      const article = await quietly(() => source.getArticle('new'));
      expect(article).to.include({
        id: 'new',
        body: '<p>mới</p>',
        date: '2020-03-01T01:00:00.000Z',
      });
      expect((await quietly(() => settle(source.getArticle('nope')))).error).to.be.instanceOf(
        NotFoundError,
      );
      expect((await quietly(() => settle(source.getArticle('undated')))).error).to.be.instanceOf(
        ValidationError,
      );
    });

    it('lists links by group and reads stats', async () => {
      expect((await source.listLinks({})).map((link) => link.title)).to.deep.equal(['A', 'B']);
      expect((await source.listLinks({ group: 'G2' })).map((link) => link.title)).to.deep.equal([
        'B',
      ]);
      expect(await source.getVisitStats()).to.deep.equal({ online: 3, total: 120 });
      expect(await createStaticSource({ data: {} }).getVisitStats()).to.deep.equal({});
      expect(await createStaticSource({ data: {} }).listLinks({})).to.deep.equal([]);
    });

    it('needs data or a url', () => {
      expect(() => createStaticSource({})).to.throw(ConfigError);
      expect(() => createStaticSource({ url: '  ' })).to.throw(ConfigError);
    });
  });

  describe('from a JSON file', () => {
    it('reads the fixture file served over HTTP', async () => {
      const source = createStaticSource({ url: '/demo/fixtures/portal.json', http: http() });
      const page = await source.listArticles({
        category: 'hoat-dong-lanh-dao',
        page: 1,
        pageSize: 5,
      });
      expect(page.total).to.equal(17);
      expect(page.items[0]!.id).to.equal('kiem-tra-cong-trinh-trong-diem');
      expect((await source.getArticle('hong-bang-tiep-doan-kiem-tra')).body).to.contain('<p>');
      expect(await source.listLinks({ group: 'Quận, huyện' })).to.have.length(5);
      expect((await source.getVisitStats()).total).to.equal(9313603);
    });

    it('fetches the file once, however many calls', async () => {
      const scenario = await createScenario([{ body: DATA, delayMs: 50 }]);
      // No HTTP cache at all: only the adapter can avoid the second request.
      const source = createStaticSource({
        url: `${scenario.base}/data.json`,
        http: http({ maxEntries: 0 }),
      });
      await quietly(() =>
        Promise.all([
          source.listArticles({ page: 1, pageSize: 2 }),
          source.listLinks({}),
          source.getVisitStats(),
        ]),
      );
      await quietly(() => source.getArticle('new'));
      expect((await scenario.log()).count).to.equal(1);
    });

    it('fails with a ValidationError when the file is not {articles, links, stats}', async () => {
      const scenario = await createScenario([{ body: [1, 2] }, { body: { articles: 'x' } }]);
      const source = createStaticSource({ url: `${scenario.base}/bad.json`, http: http() });
      expect((await settle(source.getVisitStats())).error).to.be.instanceOf(ValidationError);
      const other = createStaticSource({ url: `${scenario.base}/bad2.json`, http: http() });
      expect((await settle(other.listLinks({}))).error).to.be.instanceOf(ValidationError);
    });
  });
});

describe('createUrlSource', () => {
  it('adds page, pageSize and category to the src query', async () => {
    const scenario = await createScenario([
      { body: { items: [{ id: 1, title: 'Một' }], total: 9 } },
    ]);
    const source = createUrlSource(`${scenario.base}/list?site=hb`, { http: http() });
    const page = await source.listArticles({ page: 2, pageSize: 3 });
    expect(page).to.include({ page: 2, pageSize: 3, total: 9, hasMore: true });
    await source.listArticles({ category: 'tin tức', page: 1, pageSize: 5 });
    const urls = (await scenario.log()).requests.map((request) =>
      request.url.slice(scenario.base.length),
    );
    expect(urls).to.deep.equal([
      '/list?site=hb&page=2&pageSize=3',
      '/list?site=hb&page=1&pageSize=5&category=tin+t%E1%BB%A9c',
    ]);
  });

  it('fills {id} in src, URL-encoded, or uses src as is', async () => {
    const scenario = await createScenario([{ body: { id: 'x', title: 'T', body: '<p>b</p>' } }]);
    await createUrlSource(`${scenario.base}/articles/{id}`, { http: http() }).getArticle('a/b c');
    await createUrlSource(`${scenario.base}/one-article.json`, { http: http() }).getArticle(
      'whatever',
    );
    const urls = (await scenario.log()).requests.map((request) =>
      request.url.slice(scenario.base.length),
    );
    expect(urls).to.deep.equal(['/articles/a%2Fb%20c', '/one-article.json']);
  });

  it('reads links ({items} or an array), filtering by group here', async () => {
    const scenario = await createScenario([
      {
        body: {
          items: [
            { title: 'A', url: 'https://a.vn', group: 'G1' },
            { title: 'B', url: 'https://b.vn', group: 'G2' },
          ],
        },
      },
      { body: [{ title: 'C', url: 'https://c.vn' }] },
    ]);
    const links = await createUrlSource(`${scenario.base}/links`, { http: http() }).listLinks({
      group: 'G2',
    });
    expect(links).to.deep.equal([{ title: 'B', url: 'https://b.vn/', group: 'G2' }]);
    const plain = await createUrlSource(`${scenario.base}/links2`, { http: http() }).listLinks({});
    expect(plain).to.deep.equal([{ title: 'C', url: 'https://c.vn/' }]);
    expect((await scenario.log()).requests[0]!.url).to.equal(`${scenario.base}/links`);
  });

  it('reads visit statistics from src and exposes the time zone', async () => {
    const scenario = await createScenario([
      { body: { online: '4', total: -5, updatedAt: '2020-02-26T10:05:00' } },
    ]);
    const source = createUrlSource(`${scenario.base}/stats`, { http: http(), timeZone: 'UTC' });
    expect(source.timeZone).to.equal('UTC');
    expect(await source.getVisitStats()).to.deep.equal({
      online: 4,
      updatedAt: '2020-02-26T10:05:00.000Z',
    });
  });

  it('rejects an empty src with a ConfigError', () => {
    expect(() => createUrlSource('')).to.throw(ConfigError);
    expect(() => createUrlSource('http://[')).to.throw(ConfigError);
  });

  it("serves a widget's own kind only (urlSourceWith), rejecting the others without a request", async () => {
    const scenario = await createScenario([{ body: { today: 7 } }]);
    const endpoint = urlEndpoint(`${scenario.base}/stats`, { http: http() });
    const source = urlSourceWith(endpoint, {
      getVisitStats: (options) => getVisitStatsFromUrl(endpoint, options),
    });
    expect(await source.getVisitStats()).to.deep.equal({ today: 7 });
    const other = await settle(source.listArticles({ page: 1, pageSize: 5 }));
    expect(other.error).to.be.instanceOf(ConfigError);
    expect((other.error as Error).message).to.contain(`${scenario.base}/stats`);
    expect((await settle(source.listLinks({}))).error).to.be.instanceOf(ConfigError);
    expect((await scenario.log()).count).to.equal(1);
  });
});
