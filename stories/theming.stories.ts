import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '../src/index.js';
import { BROKEN_DATA, neverAnswers, PORTAL_DATA } from './shared.js';

/**
 * A dark-blue, flat look with rounded cards, written as a portal's own
 * stylesheet would be: only `--pw-*` custom properties and `::part()` rules,
 * nothing inside the widgets changed.
 */
const nightTheme = html`<style>
  .theme-night {
    /* Tokens every box reads. */
    --pw-font-family: 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    --pw-color-primary: #1f64c4;
    --pw-color-surface: #0f2747;
    --pw-color-text: #e8eef7;
    --pw-color-muted: #a9bad3;
    --pw-color-link: #9fd2ff;
    --pw-color-link-hover: #d6ecff;
    --pw-color-border: #27497a;
    --pw-color-error: #ffb8ad;
    --pw-color-focus: #ffd166;
    --pw-color-skeleton: #1f3d68;
    --pw-radius: 16px;
    --pw-radius-small: 999px;
    --pw-space: 1.1rem;
    --pw-box-border-width: 0;
    --pw-box-shadow: 0 10px 24px rgb(0 0 0 / 0.35);
    --pw-box-header-bg: transparent;
    --pw-box-header-color: #ffffff;
    --pw-box-header-text-transform: none;
    --pw-box-header-font-size: 1.2rem;
    --pw-box-header-padding: 1.1rem 1.1rem 0.2rem;
    --pw-button-bg: #1f64c4;
    --pw-button-padding: 0.35em 1.1em;
    /* Tokens of single boxes. */
    --pw-stats-label-color: #a9bad3;
    --pw-stats-value-color: #ffd166;
    --pw-article-title-color: #ffffff;
    --pw-tool-color: #9fd2ff;

    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(15rem, 1fr);
    gap: 1.5rem;
    align-items: start;
    padding: 1.5rem;
    background: #081a33;
    color: #e8eef7;
  }
  .theme-night__column {
    display: grid;
    gap: 1.5rem;
    min-width: 0;
  }
  @media (max-width: 40rem) {
    .theme-night {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  /* Parts: a small accent before every title, softer dividers, pill-shaped controls. */
  .theme-night ::part(header)::before {
    content: '';
    display: inline-block;
    width: 0.3em;
    height: 0.9em;
    margin-right: 0.5em;
    border-radius: 999px;
    background: #ffd166;
    vertical-align: -0.05em;
  }
  .theme-night pw-activity-list::part(item) {
    border-color: #1f3d68;
  }
  .theme-night pw-activity-list::part(title) {
    font-weight: 600;
  }
  /* The article's section titles take the primary color, too dark on this surface. */
  .theme-night pw-article::part(section-title) {
    color: #ffd166;
    border-color: #1f3d68;
  }
  .theme-night pw-visit-stats::part(row) {
    padding: 0.4em 0;
    border-bottom: 1px solid #1f3d68;
  }
  .theme-night pw-visit-stats::part(value) {
    font-size: 1.15em;
    font-variant-numeric: tabular-nums;
  }
  .theme-night pw-link-box::part(select) {
    border-radius: 999px;
    padding: 0.4em 0.8em;
    background: #0b1f3a;
    color: #e8eef7;
  }
</style>`;

/** The four boxes of the seed page, in a main column and a sidebar. */
const fourBoxes = () =>
  html`<div class="theme-night__column">
      <pw-activity-list
        category="hoat-dong-lanh-dao"
        page-size="3"
        layout="featured"
        href-template="#tin-{id}"
      ></pw-activity-list>
      <pw-article article-id="hong-bang-tiep-doan-kiem-tra" related="3"></pw-article>
    </div>
    <div class="theme-night__column">
      <pw-link-box></pw-link-box>
      <pw-visit-stats fields="online today total" refresh="0"></pw-visit-stats>
    </div>`;

const fromPortalData = (content: TemplateResult) =>
  html`<pw-source type="static" base-url=${PORTAL_DATA}
    ><div class="theme-night">${content}</div></pw-source
  >`;

const meta: Meta = {
  title: 'Pages/Theming',
  parameters: {
    layout: 'fullscreen',
    controls: { disable: true },
    docs: {
      description: {
        component:
          'The same four boxes with a page stylesheet that sets only `--pw-*` custom properties and ' +
          '`::part()` rules: a dark-blue, flat look with rounded cards, transparent title bars with an ' +
          'accent, and pill-shaped controls. Every token is listed under "CSS custom properties" on each ' +
          'widget\'s docs page, every part under "CSS shadow parts". The fonts come from the page unless ' +
          '`--pw-font-family` says otherwise.',
      },
    },
  },
};

export default meta;
type Story = StoryObj;

export const NightBlue: Story = {
  name: 'Dark blue, rounded cards',
  render: () => html`${nightTheme}${fromPortalData(fourBoxes())}`,
};

export const NightBlueStates: Story = {
  name: 'Dark blue: loading and error states',
  render: () =>
    html`${nightTheme}
      <pw-source .source=${neverAnswers}>
        <div class="theme-night">
          <div class="theme-night__column">
            <pw-activity-list category="hoat-dong-lanh-dao" page-size="3"></pw-activity-list>
          </div>
          <div class="theme-night__column">
            <pw-visit-stats refresh="0"></pw-visit-stats>
          </div>
        </div>
      </pw-source>
      <pw-source type="static" base-url=${BROKEN_DATA}>
        <div class="theme-night">
          <div class="theme-night__column">
            <pw-activity-list category="hoat-dong-lanh-dao" page-size="3"></pw-activity-list>
          </div>
          <div class="theme-night__column">
            <pw-link-box></pw-link-box>
          </div>
        </div>
      </pw-source>`,
  parameters: {
    docs: {
      description: {
        story:
          'The skeleton (`--pw-color-skeleton`), the error text (`--pw-color-error`) and the retry ' +
          'button (`--pw-button-bg`) follow the theme too.',
      },
    },
  },
};

export const OneBoxOnly: Story = {
  name: 'Theming one box only',
  render: () =>
    html`<style>
        .one-box {
          display: grid;
          grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
          gap: 1.5rem;
          max-width: 48rem;
          padding: 1.5rem;
        }
        .one-box pw-visit-stats.is-highlighted {
          --pw-box-header-bg: #0b6b3a;
          --pw-stats-value-color: #0b6b3a;
          --pw-radius: 12px;
        }
      </style>
      <pw-source type="static" base-url=${PORTAL_DATA}>
        <div class="one-box">
          <pw-visit-stats refresh="0"></pw-visit-stats>
          <pw-visit-stats class="is-highlighted" refresh="0"></pw-visit-stats>
        </div>
      </pw-source>`,
  parameters: {
    docs: {
      description: {
        story:
          'Tokens are inherited custom properties, so a rule on one element themes that box alone: ' +
          'the second counter has a green title bar, green numbers and rounder corners.',
      },
    },
  },
};
