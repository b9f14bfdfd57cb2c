import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/source/source.js';
import '../src/activity-list/activity-list.js';
import '../src/article/article.js';
import '../src/link-box/link-box.js';
import '../src/visit-stats/visit-stats.js';
import { NotFoundError } from '../src/data/errors.js';
import type {
  Article,
  ArticleQuery,
  ArticleSummary,
  DataSource,
  Link,
  LinkQuery,
  Page,
  RequestOptions,
  VisitStats,
} from '../src/data/types.js';

/**
 * Each backend's real answers, saved as files and served next to the preview
 * iframe under `story-fixtures/backends/<backend>/` (see .storybook/main.ts).
 * The files sit at the paths the adapters request: a collection and its items
 * share a name, so the collection is the folder's `index` file, which the
 * Storybook dev server serves for the folder's own URL. The query string is
 * ignored, so every list shows the same five items.
 */
const FIXTURES = 'story-fixtures/backends';

interface BackendArgs {
  lang: 'vi' | 'en';
}

/** A portal page: the list and the article in the main column, the side boxes beside them. */
function portalPage(
  prefix: string,
  firstId: string,
  side: TemplateResult | typeof nothing = nothing,
  category?: string,
): TemplateResult {
  const articleId = `${prefix}-article`;
  return html`<div
    style=${styleMap({
      display: 'grid',
      gridTemplateColumns: 'minmax(0, 2fr) minmax(14rem, 1fr)',
      gap: '1rem',
      alignItems: 'start',
      maxWidth: '64rem',
    })}
  >
    <div style=${styleMap({ display: 'grid', gap: '1rem' })}>
      <pw-activity-list
        category=${category ?? nothing}
        page-size="3"
        target=${articleId}
        show-summary
      ></pw-activity-list>
      <pw-article id=${articleId} article-id=${firstId} related="3"></pw-article>
    </div>
    <div style=${styleMap({ display: 'grid', gap: '1rem' })}>${side}</div>
  </div>`;
}

const meta: Meta<BackendArgs> = {
  title: 'Data/Backends',
  component: 'pw-source',
  args: { lang: 'vi' },
  argTypes: { lang: { control: 'inline-radio', options: ['vi', 'en'] } },
  parameters: {
    docs: {
      description: {
        component:
          'One `<pw-source>` per backend, each reading that backend’s real answer format from fixture ' +
          'files: WordPress REST API v2, RSS 2.0 and Atom, Liferay headless delivery, Joomla Web Services ' +
          'and Drupal JSON:API. The adapters for these types are downloaded only when a widget first asks ' +
          'for data. Choose an item in the list to show it in the article box.',
      },
    },
  },
};

export default meta;
type Story = StoryObj<BackendArgs>;

export const WordPress: Story = {
  render: ({ lang }) =>
    html`<div lang=${lang}>
      <pw-source type="wordpress" base-url=${`${FIXTURES}/wordpress`}>
        ${portalPage('wp', '101', html`<pw-link-box></pw-link-box>`, 'hoat-dong-lanh-dao')}
      </pw-source>
    </div>`,
  parameters: {
    docs: {
      description: {
        story:
          '`<pw-source type="wordpress" base-url="https://portal.example">`: posts from ' +
          '`/wp-json/wp/v2/posts?_embed` (titles and excerpts with entities such as `&#8220;` and ' +
          '`[&hellip;]` shown as plain text), the category slug looked up once through ' +
          '`/wp/v2/categories?slug=`, and the link box read from the public link list `/wp-links-opml.php`.',
      },
    },
  },
};

export const Rss: Story = {
  name: 'RSS 2.0',
  render: ({ lang }) =>
    html`<div lang=${lang}>
      <pw-source
        type="rss"
        base-url=${`${FIXTURES}/rss/feed.xml`}
        links-url=${`${FIXTURES}/rss/lien-ket.opml`}
      >
        ${portalPage(
          'rss',
          'https://hongbang.example/?p=101',
          html`<pw-link-box variant="list"></pw-link-box>`,
        )}
      </pw-source>
    </div>`,
  parameters: {
    docs: {
      description: {
        story:
          '`<pw-source type="rss" base-url="/feed/?paged={page}">`: items with `pubDate` (RFC 822), ' +
          '`content:encoded`, `dc:creator` and `media:thumbnail`; an article is looked up by its guid in ' +
          'the feed. The links come from an OPML file (`links-url`).',
      },
    },
  },
};

export const Atom: Story = {
  render: ({ lang }) =>
    html`<div lang=${lang}>
      <pw-source type="rss" base-url=${`${FIXTURES}/rss/atom.xml`}>
        ${portalPage('atom', 'tag:hongbang.example,2020:kiem-tra-cong-trinh-trong-diem')}
      </pw-source>
    </div>`,
  parameters: {
    docs: {
      description: {
        story:
          'The same adapter reads Atom: `id`, `published`, `summary`, `content type="html"`, `author/name`.',
      },
    },
  },
};

export const Liferay: Story = {
  render: ({ lang }) =>
    html`<div lang=${lang}>
      <pw-source type="liferay" base-url=${`${FIXTURES}/liferay`} site-id="20119">
        ${portalPage('liferay', '40315')}
      </pw-source>
    </div>`,
  parameters: {
    docs: {
      description: {
        story:
          '`<pw-source type="liferay" base-url="https://portal.example" site-id="20119">`: web content ' +
          'from `/o/headless-delivery/v1.0/sites/20119/structured-contents`, the body from the `content` ' +
          'field (`body-field`), the category from `taxonomyCategoryBriefs`, `Accept-Language` from the ' +
          'widget’s language.',
      },
    },
  },
};

