import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/index.js';
import type { ActivityListElement, ArticleElement } from '../../../src/index.js';
import { createDrupalSource } from '../../../src/data/adapters/drupal.js';
import { ConfigError, NotFoundError } from '../../../src/data/errors.js';
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

const JSON_API = { 'content-type': 'application/vnd.api+json' };
const SITE = 'https://hongbang.example';

const uuid = (n: number) => `6f4a1e0c-9b2d-4c1a-8e3f-0000000000${String(n).padStart(2, '0')}`;
const USER = 'a1b2c3d4-0000-4000-8000-000000000003';
const FILE = 'f1f2f3f4-0000-4000-8000-000000000021';
const TERM = 'd1d2d3d4-0000-4000-8000-000000000005';

/** A node as Drupal 10 core JSON:API answers it, relationships pointing into `included`. */
function node(n: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'node--article',
    id: uuid(n),
    links: { self: { href: `${SITE}/jsonapi/node/article/${uuid(n)}` } },
    attributes: {
      drupal_internal__nid: n,
      drupal_internal__vid: n + 100,
      langcode: 'vi',
      status: true,
      title: `UBND quận Hồng Bàng tiếp Đoàn kiểm tra (${n})`,
      created: '2020-02-26T10:05:00+07:00',
      changed: '2020-02-26T10:20:00+07:00',
      promote: true,
      sticky: false,
      default_langcode: true,
      path: { alias: `/tin-tuc/tiep-doan-kiem-tra-${n}`, pid: n, langcode: 'vi' },
      body: {
        value: '<p>Sáng ngày 26/02/2020, UBND quận đã tiếp Đoàn kiểm tra.</p>',
        format: 'basic_html',
        processed: '<p>Sáng ngày 26/02/2020, UBND quận đã tiếp <strong>Đoàn kiểm tra</strong>.</p>',
        summary: 'Thực hiện Thông báo số 16/TB-STTTT ngày 24/2/2020.',
      },
      ...extra,
    },
    relationships: {
      node_type: {
        data: { type: 'node_type--node_type', id: 'b0b0b0b0-0000-4000-8000-000000000001' },
      },
      uid: { data: { type: 'user--user', id: USER, meta: { drupal_internal__target_id: 3 } } },
      field_image: {
        data: {
          type: 'file--file',
          id: FILE,
          meta: {
            alt: 'Buổi làm việc',
            title: '',
            width: 1200,
            height: 800,
            drupal_internal__target_id: 21,
          },
        },
      },
      field_tags: {
        data: [{ type: 'taxonomy_term--tags', id: TERM, meta: { drupal_internal__target_id: 5 } }],
      },
    },
  };
}

const included = [
  {
    type: 'file--file',
    id: FILE,
    attributes: {
      drupal_internal__fid: 21,
      filename: 'kiem-tra.jpg',
      uri: {
        value: 'public://2020-02/kiem-tra.jpg',
        url: '/sites/default/files/2020-02/kiem-tra.jpg',
      },
      filemime: 'image/jpeg',
      filesize: 52000,
    },
  },
  {
    type: 'user--user',
    id: USER,
    attributes: { display_name: 'Văn phòng quận', drupal_internal__uid: 3 },
  },
  {
    type: 'taxonomy_term--tags',
    id: TERM,
    attributes: { drupal_internal__tid: 5, name: 'Hoạt động của lãnh đạo' },
  },
];

const jsonapi = {
  version: '1.0',
  meta: { links: { self: { href: 'http://jsonapi.org/format/1.0/' } } },
};

function collection(data: unknown[], next: boolean): Record<string, unknown> {
  return {
    jsonapi,
    data,
    included,
    links: {
      self: { href: `${SITE}/jsonapi/node/article` },
      ...(next
        ? { next: { href: `${SITE}/jsonapi/node/article?page%5Boffset%5D=5&page%5Blimit%5D=5` } }
        : {}),
    },
  };
}

