/**
 * Each box draws its loaded data with a chunk of its own (the article's body
 * with the sanitizer, the list's items and pages, the links, the figures),
 * fetched beside the data so that it never costs a round trip after it, and
 * kept out of the failure path: the skeleton, the error and the retry are in
 * the element. Each page here is an iframe, a module graph of its own, and an
 * import map sends the chunk to a scenario server that fails as told.
 *
 * Also here: a widget's `src=` reader (the url adapter with the HTTP client)
 * is a chunk too, downloaded on the first read, never by a page whose widgets
 * read a `<pw-source>`.
 */
import { expect } from '@open-wc/testing';
import { absolute, closeFramePages, fetchCount, openFramePage } from '../helpers/frames.js';
import { createScenario, waitFor, type ScenarioResponse } from '../helpers/server.js';

const HONG_BANG = 'hong-bang-tiep-doan-kiem-tra';

interface Box {
  tag: string;
  markup: string;
  /** The chunk's source path, without extension. */
  chunk: string;
  /** The path of the box's data request under the source's base URL. */
  data: RegExp;
  /** Shown only once the data is drawn. */
  loaded: string;
}

const BOXES: Box[] = [
  {
    tag: 'pw-article',
    markup: `<pw-article article-id="${HONG_BANG}"></pw-article>`,
    chunk: '/src/article/article-body',
    data: new RegExp(`/articles/${HONG_BANG}$`),
    loaded: '[part~="article"] [part~="title"]',
  },
  {
    tag: 'pw-activity-list',
    markup: '<pw-activity-list category="hoat-dong-lanh-dao"></pw-activity-list>',
    chunk: '/src/activity-list/activity-list-view',
    data: /\/articles$/,
    loaded: '[part~="list"] [part~="title"]',
  },
  {
    tag: 'pw-link-box',
    markup: '<pw-link-box></pw-link-box>',
    chunk: '/src/link-box/link-box-view',
    data: /\/links$/,
    loaded: '[part~="select"] option + option',
  },
  {
    tag: 'pw-visit-stats',
    markup: '<pw-visit-stats refresh="0"></pw-visit-stats>',
    chunk: '/src/visit-stats/visit-stats-view',
    data: /\/stats$/,
    loaded: '[part~="value"]',
  },
];

const UNAVAILABLE: ScenarioResponse = {
  status: 503,
  body: 'unavailable',
  headers: { 'content-type': 'text/plain' },
};

/** The chunk's real module, as a scenario answer (`?direct` is not redirected by the import map). */
function realModule(chunk: string): ScenarioResponse {
  return {
    headers: { 'content-type': 'text/javascript' },
    body: `export * from '${absolute(`${chunk}.ts`)}?direct';`,
  };
}

/** The Resource Timing entry of the page's first request whose path matches `pattern`. */
function entry(win: Window, pattern: RegExp): PerformanceResourceTiming | undefined {
  return win.performance
    .getEntriesByType('resource')
    .find((e) => pattern.test(new URL(e.name).pathname)) as PerformanceResourceTiming | undefined;
}

/** The box on a page of its own with a default source at `base`, its chunk answered by `chunkAnswers`. */
async function boxPage(box: Box, base: string, chunkAnswers?: ScenarioResponse[]) {
  const chunk = chunkAnswers ? await createScenario(chunkAnswers) : undefined;
  const file = box.chunk.split('/').pop();
  const win = await openFramePage({
    redirect: chunk ? { [`${box.chunk}.js`]: absolute(`${chunk.base}/${file}.js`) } : undefined,
    modules: ['/src/bundle.ts'],
    body: `<pw-source base-url="${base}" default></pw-source>${box.markup}`,
  });
  const el = win.document.querySelector(box.tag) as HTMLElement;
  return { win, el, chunk };
}

