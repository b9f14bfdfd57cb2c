import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/source/source.js';
import '../src/activity-list/activity-list.js';
import '../src/article/article.js';
import { createStaticSource } from '../src/data/adapters/static.js';
import type { DataSource } from '../src/data/types.js';
import {
  PORTAL_DATA,
  optional,
  fromPortalData,
  fromBrokenData,
  fromPendingSource,
  fromSource,
  type WidgetArgs,
} from './shared.js';

/** `{ "items": [], "page": 1, "pageSize": 5, "hasMore": false }`. */
const EMPTY_PAGE = 'story-fixtures/empty-page.json';

type Layout = 'list' | 'featured' | 'cards';
type Paging = 'pages' | 'more' | 'none';
type State = 'loading' | 'empty' | 'error';
type Lang = 'vi' | 'en';

interface ActivityListArgs extends WidgetArgs {
  category?: string;
  'page-size'?: number;
  layout?: Layout;
  paging?: Paging;
  'hide-date'?: boolean;
  'show-image'?: boolean;
  'show-summary'?: boolean;
  target?: string;
  'href-template'?: string;
  onPwSelect?: (event: Event) => void;
}

/**
 * The demo data over HTTP, as a backend that gives no item total: with
 * `guessMore`, not even "has more" (a full page is then taken to mean more),
 * as RSS feeds and Drupal's JSON:API behave.
 */
function withoutTotal(guessMore: boolean): DataSource {
  const source = createStaticSource({ url: PORTAL_DATA });
  return {
    ...source,
    async listArticles(query, options) {
      const { items, page, pageSize, hasMore } = await source.listArticles(query, options);
      return { items, page, pageSize, hasMore: guessMore ? items.length >= pageSize : hasMore };
    },
  };
}

/**
 * The items of the fixture data link to the demo portal's own pages; following
 * one would replace Storybook inside its frame. The story reports the click in
 * the Actions panel instead (cancelling `pw-select`, as a page script may).
 */
const reportSelection = (args: ActivityListArgs) => (event: Event) => {
  event.preventDefault();
  args.onPwSelect?.(event);
};

