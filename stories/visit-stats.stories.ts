import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/source/source.js';
import '../src/visit-stats/visit-stats.js';
import { createStaticSource } from '../src/data/adapters/static.js';
import type { DataSource, VisitStats } from '../src/data/types.js';
import {
  fromBrokenData,
  fromPendingSource,
  fromPortalData,
  optional,
  PORTAL_DATA,
  type WidgetArgs,
} from './shared.js';

/** `{}`: no counter at all. */
const EMPTY_STATS = 'story-fixtures/empty-stats.json';

const ALL_FIELDS = ['online', 'today', 'yesterday', 'week', 'month', 'year', 'total'];

type State = 'loaded' | 'loading' | 'empty' | 'error';

interface VisitStatsArgs extends WidgetArgs {
  /** The figures to show; the control gives a list, the attribute takes them space-separated. */
  fields?: string[] | string;
  refresh?: number;
  record?: boolean;
  digits?: number;
}

const fieldsAttribute = (fields: VisitStatsArgs['fields']) =>
  Array.isArray(fields) ? fields.join(' ') : fields;

const visitStats = (args: VisitStatsArgs) =>
  html`<pw-visit-stats
    fields=${ifDefined(fieldsAttribute(args.fields))}
    refresh=${ifDefined(args.refresh)}
    ?record=${args.record}
    digits=${ifDefined(args.digits)}
    heading=${optional(args.heading)}
    heading-level=${ifDefined(args['heading-level'])}
    source=${optional(args.source)}
    src=${optional(args.src)}
    lang=${optional(args.lang)}
    @pw-load=${args.onPwLoad}
    @pw-error=${args.onPwError}
  ></pw-visit-stats>`;

/** How each state is reached: fixture files over HTTP, or a source that never answers. */
const renderState: Record<State, (args: VisitStatsArgs) => TemplateResult> = {
  loaded: (args) => fromPortalData(visitStats(args)),
  loading: (args) => fromPendingSource(visitStats(args)),
  // The widget's own `src` answers `{}`.
  empty: (args) => visitStats(args),
  error: (args) => fromBrokenData(visitStats(args)),
};

/**
 * One cell of the fields × state × language grid. Its name comes from the
 * export name (e.g. "All Fields Empty En"), which Storybook reads without running the file.
 */
function cell(fields: string[], state: State, lang: 'vi' | 'en'): Story {
  return {
    args: { fields, lang, ...(state === 'empty' ? { src: EMPTY_STATS } : {}) },
    render: renderState[state],
  };
}

/**
 * The demo portal's figures read over HTTP, then pushed again every three
 * seconds with a few more visitors, as a backend with a live feed would
 * (`watchVisitStats`): the box counts up to each new figure and does not poll.
 */
function liveSource(): DataSource {
  const files = createStaticSource({ url: PORTAL_DATA });
  return {
    ...files,
    watchVisitStats(callback: (stats: VisitStats) => void) {
      let latest: VisitStats | undefined;
      const timer = setInterval(async () => {
        const stats = latest ?? (await files.getVisitStats());
        const more = 1 + Math.floor(Math.random() * 5);
        latest = {
          ...stats,
          online: Math.max(1, (stats.online ?? 0) + Math.round(Math.random() * 6 - 3)),
          today: (stats.today ?? 0) + more,
          week: (stats.week ?? 0) + more,
          month: (stats.month ?? 0) + more,
          year: (stats.year ?? 0) + more,
          total: (stats.total ?? 0) + more,
        };
        callback(latest);
      }, 3000);
      return () => clearInterval(timer);
    },
  };
}

/** About the width of a portal's sidebar. */
const sidebarWidth = (story: () => unknown) =>
  html`<div style=${styleMap({ maxWidth: '20rem' })}>${story()}</div>`;

