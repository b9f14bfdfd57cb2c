import { expect } from '@open-wc/testing';
import { ReadCache, type Load } from '../../src/data/http-cache.js';
import { settle } from '../helpers/server.js';

// The cache and request sharing of the HTTP client on their own: keys and
// loads, no HTTP. (test/data/http.test.ts covers them through HttpClient
// against the test server.) Loads here are promises the test settles by hand.

/** What the cache holds right now: both maps are private, so they are read past the type. */
function held(cache: ReadCache<string>): { entries: number; inflight: number } {
  const maps = cache as unknown as {
    entries: Map<string, unknown>;
    inflight: Map<string, unknown>;
  };
  return { entries: maps.entries.size, inflight: maps.inflight.size };
}

/** A load per call, settled by hand; `calls` lists the signal and revalidate flag of each. */
function manualLoads(): {
  load: Load<string>;
  calls: { signal: AbortSignal; revalidate: boolean }[];
  settle(index: number, value: string | Error): void;
} {
  const calls: { signal: AbortSignal; revalidate: boolean }[] = [];
  const settlers: ((value: string | Error) => void)[] = [];
  return {
    calls,
    load: (signal, revalidate) => {
      calls.push({ signal, revalidate });
      return new Promise<string>((resolve, reject) => {
        settlers.push((value) => (value instanceof Error ? reject(value) : resolve(value)));
        signal.addEventListener('abort', () => reject(new Error('load aborted')), { once: true });
      });
    },
    settle: (index, value) => settlers[index]!(value),
  };
}

const aborted = (reason: unknown) => new Error(`caller aborted: ${String(reason)}`);

describe('ReadCache', () => {
  it('holds at most maxEntries answers however many keys are read, dropping the least recently used', async () => {
    const cache = new ReadCache<string>(60_000, 0, 3);
    let loads = 0;
    const load: Load<string> = () => Promise.resolve(`answer ${(loads += 1)}`);
    for (let i = 0; i < 200; i += 1) {
      expect(await cache.read(`key-${i}`, load, false, undefined, aborted)).to.equal(
        `answer ${i + 1}`,
      );
      expect(held(cache).entries).to.be.at.most(3);
    }
    expect(held(cache)).to.deep.equal({ entries: 3, inflight: 0 });
    // key-197 is read again, so key-198 is now the oldest and goes first.
    expect(await cache.read('key-197', load, false, undefined, aborted)).to.equal('answer 198');
    await cache.read('key-new', load, false, undefined, aborted);
    expect(loads).to.equal(201);
    expect(await cache.read('key-197', load, false, undefined, aborted)).to.equal('answer 198');
    expect(await cache.read('key-199', load, false, undefined, aborted)).to.equal('answer 200');
    expect(await cache.read('key-198', load, false, undefined, aborted)).to.equal('answer 202');
    expect(held(cache).entries).to.equal(3);
  });

  it('shares one load among identical reads and forgets it once it settles', async () => {
    const cache = new ReadCache<string>(60_000, 0, 10);
    const loads = manualLoads();
    const first = cache.read('a', loads.load, false, undefined, aborted);
    const second = cache.read('a', loads.load, false, undefined, aborted);
    // fresh skips the cache but still joins the load under way.
    const fresh = cache.read('a', loads.load, true, undefined, aborted);
    expect(loads.calls).to.have.length(1);
    expect(held(cache).inflight).to.equal(1);
    loads.settle(0, 'shared');
    expect(await Promise.all([first, second, fresh])).to.deep.equal(['shared', 'shared', 'shared']);
    expect(held(cache)).to.deep.equal({ entries: 1, inflight: 0 });
    // A fresh read once nothing is in flight loads again, past the browser's cache too.
    const again = cache.read('a', loads.load, true, undefined, aborted);
    expect(loads.calls[1]!.revalidate).to.equal(true);
    loads.settle(1, 'newer');
    expect(await again).to.equal('newer');
    expect(await cache.read('a', loads.load, false, undefined, aborted)).to.equal('newer');
  });

  it('cancels and forgets a load once every caller has aborted, for any number of keys', async () => {
    const cache = new ReadCache<string>(60_000, 0, 10);
    const loads = manualLoads();
    const controllers = Array.from({ length: 100 }, () => new AbortController());
    const reads = controllers.map((controller, i) =>
      cache.read(`key-${i % 50}`, loads.load, false, controller.signal, aborted),
    );
    expect(loads.calls).to.have.length(50);
    expect(held(cache).inflight).to.equal(50);
    // One of the two callers of key-0 leaves: its load goes on for the other.
    controllers[0]!.abort('left');
    expect((await settle(reads[0]!)).error).to.match(/caller aborted: left/);
    expect(loads.calls[0]!.signal.aborted).to.equal(false);
    for (const controller of controllers) controller.abort('left');
    // Forgotten at once, so a caller arriving next starts a load of its own.
    expect(held(cache).inflight).to.equal(0);
    await Promise.all(reads.map((read) => settle(read)));
    expect(loads.calls.every((call) => call.signal.aborted)).to.equal(true);
    expect(held(cache)).to.deep.equal({ entries: 0, inflight: 0 });
  });

  it('keeps no failure, and nothing a load answers after clear()', async () => {
    const cache = new ReadCache<string>(60_000, 0, 10);
    const loads = manualLoads();
    const failing = cache.read('a', loads.load, false, undefined, aborted);
    loads.settle(0, new Error('server down'));
    expect((await settle(failing)).error).to.match(/server down/);
    expect(held(cache)).to.deep.equal({ entries: 0, inflight: 0 });

    const cleared = cache.read('b', loads.load, false, undefined, aborted);
    cache.clear();
    loads.settle(1, 'from before clear()');
    expect(await cleared).to.equal('from before clear()');
    expect(held(cache)).to.deep.equal({ entries: 0, inflight: 0 });
  });

  it('answers a stale entry at once and refreshes it with one background load', async () => {
    // Everything is stale at once (no fresh period) and stays usable for a minute.
    const cache = new ReadCache<string>(0, 60_000, 10);
    const loads = manualLoads();
    const first = cache.read('a', loads.load, false, undefined, aborted);
    loads.settle(0, 'old');
    expect(await first).to.equal('old');
    expect(await cache.read('a', loads.load, false, undefined, aborted)).to.equal('old');
    expect(await cache.read('a', loads.load, false, undefined, aborted)).to.equal('old');
    expect(loads.calls).to.have.length(2);
    expect(loads.calls[1]!.revalidate).to.equal(true);
    loads.settle(1, 'new');
    // The refresh is stored when its promise settles, before any timer runs.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await cache.read('a', loads.load, false, undefined, aborted)).to.equal('new');
  });
});
