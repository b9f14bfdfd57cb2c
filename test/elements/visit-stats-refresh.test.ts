import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import {
  createJsonSource,
  type DataSource,
  type SourceElement,
  type VisitStats,
  type VisitStatsElement,
} from '../../src/index.js';
import { createScenario, sleep, waitForRequests, type Scenario } from '../helpers/server.js';
import { settled, shownText } from '../helpers/elements.js';
import { reduceMotion, restoreMotion } from '../helpers/motion.js';

/**
 * Pretends the tab is hidden or shown again: the browser API the widget reads
 * (document.visibilityState) and the event it listens to.
 */
function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

function restoreVisibility(): void {
  Reflect.deleteProperty(document, 'visibilityState');
}

/** A box polling its own scenario every second: a clock made of requests, for "nothing else happened meanwhile". */
async function pollingClock(): Promise<{ scenario: Scenario; el: VisitStatsElement }> {
  const scenario = await createScenario([{ body: { online: 1, total: 1 } }]);
  const el = document.createElement('pw-visit-stats');
  el.src = `${scenario.base}/stats`;
  el.refresh = 1;
  document.body.append(el);
  return { scenario, el };
}

/** Resolves once `scenario` has answered `more` requests beyond what it has now. */
async function afterMoreRequests(scenario: Scenario, more: number): Promise<void> {
  const { count } = await scenario.log();
  await waitForRequests(scenario, count + more, 8000);
}

