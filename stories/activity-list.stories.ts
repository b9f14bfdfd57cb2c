import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/source/source.js';
import '../src/activity-list/activity-list.js';
import type { DataSource } from '../src/data/types.js';

/** The demo portal's data, served next to the preview iframe (see .storybook/main.ts). */
const PORTAL_DATA = 'fixtures/portal.json';
/** A file that is not JSON: every read fails with a parse error. */
const BROKEN_DATA = 'story-fixtures/broken.txt';

interface ActivityListArgs {
  category?: string;
  'page-size'?: number;
  layout?: 'list' | 'featured' | 'cards';
  paging?: 'pages' | 'more' | 'none';
  'hide-date'?: boolean;
  'show-image'?: boolean;
  'show-summary'?: boolean;
  target?: string;
  'href-template'?: string;
  heading?: string;
  'heading-level'?: number;
  source?: string;
  src?: string;
  lang?: string;
  onPwLoad?: (event: Event) => void;
  onPwError?: (event: Event) => void;
  onPwSelect?: (event: Event) => void;
}

/** A source whose calls never settle: the widget stays in its loading state. */
const neverAnswers: DataSource = {
  getArticle: () => new Promise(() => {}),
  listArticles: () => new Promise(() => {}),
  listLinks: () => new Promise(() => {}),
  getVisitStats: () => new Promise(() => {}),
};

/** Empty attribute values from the controls panel mean "attribute not set". */
const optional = (value: string | undefined) => ifDefined(value ? value : undefined);

/**
 * The items of the fixture data link to the demo portal's own pages; following
 * one would replace Storybook inside its frame. The story reports the click in
 * the Actions panel instead (cancelling `pw-select`, as a page script may).
 */
const reportSelection = (args: ActivityListArgs) => (event: Event) => {
  event.preventDefault();
  args.onPwSelect?.(event);
};

const activityList = (args: ActivityListArgs, fallback?: TemplateResult) =>
  html`<pw-activity-list
    category=${optional(args.category)}
    page-size=${ifDefined(args['page-size'])}
    layout=${ifDefined(args.layout)}
    paging=${ifDefined(args.paging)}
    ?hide-date=${args['hide-date']}
    ?show-image=${args['show-image']}
    ?show-summary=${args['show-summary']}
    target=${optional(args.target)}
    href-template=${optional(args['href-template'])}
    heading=${optional(args.heading)}
    heading-level=${ifDefined(args['heading-level'])}
    source=${optional(args.source)}
    src=${optional(args.src)}
    lang=${optional(args.lang)}
    @pw-load=${args.onPwLoad}
    @pw-error=${args.onPwError}
    @pw-select=${reportSelection(args)}
    >${fallback ?? nothing}</pw-activity-list
  >`;

const fromPortalData = (content: TemplateResult) =>
  html`<pw-source type="static" base-url=${PORTAL_DATA}>${content}</pw-source>`;

const fromBrokenData = (content: TemplateResult) =>
  html`<pw-source type="static" base-url=${BROKEN_DATA}>${content}</pw-source>`;

const fromPendingSource = (content: TemplateResult) =>
  html`<pw-source .source=${neverAnswers}>${content}</pw-source>`;

const meta: Meta<ActivityListArgs> = {
  title: 'Widgets/Activity list',
  component: 'pw-activity-list',
  decorators: [
    // About the width of a portal's main column.
    (story) => html`<div style=${styleMap({ maxWidth: '46rem' })}>${story()}</div>`,
  ],
  argTypes: {
    layout: { control: 'inline-radio', options: ['list', 'featured', 'cards'] },
    paging: { control: 'inline-radio', options: ['pages', 'more', 'none'] },
    'page-size': { control: { type: 'number', min: 1, max: 100, step: 1 } },
    'heading-level': { control: { type: 'number', min: 1, max: 6, step: 1 } },
    lang: {
      description:
        'Language of the widget (`vi` or `en`). When not set, the nearest `[lang]` ancestor decides: use the toolbar.',
      control: { type: 'inline-radio', labels: { '': '(inherited)' } },
      options: ['', 'vi', 'en'],
      table: { category: 'attributes', type: { summary: "'vi' | 'en'" } },
    },
  },
  args: {
    category: 'hoat-dong-lanh-dao',
    'page-size': 5,
    layout: 'list',
    paging: 'pages',
    'hide-date': false,
    'show-image': false,
    'show-summary': false,
    'heading-level': 2,
    lang: '',
  },
  render: (args) => fromPortalData(activityList(args)),
  parameters: {
    docs: {
      description: {
        component:
          'The latest items of one category, paged. Inside `<pw-source type="static" base-url="fixtures/portal.json">` ' +
          'the list reads the demo portal data over HTTP. In these stories a click on an item is reported in the ' +
          'Actions panel (`pw-select`) instead of leaving Storybook.',
      },
    },
  },
};

