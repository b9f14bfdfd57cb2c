import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/source/source.js';
import '../src/link-box/link-box.js';
import {
  fromBrokenData,
  fromPendingSource,
  fromPortalData,
  optional,
  type WidgetArgs,
} from './shared.js';

/** `{ "items": [] }`. */
const EMPTY_LINKS = 'story-fixtures/empty-links.json';
/** Safe and unsafe links mixed: https, mailto, tel, javascript, file and one without a URL. */
const MIXED_LINKS = 'story-fixtures/links-mixed.json';

type Variant = 'select' | 'list' | 'logos';
type State = 'loaded' | 'loading' | 'empty' | 'error';

interface LinkBoxArgs extends WidgetArgs {
  variant?: Variant;
  group?: string;
}

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

/** How each state is reached: fixture files over HTTP, or a source that never answers. */
const renderState: Record<State, (args: LinkBoxArgs) => TemplateResult> = {
  loaded: (args) => fromPortalData(linkBox(args)),
  loading: (args) => fromPendingSource(linkBox(args)),
  // The widget's own `src` answers `{ "items": [] }`.
  empty: (args) => linkBox(args),
  error: (args) => fromBrokenData(linkBox(args)),
};

/**
 * One cell of the variant × state × language grid. Its name comes from the
 * export name (e.g. "List Empty En"), which Storybook reads without running the file.
 */
function cell(variant: Variant, state: State, lang: 'vi' | 'en'): Story {
  return {
    args: { variant, lang, ...(state === 'empty' ? { src: EMPTY_LINKS } : {}) },
    render: renderState[state],
  };
}

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
  render: renderState.loaded,
  parameters: {
    docs: {
      description: {
        component:
          'Links to other agencies\' sites. Inside `<pw-source type="static" base-url="fixtures/portal.json">` ' +
          'it reads the demo portal links over HTTP.\n\n' +
          '- **Drop-down** (`variant="select"`, the default): choosing a site does nothing by itself; the ' +
          'visitor presses "Đi" / "Go", which opens it in a new tab with `noopener,noreferrer`. Pressing the ' +
          'button with nothing chosen announces a hint. Groups are `optgroup`s.\n' +
          '- **List** and **Logos**: plain links under their group names (headings one level below the box ' +
          'title). Web links open in a new tab and say so to screen readers; a site without a logo shows its name.\n\n' +
          'Only `http:`, `https:`, `mailto:` and `tel:` links render; mail and phone links open in place.',
      },
    },
  },
};

export default meta;
type Story = StoryObj<LinkBoxArgs>;

/** The portal drop-down in the toolbar's language: its options under `optgroup`s, and the "Đi" button. */
export const Default: Story = {};

// Drop-down
export const SelectLoadedVi = cell('select', 'loaded', 'vi');
export const SelectLoadingVi = cell('select', 'loading', 'vi');
export const SelectEmptyVi = cell('select', 'empty', 'vi');
export const SelectErrorVi = cell('select', 'error', 'vi');
export const SelectLoadedEn = cell('select', 'loaded', 'en');
export const SelectLoadingEn = cell('select', 'loading', 'en');
export const SelectEmptyEn = cell('select', 'empty', 'en');
export const SelectErrorEn = cell('select', 'error', 'en');

// List
export const ListLoadedVi = cell('list', 'loaded', 'vi');
export const ListLoadingVi = cell('list', 'loading', 'vi');
export const ListEmptyVi = cell('list', 'empty', 'vi');
export const ListErrorVi = cell('list', 'error', 'vi');
export const ListLoadedEn = cell('list', 'loaded', 'en');
export const ListLoadingEn = cell('list', 'loading', 'en');
export const ListEmptyEn = cell('list', 'empty', 'en');
export const ListErrorEn = cell('list', 'error', 'en');

// Logos
export const LogosLoadedVi = cell('logos', 'loaded', 'vi');
export const LogosLoadingVi = cell('logos', 'loading', 'vi');
export const LogosEmptyVi = cell('logos', 'empty', 'vi');
export const LogosErrorVi = cell('logos', 'error', 'vi');
export const LogosLoadedEn = cell('logos', 'loaded', 'en');
export const LogosLoadingEn = cell('logos', 'loading', 'en');
export const LogosEmptyEn = cell('logos', 'empty', 'en');
export const LogosErrorEn = cell('logos', 'error', 'en');

/** Presses "Đi" / "Go" with nothing chosen, as a visitor might. */
const pressGo = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const box = canvasElement.querySelector('pw-link-box');
  await box?.updateComplete;
  const go = () =>
    box?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="go-button"]') ?? undefined;
  // The links arrive over HTTP: wait for the button before pressing it.
  for (let tries = 0; !go() && tries < 100; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  go()?.click();
};

export const ChooseFirstVi: Story = {
  name: 'Drop-down · Go with nothing chosen · vi',
  args: { lang: 'vi' },
  play: pressGo,
  parameters: {
    docs: {
      description: {
        story:
          'The hint is announced (a `role="status"` region) and focus goes back to the drop-down, ' +
          'which it describes until a site is chosen.',
      },
    },
  },
};

export const ChooseFirstEn: Story = {
  ...ChooseFirstVi,
  name: 'Drop-down · Go with nothing chosen · en',
  args: { lang: 'en' },
};

export const OneGroup: Story = {
  name: 'List · one group only',
  args: { variant: 'list', group: 'Thành phố Hải Phòng' },
};

export const EmptyGroup: Story = {
  name: 'List · a group without links',
  args: { variant: 'list', group: 'Không có nhóm này' },
  parameters: {
    docs: { description: { story: 'The empty sentence names the group.' } },
  },
};

export const LogosOneGroup: Story = {
  name: 'Logos · one group, some sites without a logo',
  args: { variant: 'logos', group: 'Cơ quan Trung ương' },
};

export const SafeLinksOnly: Story = {
  name: 'List · only safe link types',
  args: { variant: 'list', src: MIXED_LINKS },
  render: (args) => linkBox(args),
  parameters: {
    docs: {
      description: {
        story:
          'The data holds `https:`, `mailto:`, `tel:`, `javascript:` and `file:` links and one without a URL: ' +
          'only the first three render (the others are dropped with a console warning). Only the web link ' +
          'opens a new tab.',
      },
    },
  },
};

export const SafeLinksOnlySelect: Story = {
  name: 'Drop-down · only safe link types',
  args: { variant: 'select', src: MIXED_LINKS },
  render: (args) => linkBox(args),
};
