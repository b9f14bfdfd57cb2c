import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/index.js';
import type { ActivityListElement, ArticleElement } from '../../../src/index.js';
import { createRssSource } from '../../../src/data/adapters/rss.js';
import { ConfigError, NetworkError, NotFoundError, ParseError } from '../../../src/data/errors.js';
import { HttpClient } from '../../../src/data/http.js';
import { createScenario, settle, type Scenario } from '../../helpers/server.js';
import { BROKEN_VALUES, part, settled, shownText } from '../../helpers/elements.js';

function http(): HttpClient {
  return new HttpClient({ retryBaseMs: 5, cacheTtlMs: 0, staleTtlMs: 0 });
}

async function requested(scenario: Scenario): Promise<string[]> {
  return (await scenario.log()).requests.map((request) => request.url.slice(scenario.base.length));
}

const RSS_TYPE = { 'content-type': 'application/rss+xml; charset=UTF-8' };
const ATOM_TYPE = { 'content-type': 'application/atom+xml; charset=utf-8' };

const item101 = `
  <item>
    <title>Hồng Bàng tiếp Đoàn kiểm tra &#8220;Sở TT&amp;amp;TT&#8221;</title>
    <link>https://hongbang.example/2020/02/26/tiep-doan-kiem-tra/</link>
    <dc:creator><![CDATA[Văn phòng quận]]></dc:creator>
    <pubDate>Wed, 26 Feb 2020 03:05:00 +0000</pubDate>
    <category><![CDATA[Hoạt động của lãnh đạo]]></category>
    <category><![CDATA[Kiểm tra]]></category>
    <guid isPermaLink="false">https://hongbang.example/?p=101</guid>
    <description><![CDATA[<p>Thực hiện Thông báo số 16/TB-STTTT &#038; kế hoạch [&#8230;]</p>]]></description>
    <content:encoded><![CDATA[<p>Sáng ngày 26/02/2020, UBND quận đã tiếp <strong>Đoàn kiểm tra</strong>.</p>]]></content:encoded>
    <enclosure url="https://hongbang.example/wp-content/uploads/kiem-tra.jpg" length="52000" type="image/jpeg" />
  </item>`;

const item102 = `
  <item>
    <title>Quận ủy triển khai nhiệm vụ năm 2020</title>
    <link>https://hongbang.example/2020/02/25/trien-khai-nhiem-vu/</link>
    <pubDate>Tue, 25 Feb 2020 16:30:00 +0700</pubDate>
    <category>Tin tức</category>
    <guid>https://hongbang.example/?p=102</guid>
    <description>Quận ủy Hồng Bàng triển khai nhiệm vụ trọng tâm.</description>
    <media:thumbnail url="https://hongbang.example/anh/nhiem-vu-150.jpg" width="150" height="100" />
  </item>`;

const item103 = `
  <item>
    <title>Lịch tiếp công dân tháng 3</title>
    <link>https://hongbang.example/2020/02/24/lich-tiep-cong-dan/</link>
    <author>vanphong@hongbang.example (Văn phòng HĐND)</author>
    <pubDate>Mon, 24 Feb 2020 08:00:00 GMT</pubDate>
    <category>Hoạt động của lãnh đạo</category>
    <description>&lt;p&gt;Lịch tiếp công dân của lãnh đạo quận.&lt;/p&gt;</description>
    <media:group>
      <media:content url="https://hongbang.example/anh/lich.png" medium="image" type="image/png" />
    </media:group>
  </item>`;

