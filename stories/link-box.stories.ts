import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/source/source.js';
import '../src/link-box/link-box.js';
import type { DataSource } from '../src/data/types.js';

/** The demo portal's data, served next to the preview iframe (see .storybook/main.ts). */
const PORTAL_DATA = 'fixtures/portal.json';
/** A file that is not JSON: every read fails with a parse error. */
const BROKEN_DATA = 'story-fixtures/broken.txt';

interface LinkBoxArgs {
  variant?: 'select' | 'list' | 'logos';
  group?: string;
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

const linkBox = (args: LinkBoxArgs) =>
  html`<pw-link-box
    variant=${ifDefined(args.variant)}
    group=${optional(args.group)}
    heading=${optional(args.heading)}
    heading-level=${ifDefined(args['heading-level'])}
    source=${optional(args.source)}
    src=${optional(args.src)}
    lang=${optional(args.lang)}
    @pw-load=${args.onPwLoad}
    @pw-error=${args.onPwError}
  ></pw-link-box>`;

const fromPortalData = (content: TemplateResult) =>
  html`<pw-source type="static" base-url=${PORTAL_DATA}>${content}</pw-source>`;

const fromBrokenData = (content: TemplateResult) =>
  html`<pw-source type="static" base-url=${BROKEN_DATA}>${content}</pw-source>`;

const fromPendingSource = (content: TemplateResult) =>
  html`<pw-source .source=${neverAnswers}>${content}</pw-source>`;

/** About the width of a portal's sidebar. */
const sidebarWidth = (story: () => unknown) =>
  html`<div style=${styleMap({ maxWidth: '20rem' })}>${story()}</div>`;

const meta: Meta<LinkBoxArgs> = {
  title: 'Widgets/Link box',
  component: 'pw-link-box',
  decorators: [sidebarWidth],
  argTypes: {
    variant: { control: 'inline-radio', options: ['select', 'list', 'logos'] },
    group: {
      control: { type: 'select', labels: { '': '(all groups)' } },
      options: ['', 'Cơ quan Trung ương', 'Thành phố Hải Phòng', 'Quận, huyện'],
    },
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
    variant: 'select',
    group: '',
    'heading-level': 2,
    lang: '',
  },
  render: (args) => fromPortalData(linkBox(args)),
  parameters: {
    docs: {
      description: {
        component:
          'Links to other agencies\' sites. Inside `<pw-source type="static" base-url="fixtures/portal.json">` ' +
          'it reads the demo portal links over HTTP. The drop-down never navigates on a change of selection: ' +
          'the visitor picks a site, then presses "Đi" / "Go".',
      },
    },
  },
};

export default meta;
type Story = StoryObj<LinkBoxArgs>;

/** The portal drop-down, its options grouped under `optgroup`s, and the "Đi" button. */
export const Default: Story = {};

export const Loading: Story = {
  render: (args) => fromPendingSource(linkBox(args)),
};

export const Empty: Story = {
  args: { src: 'story-fixtures/empty-links.json' },
  render: (args) => linkBox(args),
  parameters: {
    docs: {
      description: { story: 'The widget\'s own `src` answers `{ "items": [] }`.' },
    },
  },
};

export const Error: Story = {
  render: (args) => fromBrokenData(linkBox(args)),
};

export const List: Story = {
  name: 'Variant: list',
  args: { variant: 'list' },
};

export const Logos: Story = {
  name: 'Variant: logos',
  args: { variant: 'logos' },
};

export const OneGroup: Story = {
  name: 'One group only',
  args: { variant: 'list', group: 'Thành phố Hải Phòng' },
};

export const SafeLinksOnly: Story = {
  name: 'Only safe link types',
  args: { variant: 'list', src: 'story-fixtures/links-mixed.json' },
  render: (args) => linkBox(args),
  parameters: {
    docs: {
      description: {
        story:
          'The data holds `https:`, `mailto:`, `tel:`, `javascript:` and `file:` links and one without a URL: ' +
          'only the first three render.',
      },
    },
  },
};

export const English: Story = {
  args: { lang: 'en' },
};

export const EnglishList: Story = {
  name: 'English: list',
  args: { lang: 'en', variant: 'list' },
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
