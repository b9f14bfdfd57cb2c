import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/index.js';
import type { ActivityListElement, ArticleElement, LinkBoxElement } from '../../../src/index.js';
import { createWordPressSource } from '../../../src/data/adapters/wordpress.js';
import {
  ConfigError,
  HttpError,
  NotFoundError,
  ValidationError,
} from '../../../src/data/errors.js';
import { HttpClient } from '../../../src/data/http.js';
import { createScenario, settle, type Scenario } from '../../helpers/server.js';
import { BROKEN_VALUES, settled, shownText } from '../../helpers/elements.js';

/** A private client per test; no cache, so every call is a request the log shows. */
function http(): HttpClient {
  return new HttpClient({ retryBaseMs: 5, cacheTtlMs: 0, staleTtlMs: 0 });
}

/** Paths and queries the scenario received, without its prefix. */
async function requested(scenario: Scenario): Promise<string[]> {
  return (await scenario.log()).requests.map((request) => request.url.slice(scenario.base.length));
}

const SITE = 'https://hongbang.example';

/** A post as WordPress 6 answers it with `_embed`: HTML and entities in the rendered fields. */
function post(id: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    date: '2020-02-26T10:05:00',
    date_gmt: '2020-02-26T03:05:00',
    guid: { rendered: `${SITE}/?p=${id}` },
    modified: '2020-02-26T11:00:00',
    modified_gmt: '2020-02-26T04:00:00',
    slug: `bai-viet-${id}`,
    status: 'publish',
    type: 'post',
    link: `${SITE}/2020/02/26/bai-viet-${id}/`,
    title: { rendered: `Hồng Bàng tiếp Đoàn kiểm tra &#8220;Sở TT&#038;TT&#8221; <b>số ${id}</b>` },
    content: {
      rendered: `<p>Sáng ngày 26/02/2020, UBND quận Hồng Bàng&nbsp;đã tiếp Đoàn kiểm tra.</p>\n`,
      protected: false,
    },
    excerpt: {
      rendered:
        '<p>Thực hiện Thông báo số 16/TB-STTTT ngày 24/2/2020 &amp; kế hoạch [&hellip;]</p>\n',
      protected: false,
    },
    author: 3,
    featured_media: 55,
    comment_status: 'closed',
    ping_status: 'closed',
    sticky: false,
    template: '',
    format: 'standard',
    meta: { footnotes: '' },
    categories: [12],
    tags: [],
    _links: { self: [{ href: `${SITE}/wp-json/wp/v2/posts/${id}` }] },
    _embedded: {
      author: [
        {
          id: 3,
          name: 'Văn phòng HĐND &amp; UBND quận',
          url: '',
          description: '',
          link: `${SITE}/author/van-phong/`,
          slug: 'van-phong',
          avatar_urls: {},
        },
      ],
      'wp:featuredmedia': [
        {
          id: 55,
          date: '2020-02-26T10:00:00',
          slug: 'kiem-tra',
          type: 'attachment',
          link: `${SITE}/kiem-tra/`,
          title: { rendered: 'kiem-tra' },
          author: 3,
          caption: { rendered: '' },
          alt_text: 'Buổi làm việc với Đoàn kiểm tra',
          media_type: 'image',
          mime_type: 'image/jpeg',
          media_details: { width: 1200, height: 800, sizes: {} },
          source_url: `${SITE}/wp-content/uploads/2020/02/kiem-tra.jpg`,
        },
      ],
      'wp:term': [
        [
          {
            id: 12,
            link: `${SITE}/category/hoat-dong-lanh-dao/`,
            name: 'Hoạt động của lãnh đạo',
            slug: 'hoat-dong-lanh-dao',
            taxonomy: 'category',
          },
        ],
        [],
      ],
    },
    ...extra,
  };
}

const totals = (total: number, pages: number) => ({
  'X-WP-Total': String(total),
  'X-WP-TotalPages': String(pages),
});

const OPML = `<?xml version="1.0"?>
<!-- generator="WordPress/6.5" -->
<opml version="1.0">
	<head>
		<title>Links for Cổng thông tin quận Hồng Bàng</title>
		<dateCreated>Wed, 26 Feb 2020 03:05:00 GMT</dateCreated>
	</head>
	<body>
<outline type="category" title="Cơ quan Trung ương">
	<outline text="Cổng thông tin điện tử Chính phủ" type="link" xmlUrl="" htmlUrl="https://chinhphu.vn/" updated="" />
	<outline text="Bộ Thông tin &amp; Truyền thông" type="link" xmlUrl="" htmlUrl="https://mic.gov.vn/" updated="" />
</outline>
<outline type="category" title="Thành phố">
	<outline text="Cổng thông tin Hải Phòng" type="link" xmlUrl="" htmlUrl="https://haiphong.gov.vn/" updated="" />
	<outline text="Bị chặn" type="link" xmlUrl="" htmlUrl="javascript:alert(1)" updated="" />
</outline>
</body>
</opml>
`;