function rss(...items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:atom="http://www.w3.org/2005/Atom"
  xmlns:media="http://search.yahoo.com/mrss/">
<channel>
  <title>Cổng thông tin quận Hồng Bàng</title>
  <atom:link href="https://hongbang.example/feed/" rel="self" type="application/rss+xml" />
  <link>https://hongbang.example</link>
  <description>Tin tức, sự kiện</description>
  <lastBuildDate>Wed, 26 Feb 2020 03:10:00 +0000</lastBuildDate>
  <language>vi</language>${items.join('')}
</channel>
</rss>`;
}

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
  <title>Tin tức Sở Nội vụ</title>
  <id>urn:uuid:60a76c80-d399-11d9-b91c-0003939e0af6</id>
  <updated>2020-02-27T08:00:00+07:00</updated>
  <author><name>Sở Nội vụ</name></author>
  <link rel="self" href="https://snv.example/atom.xml"/>
  <entry>
    <title type="html">Hội nghị &lt;b&gt;tổng kết&lt;/b&gt; năm 2019</title>
    <link rel="alternate" type="text/html" href="/tin-tuc/hoi-nghi-tong-ket"/>
    <link rel="enclosure" type="image/png" href="https://snv.example/anh/hoi-nghi.png"/>
    <id>tag:snv.example,2020:tin-1</id>
    <published>2020-02-26T10:05:00+07:00</published>
    <updated>2020-02-27T08:00:00+07:00</updated>
    <summary type="text">Sở Nội vụ tổ chức hội nghị tổng kết &amp; khen thưởng.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Sáng 26/2, <b>Sở Nội vụ</b> tổ chức hội nghị.</p></div></content>
    <category term="su-kien" label="Sự kiện"/>
  </entry>
  <entry>
    <title>Thông báo tuyển dụng</title>
    <link href="https://snv.example/tin-tuc/tuyen-dung"/>
    <id>tag:snv.example,2020:tin-2</id>
    <updated>2020-02-20T09:00:00Z</updated>
    <content type="html">&lt;p&gt;Nội dung &lt;em&gt;tuyển dụng&lt;/em&gt;&lt;/p&gt;</content>
    <author><name>Phòng Tổ chức</name></author>
  </entry>
</feed>`;

describe('createRssSource', () => {
  it('reads RSS 2.0 items: entities, RFC 822 dates, content:encoded, dc:creator, enclosure and media', async () => {
    const scenario = await createScenario([
      { body: rss(item101, item102, item103), headers: RSS_TYPE },
    ]);
    const source = createRssSource({ url: `${scenario.base}/feed/`, http: http() });
    const page = await source.listArticles({ page: 1, pageSize: 5 });
    expect(page.total).to.equal(3);
    expect(page.hasMore).to.equal(false);
    const [first, second, third] = page.items;
    expect(first).to.deep.equal({
      id: 'https://hongbang.example/?p=101',
      title: 'Hồng Bàng tiếp Đoàn kiểm tra “Sở TT&TT”',
      url: 'https://hongbang.example/2020/02/26/tiep-doan-kiem-tra/',
      date: '2020-02-26T03:05:00.000Z',
      summary: 'Thực hiện Thông báo số 16/TB-STTTT & kế hoạch […]',
      image: { src: 'https://hongbang.example/wp-content/uploads/kiem-tra.jpg' },
      category: { id: 'Hoạt động của lãnh đạo', name: 'Hoạt động của lãnh đạo' },
    });
    // +0700 and GMT offsets.
    expect(second!.date).to.equal('2020-02-25T09:30:00.000Z');
    expect(second!.image?.src).to.equal('https://hongbang.example/anh/nhiem-vu-150.jpg');
    expect(third!.date).to.equal('2020-02-24T08:00:00.000Z');
    // No guid: the link is the id.
    expect(third!.id).to.equal('https://hongbang.example/2020/02/24/lich-tiep-cong-dan/');
    expect(third!.summary).to.equal('Lịch tiếp công dân của lãnh đạo quận.');
    expect(third!.image?.src).to.equal('https://hongbang.example/anh/lich.png');
  });

  it('pages through one feed by slicing it', async () => {
    const scenario = await createScenario([
      { body: rss(item101, item102, item103), headers: RSS_TYPE },
    ]);
    const source = createRssSource({ url: `${scenario.base}/feed/`, http: http() });
    const first = await source.listArticles({ page: 1, pageSize: 2 });
    expect(first.items.map((item) => item.title)).to.have.length(2);
    expect(first).to.include({ total: 3, hasMore: true });
    const second = await source.listArticles({ page: 2, pageSize: 2 });
    expect(second.items.map((item) => item.id)).to.deep.equal([
      'https://hongbang.example/2020/02/24/lich-tiep-cong-dan/',
    ]);
    expect(second.hasMore).to.equal(false);
  });

  it('with {page}, reads feed pages until the page is full and one more item is known', async () => {
    const notFound = {
      status: 404,
      body: '<!doctype html><title>Không tìm thấy</title>',
      headers: { 'content-type': 'text/html' },
    };
    const scenario = await createScenario([
      // page 1 of the list (3 items): feed pages 1 and 2 give 4 items, so more exists
      { body: rss(item101, item102), headers: RSS_TYPE },
      { body: rss(item103, item101.replaceAll('101', '104')), headers: RSS_TYPE },
      // page 2 of the list: feed pages 1, 2, then 3 answers 404 (past the end)
      { body: rss(item101, item102), headers: RSS_TYPE },
      { body: rss(item103, item101.replaceAll('101', '104')), headers: RSS_TYPE },
      notFound,
    ]);
    const source = createRssSource({ url: `${scenario.base}/feed/?paged={page}`, http: http() });
    const first = await source.listArticles({ page: 1, pageSize: 3 });
    expect(first.items).to.have.length(3);
    expect(first.hasMore).to.equal(true);
    expect(first.total).to.equal(undefined);
    const second = await source.listArticles({ page: 2, pageSize: 3 });
    expect(second.items.map((item) => item.id)).to.deep.equal(['https://hongbang.example/?p=104']);
    expect(second).to.include({ hasMore: false, total: 4 });
    expect(await requested(scenario)).to.deep.equal([
      '/feed/?paged=1',
      '/feed/?paged=2',
      '/feed/?paged=1',
      '/feed/?paged=2',
      '/feed/?paged=3',
    ]);
  });

  it('ends a feed that ignores {page} when it answers page 1 again', async () => {
    const scenario = await createScenario([{ body: rss(item101, item102), headers: RSS_TYPE }]);
    const source = createRssSource({ url: `${scenario.base}/feed?p={page}`, http: http() });
    const page = await source.listArticles({ page: 1, pageSize: 2 });
    expect(page.items).to.have.length(2);
    expect(page).to.include({ hasMore: false, total: 2 });
  });

  it('fills {category}, or matches the items’ own categories without it', async () => {
    const scenario = await createScenario([
      { body: rss(item101), headers: RSS_TYPE },
      { body: rss(item101, item102, item103), headers: RSS_TYPE },
    ]);
    const byUrl = createRssSource({
      url: `${scenario.base}/feed/?category_name={category}`,
      http: http(),
    });
    const listed = await byUrl.listArticles({ category: 'hoat-dong', page: 1, pageSize: 5 });
    // Listed under the category asked for, so "related" lists can ask for it again.
    expect(listed.items[0]!.category).to.deep.equal({
      id: 'hoat-dong',
      name: 'Hoạt động của lãnh đạo',
    });

    const byName = createRssSource({ url: `${scenario.base}/feed/`, http: http() });
    const matched = await byName.listArticles({
      category: 'hoạt động của lãnh đạo',
      page: 1,
      pageSize: 5,
    });
    expect(matched.items.map((item) => item.title)).to.deep.equal([
      'Hồng Bàng tiếp Đoàn kiểm tra “Sở TT&TT”',
      'Lịch tiếp công dân tháng 3',
    ]);
    expect(await requested(scenario)).to.deep.equal(['/feed/?category_name=hoat-dong', '/feed/']);
  });

  it('leaves out a path segment of an empty {category}: /rss/, not /rss//', async () => {
    const scenario = await createScenario([{ body: rss(item101, item102), headers: RSS_TYPE }]);
    const source = createRssSource({ url: `${scenario.base}/rss/{category}/`, http: http() });
    // An article not met in a list is looked for in the feed without a category.
    const article = await source.getArticle('https://hongbang.example/?p=101');
    expect(article.title).to.equal('Hồng Bàng tiếp Đoàn kiểm tra “Sở TT&TT”');
    expect(await requested(scenario)).to.deep.equal(['/rss/']);
  });

  it('reads Atom entries: html and xhtml text, alternate link, published, author', async () => {
    const scenario = await createScenario([{ body: ATOM, headers: ATOM_TYPE }]);
    const source = createRssSource({ url: `${scenario.base}/atom.xml`, http: http() });
    const page = await source.listArticles({ page: 1, pageSize: 5 });
    const [first, second] = page.items;
    expect(first).to.deep.equal({
      id: 'tag:snv.example,2020:tin-1',
      title: 'Hội nghị tổng kết năm 2019',
      url: new URL('/tin-tuc/hoi-nghi-tong-ket', location.href).href,
      date: '2020-02-26T03:05:00.000Z',
      summary: 'Sở Nội vụ tổ chức hội nghị tổng kết & khen thưởng.',
      image: { src: 'https://snv.example/anh/hoi-nghi.png' },
      category: { id: 'Sự kiện', name: 'Sự kiện' },
    });
    // No <published>: <updated> stands in.
    expect(second!.date).to.equal('2020-02-20T09:00:00.000Z');

    const article = await source.getArticle('tag:snv.example,2020:tin-1');
    expect(article.body).to.contain('<b>Sở Nội vụ</b> tổ chức hội nghị.');
    expect(article.author).to.equal('Sở Nội vụ');
    const other = await source.getArticle('tag:snv.example,2020:tin-2');
    expect(other.body).to.equal('<p>Nội dung <em>tuyển dụng</em></p>');
    expect(other.author).to.equal('Phòng Tổ chức');
  });

  it('looks an article up by guid in the feed, and says which guid is missing', async () => {
    const scenario = await createScenario([
      { body: rss(item101, item102, item103), headers: RSS_TYPE },
    ]);
    const source = createRssSource({ url: `${scenario.base}/feed/`, http: http() });
    const article = await source.getArticle('https://hongbang.example/?p=101');
    expect(article.body).to.equal(
      '<p>Sáng ngày 26/02/2020, UBND quận đã tiếp <strong>Đoàn kiểm tra</strong>.</p>',
    );
    expect(article.author).to.equal('Văn phòng quận');
    // RSS <author> is "e-mail (Name)".
    expect(
      (await source.getArticle('https://hongbang.example/2020/02/24/lich-tiep-cong-dan/')).author,
    ).to.equal('Văn phòng HĐND');
    const missing = await settle(source.getArticle('https://hongbang.example/?p=999'));
    expect(missing.error).to.be.instanceOf(NotFoundError);
    expect((missing.error as Error).message).to.contain('?p=999');
    // Items already read are found again without a request; a missing one asks the feed again.
    expect(await requested(scenario)).to.deep.equal(['/feed/', '/feed/']);
  });

  it('says so when the answer is a web page, not a feed', async () => {
    const scenario = await createScenario([
      {
        body: '<!doctype html><html><body><p>Đăng nhập</body></html>',
        headers: { 'content-type': 'text/html' },
      },
      {
        body: '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
        headers: { 'content-type': 'text/xml' },
      },
    ]);
    const source = createRssSource({ url: `${scenario.base}/feed/`, http: http() });
    const broken = await settle(source.listArticles({ page: 1, pageSize: 5 }));
    expect(broken.error).to.be.instanceOf(ParseError);
    expect((broken.error as Error).message).to.contain('not an RSS or Atom feed');
    const wrongRoot = await settle(source.listArticles({ page: 1, pageSize: 5 }));
    expect(wrongRoot.error).to.be.instanceOf(ParseError);
    expect((wrongRoot.error as Error).message).to.contain('<html>');
  });

  it('names CORS as the cause when a feed on another origin cannot be read', async () => {
    const scenario = await createScenario([{ body: rss(item101), headers: RSS_TYPE }]);
    const otherHost = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const feed = `${location.protocol}//${otherHost}:${location.port}${scenario.base}/feed/`;
    const source = createRssSource({ url: feed, http: new HttpClient({ retries: 0 }) });
    const outcome = await settle(source.listArticles({ page: 1, pageSize: 5 }));
    expect(outcome.error).to.be.instanceOf(NetworkError);
    const message = (outcome.error as Error).message;
    expect(message).to.contain('CORS');
    expect(message).to.contain('Access-Control-Allow-Origin');
    expect(message).to.contain('proxy');
    // The request did reach the server: only the browser refused the answer.
    expect((await scenario.log()).count).to.equal(1);
  });

  it('reads links from an OPML links-url, and needs one for links', async () => {
    const opml = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Liên kết</title></head><body>
  <outline text="Trung ương">
    <outline text="Chính phủ" htmlUrl="https://chinhphu.vn/"/>
  </outline>
  <outline text="Báo Hải Phòng" type="rss" xmlUrl="https://baohaiphong.vn/rss" htmlUrl="https://baohaiphong.vn/"/>
</body></opml>`;
    const scenario = await createScenario([
      { body: opml, headers: { 'content-type': 'text/x-opml' } },
    ]);
    const source = createRssSource({
      url: '/feed',
      linksUrl: `${scenario.base}/lien-ket.opml`,
      http: http(),
    });
    expect(await source.listLinks({})).to.deep.equal([
      { title: 'Chính phủ', url: 'https://chinhphu.vn/', group: 'Trung ương' },
      { title: 'Báo Hải Phòng', url: 'https://baohaiphong.vn/' },
    ]);
    const withoutLinks = createRssSource({ url: '/feed', http: http() });
    expect((await settle(withoutLinks.listLinks({}))).error).to.be.instanceOf(ConfigError);
    expect((await settle(withoutLinks.getVisitStats())).error).to.be.instanceOf(ConfigError);
  });

  it('rejects an unknown placeholder at once', () => {
    expect(() => createRssSource({ url: '/feed?p={trang}' })).to.throw(ConfigError, '{trang}');
  });
});

describe('<pw-source type="rss">', () => {
  it('feeds the activity list and shows an item in the article by its guid', async () => {
    const scenario = await createScenario([
      { body: rss(item101, item102, item103), headers: RSS_TYPE },
    ]);
    const wrapper = await fixture<HTMLElement>(html`
      <pw-source type="rss" base-url=${`${scenario.base}/feed/`}>
        <pw-activity-list page-size="2"></pw-activity-list>
        <pw-article article-id="https://hongbang.example/?p=102" related="0"></pw-article>
      </pw-source>
    `);
    const list = wrapper.querySelector<ActivityListElement>('pw-activity-list')!;
    const article = wrapper.querySelector<ArticleElement>('pw-article')!;
    await settled(list);
    await settled(article);
    expect(shownText(list)).to.contain('Hồng Bàng tiếp Đoàn kiểm tra “Sở TT&TT”');
    expect(shownText(list)).to.contain('26/02/2020');
    expect(shownText(list)).not.to.match(BROKEN_VALUES);
    expect(shownText(article)).to.contain('Quận ủy triển khai nhiệm vụ năm 2020');
    expect(shownText(article)).to.contain('Quận ủy Hồng Bàng triển khai nhiệm vụ trọng tâm.');
  });

  it('shows a broken feed as an error state with a retry button', async () => {
    const scenario = await createScenario([
      { body: 'không phải XML <', headers: { 'content-type': 'text/plain' } },
    ]);
    const list = await fixture<HTMLElement>(html`
      <pw-source type="rss" base-url=${`${scenario.base}/feed/`}>
        <pw-activity-list></pw-activity-list>
      </pw-source>
    `).then((wrapper) => wrapper.querySelector<ActivityListElement>('pw-activity-list')!);
    await settled(list);
    expect(part(list, '[part~="error"]').textContent).to.contain('không đọc được');
    expect(part(list, '[part~="retry-button"]').textContent).to.contain('Thử lại');
  });
});
