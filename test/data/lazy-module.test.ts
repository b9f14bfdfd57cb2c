/**
 * lazyModule: a lazy chunk whose download failed is downloaded again by the
 * next call, in every browser. Firefox keeps a failed module download for the
 * life of the page, so the second call must use another address; Chromium
 * fetches the same one again. Real module files from the scenario server.
 */
import { expect } from '@open-wc/testing';
import { lazyModule } from '../../src/data/lazy-module.js';
import { absolute } from '../helpers/frames.js';
import { createScenario, settle } from '../helpers/server.js';

const UNAVAILABLE = { status: 503, body: 'unavailable', headers: { 'content-type': 'text/plain' } };
const moduleAnswer = (code: string) => ({
  headers: { 'content-type': 'text/javascript' },
  body: code,
});

describe('lazyModule', () => {
  it('downloads once, and every call shares that download and its module', async () => {
    const scenario = await createScenario([moduleAnswer('export const value = 1;')]);
    const url = absolute(`${scenario.base}/once.js`);
    const load = lazyModule(() => import(/* @vite-ignore */ url) as Promise<{ value: number }>);
    const [first, second] = await Promise.all([load(), load()]);
    expect(first.value).to.equal(1);
    expect(second).to.equal(first);
    expect(await load()).to.equal(first);
    expect((await scenario.log()).requests).to.have.length(1);
  });

  it('downloads again after a failed download, and then keeps the module', async () => {
    const scenario = await createScenario([
      UNAVAILABLE,
      moduleAnswer('export const value = 2;'),
      moduleAnswer('export const value = 3;'),
    ]);
    const url = absolute(`${scenario.base}/flaky.js`);
    const load = lazyModule(() => import(/* @vite-ignore */ url) as Promise<{ value: number }>);

    const failed = await settle(load());
    expect(failed.error, 'the 503 is an error').to.be.instanceOf(Error);
    const loaded = await load();
    expect(loaded.value).to.equal(2);
    expect(await load()).to.equal(loaded);
    const paths = (await scenario.log()).requests.map((request) => request.url);
    expect(paths).to.have.length(2);
    expect(paths[0]).to.equal(`${scenario.base}/flaky.js`);
  });

  it('keeps trying while the downloads fail', async () => {
    const scenario = await createScenario([
      UNAVAILABLE,
      UNAVAILABLE,
      moduleAnswer('export const value = 4;'),
    ]);
    const url = absolute(`${scenario.base}/down.js`);
    const load = lazyModule(() => import(/* @vite-ignore */ url) as Promise<{ value: number }>);
    expect((await settle(load())).error).to.be.instanceOf(Error);
    expect((await settle(load())).error).to.be.instanceOf(Error);
    expect((await load()).value).to.equal(4);
    expect((await scenario.log()).requests).to.have.length(3);
  });
});
