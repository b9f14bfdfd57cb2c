import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/index.js';
import type { VisitStatsElement } from '../../src/index.js';
import { createScenario } from '../helpers/server.js';
import { afterReload, part, settled } from '../helpers/elements.js';

/**
 * Animation frames run when the test says, with the timestamps it gives:
 * requestAnimationFrame is the browser's clock for the count-up, and holding
 * it makes every frame's number known instead of racing the real clock.
 */
function heldFrames() {
  const original = {
    request: window.requestAnimationFrame,
    cancel: window.cancelAnimationFrame,
  };
  const queue = new Map<number, FrameRequestCallback>();
  let nextId = 1;
  window.requestAnimationFrame = (callback) => {
    const id = nextId++;
    queue.set(id, callback);
    return id;
  };
  window.cancelAnimationFrame = (id) => {
    queue.delete(id);
  };
  return {
    get pending() {
      return queue.size;
    },
    /** Runs the waiting callbacks at time `now` (ms). */
    run(now: number) {
      const callbacks = [...queue.values()];
      queue.clear();
      for (const callback of callbacks) callback(now);
    },
    restore() {
      window.requestAnimationFrame = original.request;
      window.cancelAnimationFrame = original.cancel;
    },
  };
}

/** What a figure shows: its accessible (final) text and the moving visual copy, if any. */
function figure(el: VisitStatsElement, index: number) {
  const value = el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="value"]')[index];
  const moving = value.querySelector<HTMLElement>('.moving');
  const hidden = value.querySelector<HTMLElement>('.visually-hidden');
  return {
    counting: value.classList.contains('counting'),
    /** The number assistive technology reads. */
    spoken: (hidden ?? value).textContent!.trim(),
    /** The number on screen. */
    seen: (moving ?? value).textContent!.trim(),
    movingHidden: moving?.getAttribute('aria-hidden') ?? null,
  };
}

const asNumber = (text: string) => Number(text.replace(/\D/g, ''));