const meta: Meta<VisitStatsArgs> = {
  title: 'Widgets/Visit stats',
  component: 'pw-visit-stats',
  decorators: [sidebarWidth],
  argTypes: {
    fields: {
      control: 'check',
      options: ALL_FIELDS,
      description:
        'Which figures to show, space-separated in the attribute: any of `online today yesterday week month year total`.',
    },
    refresh: { control: { type: 'number', min: 0, step: 5 } },
    digits: { control: { type: 'number', min: 0, max: 21, step: 1 } },
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
    fields: ['online', 'total'],
    refresh: 60,
    record: false,
    digits: 0,
    'heading-level': 2,
    lang: '',
  },
  render: (args) => fromPortalData(visitStats(args)),
  parameters: {
    docs: {
      description: {
        component:
          'Visitors online now and visit counts, grouped the way the language writes numbers (`9.313.603` in ' +
          'Vietnamese, `9,313,603` in English), as a definition list. Inside ' +
          '`<pw-source type="static" base-url="fixtures/portal.json">` it reads the demo portal counters over HTTP.\n\n' +
          '- `refresh` (seconds, default 60, `0` off): no requests while the tab is hidden, one as soon as it shows.\n' +
          '- A source with `watchVisitStats` pushes figures instead of being polled (see "Live figures").\n' +
          '- `record`: counts this page view once per browser session, where the source can (the `json` source ' +
          'posts to `{base}/stats/visit`; the static files here cannot count).\n' +
          '- `digits`: zero-padded and still grouped, `digits="8"` → `09.313.603`.\n' +
          '- New figures count up from the previous ones, unless the visitor prefers reduced motion; screen ' +
          'readers get the final number throughout.',
      },
    },
  },
};

export default meta;
type Story = StoryObj<VisitStatsArgs>;

/** The two figures of the classic portal box, online now and total visits, in the toolbar's language. */
export const Default: Story = {};

// Online and total (the default fields)
export const LoadedVi = cell(['online', 'total'], 'loaded', 'vi');
export const LoadingVi = cell(['online', 'total'], 'loading', 'vi');
export const EmptyVi = cell(['online', 'total'], 'empty', 'vi');
export const ErrorVi = cell(['online', 'total'], 'error', 'vi');
export const LoadedEn = cell(['online', 'total'], 'loaded', 'en');
export const LoadingEn = cell(['online', 'total'], 'loading', 'en');
export const EmptyEn = cell(['online', 'total'], 'empty', 'en');
export const ErrorEn = cell(['online', 'total'], 'error', 'en');

// Every field
export const AllFieldsLoadedVi = cell(ALL_FIELDS, 'loaded', 'vi');
export const AllFieldsLoadingVi = cell(ALL_FIELDS, 'loading', 'vi');
export const AllFieldsEmptyVi = cell(ALL_FIELDS, 'empty', 'vi');
export const AllFieldsErrorVi = cell(ALL_FIELDS, 'error', 'vi');
export const AllFieldsLoadedEn = cell(ALL_FIELDS, 'loaded', 'en');
export const AllFieldsLoadingEn = cell(ALL_FIELDS, 'loading', 'en');
export const AllFieldsEmptyEn = cell(ALL_FIELDS, 'empty', 'en');
export const AllFieldsErrorEn = cell(ALL_FIELDS, 'error', 'en');

export const TodayYesterdayTotal: Story = {
  name: 'Fields: today, yesterday, total',
  args: { fields: ['today', 'yesterday', 'total'] },
};

export const WeekMonthYear: Story = {
  name: 'Fields: week, month, year',
  args: { fields: ['week', 'month', 'year'] },
};

export const Digits: Story = {
  name: 'Zero-padded digits · vi',
  args: { fields: ['online', 'today', 'total'], digits: 8, lang: 'vi' },
  parameters: {
    docs: {
      description: {
        story:
          '`digits="8"`: every figure has at least eight digits, as classic counters show, and keeps the ' +
          "language's grouping so it still reads as one number: `09.313.603`.",
      },
    },
  },
};

export const DigitsEn: Story = {
  name: 'Zero-padded digits · en',
  args: { fields: ['online', 'today', 'total'], digits: 8, lang: 'en' },
};

export const Live: Story = {
  name: 'Live figures (watchVisitStats)',
  args: { fields: ['online', 'today', 'total'] },
  render: (args) => html`<pw-source .source=${liveSource()}>${visitStats(args)}</pw-source>`,
  parameters: {
    docs: {
      description: {
        story:
          'A custom `DataSource` on `<pw-source>.source` whose `watchVisitStats` pushes new figures every ' +
          'three seconds. The box counts up to each (unless reduced motion is asked for), fires `pw-load`, ' +
          'and stops watching when it leaves the page.',
      },
    },
  },
};

export const LiveEn: Story = {
  ...Live,
  name: 'Live figures (watchVisitStats) · en',
  args: { fields: ['online', 'today', 'total'], lang: 'en' },
};
