/**
 * The base element's rules, each once broken: a `src` without `{id}` names an
 * article; a configuration mistake ends in the configuration error (never an
 * endless skeleton or an unhandled rejection); data shown is kept under the
 * arguments of the run that produced it, source included; the "what failed"
 * sentence belongs to each element, not to its tag name; a `<pw-source>`
 * configured right after it is connected uses that configuration; the stats
 * box keeps polling when live figures fail to start, and a superseded read
 * does not end the newer one.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import {
  ArticleElement,
  LinkBoxElement,
  setDefaultSource,
  type ActivityListElement,
  type DataSource,
  type SourceElement,
  type VisitStatsElement,
} from '../../src/index.js';
import { defineElement } from '../../src/base/define.js';
import { LruMap } from '../../src/data/lru.js';
import { vi } from '../../src/i18n/vi.js';
import { viLinks } from '../../src/i18n/vi-links.js';
import { BROKEN_VALUES, part, settled, shownText } from '../helpers/elements.js';
import { createScenario, waitForRequests } from '../helpers/server.js';
import { reduceMotion, restoreMotion } from '../helpers/motion.js';

const ARTICLE_ID = 'hong-bang-tiep-doan-kiem-tra';

/** Collects the page's unhandled promise rejections until `stop()`. */
function recordRejections(): { reasons: unknown[]; stop: () => void } {
  const reasons: unknown[] = [];
  const onRejection = (event: PromiseRejectionEvent) => reasons.push(event.reason);
  window.addEventListener('unhandledrejection', onRejection);
  return { reasons, stop: () => window.removeEventListener('unhandledrejection', onRejection) };
}

/** Resolves with the first `pw-error` the element fires. */
function nextError(el: HTMLElement): Promise<CustomEvent> {
  return new Promise((resolve) =>
    el.addEventListener('pw-error', (event) => resolve(event as CustomEvent), { once: true }),
  );
}

