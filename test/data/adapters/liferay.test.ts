import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/index.js';
import type { ActivityListElement, ArticleElement } from '../../../src/index.js';
import { createLiferaySource } from '../../../src/data/adapters/liferay.js';
import { ConfigError } from '../../../src/data/errors.js';
import { HttpClient } from '../../../src/data/http.js';
import { createScenario, settle, type Scenario } from '../../helpers/server.js';
import { BROKEN_VALUES, settled, shownText } from '../../helpers/elements.js';

function http(): HttpClient {
  return new HttpClient({ retryBaseMs: 5, cacheTtlMs: 0, staleTtlMs: 0 });
}

async function requested(scenario: Scenario): Promise<string[]> {
  return (await scenario.log()).requests.map((request) =>
    decodeURIComponent(request.url.slice(scenario.base.length)),
  );
}

const API = '/o/headless-delivery/v1.0';

/** A structured content (web content article) as Liferay DXP 7.4 answers it. */
function content(id: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    actions: {},
    availableLanguages: ['vi-VN', 'en-US'],
    contentFields: [
      {
        contentFieldValue: {
          data: '<p>Sáng ngày 26/02/2020, UBND quận đã tiếp Đoàn kiểm tra.</p>',
        },
        dataType: 'html',
        label: 'Content',
        name: 'content',
        nestedContentFields: [],
        repeatable: false,
      },
      {
        contentFieldValue: {},
        dataType: 'fieldset',
        label: 'Ảnh',
        name: 'Fieldset1',
        repeatable: false,
        nestedContentFields: [
          {
            contentFieldValue: {
              image: {
                contentType: 'Document',
                contentUrl: '/documents/20121/0/kiem-tra.jpg/8f1c2a1e?t=1582686300000',
                description: 'Buổi làm việc',
                encodingFormat: 'image/jpeg',
                fileExtension: 'jpg',
                id: 40321,
                sizeInBytes: 52000,
                title: 'kiem-tra.jpg',
              },
            },
            dataType: 'image',
            label: 'Ảnh đại diện',
            name: 'AnhDaiDien',
            nestedContentFields: [],
            repeatable: false,
          },
        ],
      },
    ],
    contentStructureId: 40110,
    creator: {
      additionalName: '',
      contentType: 'UserAccount',
      familyName: 'Nguyễn',
      givenName: 'Văn An',
      id: 20125,
      name: 'Nguyễn Văn An',
    },
    customFields: [],
    dateCreated: '2020-02-26T03:00:00Z',
    dateModified: '2020-02-26T03:06:00Z',
    datePublished: '2020-02-26T03:05:00Z',
    description: '<p>Thực hiện Thông báo số 16/TB-STTTT&nbsp;ngày 24/2/2020</p>',
    externalReferenceCode: `erc-${id}`,
    friendlyUrlPath: `tiep-doan-kiem-tra-${id}`,
    id,
    key: String(id - 2),
    keywords: [],
    numberOfComments: 0,
    priority: 0,
    relatedContents: [],
    siteId: 20119,
    subscribed: false,
    taxonomyCategoryBriefs: [
      {
        embeddedTaxonomyCategory: null,
        taxonomyCategoryId: 40201,
        taxonomyCategoryName: 'Hoạt động của lãnh đạo',
      },
    ],
    title: `UBND quận Hồng Bàng tiếp Đoàn kiểm tra (${id})`,
    uuid: `1b2f0c3e-0000-4000-8000-0000000${id}`,
    ...extra,
  };
}

const page = (items: unknown[], pageNumber: number, lastPage: number, totalCount: number) => ({
  actions: {},
  facets: [],
  items,
  lastPage,
  page: pageNumber,
  pageSize: 5,
  totalCount,
});