/** `follow`: let a click do what it does on a page (show the target article) instead of reporting it. */
const activityList = (args: ActivityListArgs, fallback?: TemplateResult, follow = false) =>
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
    @pw-select=${follow ? args.onPwSelect : reportSelection(args)}
    >${fallback ?? nothing}</pw-activity-list
  >`;

/** How each state is reached: fixture files over HTTP, or a source that never answers. */
const renderState: Record<State, (args: ActivityListArgs) => TemplateResult> = {
  loading: (args) => fromPendingSource(activityList(args)),
  // The widget's own `src` answers a page without items.
  empty: (args) => activityList({ ...args, src: EMPTY_PAGE }),
  error: (args) => fromBrokenData(activityList(args)),
};

/**
 * One loaded cell of the layout × paging × language grid. Its name comes from
 * the export name (e.g. "Cards More En"), which Storybook reads without running the file.
 */
function loaded(layout: Layout, paging: Paging, lang: Lang): Story {
  return { args: { layout, paging, lang, ...(layout === 'cards' ? { 'page-size': 6 } : {}) } };
}

/** One cell of the layout × state × language grid. */
function inState(layout: Layout, state: State, lang: Lang): Story {
  return { args: { layout, lang }, render: renderState[state] };
}

/** About the width of a portal's main column. */
const mainColumn = (story: () => unknown) =>
  html`<div style=${styleMap({ maxWidth: '46rem' })}>${story()}</div>`;

/** The narrowest phone the layouts are made for. */
const phoneWidth = (story: () => unknown) =>
  html`<div style=${styleMap({ width: '320px' })}>${story()}</div>`;

const meta: Meta<ActivityListArgs> = {
  title: 'Widgets/Activity list',
  component: 'pw-activity-list',
  decorators: [mainColumn],
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
          'Actions panel (`pw-select`) instead of leaving Storybook.\n\n' +
          '- **Layouts**: `list` (titles with their dates), `featured` (the first item large with its picture and ' +
          'summary), `cards` (a grid from one column at 320 px to as many as fit). Pictures load lazily and keep ' +
          'their box before they arrive, so nothing jumps.\n' +
          '- **Paging**: `pages` (previous / next and page numbers, compact for many pages: `1 … 4 5 6 … 20`; ' +
          'each number is named "Trang N" / "Page N"), `more` (appends the next page and moves focus to its first ' +
          'item), `none`. After a page change focus moves to the first item and the new page is announced.\n' +
          '- Every title is a real link: to the `target` article on the same page, to `href-template`, or to the ' +
          "item's own URL.",
      },
    },
  },
};

export default meta;
type Story = StoryObj<ActivityListArgs>;

/** The classic portal list in the toolbar's language: title links with their dates, and page numbers. */
export const Default: Story = {};

// Layout × paging, loaded
export const ListPagesVi = loaded('list', 'pages', 'vi');
export const ListMoreVi = loaded('list', 'more', 'vi');
export const ListNoneVi = loaded('list', 'none', 'vi');
export const FeaturedPagesVi = loaded('featured', 'pages', 'vi');
export const FeaturedMoreVi = loaded('featured', 'more', 'vi');
export const FeaturedNoneVi = loaded('featured', 'none', 'vi');
export const CardsPagesVi = loaded('cards', 'pages', 'vi');
export const CardsMoreVi = loaded('cards', 'more', 'vi');
export const CardsNoneVi = loaded('cards', 'none', 'vi');
export const ListPagesEn = loaded('list', 'pages', 'en');
export const ListMoreEn = loaded('list', 'more', 'en');
export const ListNoneEn = loaded('list', 'none', 'en');
export const FeaturedPagesEn = loaded('featured', 'pages', 'en');
export const FeaturedMoreEn = loaded('featured', 'more', 'en');
export const FeaturedNoneEn = loaded('featured', 'none', 'en');
export const CardsPagesEn = loaded('cards', 'pages', 'en');
export const CardsMoreEn = loaded('cards', 'more', 'en');
export const CardsNoneEn = loaded('cards', 'none', 'en');

// Layout × state: loading (a source that never answers), empty, error (a file that is not JSON)
export const ListLoadingVi = inState('list', 'loading', 'vi');
export const ListEmptyVi = inState('list', 'empty', 'vi');
export const ListErrorVi = inState('list', 'error', 'vi');
export const FeaturedLoadingVi = inState('featured', 'loading', 'vi');
export const FeaturedEmptyVi = inState('featured', 'empty', 'vi');
export const FeaturedErrorVi = inState('featured', 'error', 'vi');
export const CardsLoadingVi = inState('cards', 'loading', 'vi');
export const CardsEmptyVi = inState('cards', 'empty', 'vi');
export const CardsErrorVi = inState('cards', 'error', 'vi');
export const ListLoadingEn = inState('list', 'loading', 'en');
export const ListEmptyEn = inState('list', 'empty', 'en');
export const ListErrorEn = inState('list', 'error', 'en');
export const FeaturedLoadingEn = inState('featured', 'loading', 'en');
export const FeaturedEmptyEn = inState('featured', 'empty', 'en');
export const FeaturedErrorEn = inState('featured', 'error', 'en');
export const CardsLoadingEn = inState('cards', 'loading', 'en');
export const CardsEmptyEn = inState('cards', 'empty', 'en');
export const CardsErrorEn = inState('cards', 'error', 'en');

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

export const ManyPages: Story = {
  name: 'Paging: many pages (compact window)',
  args: { 'page-size': 2 },
  parameters: {
    docs: {
      description: {
        story:
          'Seventeen items two at a time: nine pages, shown as `1 2 3 4 5 … 9` and, further on, `1 … 4 5 6 … 9`.',
      },
    },
  },
};

export const WithoutTotal: Story = {
  name: 'Paging: backend without an item total',
  args: { 'page-size': 4 },
  render: (args) => fromSource(withoutTotal(false))(activityList(args)),
  parameters: {
    docs: {
      description: {
        story:
          'The backend says only whether another page exists: the list offers the pages seen so far and "Sau" / ' +
          '"Next"; the last number appears once it is reached.',
      },
    },
  },
};

export const WithoutPagingInfo: Story = {
  name: 'Paging: backend that reports no paging at all',
  args: { 'page-size': 4 },
  render: (args) => fromSource(withoutTotal(true))(activityList(args)),
  parameters: {
    docs: {
      description: {
        story:
          'No total and no "has more": a full page is taken to mean there is more. Seventeen items of four ' +
          'fill four pages and leave one on the fifth.',
      },
    },
  },
};

export const PhoneCards: Story = {
  name: 'Cards at 320 px',
  args: { layout: 'cards', 'page-size': 4 },
  decorators: [phoneWidth],
};

export const PhoneList: Story = {
  name: 'List at 320 px, compact page numbers',
  args: { 'page-size': 2, 'show-image': true },
  decorators: [phoneWidth],
};

export const WithImagesAndSummaries: Story = {
  name: 'List with images and summaries',
  args: { 'show-image': true, 'show-summary': true },
};

export const HideDate: Story = {
  name: 'Without dates',
  args: { 'hide-date': true, paging: 'none' },
};

export const HrefTemplate: Story = {
  name: 'Links through href-template',
  args: { 'href-template': '/tin-tuc?id={id}' },
  parameters: {
    docs: {
      description: {
        story:
          'Every title links to `/tin-tuc?id=…` (hover a title, or open it in a new tab); a plain click is ' +
          'reported in the Actions panel.',
      },
    },
  },
};

export const WithTargetArticle: Story = {
  name: 'Shows the chosen item in an article',
  args: { target: 'story-article' },
  render: (args) =>
    fromPortalData(
      html`${activityList(args, undefined, true)}
        <pw-article
          id="story-article"
          id-param="bai"
          article-id="hong-bang-tiep-doan-kiem-tra"
          lang=${optional(args.lang)}
        ></pw-article>`,
    ),
  parameters: {
    docs: {
      description: {
        story:
          'With `target`, a click shows the item in the `<pw-article>` below and adds `?bai=…` to the URL ' +
          '(back and forward follow); the links also work in a new tab.',
      },
    },
  },
};

export const OtherCategory: Story = {
  name: 'Another category, custom heading',
  args: { category: 'tin-tuc-su-kien', heading: 'Tin tức - Sự kiện', 'page-size': 3 },
};
