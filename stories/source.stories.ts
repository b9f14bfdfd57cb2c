import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/source/source.js';
import '../src/activity-list/activity-list.js';
import '../src/link-box/link-box.js';
import '../src/visit-stats/visit-stats.js';
import { NotFoundError } from '../src/data/errors.js';
import type {
  ArticleQuery,
  ArticleSummary,
  DataSource,
  Link,
  Page,
  VisitStats,
} from '../src/data/types.js';
import { neverAnswers, PORTAL_DATA } from './shared.js';

interface SourceArgs {
  type?: string;
  'base-url'?: string;
  timezone?: string;
  default?: boolean;
}

/** Two columns, as on a portal page: the widgets need not share a parent. */
const columns = (main: TemplateResult, side: TemplateResult) =>
  html`<div
    style=${styleMap({
      display: 'grid',
      gridTemplateColumns: 'minmax(0, 2fr) minmax(14rem, 1fr)',
      gap: '1rem',
      alignItems: 'start',
      maxWidth: '62rem',
    })}
  >
    <div>${main}</div>
    <div style=${styleMap({ display: 'grid', gap: '1rem' })}>${side}</div>
  </div>`;

/** The three widgets that need no article id, with the attributes given. */
const widgets = (attributes: { source?: string } = {}) =>
  columns(
    html`<pw-activity-list
      source=${ifDefined(attributes.source)}
      category="hoat-dong-lanh-dao"
      page-size="4"
      paging="none"
      href-template="#tin-{id}"
    ></pw-activity-list>`,
    html`<pw-link-box source=${ifDefined(attributes.source)}></pw-link-box>
      <pw-visit-stats
        source=${ifDefined(attributes.source)}
        fields="online today total"
      ></pw-visit-stats>`,
  );

/**
 * A backend written in script: any object with these four methods is a data
 * source. This one keeps its items in memory and counts visits as they come.
 */
function createInMemorySource(): DataSource {
  const items: ArticleSummary[] = [
    {
      id: 'hop-bao-chi-quy-1',
      title: 'Họp báo thông tin kết quả thực hiện nhiệm vụ quý I năm 2020',
      date: '2020-03-31T15:00:00+07:00',
      category: { id: 'thong-cao', name: 'Thông cáo báo chí' },
    },
    {
      id: 'cong-bo-quy-hoach',
      title: 'Công bố quy hoạch phân khu tỷ lệ 1/2000 khu vực ven sông Cấm',
      date: '2020-03-20T09:00:00+07:00',
      category: { id: 'thong-cao', name: 'Thông cáo báo chí' },
    },
    {
      id: 'lich-tiep-dan-thang-4',
      title: 'Lịch tiếp công dân của lãnh đạo quận tháng 4/2020',
      date: '2020-03-27T10:00:00+07:00',
      category: { id: 'thong-cao', name: 'Thông cáo báo chí' },
    },
  ];
  const links: Link[] = [
    { title: 'Hệ thống văn bản quy phạm pháp luật', url: 'https://vbpl.vn' },
    { title: 'Đường dây nóng của quận', url: 'tel:02253842000' },
    { title: 'Hộp thư góp ý', url: 'mailto:gopy@example.gov.vn' },
  ];
  let visits = 1_204_566;
  return {
    timeZone: 'Asia/Ho_Chi_Minh',
    async listArticles({ category, page, pageSize }: ArticleQuery): Promise<Page<ArticleSummary>> {
      const matching = items.filter((item) => !category || item.category?.id === category);
      const start = (page - 1) * pageSize;
      return {
        items: matching.slice(start, start + pageSize),
        page,
        pageSize,
        total: matching.length,
        hasMore: start + pageSize < matching.length,
      };
    },
    async getArticle(id: string) {
      const item = items.find((candidate) => candidate.id === id);
      if (!item) throw new NotFoundError(`No article "${id}" in memory.`);
      return { ...item, body: `<p>${item.title}.</p>` };
    },
    async listLinks() {
      return links;
    },
    async getVisitStats(): Promise<VisitStats> {
      visits += 3;
      return { online: 14, today: 377, total: visits };
    },
  };
}