describe('createWordPressSource', () => {
  it('lists posts from /wp-json/ with _embed, as plain text, with X-WP-Total paging', async () => {
    const scenario = await createScenario([
      { body: [post(101), post(102)], headers: totals(12, 6) },
    ]);
    const source = createWordPressSource({ baseUrl: scenario.base, http: http() });
    const page = await source.listArticles({ page: 1, pageSize: 2 });

    expect(await requested(scenario)).to.deep.equal([
      '/wp-json/wp/v2/posts?per_page=2&page=1&_embed',
    ]);
    expect(page.total).to.equal(12);
    expect(page.hasMore).to.equal(true);
    const [first] = page.items;
    expect(first).to.deep.equal({
      id: '101',
      title: 'Hồng Bàng tiếp Đoàn kiểm tra “Sở TT&TT” số 101',
      url: `${SITE}/2020/02/26/bai-viet-101/`,
      // date_gmt is UTC without an offset.
      date: '2020-02-26T03:05:00.000Z',
      summary: 'Thực hiện Thông báo số 16/TB-STTTT ngày 24/2/2020 & kế hoạch…',
      image: {
        src: `${SITE}/wp-content/uploads/2020/02/kiem-tra.jpg`,
        alt: 'Buổi làm việc với Đoàn kiểm tra',
      },
      category: { id: '12', name: 'Hoạt động của lãnh đạo' },
    });
  });

  it('reads the site-local date without date_gmt, and shows no image when featured_media is 0', async () => {
    const scenario = await createScenario([
      {
        body: [post(103, { date_gmt: null, featured_media: 0, _embedded: {} })],
        headers: totals(1, 1),
      },
    ]);
    const source = createWordPressSource({ baseUrl: scenario.base, http: http() });
    const page = await source.listArticles({ page: 1, pageSize: 5 });
    const [item] = page.items;
    // 10:05 in Hanoi (UTC+7).
    expect(item!.date).to.equal('2020-02-26T03:05:00.000Z');
    expect(item!.image).to.equal(undefined);
    expect(item!.category).to.equal(undefined);
    expect(page.hasMore).to.equal(false);
  });

  it('resolves a category slug once through /wp/v2/categories?slug= and remembers it', async () => {
    const scenario = await createScenario([
      {
        body: [
          {
            id: 12,
            count: 9,
            name: 'Hoạt động của lãnh đạo',
            slug: 'hoat-dong-lanh-dao',
            taxonomy: 'category',
            parent: 0,
          },
        ],
      },
      { body: [post(101)], headers: totals(9, 2) },
      { body: [post(106)], headers: totals(9, 2) },
    ]);
    const source = createWordPressSource({ baseUrl: scenario.base, http: http() });
    await source.listArticles({ category: 'hoat-dong-lanh-dao', page: 1, pageSize: 5 });
    const second = await source.listArticles({
      category: 'hoat-dong-lanh-dao',
      page: 2,
      pageSize: 5,
    });
    expect(second.hasMore).to.equal(false);
    expect(await requested(scenario)).to.deep.equal([
      '/wp-json/wp/v2/categories?slug=hoat-dong-lanh-dao',
      '/wp-json/wp/v2/posts?categories=12&per_page=5&page=1&_embed',
      '/wp-json/wp/v2/posts?categories=12&per_page=5&page=2&_embed',
    ]);
  });

  it('passes a numeric category as is, and names an unknown slug in a configuration error', async () => {
    const scenario = await createScenario([{ body: [], headers: totals(0, 0) }, { body: [] }]);
    const source = createWordPressSource({ baseUrl: scenario.base, http: http() });
    const empty = await source.listArticles({ category: '7', page: 1, pageSize: 5 });
    expect(empty).to.deep.equal({ items: [], page: 1, pageSize: 5, total: 0, hasMore: false });
    const outcome = await settle(
      source.listArticles({ category: 'khong-co', page: 1, pageSize: 5 }),
    );
    expect(outcome.error).to.be.instanceOf(ConfigError);
    expect((outcome.error as Error).message).to.contain('"khong-co"');
  });

  it('treats 400 rest_post_invalid_page_number past the last page as an empty page', async () => {
    const invalidPage = {
      status: 400,
      body: {
        code: 'rest_post_invalid_page_number',
        message: 'The page number requested is larger than the number of pages available.',
        data: { status: 400 },
      },
    };
    const scenario = await createScenario([invalidPage]);
    const source = createWordPressSource({ baseUrl: scenario.base, http: http() });
    const page = await source.listArticles({ page: 4, pageSize: 5 });
    expect(page).to.deep.equal({ items: [], page: 4, pageSize: 5, hasMore: false });

    // On the first page a 400 is a real error (a bad parameter), not "nothing more".
    const first = await settle(source.listArticles({ page: 1, pageSize: 5 }));
    expect(first.error).to.be.instanceOf(HttpError);
    expect((first.error as HttpError).status).to.equal(400);
  });

  it('falls back to ?rest_route= when /wp-json/ is not found, and stays there', async () => {
    const scenario = await createScenario([
      {
        status: 404,
        body: '<!doctype html><title>Page not found</title><h1>Not Found</h1>',
        headers: { 'content-type': 'text/html; charset=UTF-8' },
      },
      { body: [post(101)], headers: totals(1, 1) },
      { body: post(101) },
    ]);
    const source = createWordPressSource({ baseUrl: `${scenario.base}/`, http: http() });
    const page = await source.listArticles({ page: 1, pageSize: 5 });
    expect(page.items[0]!.id).to.equal('101');
    const article = await source.getArticle('101');
    expect(article.title).to.contain('Sở TT&TT');
    expect(await requested(scenario)).to.deep.equal([
      '/wp-json/wp/v2/posts?per_page=5&page=1&_embed',
      '/?rest_route=/wp/v2/posts&per_page=5&page=1&_embed',
      '/?rest_route=/wp/v2/posts/101&_embed',
    ]);
  });

  it('gets one post by id or by slug, with body, author and image', async () => {
    const scenario = await createScenario([
      { body: post(101) },
      { body: [post(102)] },
      { body: [] },
      {
        status: 404,
        body: { code: 'rest_post_invalid_id', message: 'Invalid post ID.', data: { status: 404 } },
      },
    ]);
    const source = createWordPressSource({ baseUrl: `${scenario.base}/wp-json`, http: http() });
    const article = await source.getArticle('101');
    expect(article.body).to.equal(
      '<p>Sáng ngày 26/02/2020, UBND quận Hồng Bàng&nbsp;đã tiếp Đoàn kiểm tra.</p>\n',
    );
    expect(article.author).to.equal('Văn phòng HĐND & UBND quận');
    expect(article.image?.alt).to.equal('Buổi làm việc với Đoàn kiểm tra');
    const bySlug = await source.getArticle('bai-viet-102');
    expect(bySlug.id).to.equal('102');
    const unknownSlug = await settle(source.getArticle('khong-co-bai-nay'));
    expect(unknownSlug.error).to.be.instanceOf(NotFoundError);
    const unknownId = await settle(source.getArticle('999'));
    expect(unknownId.error).to.be.instanceOf(NotFoundError);
    expect(await requested(scenario)).to.deep.equal([
      '/wp-json/wp/v2/posts/101?_embed',
      '/wp-json/wp/v2/posts?slug=bai-viet-102&_embed',
      '/wp-json/wp/v2/posts?slug=khong-co-bai-nay&_embed',
      '/wp-json/wp/v2/posts/999?_embed',
    ]);
  });

  it('reports a post without a body as invalid, naming the endpoint', async () => {
    const scenario = await createScenario([{ body: post(101, { content: null }) }]);
    const source = createWordPressSource({ baseUrl: `${scenario.base}/wp-json`, http: http() });
    const outcome = await settle(source.getArticle('101'));
    expect(outcome.error).to.be.instanceOf(ValidationError);
    expect((outcome.error as Error).message).to.contain('/wp-json/wp/v2/posts/101');
  });

  it('reads the links from /wp-links-opml.php, grouped by link category', async () => {
    const scenario = await createScenario([
      { body: OPML, headers: { 'content-type': 'text/xml; charset=UTF-8' } },
    ]);
    const source = createWordPressSource({ baseUrl: scenario.base, http: http() });
    const links = await source.listLinks({});
    expect(links).to.deep.equal([
      {
        title: 'Cổng thông tin điện tử Chính phủ',
        url: 'https://chinhphu.vn/',
        group: 'Cơ quan Trung ương',
      },
      {
        title: 'Bộ Thông tin & Truyền thông',
        url: 'https://mic.gov.vn/',
        group: 'Cơ quan Trung ương',
      },
      { title: 'Cổng thông tin Hải Phòng', url: 'https://haiphong.gov.vn/', group: 'Thành phố' },
    ]);
    const city = await source.listLinks({ group: 'Thành phố' });
    expect(city.map((link) => link.title)).to.deep.equal(['Cổng thông tin Hải Phòng']);
    expect(await requested(scenario)).to.deep.equal(['/wp-links-opml.php', '/wp-links-opml.php']);
  });

  it('reads the links from the anchors of a page, grouped under its headings', async () => {
    const scenario = await createScenario([
      {
        body: [
          {
            id: 7,
            slug: 'lien-ket-website',
            title: { rendered: 'Liên kết website' },
            content: {
              rendered:
                '<h2>Trung ương</h2>\n<ul><li><a href="https://chinhphu.vn/">Chính phủ</a></li></ul>\n' +
                '<h2>Quận, huyện</h2>\n<p><a href="le-chan">Quận <b>Lê Chân</b></a></p>\n',
              protected: false,
            },
          },
        ],
      },
    ]);
    const source = createWordPressSource({
      baseUrl: scenario.base,
      linksPage: 'lien-ket-website',
      http: http(),
    });
    const links = await source.listLinks({});
    expect(await requested(scenario)).to.deep.equal(['/wp-json/wp/v2/pages?slug=lien-ket-website']);
    expect(links).to.deep.equal([
      { title: 'Chính phủ', url: 'https://chinhphu.vn/', group: 'Trung ương' },
      {
        title: 'Quận Lê Chân',
        url: new URL(`${scenario.base}/le-chan`, location.href).href,
        group: 'Quận, huyện',
      },
    ]);
  });

  it('says that WordPress has no visit statistics', async () => {
    const source = createWordPressSource({ baseUrl: 'https://hongbang.example', http: http() });
    const outcome = await settle(source.getVisitStats());
    expect(outcome.error).to.be.instanceOf(ConfigError);
    expect((outcome.error as Error).message).to.contain('composite');
  });

  it('rejects a missing base URL at once', () => {
    expect(() => createWordPressSource({ baseUrl: '' })).to.throw(ConfigError);
  });
});