describe('pw-visit-stats count-up', () => {
  let frames: ReturnType<typeof heldFrames>;
  beforeEach(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    frames = heldFrames();
  });
  afterEach(async () => {
    frames.restore();
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('counts up from 0 on first show, while the final number stays in the accessible text', async () => {
    const scenario = await createScenario([{ body: { online: 40, total: 8000 } }]);
    const el = await fixture<VisitStatsElement>(
      html`<pw-visit-stats src=${`${scenario.base}/stats`} refresh="0"></pw-visit-stats>`,
    );
    await settled(el);
    expect(frames.pending).to.equal(1);
    let total = figure(el, 1);
    expect(total).to.deep.include({ counting: true, spoken: '8.000', seen: '0' });
    expect(total.movingHidden).to.equal('true');

    frames.run(1000); // the first frame starts the clock
    await el.updateComplete;
    expect(figure(el, 1).seen).to.equal('0');

    frames.run(1400); // half way in time, most of the way in value (easing out)
    await el.updateComplete;
    total = figure(el, 1);
    const halfWay = asNumber(total.seen);
    expect(halfWay).to.be.greaterThan(4000).and.lessThan(8000);
    expect(total.seen).to.match(/^\d{1,3}\.\d{3}$/);
    expect(total.spoken).to.equal('8.000');
    expect(asNumber(figure(el, 0).seen))
      .to.be.greaterThan(0)
      .and.lessThan(40);
    expect(figure(el, 0).spoken).to.equal('40');

    frames.run(5000);
    await el.updateComplete;
    expect(frames.pending).to.equal(0);
    expect(figure(el, 1)).to.deep.include({ counting: false, spoken: '8.000', seen: '8.000' });
    expect(figure(el, 0)).to.deep.include({ counting: false, spoken: '40', seen: '40' });
    // Once done, one plain number: no hidden copy left.
    expect(part(el, '[part~="value"]').querySelector('.visually-hidden')).to.equal(null);
  });

  it('draws a step at most every 60 ms, not every frame, and always draws the last', async () => {
    const scenario = await createScenario([{ body: { online: 40, total: 8000 } }]);
    const el = await fixture<VisitStatsElement>(
      html`<pw-visit-stats src=${`${scenario.base}/stats`} refresh="0"></pw-visit-stats>`,
    );
    await settled(el);
    frames.run(1000); // starts the clock, draws 0
    frames.run(1200);
    await el.updateComplete;
    const drawn = figure(el, 1).seen;
    expect(asNumber(drawn)).to.be.greaterThan(0);

    // A frame 17 ms later keeps the number and only waits for the next frame.
    frames.run(1217);
    expect(el.isUpdatePending).to.equal(false);
    await el.updateComplete;
    expect(figure(el, 1).seen).to.equal(drawn);
    expect(frames.pending).to.equal(1);

    frames.run(1260);
    await el.updateComplete;
    expect(asNumber(figure(el, 1).seen)).to.be.greaterThan(asNumber(drawn));

    // The end of the count is drawn even when it comes soon after a step.
    frames.run(1799);
    frames.run(1800);
    await el.updateComplete;
    expect(frames.pending).to.equal(0);
    expect(figure(el, 1)).to.deep.include({ counting: false, seen: '8.000' });
  });

  it('counts from the previous figures when new ones arrive', async () => {
    const scenario = await createScenario([
      { body: { online: 10, total: 1000 } },
      { body: { online: 10, total: 2000 } },
    ]);
    const el = await fixture<VisitStatsElement>(
      html`<pw-visit-stats src=${`${scenario.base}/stats`} refresh="0"></pw-visit-stats>`,
    );
    await settled(el);
    frames.run(0);
    frames.run(10_000);
    await el.updateComplete;
    expect(figure(el, 1).seen).to.equal('1.000');

    await afterReload(el, () => el.reload());
    expect(figure(el, 1)).to.deep.include({ counting: true, spoken: '2.000', seen: '1.000' });
    // An unchanged figure does not move.
    expect(figure(el, 0)).to.deep.include({ counting: false, seen: '10' });
    frames.run(20_000);
    frames.run(20_400);
    await el.updateComplete;
    const between = asNumber(figure(el, 1).seen);
    expect(between).to.be.greaterThan(1000).and.lessThan(2000);
    frames.run(30_000);
    await el.updateComplete;
    expect(figure(el, 1)).to.deep.include({ counting: false, seen: '2.000' });
  });

  it('does not move when the same figures arrive again', async () => {
    const scenario = await createScenario([{ body: { online: 10, total: 1000 } }]);
    const el = await fixture<VisitStatsElement>(
      html`<pw-visit-stats src=${`${scenario.base}/stats`} refresh="0"></pw-visit-stats>`,
    );
    await settled(el);
    frames.run(0);
    frames.run(10_000);
    await afterReload(el, () => el.reload());
    expect(frames.pending).to.equal(0);
    expect(figure(el, 1)).to.deep.include({ counting: false, seen: '1.000' });
  });

  it('shows the final figures at once under prefers-reduced-motion: reduce', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
    const scenario = await createScenario([{ body: { online: 40, total: 8000 } }]);
    const el = await fixture<VisitStatsElement>(
      html`<pw-visit-stats src=${`${scenario.base}/stats`} refresh="0"></pw-visit-stats>`,
    );
    await settled(el);
    expect(frames.pending).to.equal(0);
    expect(figure(el, 1)).to.deep.include({ counting: false, spoken: '8.000', seen: '8.000' });
    expect(part(el, '[part~="value"]').querySelector('.moving')).to.equal(null);
  });

  it('stops counting when removed from the page', async () => {
    const scenario = await createScenario([{ body: { online: 40, total: 8000 } }]);
    const el = await fixture<VisitStatsElement>(
      html`<pw-visit-stats src=${`${scenario.base}/stats`} refresh="0"></pw-visit-stats>`,
    );
    await settled(el);
    frames.run(0);
    expect(frames.pending).to.equal(1);
    el.remove();
    expect(frames.pending).to.equal(0);
  });

  it('counts in the language’s grouping, zero-padded', async () => {
    const scenario = await createScenario([{ body: { online: 1, total: 1200 } }]);
    const el = await fixture<VisitStatsElement>(
      html`<pw-visit-stats
        src=${`${scenario.base}/stats`}
        refresh="0"
        lang="en"
        digits="6"
      ></pw-visit-stats>`,
    );
    await settled(el);
    frames.run(0);
    frames.run(400);
    await el.updateComplete;
    const total = figure(el, 1);
    expect(total.spoken).to.equal('001,200');
    expect(total.seen).to.match(/^\d{3},\d{3}$/);
    expect(asNumber(total.seen)).to.be.greaterThan(0).and.lessThan(1200);
    frames.run(1000);
    await el.updateComplete;
    expect(figure(el, 1).seen).to.equal('001,200');
  });
});