const meta: Meta<SourceArgs> = {
  title: 'Data/Source',
  component: 'pw-source',
  argTypes: {
    type: {
      control: 'select',
      options: ['json', 'static', 'wordpress', 'rss', 'liferay', 'joomla', 'drupal'],
    },
    timezone: {
      control: 'select',
      options: ['Asia/Ho_Chi_Minh', 'Asia/Bangkok', 'UTC', 'Europe/Paris', 'America/New_York'],
    },
  },
  args: {
    type: 'static',
    'base-url': PORTAL_DATA,
    timezone: 'Asia/Ho_Chi_Minh',
    default: false,
  },
  render: (args) =>
    html`<pw-source
      type=${ifDefined(args.type || undefined)}
      base-url=${ifDefined(args['base-url'])}
      timezone=${ifDefined(args.timezone || undefined)}
      ?default=${args.default}
      >${widgets()}</pw-source
    >`,
  parameters: {
    docs: {
      description: {
        component:
          "`<pw-source>` says where the widgets' data comes from. A widget uses the nearest enclosing " +
          '`<pw-source>`, else the one named by its `source` attribute, else its own `src` URL, else the page ' +
          "default (`<pw-source default>`). It renders nothing itself. Here the data is the demo portal's " +
          '`fixtures/portal.json`, fetched once over HTTP by the `static` adapter, which pages and filters in memory.',
      },
    },
  },
};

export default meta;
type Story = StoryObj<SourceArgs>;

/** `<pw-source type="static" base-url="fixtures/portal.json">` enclosing three widgets. */
export const StaticFile: Story = {
  name: 'Static JSON file (enclosing)',
};

export const NamedSource: Story = {
  name: 'Named source (source="id")',
  render: (args) =>
    html`<pw-source
        id="nguon-cong-thong-tin"
        type=${ifDefined(args.type || undefined)}
        base-url=${ifDefined(args['base-url'])}
        timezone=${ifDefined(args.timezone || undefined)}
      ></pw-source>
      ${widgets({ source: 'nguon-cong-thong-tin' })}`,
  parameters: {
    docs: {
      description: {
        story:
          'The boxes sit in different columns, with no common `<pw-source>` ancestor: each names the source ' +
          'with `source="nguon-cong-thong-tin"`.',
      },
    },
  },
};

export const PageDefault: Story = {
  name: 'Page default (default attribute)',
  args: { default: true },
  render: (args) =>
    html`<pw-source
        type=${ifDefined(args.type || undefined)}
        base-url=${ifDefined(args['base-url'])}
        timezone=${ifDefined(args.timezone || undefined)}
        ?default=${args.default}
      ></pw-source>
      ${widgets()}`,
  parameters: {
    docs: {
      description: {
        story:
          'One `<pw-source default>` serves every widget on the page that has no other source: the widgets ' +
          'carry no source attribute at all.',
      },
    },
  },
};

export const JsonWithMapping: Story = {
  name: 'JSON API mapped without code (endpoints and fields)',
  args: { type: 'json', 'base-url': 'story-fixtures/api' },
  render: (args) =>
    html`<pw-source
      type=${ifDefined(args.type || undefined)}
      base-url=${ifDefined(args['base-url'])}
      timezone=${ifDefined(args.timezone || undefined)}
    >
      <script type="application/json">
        {
          "endpoints": {
            "links": "{base}/links.json",
            "stats": "{base}/stats.json",
            "visit": null
          },
          "fields": {
            "links": { "items": "data" },
            "link": { "title": "name", "url": "href", "group": "section.label" },
            "stats": {
              "online": "counters.now",
              "today": "counters.day",
              "total": "counters.all",
              "updatedAt": "generated"
            }
          }
        }
      </script>
      ${columns(
        html`<pw-link-box variant="list"></pw-link-box>`,
        html`<pw-visit-stats fields="online today total"></pw-visit-stats>`,
      )}
    </pw-source>`,
  parameters: {
    docs: {
      description: {
        story:
          'A backend whose JSON is not in the canonical shape (`{ "data": [{ "name", "href", "section": { "label" } }] }`, ' +
          '`{ "counters": { "now", "day", "all" } }`) mapped by endpoint templates and dot paths in a child ' +
          '`<script type="application/json">`: the `endpoints` / `fields` form, still supported beside the ' +
          'per-kind mapping of the next story.',
      },
    },
  },
};