describe('createDrupalSource', () => {
  it('lists nodes newest first with the included image, author and term; hasMore from links.next', async () => {
    const scenario = await createScenario([
      { body: collection([node(12), node(11)], true), headers: JSON_API },
    ]);
    const source = createDrupalSource({ baseUrl: scenario.base, http: http() });
    const page = await source.listArticles({ page: 1, pageSize: 5 });
    expect(await requested(scenario)).to.deep.equal([
      '/jsonapi/node/article?page[offset]=0&page[limit]=5&sort=-created&include=field_image,uid,field_tags',
    ]);
    expect((await scenario.log()).requests[0]!.headers.accept).to.equal('application/vnd.api+json');
    expect(page).to.include({ hasMore: true, page: 1, pageSize: 5 });
    expect(page.total).to.equal(undefined);
    const site = new URL(scenario.base, location.href).href;
    expect(page.items[0]).to.deep.equal({
      id: uuid(12),
      title: 'UBND quận Hồng Bàng tiếp Đoàn kiểm tra (12)',
      url: `${site}/tin-tuc/tiep-doan-kiem-tra-12`,
      date: '2020-02-26T03:05:00.000Z',
      summary: 'Thực hiện Thông báo số 16/TB-STTTT ngày 24/2/2020.',
      image: {
        src: new URL('/sites/default/files/2020-02/kiem-tra.jpg', location.href).href,
        alt: 'Buổi làm việc',
      },
      category: { id: '5', name: 'Hoạt động của lãnh đạo' },
    });
  });

  it('ends without links.next, caps the page size at 50 and filters a category', async () => {
    const scenario = await createScenario([
      {
        body: collection([node(3, { path: { alias: null, pid: null, langcode: 'vi' } })], false),
        headers: JSON_API,
      },
    ]);
    const source = createDrupalSource({ baseUrl: scenario.base, http: http() });
    const last = await source.listArticles({ category: '5', page: 2, pageSize: 80 });
    expect(last).to.include({ hasMore: false, page: 2, pageSize: 50 });
    // No alias: the node's own path.
    expect(last.items[0]!.url).to.equal(`${new URL(scenario.base, location.href).href}/node/3`);
    await source.listArticles({ category: 'Tin tức', page: 1, pageSize: 5 });
    await source.listArticles({ category: TERM, page: 1, pageSize: 5 });
    const [byId, byName, byUuid] = await requested(scenario);
    expect(byId).to.equal(
      '/jsonapi/node/article?page[offset]=50&page[limit]=50&sort=-created&include=field_image,uid,field_tags' +
        '&filter[field_tags.meta.drupal_internal__target_id]=5',
    );
    expect(byName).to.contain('&filter[field_tags.name]=Tin tức');
    expect(byUuid).to.contain(`&filter[field_tags.id]=${TERM}`);
  });

  it('takes another content type and fields, or none', async () => {
    const scenario = await createScenario([{ body: collection([], false), headers: JSON_API }]);
    const source = createDrupalSource({
      baseUrl: `${scenario.base}/jsonapi`,
      contentType: 'tin_tuc',
      imageField: 'field_anh_dai_dien',
      categoryField: '',
      http: http(),
    });
    await source.listArticles({ page: 1, pageSize: 5 });
    expect(await requested(scenario)).to.deep.equal([
      '/jsonapi/node/tin_tuc?page[offset]=0&page[limit]=5&sort=-created&include=field_anh_dai_dien,uid',
    ]);
    const outcome = await settle(source.listArticles({ category: '5', page: 1, pageSize: 5 }));
    expect(outcome.error).to.be.instanceOf(ConfigError);
    expect(() => createDrupalSource({ baseUrl: '/', contentType: 'tin-tuc; drop' })).to.throw(
      ConfigError,
    );
  });

  it('gets one node by UUID or by node id, with the processed body', async () => {
    const scenario = await createScenario([
      { body: { jsonapi, data: node(12), included }, headers: JSON_API },
      { body: collection([node(11)], false), headers: JSON_API },
      { body: collection([], false), headers: JSON_API },
    ]);
    const source = createDrupalSource({ baseUrl: scenario.base, http: http() });
    const byUuid = await source.getArticle(uuid(12));
    expect(byUuid.body).to.equal(
      '<p>Sáng ngày 26/02/2020, UBND quận đã tiếp <strong>Đoàn kiểm tra</strong>.</p>',
    );
    expect(byUuid.author).to.equal('Văn phòng quận');
    const byNid = await source.getArticle('11');
    expect(byNid.id).to.equal(uuid(11));
    expect((await settle(source.getArticle('404'))).error).to.be.instanceOf(NotFoundError);
    expect((await settle(source.getArticle('mot-bai-viet'))).error).to.be.instanceOf(NotFoundError);
    expect(await requested(scenario)).to.deep.equal([
      `/jsonapi/node/article/${uuid(12)}?include=field_image,uid,field_tags`,
      '/jsonapi/node/article?filter[drupal_internal__nid]=11&include=field_image,uid,field_tags',
      '/jsonapi/node/article?filter[drupal_internal__nid]=404&include=field_image,uid,field_tags',
    ]);
  });
});

describe('<pw-source type="drupal">', () => {
  it('feeds the list with next-only paging, and the article', async () => {
    const scenario = await createScenario([
      { body: collection([node(12), node(11)], true), headers: JSON_API },
      { body: { jsonapi, data: node(12), included }, headers: JSON_API },
    ]);
    const wrapper = await fixture<HTMLElement>(html`
      <pw-source type="drupal" base-url=${scenario.base}>
        <pw-activity-list page-size="2" paging="more"></pw-activity-list>
      </pw-source>
    `);
    const list = wrapper.querySelector<ActivityListElement>('pw-activity-list')!;
    await settled(list);
    expect(shownText(list)).to.contain('UBND quận Hồng Bàng tiếp Đoàn kiểm tra (11)');
    expect(shownText(list)).not.to.match(BROKEN_VALUES);

    const article = document.createElement('pw-article') as ArticleElement;
    article.setAttribute('article-id', uuid(12));
    article.setAttribute('related', '0');
    wrapper.append(article);
    await settled(article);
    expect(shownText(article)).to.contain('UBND quận đã tiếp Đoàn kiểm tra.');
    expect(shownText(article)).to.contain('Văn phòng quận');
  });
});