describe('the drawing of loaded data, a chunk fetched beside it', () => {
  afterEach(closeFramePages);

  for (const box of BOXES) {
    describe(`<${box.tag}>`, () => {
      it('requests its drawing while its data is on the way', async () => {
        const api = await createScenario([{ fixture: true, delayMs: 400 }]);
        const { win, el } = await boxPage(box, absolute(api.base));
        await waitFor(() => el.shadowRoot?.querySelector(box.loaded), 'the data was not drawn');
        const chunk = entry(win, new RegExp(`${box.chunk}\\.(ts|js)$`));
        const data = entry(win, box.data);
        expect(chunk, 'the drawing was fetched').to.not.equal(undefined);
        expect(data, 'the data was fetched').to.not.equal(undefined);
        expect(chunk!.startTime).to.be.below(data!.responseStart);
      });

      it('draws its data when the first download of its drawing fails', async () => {
        const { el, chunk } = await boxPage(box, '/api', [UNAVAILABLE, realModule(box.chunk)]);
        await waitFor(() => el.shadowRoot?.querySelector(box.loaded), 'the data was not drawn');
        expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
        expect((await chunk!.log()).requests).to.have.length(2);
      });

      it('shows an error with a retry when its drawing cannot be downloaded, and the retry downloads it', async () => {
        const { el, chunk } = await boxPage(box, '/api', [
          UNAVAILABLE,
          UNAVAILABLE,
          realModule(box.chunk),
        ]);
        const retry = await waitFor(
          () => el.shadowRoot?.querySelector<HTMLButtonElement>('[part~="retry-button"]'),
          'no retry button after the failed downloads',
        );
        const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
        expect(alert.textContent).to.match(/\S/);
        expect(alert.textContent).to.not.match(/undefined|null|\[object/);
        retry.click();
        await waitFor(() => el.shadowRoot?.querySelector(box.loaded), 'the retry drew nothing');
        expect((await chunk!.log()).requests).to.have.length(3);
      });
    });
  }
});

describe("a widget's src= reader, a chunk downloaded on the first read", () => {
  afterEach(closeFramePages);
  const READER = /\/src\/data\/adapters\/url\.(ts|js)$/;

  it('is never downloaded by a page whose widgets read a <pw-source>', async () => {
    const win = await openFramePage({
      modules: ['/src/source/source.ts', '/src/visit-stats/visit-stats.ts'],
      body: `<pw-source base-url="/api" default></pw-source><pw-visit-stats refresh="0"></pw-visit-stats>`,
    });
    const el = win.document.querySelector('pw-visit-stats') as HTMLElement;
    await waitFor(() => el.shadowRoot?.querySelector('[part~="value"]'), 'no figures');
    expect(fetchCount(win, READER)).to.equal(0);
  });

  it('shows an error with a retry when it cannot be downloaded, and the retry downloads it', async () => {
    const reader = await createScenario([UNAVAILABLE, realModule('/src/data/adapters/url')]);
    const win = await openFramePage({
      redirect: { '/src/data/adapters/url.js': absolute(`${reader.base}/url.js`) },
      modules: ['/src/visit-stats/visit-stats.ts'],
      body: `<pw-visit-stats refresh="0" src="${absolute('/api/stats')}"></pw-visit-stats>`,
    });
    const el = win.document.querySelector('pw-visit-stats') as HTMLElement;
    const retry = await waitFor(
      () => el.shadowRoot?.querySelector<HTMLButtonElement>('[part~="retry-button"]'),
      'no retry button after the failed download',
    );
    retry.click();
    await waitFor(() => el.shadowRoot?.querySelector('[part~="value"]'), 'the retry drew nothing');
    expect((await reader.log()).requests).to.have.length(2);
  });
});

describe("a CMS source's adapter chunk", () => {
  afterEach(closeFramePages);

  for (const type of ['wordpress', 'rss', 'liferay', 'joomla', 'drupal']) {
    it(`downloads the shared CMS helpers beside the ${type} adapter, not after it`, async () => {
      const win = await openFramePage({
        modules: ['/src/bundle.ts'],
        body: `<pw-source type="${type}" base-url="/cms-nowhere" default></pw-source>
          <pw-activity-list></pw-activity-list>`,
      });
      const adapter = await waitFor(
        () => entry(win, new RegExp(`/src/data/adapters/${type}\\.(ts|js)$`)),
        `the ${type} adapter was not fetched`,
      );
      const helpers = await waitFor(
        () => entry(win, /\/src\/data\/adapters\/cms\.(ts|js)$/),
        'the CMS helpers were not fetched',
      );
      await waitFor(() => adapter.responseEnd > 0, 'the adapter download did not end');
      expect(helpers.startTime).to.be.below(adapter.responseEnd);
    });
  }
});
