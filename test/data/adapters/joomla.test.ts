import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/index.js';
import type { ActivityListElement, ArticleElement } from '../../../src/index.js';
import { createJoomlaSource } from '../../../src/data/adapters/joomla.js';
import { ConfigError } from '../../../src/data/errors.js';
import { HttpClient } from '../../../src/data/http.js';
import { createScenario, settle, type Scenario } from '../../helpers/server.js';
import { BROKEN_VALUES, headingText, settled, shownText } from '../../helpers/elements.js';

function http(): HttpClient {
  return new HttpClient({ retryBaseMs: 5, cacheTtlMs: 0, staleTtlMs: 0 });
}

async function requested(scenario: Scenario): Promise<string[]> {
  return (await scenario.log()).requests.map((request) =>
    decodeURIComponent(request.url.slice(scenario.base.length)),
  );
}

const API = '/api/index.php/v1';
const JSON_API = { 'content-type': 'application/vnd.api+json; charset=utf-8' };

/** An article resource as the Joomla 5 Web Services API answers it. */
function article(id: number, attributes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'articles',
    id: String(id),
    attributes: {
      id,
      asset_id: 140 + id,
      title: `UBND quận tiếp Đoàn kiểm tra & làm việc (${id})`,
      alias: `tiep-doan-kiem-tra-${id}`,
      state: 1,
      access: 1,
      created: '2020-02-26 02:50:00',
      created_by: 42,
      created_by_alias: 'Văn phòng quận',
      modified: '2020-02-26 03:10:00',
      featured: 0,
      language: '*',
      hits: 12,
      publish_up: '2020-02-26 03:05:00',
      publish_down: null,
      note: '',
      images: {
        image_intro:
          'images/tin-tuc/kiem-tra.jpg#joomlaImage://local-images/tin-tuc/kiem-tra.jpg?width=1200&height=800',
        image_intro_alt: 'Buổi làm việc',
        float_intro: '',
        image_intro_caption: '',
        image_fulltext: 'images/tin-tuc/kiem-tra-lon.jpg',
        image_fulltext_alt: 'Toàn cảnh buổi làm việc',
        float_fulltext: '',
        image_fulltext_caption: '',
      },
      metakey: '',
      metadesc: '',
      metadata: { robots: '', author: '', rights: '' },
      version: 3,
      featured_up: null,
      featured_down: null,
      typeAlias: 'com_content.article',
      text: '<p>Sáng ngày 26/02/2020, UBND quận đã tiếp <strong>Đoàn kiểm tra</strong>.</p> <p>Phần tiếp theo của bài.</p>',
      tags: [],
      ...attributes,
    },
    relationships: {
      category: { data: { type: 'categories', id: '8' } },
      created_by: { data: { type: 'users', id: '42' } },
      tags: { data: [] },
    },
  };
}

const category8 = {
  links: { self: 'https://hongbang.example/api/index.php/v1/content/categories/8' },
  data: {
    type: 'categories',
    id: '8',
    attributes: {
      id: 8,
      title: 'Hoạt động của lãnh đạo',
      alias: 'hoat-dong-lanh-dao',
      published: 1,
    },
  },
};

