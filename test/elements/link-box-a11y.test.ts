import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { createStaticSource, type LinkBoxElement, type SourceElement } from '../../src/index.js';
import { createScenario } from '../helpers/server.js';
import { part, settled } from '../helpers/elements.js';

type State = 'loaded' | 'loading' | 'empty' | 'error';

/** The link box over real HTTP, in one of its four states. */
async function linkBoxIn(
  state: State,
  variant: 'select' | 'list' | 'logos',
  lang: string,
): Promise<LinkBoxElement> {
  const answers = {
    loaded: { fixture: true },
    loading: { hang: true },
    empty: { body: { items: [] } },
    error: { body: 'không phải JSON', headers: { 'content-type': 'text/plain' } },
  };
  const scenario = await createScenario([answers[state]]);
  const wrapper = await fixture<HTMLElement>(
    html`<pw-source base-url=${scenario.base}
      ><pw-link-box variant=${variant} lang=${lang}></pw-link-box
    ></pw-source>`,
  );
  const el = wrapper.querySelector('pw-link-box')!;
  if (state === 'loading') {
    await waitUntil(async () => (await scenario.log()).count > 0, 'no request was made');
    await el.updateComplete;
    expect(part(el, '[part~="box"]').getAttribute('aria-busy')).to.equal('true');
  } else {
    await settled(el);
  }
  // part() fails the test when the state's markup is missing.
  if (state === 'loaded') part(el, 'a, select');
  if (state === 'empty') part(el, '[part~="message"]');
  if (state === 'error') part(el, '[role="alert"]');
  return el;
}

/**
 * A new source makes the widget abort its hanging request, so the browser's
 * few connections per host are not all held by earlier tests.
 */
async function endHangingRequest(el: LinkBoxElement): Promise<void> {
  (el.parentElement as SourceElement).source = createStaticSource({ data: { links: [] } });
  await settled(el);
}

describe('pw-link-box accessibility (axe)', () => {
  for (const variant of ['select', 'list', 'logos'] as const) {
    for (const lang of ['vi', 'en']) {
      for (const state of ['loaded', 'loading', 'empty', 'error'] as const) {
        it(`${variant}, ${lang}, ${state}`, async () => {
          const el = await linkBoxIn(state, variant, lang);
          await expect(el).to.be.accessible();
          if (state === 'loading') await endHangingRequest(el);
        });
      }
    }
  }

  for (const lang of ['vi', 'en']) {
    it(`select with the "choose first" hint shown, ${lang}`, async () => {
      const el = await linkBoxIn('loaded', 'select', lang);
      part<HTMLButtonElement>(el, '[part~="go-button"]').click();
      await waitUntil(() => part(el, '[part~="hint"]').textContent!.trim() !== '', 'no hint');
      await expect(el).to.be.accessible();
    });
  }
});