describe('base element rules', () => {
  before(reduceMotion);
  after(restoreMotion);
  afterEach(() => setDefaultSource(undefined));

  it('shows the article at a src without {id}, with no article-id', async () => {
    const el = await fixture<ArticleElement>(
      html`<pw-article src=${`/api/articles/${ARTICLE_ID}`} related="0"></pw-article>`,
    );
    await settled(el);
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    expect(part(el, '[part~="title"]').textContent).to.contain('Hồng Bàng');
  });

  for (const tag of ['pw-visit-stats', 'pw-activity-list', 'pw-article']) {
    for (const src of ['http://[bad', ' ']) {
      it(`ends a bad src="${src}" on <${tag}> in the configuration error, with pw-error`, async () => {
        const rejections = recordRejections();
        try {
          const holder = await fixture<HTMLElement>(html`<div></div>`);
          const el = document.createElement(tag);
          // An id, so the article's only mistake is its src.
          if (tag === 'pw-article') el.setAttribute('article-id', 'x');
          const error = nextError(el);
          holder.append(el);
          el.setAttribute('src', src);
          const event = await error;
          await settled(el);
          expect(event.detail.error.kind).to.equal('config');
          expect(part(el, '[role="alert"]').textContent).to.contain(vi.errors.config);
          // Updates after the error (a language change, say) throw nothing either.
          el.setAttribute('heading-level', '3');
          await (el as ActivityListElement).updateComplete;
          await new Promise((resolve) => setTimeout(resolve, 50));
          expect(rejections.reasons).to.deep.equal([]);
        } finally {
          rejections.stop();
        }
      });
    }
  }

  it('does not show data from another source as the stale data of the new one', async () => {
    const failing = await createScenario([{ status: 500, body: { message: 'hỏng' } }]);
    const wrapper = await fixture<SourceElement>(
      html`<pw-source base-url="/api"><pw-link-box variant="list"></pw-link-box></pw-source>`,
    );
    const el = wrapper.querySelector('pw-link-box')!;
    await settled(el);
    expect(shownText(el)).to.contain('Cổng thông tin điện tử Chính phủ');

    const error = nextError(el);
    wrapper.setAttribute('base-url', failing.base);
    await error;
    await settled(el);
    // An error for the new backend, not the old backend's links under "could not refresh".
    expect(part(el, '[role="alert"]').textContent).to.contain(viLinks.loadFailed.linkBox);
    expect(shownText(el)).not.to.contain('Cổng thông tin điện tử Chính phủ');
  });

  it('names what failed from the element, whatever tag it is registered under', async () => {
    class RenamedLinkBox extends LinkBoxElement {}
    defineElement('x-renamed-link-box', RenamedLinkBox);
    const failing = await createScenario([{ status: 503 }]);
    const el = await fixture<LinkBoxElement>(
      html`<x-renamed-link-box src=${`${failing.base}/links`}></x-renamed-link-box>`,
    );
    await settled(el);
    expect(part(el, '[role="alert"]').textContent).to.contain(viLinks.loadFailed.linkBox);
    expect(shownText(el)).not.to.match(BROKEN_VALUES);
  });

  it('builds a <pw-source> from attributes set after it is connected, before its first update', async () => {
    const holder = await fixture<HTMLElement>(html`<div></div>`);
    const source = document.createElement('pw-source') as SourceElement;
    const box = document.createElement('pw-link-box') as LinkBoxElement;
    box.variant = 'list';
    source.append(box);
    holder.append(source);
    // Still before the first update: the attributes a framework would set next.
    source.setAttribute('base-url', '/api');
    await settled(box);
    expect(shownText(box)).to.contain('Cổng thông tin điện tử Chính phủ');
  });

  it('keeps polling when the live figures fail to start', async () => {
    const stats = await createScenario([{ body: { online: 3, total: 30 } }]);
    const source: DataSource = {
      listArticles: () => Promise.reject(new Error('unused')),
      getArticle: () => Promise.reject(new Error('unused')),
      listLinks: () => Promise.reject(new Error('unused')),
      getVisitStats: async (options) => {
        const answer = await fetch(`${stats.base}/stats`, { signal: options?.signal });
        return (await answer.json()) as { online: number; total: number };
      },
      watchVisitStats: () => {
        throw new Error('no stream here');
      },
    };
    setDefaultSource(source);
    const el = await fixture<VisitStatsElement>(
      html`<pw-visit-stats refresh="1" fields="online total"></pw-visit-stats>`,
    );
    await settled(el);
    expect(shownText(el)).to.contain('30');
    // The next readings come from the timer, which a failed watch must not have stopped.
    await waitForRequests(stats, 3, 8000);
  });

  it('lets a superseded stats read end without cutting the newer one short', async () => {
    // Every reading takes 2.5 s, longer than the one-second refresh.
    const stats = await createScenario([{ body: { online: 1, total: 10 }, delayMs: 2500 }]);
    const el = document.createElement('pw-visit-stats') as VisitStatsElement;
    el.src = `${stats.base}/stats`;
    el.refresh = 5;
    document.body.append(el);
    try {
      await waitForRequests(stats, 1);
      // A second read supersedes the first (whose request is cancelled)…
      el.reload();
      await waitForRequests(stats, 2);
      // …and a refresh change while it runs must wait for it, not start a timer that cancels it.
      el.refresh = 1;
      await settled(el, 10_000);
      const { requests } = await stats.log();
      expect(requests[0].aborted).to.equal(true);
      expect(requests[1].aborted).to.equal(false);
      expect(shownText(el)).to.contain('10');
    } finally {
      el.remove();
    }
  });
});

describe('LruMap', () => {
  it('keeps at most its limit, forgetting the least recently used first', () => {
    const map = new LruMap<string, number>(3);
    for (const key of ['a', 'b', 'c']) map.set(key, key.charCodeAt(0));
    expect(map.get('a')).to.equal(97); // "a" is now the most recently used
    map.set('d', 100);
    expect([...map.keys()]).to.deep.equal(['c', 'a', 'd']);
    expect(map.size).to.equal(3);
    expect(map.getOrCreate('e', () => 101)).to.equal(101);
    expect(map.has('c')).to.equal(false);
    expect(map.getOrCreate('e', () => 0)).to.equal(101);
  });
});

describe('typed events', () => {
  it('types pw-select, pw-load and pw-error for addEventListener', async () => {
    const el = await fixture<HTMLElement>(html`<pw-activity-list></pw-activity-list>`);
    // Type checks of the event map (this file is type-checked with the sources).
    el.addEventListener('pw-select', (event) => {
      const title: string = event.detail.item.title;
      void title;
    });
    el.addEventListener('pw-error', (event) => {
      const kind: string = event.detail.error.kind;
      void kind;
    });
    // @ts-expect-error -- pw-select carries an item, not an error
    el.addEventListener('pw-select', (event) => event.detail.error);
    await waitUntil(() => el.shadowRoot, 'no shadow root');
  });
});