describe('pw-visit-stats refresh', () => {
  // Numbers show at once; the count-up is tested in visit-stats-motion.
  before(reduceMotion);
  after(restoreMotion);

  const cleanup: (() => void)[] = [];
  afterEach(() => {
    restoreVisibility();
    for (const step of cleanup.splice(0)) step();
  });

  it('reads the figures again every `refresh` seconds and shows the new ones', async () => {
    expect(document.visibilityState).to.equal('visible');
    const scenario = await createScenario([
      { body: { online: 1, total: 100 } },
      { body: { online: 2, total: 200 } },
      { body: { online: 3, total: 300 } },
    ]);
    const el = await fixture<VisitStatsElement>(
      html`<pw-visit-stats src=${`${scenario.base}/stats`} refresh="1"></pw-visit-stats>`,
    );
    await settled(el);
    expect(shownText(el)).to.contain('100');
    const { requests } = await waitForRequests(scenario, 3, 8000);
    expect(requests.every((r) => r.method === 'GET')).to.equal(true);
    await waitUntil(() => shownText(el).includes('300'), 'the third reading is not shown');
  });

  it('refreshes every 60 seconds by default, and not at all with refresh="0"', async () => {
    const scenario = await createScenario([{ body: { online: 1, total: 5 } }]);
    const wrapper = await fixture<HTMLElement>(html`
      <div>
        <pw-visit-stats src=${`${scenario.base}/stats`}></pw-visit-stats>
        <pw-visit-stats src=${`${scenario.base}/stats?off`} refresh="0"></pw-visit-stats>
      </div>
    `);
    const [byDefault, off] = wrapper.querySelectorAll('pw-visit-stats');
    await settled(byDefault);
    await settled(off);
    expect(byDefault.refresh).to.equal(60);
    expect((await scenario.log()).count).to.equal(2);
    const clock = await pollingClock();
    cleanup.push(() => clock.el.remove());
    await afterMoreRequests(clock.scenario, 3);
    // Three one-second polls of the clock later, neither box has asked again.
    expect((await scenario.log()).count).to.equal(2);
  });

  it('starts polling when `refresh` is turned on', async () => {
    const scenario = await createScenario([{ body: { online: 1, total: 5 } }]);
    const el = await fixture<VisitStatsElement>(
      html`<pw-visit-stats src=${`${scenario.base}/stats`} refresh="0"></pw-visit-stats>`,
    );
    await settled(el);
    el.refresh = 1;
    await waitForRequests(scenario, 3, 8000);
  });

  it('sends no request while the tab is hidden, and refreshes as soon as it shows', async () => {
    const scenario = await createScenario([{ body: { online: 1, total: 5 } }]);
    const el = await fixture<VisitStatsElement>(
      html`<pw-visit-stats src=${`${scenario.base}/stats`} refresh="1"></pw-visit-stats>`,
    );
    await settled(el);
    await waitForRequests(scenario, 2, 8000);
    setVisibility('hidden');
    const hiddenAt = (await scenario.log()).count;
    // Long enough for two refreshes if it were still polling.
    await sleep(2500);
    expect((await scenario.log()).count).to.equal(hiddenAt);
    setVisibility('visible');
    await waitForRequests(scenario, hiddenAt + 1, 8000);
    // And it goes on polling.
    await waitForRequests(scenario, hiddenAt + 2, 8000);
  });

  it('refreshes on showing again without waiting for the next period', async () => {
    const scenario = await createScenario([
      { body: { online: 1, total: 5 } },
      { body: { online: 2, total: 6 } },
    ]);
    // Thirty seconds between refreshes: only the return to the tab can cause the second request.
    const el = await fixture<VisitStatsElement>(
      html`<pw-visit-stats src=${`${scenario.base}/stats`} refresh="30"></pw-visit-stats>`,
    );
    await settled(el);
    setVisibility('hidden');
    setVisibility('visible');
    await waitForRequests(scenario, 2, 5000);
    await waitUntil(() => shownText(el).includes('6'), 'the new figures are not shown');
  });

  it('does not refresh on showing again when refreshing is off', async () => {
    const scenario = await createScenario([{ body: { online: 1, total: 5 } }]);
    const el = await fixture<VisitStatsElement>(
      html`<pw-visit-stats src=${`${scenario.base}/stats`} refresh="0"></pw-visit-stats>`,
    );
    await settled(el);
    setVisibility('hidden');
    setVisibility('visible');
    const clock = await pollingClock();
    cleanup.push(() => clock.el.remove());
    await afterMoreRequests(clock.scenario, 2);
    expect((await scenario.log()).count).to.equal(1);
  });

  it('leaves no timer behind when removed', async () => {
    const scenario = await createScenario([{ body: { online: 1, total: 5 } }]);
    const el = await fixture<VisitStatsElement>(
      html`<pw-visit-stats src=${`${scenario.base}/stats`} refresh="1"></pw-visit-stats>`,
    );
    await settled(el);
    await waitForRequests(scenario, 2, 8000);
    el.remove();
    const removedAt = (await scenario.log()).count;
    const clock = await pollingClock();
    cleanup.push(() => clock.el.remove());
    await afterMoreRequests(clock.scenario, 3);
    expect((await scenario.log()).count).to.equal(removedAt);
    // Nor does a visibility change wake it.
    setVisibility('hidden');
    setVisibility('visible');
    await afterMoreRequests(clock.scenario, 1);
    expect((await scenario.log()).count).to.equal(removedAt);
  });

  it('keeps polling after a failed refresh and recovers', async () => {
    const scenario = await createScenario([
      { body: { online: 1, total: 111 } },
      { status: 404, body: { error: 'tạm thời không có' } },
      { body: { online: 1, total: 333 } },
    ]);
    const el = await fixture<VisitStatsElement>(
      html`<pw-visit-stats src=${`${scenario.base}/stats`} refresh="1"></pw-visit-stats>`,
    );
    await settled(el);
    await waitForRequests(scenario, 3, 8000);
    await waitUntil(() => shownText(el).includes('333'), 'did not recover');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });
});