describe('<pw-source type="wordpress">', () => {
  it('feeds the activity list, the article and the link box', async () => {
    const scenario = await createScenario([
      { body: [post(101), post(102)], headers: totals(4, 2) },
    ]);
    const list = await fixture<ActivityListElement>(html`
      <pw-source type="wordpress" base-url=${scenario.base}>
        <pw-activity-list page-size="2"></pw-activity-list>
      </pw-source>
    `).then((source) => source.querySelector('pw-activity-list')!);
    await settled(list);
    const text = shownText(list);
    expect(text).to.contain('Hồng Bàng tiếp Đoàn kiểm tra “Sở TT&TT” số 101');
    expect(text).to.contain('26/02/2020');
    expect(text).not.to.match(BROKEN_VALUES);
    expect(text).not.to.contain('&#');
    // Two pages from X-WP-TotalPages.
    expect(list.shadowRoot!.querySelector('[aria-label="Trang 2"]')?.textContent?.trim()).to.equal(
      '2',
    );

    const articleScenario = await createScenario([{ body: post(101) }]);
    const article = await fixture<ArticleElement>(html`
      <pw-source type="wordpress" base-url=${`${articleScenario.base}/wp-json`}>
        <pw-article article-id="101" related="0"></pw-article>
      </pw-source>
    `).then((source) => source.querySelector('pw-article')!);
    await settled(article);
    expect(shownText(article)).to.contain('UBND quận Hồng Bàng đã tiếp Đoàn kiểm tra.');
    expect(shownText(article)).to.contain('Văn phòng HĐND & UBND quận');

    const linksScenario = await createScenario([
      { body: OPML, headers: { 'content-type': 'text/xml' } },
    ]);
    const links = await fixture<LinkBoxElement>(html`
      <pw-source type="wordpress" base-url=${linksScenario.base}>
        <pw-link-box variant="list" group="Thành phố"></pw-link-box>
      </pw-source>
    `).then((source) => source.querySelector('pw-link-box')!);
    await settled(links);
    expect(shownText(links)).to.contain('Cổng thông tin Hải Phòng');
    expect(shownText(links)).not.to.contain('Chính phủ');
  });
});
