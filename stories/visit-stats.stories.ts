import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/source/source.js';
import '../src/visit-stats/visit-stats.js';
import type { DataSource } from '../src/data/types.js';

/** The demo portal's data, served next to the preview iframe (see .storybook/main.ts). */
const PORTAL_DATA = 'fixtures/portal.json';
/** A file that is not JSON: every read fails with a parse error. */
const BROKEN_DATA = 'story-fixtures/broken.txt';

const ALL_FIELDS = ['online', 'today', 'yesterday', 'week', 'month', 'year', 'total'];

interface VisitStatsArgs {
  /** The figures to show; the control gives a list, the attribute takes them space-separated. */
  fields?: string[] | string;
  refresh?: number;
  record?: boolean;
  digits?: number;
  heading?: string;
  'heading-level'?: number;
  source?: string;
  src?: string;
  lang?: string;
  onPwLoad?: (event: Event) => void;
  onPwError?: (event: Event) => void;
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

const fromPortalData = (content: TemplateResult) =>
  html`<pw-source type="static" base-url=${PORTAL_DATA}>${content}</pw-source>`;

const fromBrokenData = (content: TemplateResult) =>
  html`<pw-source type="static" base-url=${BROKEN_DATA}>${content}</pw-source>`;

const fromPendingSource = (content: TemplateResult) =>
  html`<pw-source .source=${neverAnswers}>${content}</pw-source>`;

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
          'Vietnamese, `9,313,603` in English). Inside `<pw-source type="static" base-url="fixtures/portal.json">` ' +
          'it reads the demo portal counters over HTTP.',
      },
    },
  },
};

export default meta;
type Story = StoryObj<VisitStatsArgs>;

/** The two figures of the classic portal box: online now and total visits. */
export const Default: Story = {};

export const Loading: Story = {
  render: (args) => fromPendingSource(visitStats(args)),
};

export const Empty: Story = {
  args: { src: 'story-fixtures/empty-stats.json' },
  render: (args) => visitStats(args),
  parameters: {
    docs: {
      description: { story: "The widget's own `src` answers `{}`: no counter to show." },
    },
  },
};

export const Error: Story = {
  render: (args) => fromBrokenData(visitStats(args)),
};

export const AllFields: Story = {
  name: 'Fields: all',
  args: { fields: ALL_FIELDS },
};

export const TodayYesterdayTotal: Story = {
  name: 'Fields: today, yesterday, total',
  args: { fields: ['today', 'yesterday', 'total'] },
};

export const WeekMonthYear: Story = {
  name: 'Fields: week, month, year',
  args: { fields: ['week', 'month', 'year'] },
};

export const Digits: Story = {
  name: 'Zero-padded digits',
  args: { fields: ['online', 'today', 'total'], digits: 8 },
  parameters: {
    docs: {
      description: {
        story: '`digits="8"`: every figure has at least eight digits, as classic counters show.',
      },
    },
  },
};

export const English: Story = {
  args: { lang: 'en' },
};

export const EnglishAllFields: Story = {
  name: 'English: all fields',
  args: { lang: 'en', fields: ALL_FIELDS },
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