describe('pw-visit-stats live figures (watchVisitStats)', () => {
  before(reduceMotion);
  after(restoreMotion);

  /** A custom DataSource: reads over HTTP like the json source, and pushes figures when the test says so. */
  function liveSource(scenario: Scenario) {
    const backend = createJsonSource({ baseUrl: scenario.base });
    const watchers = new Set<(stats: VisitStats) => void>();
    let unsubscribed = 0;
    const source: DataSource = {
      ...backend,
      watchVisitStats(callback) {
        watchers.add(callback);
        return () => {
          unsubscribed += 1;
          watchers.delete(callback);
        };
      },
    };
    return {
      source,
      push: (stats: VisitStats) => watchers.forEach((watcher) => watcher(stats)),
      get watching() {
        return watchers.size;
      },
      get unsubscribed() {
        return unsubscribed;
      },
    };
  }

  it('shows pushed figures, does not poll, and stops watching when removed', async () => {
    const scenario = await createScenario([{ fixture: true }]);
    const live = liveSource(scenario);
    const loads: VisitStats[] = [];
    const wrapper = await fixture<SourceElement>(html`
      <pw-source .source=${live.source}>
        <pw-visit-stats
          refresh="1"
          @pw-load=${(e: CustomEvent<VisitStats>) => loads.push(e.detail)}
        ></pw-visit-stats>
      </pw-source>
    `);
    const el = wrapper.querySelector('pw-visit-stats')!;
    await settled(el);
    const { total } = (await (await fetch('/api/stats', { cache: 'no-store' })).json()) as {
      total: number;
    };
    expect(shownText(el)).to.contain(total.toLocaleString('vi-VN'));
    expect(live.watching).to.equal(1);

    live.push({ online: 55, total: 12345678 });
    await waitUntil(() => shownText(el).includes('12.345.678'), 'the pushed figures are not shown');
    expect(shownText(el)).to.contain('55');
    expect(loads.at(-1)).to.deep.equal({ online: 55, total: 12345678 });

    // With live figures there is nothing to poll for.
    const clock = await pollingClock();
    await afterMoreRequests(clock.scenario, 3);
    clock.el.remove();
    expect((await scenario.log()).count).to.equal(1);

    wrapper.remove();
    expect(live.unsubscribed).to.equal(1);
    expect(live.watching).to.equal(0);
  });

  it('stops watching and polls instead when the source is replaced by one without live figures', async () => {
    const liveScenario = await createScenario([{ fixture: true }]);
    const live = liveSource(liveScenario);
    const wrapper = await fixture<SourceElement>(html`
      <pw-source .source=${live.source}><pw-visit-stats refresh="1"></pw-visit-stats></pw-source>
    `);
    const el = wrapper.querySelector('pw-visit-stats')!;
    await settled(el);
    expect(live.watching).to.equal(1);

    const plainScenario = await createScenario([{ body: { online: 3, total: 4 } }]);
    wrapper.source = createJsonSource({ baseUrl: plainScenario.base });
    await waitUntil(() => live.unsubscribed === 1, 'the old source is still watched');
    await waitForRequests(plainScenario, 3, 8000);
    await waitUntil(() => shownText(el).includes('4'), 'the new source is not shown');
    wrapper.remove();
  });

  it('ignores a push that is not an object', async () => {
    const scenario = await createScenario([{ fixture: true }]);
    const live = liveSource(scenario);
    const wrapper = await fixture<SourceElement>(html`
      <pw-source .source=${live.source}><pw-visit-stats refresh="0"></pw-visit-stats></pw-source>
    `);
    const el = wrapper.querySelector('pw-visit-stats')!;
    await settled(el);
    live.push(null as unknown as VisitStats);
    live.push({ online: Number.NaN, total: -5 } as VisitStats);
    await el.updateComplete;
    // A push with no usable count leaves nothing to show, said in words, never "NaN".
    expect(shownText(el)).not.to.match(/NaN|undefined|null/);
    live.push({ online: 8, total: 80 });
    await waitUntil(() => shownText(el).includes('80'), 'a good push after bad ones is not shown');
    wrapper.remove();
  });
});
