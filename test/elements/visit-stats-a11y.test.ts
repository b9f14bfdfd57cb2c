import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/index.js';
import { createStaticSource, type SourceElement, type VisitStatsElement } from '../../src/index.js';
import { createScenario } from '../helpers/server.js';
import { part, settled } from '../helpers/elements.js';
import { canEmulateMedia, reduceMotion, restoreMotion } from '../helpers/motion.js';

type State = 'loaded' | 'loading' | 'empty' | 'error';

/** The counter over real HTTP, in one of its four states. */
async function visitStatsIn(
  state: State,
  lang: string,
  fields = 'online total',
): Promise<VisitStatsElement> {
  const answers = {
    loaded: { fixture: true },
    loading: { hang: true },
    empty: { body: {} },
    error: { body: 'không phải JSON', headers: { 'content-type': 'text/plain' } },
  };
  const scenario = await createScenario([answers[state]]);
  const wrapper = await fixture<HTMLElement>(
    html`<pw-source base-url=${scenario.base}
      ><pw-visit-stats lang=${lang} fields=${fields} digits="8" refresh="0"></pw-visit-stats
    ></pw-source>`,
  );
  const el = wrapper.querySelector('pw-visit-stats')!;
  if (state === 'loading') {
    await waitUntil(async () => (await scenario.log()).count > 0, 'no request was made');
    await el.updateComplete;
    expect(part(el, '[part~="box"]').getAttribute('aria-busy')).to.equal('true');
  } else {
    await settled(el);
  }
  // part() fails the test when the state's markup is missing.
  if (state === 'loaded') part(el, 'dl');
  if (state === 'empty') part(el, '[part~="message"]');
  if (state === 'error') part(el, '[role="alert"]');
  return el;
}

/** A new source makes the widget abort its hanging request, freeing the connection. */
async function endHangingRequest(el: VisitStatsElement): Promise<void> {
  (el.parentElement as SourceElement).source = createStaticSource({ data: { stats: {} } });
  await settled(el);
}

describe('pw-visit-stats accessibility (axe)', () => {
  before(reduceMotion);
  after(restoreMotion);

  for (const lang of ['vi', 'en']) {
    for (const state of ['loaded', 'loading', 'empty', 'error'] as const) {
      it(`${lang}, ${state}`, async () => {
        const el = await visitStatsIn(state, lang);
        await expect(el).to.be.accessible();
        if (state === 'loading') await endHangingRequest(el);
      });
    }

    it(`${lang}, every field`, async () => {
      const el = await visitStatsIn('loaded', lang, 'online today yesterday week month year total');
      expect(el.shadowRoot!.querySelectorAll('dt')).to.have.length(7);
      await expect(el).to.be.accessible();
    });

    it(`${lang}, while counting up`, async function () {
      // The count-up needs motion switched on, which only Chromium's driver can do.
      if (!(await canEmulateMedia())) this.skip();
      await emulateMedia({ reducedMotion: 'no-preference' });
      // Frames held, so the check sees the counting markup however slow the machine is.
      const requestFrame = window.requestAnimationFrame;
      window.requestAnimationFrame = () => 0;
      try {
        const el = await visitStatsIn('loaded', lang);
        part(el, '.counting .moving[aria-hidden="true"]');
        await expect(el).to.be.accessible();
      } finally {
        window.requestAnimationFrame = requestFrame;
        await emulateMedia({ reducedMotion: 'reduce' });
      }
    });
  }
});