describe('createLiferaySource', () => {
  it('lists web content of a site, newest first, with totalCount and lastPage', async () => {
    const scenario = await createScenario([
      { body: page([content(40315), content(40316)], 1, 3, 12) },
    ]);
    const source = createLiferaySource({
      baseUrl: scenario.base,
      siteId: '20119',
      articleUrl: 'https://hongbang.example/web/guest/w/{slug}',
      http: http(),
    });
    const result = await source.listArticles({ page: 1, pageSize: 5 }, { lang: 'vi' });
    expect(await requested(scenario)).to.deep.equal([
      `${API}/sites/20119/structured-contents?page=1&pageSize=5&sort=datePublished:desc&flatten=true`,
    ]);
    expect(result).to.include({ total: 12, hasMore: true, page: 1, pageSize: 5 });
    expect(result.items[0]).to.deep.equal({
      id: '40315',
      title: 'UBND quận Hồng Bàng tiếp Đoàn kiểm tra (40315)',
      url: 'https://hongbang.example/web/guest/w/tiep-doan-kiem-tra-40315',
      date: '2020-02-26T03:05:00.000Z',
      summary: 'Thực hiện Thông báo số 16/TB-STTTT ngày 24/2/2020',
      image: {
        src: new URL(`/documents/20121/0/kiem-tra.jpg/8f1c2a1e?t=1582686300000`, location.href)
          .href,
        alt: 'Buổi làm việc',
      },
      category: { id: '40201', name: 'Hoạt động của lãnh đạo' },
    });
    // Liferay localizes by full locale.
    expect((await scenario.log()).requests[0]!.headers['accept-language']).to.equal('vi-VN');
  });

  it('filters a category with OData on taxonomyCategoryIds, and knows the last page', async () => {
    const scenario = await createScenario([{ body: page([content(40330)], 3, 3, 11) }]);
    const source = createLiferaySource({ baseUrl: scenario.base, siteId: '20119', http: http() });
    const result = await source.listArticles(
      { category: '40201', page: 3, pageSize: 5 },
      { lang: 'en' },
    );
    expect(result.hasMore).to.equal(false);
    expect(result.items[0]!.url).to.equal(undefined);
    expect(await requested(scenario)).to.deep.equal([
      `${API}/sites/20119/structured-contents?page=3&pageSize=5&sort=datePublished:desc&filter=taxonomyCategoryIds/any(t:t eq 40201)&flatten=true`,
    ]);
    expect((await scenario.log()).requests[0]!.headers['accept-language']).to.equal('en-US');

    const named = await settle(source.listArticles({ category: 'tin-tuc', page: 1, pageSize: 5 }));
    expect(named.error).to.be.instanceOf(ConfigError);
    expect((named.error as Error).message).to.contain('categories="tin-tuc=');
  });

  it('lists by content structure when one is given', async () => {
    const scenario = await createScenario([{ body: page([], 1, 1, 0) }]);
    const source = createLiferaySource({
      baseUrl: `${scenario.base}${API}`,
      structureId: '40110',
      http: http(),
    });
    const result = await source.listArticles({ page: 1, pageSize: 5 });
    expect(result).to.deep.equal({ items: [], page: 1, pageSize: 5, total: 0, hasMore: false });
    expect(await requested(scenario)).to.deep.equal([
      `${API}/content-structures/40110/structured-contents?page=1&pageSize=5&sort=datePublished:desc`,
    ]);
  });

  it('gets one web content with its body field, by id or friendly URL path', async () => {
    const scenario = await createScenario([
      { body: content(40315) },
      {
        body: content(40316, {
          contentFields: [
            {
              contentFieldValue: { data: '<p>Nội dung riêng</p>' },
              dataType: 'html',
              name: 'NoiDung',
            },
          ],
        }),
      },
    ]);
    const source = createLiferaySource({ baseUrl: scenario.base, siteId: '20119', http: http() });
    const article = await source.getArticle('40315');
    expect(article.body).to.equal('<p>Sáng ngày 26/02/2020, UBND quận đã tiếp Đoàn kiểm tra.</p>');
    expect(article.author).to.equal('Nguyễn Văn An');
    const custom = createLiferaySource({
      baseUrl: scenario.base,
      siteId: '20119',
      bodyField: 'NoiDung',
      http: http(),
    });
    const bySlug = await custom.getArticle('tiep-doan-kiem-tra-40316');
    expect(bySlug.body).to.equal('<p>Nội dung riêng</p>');
    expect(await requested(scenario)).to.deep.equal([
      `${API}/structured-contents/40315`,
      `${API}/sites/20119/structured-contents/by-friendly-url-path/tiep-doan-kiem-tra-40316`,
    ]);
  });

  it('names the missing body field and the fields there are', async () => {
    const scenario = await createScenario([{ body: content(40315) }]);
    const source = createLiferaySource({
      baseUrl: scenario.base,
      siteId: '20119',
      bodyField: 'NoiDung',
      http: http(),
    });
    const outcome = await settle(source.getArticle('40315'));
    expect(outcome.error).to.be.instanceOf(ConfigError);
    const message = (outcome.error as Error).message;
    expect(message).to.contain('"NoiDung"');
    expect(message).to.contain('content, Fieldset1, AnhDaiDien');
  });

  it('needs a site or a structure', () => {
    expect(() => createLiferaySource({ baseUrl: 'https://portal.example' })).to.throw(
      ConfigError,
      'site',
    );
  });
});

describe('<pw-source type="liferay">', () => {
  it('feeds the list and the article in the widget’s language', async () => {
    const scenario = await createScenario([
      { body: page([content(40315), content(40316)], 1, 1, 2) },
      { body: content(40315, { title: 'Hong Bang district receives the inspection team' }) },
    ]);
    const wrapper = await fixture<HTMLElement>(html`
      <pw-source
        type="liferay"
        base-url=${scenario.base}
        site-id="20119"
        categories="hoat-dong-lanh-dao=40201"
      >
        <pw-activity-list category="hoat-dong-lanh-dao"></pw-activity-list>
      </pw-source>
    `);
    const list = wrapper.querySelector<ActivityListElement>('pw-activity-list')!;
    await settled(list);
    expect(shownText(list)).to.contain('UBND quận Hồng Bàng tiếp Đoàn kiểm tra (40316)');
    expect(shownText(list)).not.to.match(BROKEN_VALUES);

    const article = document.createElement('pw-article') as ArticleElement;
    article.setAttribute('lang', 'en');
    article.setAttribute('article-id', '40315');
    article.setAttribute('related', '0');
    wrapper.append(article);
    await settled(article);
    expect(shownText(article)).to.contain('Hong Bang district receives the inspection team');
    const log = await scenario.log();
    // The category name was mapped to the Liferay id.
    expect(decodeURIComponent(log.requests[0]!.url)).to.contain(
      'taxonomyCategoryIds/any(t:t eq 40201)',
    );
    expect(log.requests[1]!.headers['accept-language']).to.equal('en-US');
  });
});