export const Joomla: Story = {
  render: ({ lang }) =>
    html`<div lang=${lang}>
      <pw-source type="joomla" base-url=${`${FIXTURES}/joomla`}>
        ${portalPage('joomla', '71')}
      </pw-source>
    </div>`,
  parameters: {
    docs: {
      description: {
        story:
          '`<pw-source type="joomla" base-url="https://portal.example">`: articles from ' +
          '`/api/index.php/v1/content/articles`, paged by `page[offset]` / `page[limit]` with only ' +
          '`meta["total-pages"]`, the category name from `/content/categories/{id}`.',
      },
    },
  },
};

export const Drupal: Story = {
  render: ({ lang }) =>
    html`<div lang=${lang}>
      <pw-source type="drupal" base-url=${`${FIXTURES}/drupal`}>
        ${portalPage('drupal', '6f4a1e0c-9b2d-4c1a-8e3f-000000000001')}
      </pw-source>
    </div>`,
  parameters: {
    docs: {
      description: {
        story:
          '`<pw-source type="drupal" base-url="https://portal.example">`: nodes from ' +
          '`/jsonapi/node/article?include=field_image,uid,field_tags`, images, authors and terms from ' +
          '`included`; JSON:API gives only a `links.next`, so the list knows whether there is more, not how much.',
      },
    },
  },
};

export const Composite: Story = {
  name: 'Composite: articles, links and counters from three backends',
  render: ({ lang }) =>
    html`<div lang=${lang}>
      <pw-source id="bk-wordpress" type="wordpress" base-url=${`${FIXTURES}/wordpress`}></pw-source>
      <pw-source
        id="bk-links"
        type="rss"
        base-url=${`${FIXTURES}/rss/feed.xml`}
        links-url=${`${FIXTURES}/rss/lien-ket.opml`}
      ></pw-source>
      <pw-source id="bk-counter" type="static" base-url="fixtures/portal.json"></pw-source>
      <pw-source type="composite" articles="bk-wordpress" links="bk-links" stats="bk-counter">
        ${portalPage(
          'composite',
          '101',
          html`<pw-link-box></pw-link-box>
            <pw-visit-stats fields="online today total" refresh="0"></pw-visit-stats>`,
        )}
      </pw-source>
    </div>`,
  parameters: {
    docs: {
      description: {
        story:
          '`<pw-source type="composite" articles="ID" links="ID" stats="ID">` takes each kind of data from ' +
          'another `<pw-source>`: here the articles from WordPress, the links from an OPML file and the ' +
          'counters from a JSON file (on a real portal: the visit counter service).',
      },
    },
  },
};

/**
 * A backend written in script, typed against `DataSource`: a home-grown API
 * whose answers are turned into the canonical shapes here. Any object with
 * these four methods plugs in with `sourceElement.source = …`.
 */
class NewsletterArchiveSource implements DataSource {
  readonly timeZone = 'Asia/Ho_Chi_Minh';
  private readonly issues: Article[] = [
    {
      id: 'ban-tin-so-3',
      title: 'Bản tin Hồng Bàng số 3/2020',
      date: '2020-03-15T08:00:00+07:00',
      summary: 'Kết quả thực hiện nhiệm vụ tháng 3 và kế hoạch tháng 4.',
      category: { id: 'ban-tin', name: 'Bản tin' },
      body: '<p>Kết quả thực hiện nhiệm vụ tháng 3 và kế hoạch tháng 4.</p>',
    },
    {
      id: 'ban-tin-so-2',
      title: 'Bản tin Hồng Bàng số 2/2020',
      date: '2020-02-15T08:00:00+07:00',
      summary: 'Công tác phòng, chống dịch bệnh trên địa bàn quận.',
      category: { id: 'ban-tin', name: 'Bản tin' },
      body: '<p>Công tác phòng, chống dịch bệnh trên địa bàn quận.</p>',
    },
  ];

  async getArticle(id: string, _options?: RequestOptions): Promise<Article> {
    const issue = this.issues.find((candidate) => candidate.id === id);
    if (!issue) throw new NotFoundError(`No newsletter "${id}".`);
    return issue;
  }

  async listArticles(
    query: ArticleQuery,
    _options?: RequestOptions,
  ): Promise<Page<ArticleSummary>> {
    const start = (query.page - 1) * query.pageSize;
    const items = this.issues
      .slice(start, start + query.pageSize)
      .map(({ body: _body, ...summary }) => summary);
    return {
      items,
      page: query.page,
      pageSize: query.pageSize,
      total: this.issues.length,
      hasMore: start + query.pageSize < this.issues.length,
    };
  }

  async listLinks(_query: LinkQuery, _options?: RequestOptions): Promise<Link[]> {
    return [
      { title: 'Thư viện bản tin', url: 'https://hongbang.example/ban-tin', group: 'Bản tin' },
    ];
  }

  async getVisitStats(_options?: RequestOptions): Promise<VisitStats> {
    return { online: 3, total: 12_480 };
  }
}

const newsletters = new NewsletterArchiveSource();

export const CustomTyped: Story = {
  name: 'Custom backend in script (typed)',
  render: ({ lang }) =>
    html`<div lang=${lang}>
      <pw-source .source=${newsletters}>
        ${portalPage(
          'custom',
          'ban-tin-so-3',
          html`<pw-link-box variant="list"></pw-link-box>
            <pw-visit-stats refresh="0"></pw-visit-stats>`,
        )}
      </pw-source>
    </div>`,
  parameters: {
    docs: {
      description: {
        story:
          'A class implementing `DataSource` (see `stories/backends.stories.ts`), assigned with ' +
          '`.source`: the compiler checks every method against the canonical shapes.',
      },
    },
  },
};