describe('createJoomlaSource', () => {
  it('lists published articles by offset, with meta.total-pages and category names', async () => {
    const scenario = await createScenario([
      {
        body: {
          links: { self: 'https://hongbang.example/api/index.php/v1/content/articles' },
          data: [article(71), article(72)],
          meta: { 'total-pages': 3 },
        },
        headers: JSON_API,
      },
      { body: category8, headers: JSON_API },
    ]);
    const source = createJoomlaSource({ baseUrl: scenario.base, http: http() });
    const page = await source.listArticles({ category: '8', page: 2, pageSize: 5 });
    expect(await requested(scenario)).to.deep.equal([
      `${API}/content/articles?page[offset]=5&page[limit]=5&filter[category]=8&filter[state]=1&list[ordering]=a.publish_up&list[direction]=DESC`,
      // One request for the category, shared by both articles.
      `${API}/content/categories/8`,
    ]);
    // A page count only: no item total.
    expect(page).to.include({ page: 2, pageSize: 5, hasMore: true });
    expect(page.total).to.equal(undefined);
    const site = new URL(`${scenario.base}/`, location.href).href;
    expect(page.items[0]).to.deep.equal({
      id: '71',
      title: 'UBND quận tiếp Đoàn kiểm tra & làm việc (71)',
      url: `${site}index.php?option=com_content&view=article&id=71&catid=8`,
      // Joomla writes UTC without an offset.
      date: '2020-02-26T03:05:00.000Z',
      summary: 'Sáng ngày 26/02/2020, UBND quận đã tiếp Đoàn kiểm tra. Phần tiếp theo của bài.',
      image: { src: `${site}images/tin-tuc/kiem-tra.jpg`, alt: 'Buổi làm việc' },
      category: { id: '8', name: 'Hoạt động của lãnh đạo' },
    });
    const request = (await scenario.log()).requests[0]!;
    expect(request.headers.accept).to.equal('application/vnd.api+json');
    expect(request.headers['x-joomla-token']).to.equal(undefined);
  });

  it('knows the last page from total-pages, or from links.next when meta is missing', async () => {
    const scenario = await createScenario([
      {
        body: { data: [article(90, { publish_up: null })], meta: { 'total-pages': 2 } },
        headers: JSON_API,
      },
      { body: category8, headers: JSON_API },
      { body: { links: { next: '…?page[offset]=10' }, data: [] }, headers: JSON_API },
    ]);
    const source = createJoomlaSource({ baseUrl: scenario.base, http: http() });
    const last = await source.listArticles({ page: 2, pageSize: 5 });
    expect(last.hasMore).to.equal(false);
    // No publish_up: the creation date.
    expect(last.items[0]!.date).to.equal('2020-02-26T02:50:00.000Z');
    const withNext = await source.listArticles({ page: 1, pageSize: 5 });
    expect(withNext.hasMore).to.equal(true);
  });

  it('sends the token in X-Joomla-Token, or as a Bearer token in Authorization', async () => {
    const scenario = await createScenario([
      { body: { data: [], meta: { 'total-pages': 0 } }, headers: JSON_API },
    ]);
    await createJoomlaSource({
      baseUrl: scenario.base,
      token: 'c2hhMjU2OjQyOmFi',
      http: http(),
    }).listArticles({
      page: 1,
      pageSize: 5,
    });
    await createJoomlaSource({
      baseUrl: scenario.base,
      token: 'c2hhMjU2OjQyOmFi',
      tokenHeader: 'Authorization',
      http: http(),
    }).listArticles({ page: 1, pageSize: 5 });
    const [first, second] = (await scenario.log()).requests;
    expect(first!.headers['x-joomla-token']).to.equal('c2hhMjU2OjQyOmFi');
    expect(second!.headers.authorization).to.equal('Bearer c2hhMjU2OjQyOmFi');
  });

  it('leaves the category out when its name cannot be read', async () => {
    const scenario = await createScenario([
      { body: { data: [article(71)], meta: { 'total-pages': 1 } }, headers: JSON_API },
      { status: 403, body: { errors: [{ title: 'Forbidden', code: 403 }] }, headers: JSON_API },
    ]);
    const source = createJoomlaSource({ baseUrl: scenario.base, http: http() });
    const page = await source.listArticles({ page: 1, pageSize: 5 });
    expect(page.items[0]!.title).to.contain('(71)');
    expect(page.items[0]!.category).to.equal(undefined);
  });

  it('gets one article with its full text and full-text image', async () => {
    const scenario = await createScenario([
      {
        body: { links: {}, data: article(71, { metadesc: 'Tóm tắt riêng cho máy tìm kiếm.' }) },
        headers: JSON_API,
      },
      { body: category8, headers: JSON_API },
    ]);
    const source = createJoomlaSource({
      baseUrl: scenario.base,
      articleUrl: 'https://hongbang.example/tin-tuc/{category}-{slug}',
      http: http(),
    });
    const result = await source.getArticle('71');
    expect(result.body).to.contain('<strong>Đoàn kiểm tra</strong>');
    expect(result.body).to.contain('Phần tiếp theo của bài.');
    expect(result.summary).to.equal('Tóm tắt riêng cho máy tìm kiếm.');
    expect(result.author).to.equal('Văn phòng quận');
    expect(result.url).to.equal('https://hongbang.example/tin-tuc/8-tiep-doan-kiem-tra-71');
    expect(result.image).to.deep.equal({
      src: new URL(`${scenario.base}/images/tin-tuc/kiem-tra-lon.jpg`, location.href).href,
      alt: 'Toàn cảnh buổi làm việc',
    });
    expect((await requested(scenario))[0]).to.equal(`${API}/content/articles/71`);
  });

  it('asks for numeric category ids', async () => {
    const source = createJoomlaSource({ baseUrl: 'https://hongbang.example', http: http() });
    const outcome = await settle(
      source.listArticles({ category: 'tin-tuc', page: 1, pageSize: 5 }),
    );
    expect(outcome.error).to.be.instanceOf(ConfigError);
    expect((await settle(source.listLinks({}))).error).to.be.instanceOf(ConfigError);
  });
});

describe('<pw-source type="joomla">', () => {
  it('feeds the list and the article', async () => {
    const scenario = await createScenario([
      { body: { data: [article(71), article(72)], meta: { 'total-pages': 1 } }, headers: JSON_API },
      { body: category8, headers: JSON_API },
      { body: { data: article(72) }, headers: JSON_API },
    ]);
    const wrapper = await fixture<HTMLElement>(html`
      <pw-source type="joomla" base-url=${scenario.base} token="c2hhMjU2OjQyOmFi">
        <pw-activity-list></pw-activity-list>
      </pw-source>
    `);
    const list = wrapper.querySelector<ActivityListElement>('pw-activity-list')!;
    await settled(list);
    expect(shownText(list)).to.contain('UBND quận tiếp Đoàn kiểm tra & làm việc (72)');
    expect(shownText(list)).not.to.match(BROKEN_VALUES);

    const article72 = document.createElement('pw-article') as ArticleElement;
    article72.setAttribute('article-id', '72');
    article72.setAttribute('related', '0');
    wrapper.append(article72);
    await settled(article72);
    expect(shownText(article72)).to.contain('Phần tiếp theo của bài.');
    // The category name (cached from the list) heads the article box.
    expect(headingText(article72)).to.equal('Hoạt động của lãnh đạo');
    const log = await scenario.log();
    // Every API request carries the token (the article's image is an ordinary file).
    const apiRequests = log.requests.filter((request) => request.url.includes(API));
    expect(apiRequests.map((request) => request.headers['x-joomla-token'])).to.deep.equal([
      'c2hhMjU2OjQyOmFi',
      'c2hhMjU2OjQyOmFi',
      'c2hhMjU2OjQyOmFi',
    ]);
  });
});
