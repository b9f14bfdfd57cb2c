import { expect } from '@open-wc/testing';
import { createJsonSource } from '../../src/data/adapters/json.js';
import { ConfigError, DataError, NotFoundError, ValidationError } from '../../src/data/errors.js';
import { HttpClient } from '../../src/data/http.js';
import { FIXTURE_API, createScenario, settle, waitForRequests } from '../helpers/server.js';

/** A private client per test, so caching in one test never hides requests in another. */
function http(): HttpClient {
  return new HttpClient({ retryBaseMs: 5 });
}

const LEADERSHIP = 'hoat-dong-lanh-dao';

describe('createJsonSource', () => {
  describe('against the fixture backend', () => {
    const source = () => createJsonSource({ baseUrl: FIXTURE_API, http: http() });

    it('exposes its time zone', () => {
      expect(source().timeZone).to.equal('Asia/Ho_Chi_Minh');
      expect(createJsonSource({ baseUrl: '/api', timeZone: 'UTC' }).timeZone).to.equal('UTC');
    });

    it('lists a category page by page, newest first, with total and hasMore', async () => {
      const first = await source().listArticles({ category: LEADERSHIP, page: 1, pageSize: 5 });
      expect(first.items).to.have.length(5);
      expect(first.total).to.equal(17);
      expect(first.hasMore).to.equal(true);
      expect(first.page).to.equal(1);
      for (const item of first.items) {
        expect(item.category?.id).to.equal(LEADERSHIP);
        expect(item.date).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      }
      const dates = first.items.map((item) => item.date!);
      expect([...dates].sort().reverse()).to.deep.equal(dates);

      const last = await source().listArticles({ category: LEADERSHIP, page: 4, pageSize: 5 });
      expect(last.items).to.have.length(2);
      expect(last.hasMore).to.equal(false);
    });

    it('lists every category when none is given', async () => {
      const page = await source().listArticles({ page: 1, pageSize: 50 });
      expect(page.total).to.equal(21);
      // An offset-less fixture date is read at UTC+7.
      const rally = page.items.find((item) => item.id === 'gan-bien-cong-trinh-chao-mung-dai-hoi');
      expect(rally?.date).to.equal('2020-03-10T02:30:00.000Z');
    });

    it('gets one article with body, author and attachments', async () => {
      const article = await source().getArticle('hong-bang-tiep-doan-kiem-tra');
      expect(article.title).to.contain('Hồng Bàng');
      expect(article.body).to.contain('<p>');
      expect(article.date).to.equal('2020-02-26T03:05:00.000Z');
      expect(article.author).to.be.a('string');
      expect(article.attachments?.length).to.be.greaterThan(0);
      expect(article.image?.src).to.match(/^http:\/\/.+\/fixtures\/images\//);
    });

    it('answers NotFoundError for an unknown article', async () => {
      const outcome = await settle(source().getArticle('khong-co-bai-nay'));
      expect(outcome.error).to.be.instanceOf(NotFoundError);
    });

    it('lists links, all or by group', async () => {
      const all = await source().listLinks({});
      expect(all).to.have.length(16);
      const central = await source().listLinks({ group: 'Cơ quan Trung ương' });
      expect(central).to.have.length(6);
      for (const link of central) expect(link.group).to.equal('Cơ quan Trung ương');
    });

    it('reads visit statistics', async () => {
      const stats = await source().getVisitStats();
      expect(stats.total).to.be.a('number');
      expect(Number.isInteger(stats.online)).to.equal(true);
      expect(stats.updatedAt).to.match(/Z$/);
    });
  });

  describe('requests', () => {
    it('builds the default endpoint URLs, leaving out empty parameters and encoding ids', async () => {
      const scenario = await createScenario([{ body: { items: [] } }]);
      const source = createJsonSource({ baseUrl: `${scenario.base}/`, http: http() });
      await source.listArticles({ page: 2, pageSize: 5 });
      await source.listArticles({ category: 'tin tức', page: 1, pageSize: 3 });
      await source.listLinks({});
      await source.listLinks({ group: 'Quận, huyện' });
      await settle(source.getArticle('a/b c'));
      await settle(source.getVisitStats());
      const urls = (await scenario.log()).requests.map((request) =>
        request.url.slice(scenario.base.length),
      );
      expect(urls).to.deep.equal([
        '/articles?page=2&pageSize=5',
        '/articles?category=tin%20t%E1%BB%A9c&page=1&pageSize=3',
        '/links',
        '/links?group=Qu%E1%BA%ADn%2C%20huy%E1%BB%87n',
        '/articles/a%2Fb%20c',
        '/stats',
      ]);
    });

    it('forwards the signal, fresh and the language', async () => {
      const scenario = await createScenario([
        { body: { online: 1 } },
        { body: { online: 2 }, delayMs: 300 },
      ]);
      const source = createJsonSource({
        baseUrl: scenario.base,
        http: http(),
        headers: { 'X-Portal': 'hb' },
      });
      expect(await source.getVisitStats({ lang: 'en' })).to.deep.equal({ online: 1 });
      // Cached, then fresh: a second request.
      expect(await source.getVisitStats({ lang: 'en' })).to.deep.equal({ online: 1 });
      const controller = new AbortController();
      const pending = settle(
        source.getVisitStats({ lang: 'en', fresh: true, signal: controller.signal }),
      );
      await waitForRequests(scenario, 2);
      controller.abort();
      expect(((await pending).error as DataError).kind).to.equal('aborted');
      const { requests } = await scenario.log();
      expect(requests).to.have.length(2);
      expect(requests[0]!.headers['accept-language']).to.equal('en');
      expect(requests[0]!.headers['x-portal']).to.equal('hb');
    });

    it('names the endpoint in a validation error', async () => {
      const scenario = await createScenario([{ body: { id: 'x', title: 'No body' } }]);
      const outcome = await settle(
        createJsonSource({ baseUrl: scenario.base, http: http() }).getArticle('x'),
      );
      expect(outcome.error).to.be.instanceOf(ValidationError);
      expect((outcome.error as ValidationError).url).to.contain('/articles/x');
      expect((outcome.error as Error).message).to.contain('body');
    });
  });

  describe('recordVisit', () => {
    beforeEach(() => sessionStorage.clear());

    it('posts once per browser session with a session id, through the fixture backend', async () => {
      const scenario = await createScenario([{ fixture: true }]);
      const source = createJsonSource({ baseUrl: scenario.base, http: http() });
      const counted = await source.recordVisit!();
      expect(counted).to.have.property('total').that.is.a('number');
      expect(await source.recordVisit!()).to.equal(undefined);
      // A new source object on the same page (another widget) does not count again either.
      expect(
        await createJsonSource({ baseUrl: scenario.base, http: http() }).recordVisit!(),
      ).to.equal(undefined);

      const posts = (await scenario.log()).requests.filter((request) => request.method === 'POST');
      expect(posts).to.have.length(1);
      expect(posts[0]!.url).to.equal(`${scenario.base}/stats/visit`);
      const body = JSON.parse(posts[0]!.body!) as { session: string };
      expect(body.session).to.match(/^[0-9a-f]{32}$/);
    });

    it('keeps the same session id and tries again after a failure', async () => {
      const scenario = await createScenario([{ status: 500 }, { body: { total: 10 } }]);
      const source = createJsonSource({ baseUrl: scenario.base, http: http() });
      expect((await settle(source.recordVisit!())).error).to.be.instanceOf(DataError);
      expect(await source.recordVisit!()).to.deep.equal({ total: 10 });
      const [first, second] = (await scenario.log()).requests;
      expect(JSON.parse(second!.body!)).to.deep.equal(JSON.parse(first!.body!));
    });

    it("serves the next read of the figures from the visit's answer, without a request", async () => {
      const scenario = await createScenario([{ body: { total: 10 } }, { body: { total: 99 } }]);
      const source = createJsonSource({ baseUrl: scenario.base, http: http() });
      expect(await source.recordVisit!()).to.deep.equal({ total: 10 });
      expect(await source.getVisitStats()).to.deep.equal({ total: 10 });
      expect((await scenario.log()).count).to.equal(1);
      // Asking for fresh figures still goes to the server.
      expect(await source.getVisitStats({ fresh: true })).to.deep.equal({ total: 99 });
      expect((await scenario.log()).requests.map((r) => r.method)).to.deep.equal(['POST', 'GET']);
    });

    it('is absent when the visit endpoint is switched off', () => {
      expect(
        createJsonSource({ baseUrl: '/api', endpoints: { visit: null } }).recordVisit,
      ).to.equal(undefined);
    });
  });

  describe('endpoint templates and field paths', () => {
    it('maps a differently shaped API without code', async () => {
      const scenario = await createScenario([
        {
          body: {
            data: {
              posts: [
                {
                  post_id: 7,
                  headline: 'Tin bảy',
                  published_at: '2020-02-26 10:05',
                  cover: { url: 'img/7.jpg' },
                  cat: { slug: 'tin', label: 'Tin tức' },
                },
                { post_id: 8, headline: 'Tin tám', published_at: 'bad date' },
                { post_id: 9 },
              ],
            },
            meta: { total: '11' },
          },
        },
        { body: { result: { post_id: 7, headline: 'Tin bảy', content: { html: '<p>Bảy</p>' } } } },
        {
          body: {
            list: [
              { name: 'Chính phủ', href: 'https://chinhphu.vn' },
              { name: 'XSS', href: 'javascript:alert(1)' },
            ],
          },
        },
        { body: { counters: { now: '5', all: 9313603 } } },
      ]);
      const source = createJsonSource({
        baseUrl: scenario.base,
        http: http(),
        endpoints: {
          articles: '{base}/news?cat={category}&p={page}&n={pageSize}',
          article: '{base}/news/{id}/detail',
          links: '{base}/weblinks',
          stats: '{base}/counter',
        },
        fields: {
          page: { items: 'data.posts', total: 'meta.total' },
          article: {
            id: 'post_id',
            title: 'headline',
            date: 'published_at',
            'image.src': 'cover.url',
            'category.id': 'cat.slug',
            'category.name': 'cat.label',
            body: 'content.html',
          },
          links: { items: 'list' },
          link: { title: 'name', url: 'href' },
          stats: { online: 'counters.now', total: 'counters.all' },
        },
      });

      const warn = console.warn;
      console.warn = () => undefined;
      let page;
      try {
        page = await source.listArticles({ category: 'tin', page: 2, pageSize: 3 });
      } finally {
        console.warn = warn;
      }
      expect(page.items.map((item) => item.id)).to.deep.equal(['7', '8']);
      expect(page.items[0]).to.deep.equal({
        id: '7',
        title: 'Tin bảy',
        date: '2020-02-26T03:05:00.000Z',
        image: { src: new URL(`${scenario.base}/img/7.jpg`, location.href).href },
        category: { id: 'tin', name: 'Tin tức' },
      });
      expect(page.items[1]).not.to.have.property('date');
      expect(page.total).to.equal(11);
      expect(page.hasMore).to.equal(true);

      // The article mapping wraps a different container: use a path through it.
      const detail = createJsonSource({
        baseUrl: scenario.base,
        http: http(),
        endpoints: { article: '{base}/news/{id}/detail' },
        fields: {
          article: { id: 'result.post_id', title: 'result.headline', body: 'result.content.html' },
        },
      });
      const article = await detail.getArticle('7');
      expect(article).to.include({ id: '7', title: 'Tin bảy', body: '<p>Bảy</p>' });

      expect(await source.listLinks({})).to.deep.equal([
        { title: 'Chính phủ', url: 'https://chinhphu.vn/' },
      ]);
      expect(await source.getVisitStats()).to.deep.equal({ online: 5, total: 9313603 });

      const urls = (await scenario.log()).requests.map((request) =>
        request.url.slice(scenario.base.length),
      );
      expect(urls).to.deep.equal([
        '/news?cat=tin&p=2&n=3',
        '/news/7/detail',
        '/weblinks',
        '/counter',
      ]);
    });

    it('rejects bad configuration with a ConfigError at creation', () => {
      expect(() =>
        createJsonSource({ baseUrl: '/api', endpoints: { articles: '{base}/x?c={categori}' } }),
      ).to.throw(ConfigError, /categori/);
      expect(() => createJsonSource({ baseUrl: '/api', timeZone: 'Asia/Hanoi-typo' })).to.throw(
        ConfigError,
      );
      expect(() =>
        createJsonSource({
          baseUrl: '/api',
          fields: { article: { title: 5 } },
        } as unknown as Parameters<typeof createJsonSource>[0]),
      ).to.throw(ConfigError);
    });
  });

  describe('code loaded on demand', () => {
    /** The adapter's lazily loaded modules the page has downloaded so far. */
    const lazyModules = () =>
      performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => /\/adapters\/json-(mapping|watch)\./.test(path));

    it('downloads neither the mapping nor the stream code for the default endpoints', async () => {
      performance.setResourceTimingBufferSize(10_000);
      const source = createJsonSource({
        baseUrl: FIXTURE_API,
        http: http(),
        fields: { link: { title: 'title' } },
        endpoints: { stream: '{base}/stats/stream' },
      });
      await source.listArticles({ category: LEADERSHIP, page: 1, pageSize: 2 });
      await source.getArticle('hong-bang-tiep-doan-kiem-tra');
      await source.listLinks({});
      await source.getVisitStats();
      expect(lazyModules()).to.deep.equal([]);

      // A mapped source fetches the mapping code with its first request, and the check sees it.
      const mapped = createJsonSource({
        baseUrl: FIXTURE_API,
        http: http(),
        stats: { fields: { online: 'online' } },
      });
      expect((await mapped.getVisitStats()).online).to.be.a('number');
      expect(lazyModules()).to.have.length(1);
      expect(lazyModules()[0]).to.match(/json-mapping\./);
    });
  });
});
