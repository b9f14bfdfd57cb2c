/**
 * What every stories file needs: the fixture files served beside the preview
 * iframe, the ways a story puts a widget in a state, and the attributes all
 * four widgets share.
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/source/source.js';
import type { DataSource } from '../src/data/types.js';

/** The demo portal's data, served next to the preview iframe (see .storybook/main.ts). */
export const PORTAL_DATA = 'fixtures/portal.json';
/** A file that is not JSON: every read fails with a parse error. */
export const BROKEN_DATA = 'story-fixtures/broken.txt';

/** The attributes and event handlers every widget takes. */
export interface WidgetArgs {
  heading?: string;
  'heading-level'?: number;
  source?: string;
  src?: string;
  lang?: string;
  onPwLoad?: (event: Event) => void;
  onPwError?: (event: Event) => void;
}

/** A source whose calls never settle: widgets under it stay in their loading state. */
export const neverAnswers: DataSource = {
  getArticle: () => new Promise(() => {}),
  listArticles: () => new Promise(() => {}),
  listLinks: () => new Promise(() => {}),
  getVisitStats: () => new Promise(() => {}),
};

/** Empty attribute values from the controls panel mean "attribute not set". */
export const optional = (value: string | undefined) => ifDefined(value ? value : undefined);

/** Widgets under a source set in script. */
export const fromSource = (source: DataSource) => (content: TemplateResult) =>
  html`<pw-source .source=${source}>${content}</pw-source>`;

/** Widgets on the demo portal's data, read over HTTP. */
export const fromPortalData = (content: TemplateResult) =>
  html`<pw-source type="static" base-url=${PORTAL_DATA}>${content}</pw-source>`;

/** Widgets whose every read fails with a parse error. */
export const fromBrokenData = (content: TemplateResult) =>
  html`<pw-source type="static" base-url=${BROKEN_DATA}>${content}</pw-source>`;

/** Widgets that stay loading. */
export const fromPendingSource = fromSource(neverAnswers);