export const DeclarativeMapping: Story = {
  name: 'JSON API mapped declaratively (per kind)',
  args: { type: 'json', 'base-url': 'story-fixtures/mapping' },
  render: (args) =>
    html`<pw-source
      type=${ifDefined(args.type || undefined)}
      base-url=${ifDefined(args['base-url'])}
      timezone=${ifDefined(args.timezone || undefined)}
    >
      <script type="application/json">
        {
          "pageBase": 1,
          "dateFormat": "dd/MM/yyyy HH:mm",
          "articles": {
            "url": "{base}/tin-tuc.json?chuyenMuc={category}&trang={page}&soTin={pageSize}",
            "items": "result.rows",
            "total": "result.tongSo",
            "fields": {
              "id": "maTin",
              "title": "tieuDe",
              "date": "ngayDang",
              "summary": "tomTat",
              "image.src": "anh.url"
            }
          },
          "links": {
            "url": "{base}/lien-ket.json",
            "items": "data",
            "fields": { "title": "ten", "url": "diaChi", "group": "nhom.ten" }
          },
          "stats": {
            "url": "{base}/thong-ke.json",
            "root": "data",
            "fields": { "online": "dangTruyCap", "today": "homNay", "total": "tongLuotTruyCap" }
          }
        }
      </script>
      ${columns(
        html`<pw-activity-list
          heading="Tin tức - Sự kiện"
          page-size="3"
          href-template="#tin-{id}"
          paging="none"
          show-summary
        ></pw-activity-list>`,
        html`<pw-link-box variant="list"></pw-link-box>
          <pw-visit-stats fields="online today total"></pw-visit-stats>`,
      )}
    </pw-source>`,
  parameters: {
    docs: {
      description: {
        story:
          'A home-grown Vietnamese API (`{ "result": { "rows": [{ "maTin", "tieuDe", "ngayDang": "26/11/2026 16:30" }], ' +
          '"tongSo": "9" } }`) read through one mapping object per kind: `url` template, `items` / `root` / ' +
          '`total` paths and `fields`. Dates follow `dateFormat` in the source time zone; counters given as ' +
          'strings with digit groups (`"4.215.730"`) are read as numbers.',
      },
    },
  },
};

export const MappingPathMissing: Story = {
  name: 'Error: mapped path not in the response',
  args: { type: 'json', 'base-url': 'story-fixtures/mapping' },
  render: (args) =>
    html`<pw-source type="json" base-url=${ifDefined(args['base-url'])}>
      <script type="application/json">
        { "articles": { "url": "{base}/tin-tuc.json", "items": "result.danhSach" } }
      </script>
      <pw-activity-list heading="Tin tức - Sự kiện"></pw-activity-list>
    </pw-source>`,
  parameters: {
    controls: { disable: true },
    docs: {
      description: {
        story:
          'The mapping names `result.danhSach`, which the response does not have: the widget shows the ' +
          'configuration error state, and the console names the path and the URL.',
      },
    },
  },
};

const inMemorySource = createInMemorySource();

export const CustomDataSource: Story = {
  name: 'Custom data source in script',
  render: () =>
    html`<pw-source .source=${inMemorySource}>
      ${columns(
        html`<pw-activity-list
          category="thong-cao"
          heading="Thông cáo báo chí"
          href-template="#tin-{id}"
        ></pw-activity-list>`,
        html`<pw-link-box variant="list"></pw-link-box>
          <pw-visit-stats fields="online today total" refresh="5"></pw-visit-stats>`,
      )}
    </pw-source>`,
  parameters: {
    controls: { disable: true },
    docs: {
      description: {
        story:
          '`sourceElement.source = myDataSource`: any object with `getArticle`, `listArticles`, `listLinks` and ' +
          '`getVisitStats` plugs in a backend. This one lives in memory; its visit counter grows on every refresh ' +
          '(`refresh="5"`).',
      },
    },
  },
};

export const Loading: Story = {
  name: 'Loading (source never answers)',
  render: () => html`<pw-source .source=${neverAnswers}>${widgets()}</pw-source>`,
  parameters: { controls: { disable: true } },
};

export const BrokenFile: Story = {
  name: 'Error: file is not JSON',
  args: { 'base-url': 'story-fixtures/broken.txt' },
};

export const EmptyFile: Story = {
  name: 'Empty: file without items',
  args: { 'base-url': 'story-fixtures/empty-portal.json' },
};

export const UnsupportedType: Story = {
  name: 'Error: unsupported type',
  render: (args) =>
    html`<pw-source type="gopher" base-url=${ifDefined(args['base-url'])}>${widgets()}</pw-source>`,
  parameters: {
    docs: {
      description: {
        story:
          'A `type` the library does not know is a configuration error, shown by every widget that uses the source.',
      },
    },
  },
};

export const SourceNotFound: Story = {
  name: 'Error: named source missing',
  render: () => widgets({ source: 'nguon-khong-ton-tai' }),
  parameters: { controls: { disable: true } },
};
