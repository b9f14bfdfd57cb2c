import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/index.js';
import type {
  ActivityListElement,
  LinkBoxElement,
  SourceElement,
  VisitStatsElement,
} from '../../../src/index.js';
import { createCompositeSource } from '../../../src/data/adapters/composite.js';
import {
  parseCategoryAliases,
  withCategoryAliases,
} from '../../../src/data/adapters/category-aliases.js';
import { createLazySource } from '../../../src/data/adapters/forwarding.js';
import { createJsonSource } from '../../../src/data/adapters/json.js';
import { createStaticSource } from '../../../src/data/adapters/static.js';
import { ConfigError } from '../../../src/data/errors.js';
import { HttpClient } from '../../../src/data/http.js';
import type { DataSource, VisitStats } from '../../../src/data/types.js';
import { FIXTURE_API, createScenario, settle } from '../../helpers/server.js';
import { part, settled, shownText } from '../../helpers/elements.js';

function http(): HttpClient {
  return new HttpClient({ retryBaseMs: 5, cacheTtlMs: 0, staleTtlMs: 0 });
}

/** A static source whose every kind of data names where it came from. */
function named(name: string): DataSource {
  return createStaticSource({
    data: {
      articles: [
        {
          id: `${name}-1`,
          title: `Bài của ${name}`,
          date: '2020-02-26T10:05:00+07:00',
          body: '<p>…</p>',
        },
      ],
      links: [{ title: `Liên kết của ${name}`, url: 'https://example.gov.vn/' }],
      stats: { online: name.length, total: 1000 + name.length },
    },
  });
}

const OPML = `<?xml version="1.0"?>
<opml version="1.0"><head><title>Links</title></head><body>
<outline type="category" title="Trung ương">
  <outline text="Cổng thông tin điện tử Chính phủ" type="link" htmlUrl="https://chinhphu.vn/" />
</outline>
</body></opml>`;

const wordPressPost = {
  id: 101,
  date: '2020-02-26T10:05:00',
  date_gmt: '2020-02-26T03:05:00',
  link: 'https://hongbang.example/?p=101',
  title: { rendered: 'Bài từ WordPress &#8211; Hồng Bàng' },
  content: { rendered: '<p>Nội dung</p>', protected: false },
  excerpt: { rendered: '<p>Tóm tắt</p>', protected: false },
  featured_media: 0,
  categories: [1],
};

describe('createCompositeSource', () => {
  it('takes each kind of data from its own source', async () => {
    const composite = createCompositeSource({
      articles: named('articles'),
      links: named('links'),
      stats: named('stats'),
    });
    expect((await composite.listArticles({ page: 1, pageSize: 5 })).items[0]!.title).to.equal(
      'Bài của articles',
    );
    expect((await composite.getArticle('articles-1')).id).to.equal('articles-1');
    expect((await composite.listLinks({}))[0]!.title).to.equal('Liên kết của links');
    expect(await composite.getVisitStats()).to.deep.equal({ online: 5, total: 1005 });
  });

  it('answers a kind it has no source for with a configuration error naming it', async () => {
    const composite = createCompositeSource({ articles: named('a') });
    const outcome = await settle(composite.listLinks({}));
    expect(outcome.error).to.be.instanceOf(ConfigError);
    expect((outcome.error as Error).message).to.contain('links');
    expect((await settle(composite.getVisitStats())).error).to.be.instanceOf(ConfigError);
  });

  it('counts visits and watches counters only through a stats source that can', async () => {
    expect(createCompositeSource({ stats: named('s') }).recordVisit).to.equal(undefined);
    expect(createCompositeSource({ stats: named('s') }).watchVisitStats).to.equal(undefined);
    const seen: VisitStats[] = [];
    const counter: DataSource = {
      ...named('counter'),
      recordVisit: async () => ({ total: 42 }),
      watchVisitStats: (callback) => {
        callback({ online: 7 });
        return () => seen.push({ online: -1 });
      },
    };
    const composite = createCompositeSource({ articles: named('a'), stats: counter });
    expect(await composite.recordVisit!()).to.deep.equal({ total: 42 });
    const stop = composite.watchVisitStats!((stats) => seen.push(stats));
    stop();
    expect(seen).to.deep.equal([{ online: 7 }, { online: -1 }]);
  });

  it('takes the time zone given, else that of the articles source', () => {
    const articles = createJsonSource({ baseUrl: '/api', timeZone: 'Asia/Bangkok' });
    expect(createCompositeSource({ articles }).timeZone).to.equal('Asia/Bangkok');
    expect(createCompositeSource({ articles }, { timeZone: 'UTC' }).timeZone).to.equal('UTC');
  });
});