export default meta;
type Story = StoryObj<ActivityListArgs>;

/** The classic portal list: title links with their dates, and page numbers. */
export const Default: Story = {};

export const Loading: Story = {
  render: (args) => fromPendingSource(activityList(args)),
  parameters: {
    docs: {
      description: {
        story:
          'A source whose calls never answer: the skeleton stays, the box is `aria-busy="true"` and a status ' +
          'region announces the loading.',
      },
    },
  },
};

export const Empty: Story = {
  args: { src: 'story-fixtures/empty-page.json' },
  render: (args) => activityList(args),
  parameters: {
    docs: {
      description: {
        story:
          'The widget\'s own `src` answers a page with no items: `{ "items": [], "page": 1, "pageSize": 5, "hasMore": false }`.',
      },
    },
  },
};

export const Error: Story = {
  render: (args) => fromBrokenData(activityList(args)),
  parameters: {
    docs: {
      description: {
        story:
          'The source\'s file is not JSON: the box says so in the widget\'s language and offers "Thử lại" / "Try again".',
      },
    },
  },
};

export const ErrorNotFound: Story = {
  name: 'Error: missing file (HTTP 404)',
  args: { src: 'story-fixtures/khong-ton-tai.json' },
  render: (args) => activityList(args),
};

export const NoSource: Story = {
  name: 'Error: no source',
  render: (args) => activityList(args),
  parameters: {
    docs: {
      description: {
        story:
          'No enclosing `<pw-source>`, no `source`, no `src` and no page default: a clear error, never a blank box.',
      },
    },
  },
};

export const ServerFallback: Story = {
  name: 'Server-rendered fallback',
  render: (args) =>
    fromPendingSource(
      activityList(
        args,
        html`<ul>
          <li>
            <a href="#kiem-tra-cong-trinh-trong-diem"
              >Lãnh đạo UBND quận kiểm tra tiến độ các công trình trọng điểm năm 2020</a
            >
          </li>
          <li>
            <a href="#tiep-cong-dan-dinh-ky-thang-3"
              >Chủ tịch UBND quận tiếp công dân định kỳ tháng 3/2020</a
            >
          </li>
        </ul>`,
      ),
    ),
  parameters: {
    docs: {
      description: {
        story:
          'Plain HTML given by the server inside the tag stays visible until the data arrives (here it never does), ' +
          'so the page works and is indexed without JavaScript.',
      },
    },
  },
};

export const Featured: Story = {
  name: 'Layout: featured',
  args: { layout: 'featured' },
};

export const Cards: Story = {
  name: 'Layout: cards',
  args: { layout: 'cards', 'page-size': 6 },
};

export const WithImagesAndSummaries: Story = {
  name: 'Layout: list with images and summaries',
  args: { 'show-image': true, 'show-summary': true },
};

export const PagingMore: Story = {
  name: 'Paging: more button',
  args: { paging: 'more' },
};

export const PagingNone: Story = {
  name: 'Paging: none',
  args: { paging: 'none' },
};

export const HideDate: Story = {
  name: 'Without dates',
  args: { 'hide-date': true, paging: 'none' },
};

export const OtherCategory: Story = {
  name: 'Another category, custom heading',
  args: { category: 'tin-tuc-su-kien', heading: 'Tin tức - Sự kiện', 'page-size': 3 },
};

export const English: Story = {
  args: { lang: 'en' },
};

export const EnglishFeatured: Story = {
  name: 'English: featured',
  args: { lang: 'en', layout: 'featured', paging: 'more' },
};

export const EnglishEmpty: Story = {
  name: 'English: empty',
  args: { ...Empty.args, lang: 'en' },
  render: Empty.render,
};

export const EnglishError: Story = {
  name: 'English: error',
  args: { lang: 'en' },
  render: Error.render,
};