describe('createLazySource and category aliases', () => {
  it('loads once on first use, and again after a failed load', async () => {
    let loads = 0;
    let fail = true;
    const lazy = createLazySource(async () => {
      loads += 1;
      if (fail) throw new ConfigError('not yet');
      return named('lazy');
    });
    expect(loads).to.equal(0);
    expect((await settle(lazy.listLinks({}))).error).to.be.instanceOf(ConfigError);
    fail = false;
    await lazy.listLinks({});
    await lazy.getVisitStats();
    expect(loads).to.equal(2);
  });

  it('maps the portal’s category names to backend ids', async () => {
    const scenario = await createScenario([{ body: { items: [] } }]);
    const json = createJsonSource({ baseUrl: scenario.base, http: http() });
    const aliased = withCategoryAliases(
      json,
      parseCategoryAliases('hoat-dong-lanh-dao=12, tin-tuc=7'),
    );
    await aliased.listArticles({ category: 'hoat-dong-lanh-dao', page: 1, pageSize: 5 });
    await aliased.listArticles({ category: '9', page: 1, pageSize: 5 });
    const urls = (await scenario.log()).requests.map((request) =>
      request.url.slice(scenario.base.length),
    );
    expect(urls).to.deep.equal([
      '/articles?category=12&page=1&pageSize=5',
      '/articles?category=9&page=1&pageSize=5',
    ]);
    expect(() => parseCategoryAliases('tin-tuc')).to.throw(ConfigError, 'name=id');
  });
});

describe('<pw-source type="composite">', () => {
  it('serves articles from WordPress, links from OPML and counters from the json counter', async () => {
    const wordpress = await createScenario([
      { body: [wordPressPost], headers: { 'X-WP-Total': '1', 'X-WP-TotalPages': '1' } },
    ]);
    const opml = await createScenario([{ body: OPML, headers: { 'content-type': 'text/xml' } }]);
    const page = await fixture<HTMLElement>(html`
      <div>
        <pw-source id="cmp-wp" type="wordpress" base-url=${wordpress.base}></pw-source>
        <pw-source
          id="cmp-links"
          type="rss"
          base-url="/feed"
          links-url=${`${opml.base}/links.opml`}
        ></pw-source>
        <pw-source id="cmp-counter" base-url=${FIXTURE_API}></pw-source>
        <pw-source
          id="cmp-portal"
          type="composite"
          articles="cmp-wp"
          links="cmp-links"
          stats="cmp-counter"
        ></pw-source>
        <main><pw-activity-list source="cmp-portal"></pw-activity-list></main>
        <aside>
          <pw-link-box source="cmp-portal" variant="list"></pw-link-box>
          <pw-visit-stats source="cmp-portal" refresh="0"></pw-visit-stats>
        </aside>
      </div>
    `);
    const list = page.querySelector<ActivityListElement>('pw-activity-list')!;
    const links = page.querySelector<LinkBoxElement>('pw-link-box')!;
    const stats = page.querySelector<VisitStatsElement>('pw-visit-stats')!;
    await Promise.all([settled(list), settled(links), settled(stats)]);
    expect(shownText(list)).to.contain('Bài từ WordPress – Hồng Bàng');
    expect(shownText(links)).to.contain('Cổng thông tin điện tử Chính phủ');
    expect(shownText(stats)).to.match(/\d{1,3}(\.\d{3})+/);
    expect((await wordpress.log()).count).to.equal(1);
    expect((await opml.log()).count).to.equal(1);
  });

  it('finds a source named later, and widgets reload when it arrives', async () => {
    const page = await fixture<HTMLElement>(html`
      <div>
        <pw-source id="late-portal" type="composite" links="late-links"></pw-source>
        <pw-link-box source="late-portal" variant="list"></pw-link-box>
      </div>
    `);
    const links = page.querySelector<LinkBoxElement>('pw-link-box')!;
    await settled(links);
    // Not there yet: a configuration error that names the missing id.
    expect(part(links, '[part~="error"]').textContent).to.contain('cấu hình chưa đúng');

    const late = document.createElement('pw-source') as SourceElement;
    late.id = 'late-links';
    late.source = named('muộn');
    const loaded = new Promise((resolve) =>
      links.addEventListener('pw-load', resolve, { once: true }),
    );
    page.append(late);
    await loaded;
    await settled(links);
    expect(shownText(links)).to.contain('Liên kết của muộn');
  });

  it('shows a configuration error for a kind it was given no source for, and for a cycle', async () => {
    const page = await fixture<HTMLElement>(html`
      <div>
        <pw-source id="only-articles" type="static" base-url="/fixtures/portal.json"></pw-source>
        <pw-source id="half" type="composite" articles="only-articles"></pw-source>
        <pw-source id="loop" type="composite" articles="loop"></pw-source>
        <pw-source id="ring-a" type="composite" articles="ring-b"></pw-source>
        <pw-source id="ring-b" type="composite" articles="ring-a" links="only-articles"></pw-source>
        <pw-activity-list source="ring-b"></pw-activity-list>
        <pw-link-box source="half" variant="list"></pw-link-box>
        <pw-activity-list source="loop"></pw-activity-list>
      </div>
    `);
    const links = page.querySelector<LinkBoxElement>('pw-link-box')!;
    const [list, ring] = page.querySelectorAll<ActivityListElement>('pw-activity-list');
    await Promise.all([settled(links), settled(list!), settled(ring!)]);
    for (const widget of [links, list!, ring!]) {
      expect(part(widget, '[part~="error"]').textContent).to.contain(
        'Nguồn dữ liệu được cấu hình chưa đúng',
      );
    }
    const composite = page.querySelector<SourceElement>('#half')!;
    expect((await settle(composite.source!.listLinks({}))).error).to.be.instanceOf(ConfigError);
    expect((await composite.source!.listArticles({ page: 1, pageSize: 3 })).items).to.have.length(
      3,
    );
  });
});
