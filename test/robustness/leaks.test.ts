/**
 * Leaks: a box taken off the page must leave nothing running. Each box is
 * mounted and removed 1 000 times against the fixture backend, while
 * instrumentation counts the timers, intervals, animation frames, event
 * streams, window/document listeners and requests the library still holds.
 * The wrappers only count; every call still reaches the browser's own API.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import {
  createJsonSource,
  HttpClient,
  type DataSource,
  type PortalElement,
  type SourceElement,
} from '../../src/index.js';
import { createScenario, sleep, waitFor, waitForRequests } from '../helpers/server.js';
import { settled } from '../helpers/elements.js';

type Widget = PortalElement<unknown>;

// Deep enough to see the library's frame under Lit's and the wrappers' own.
Error.stackTraceLimit = 50;

// The library's modules are served from /src/ at the server root (packages have src/ folders too).
const LIBRARY = `${location.origin}/src/`;

/** Whether the current call comes from the library. */
function fromLibrary(): boolean {
  return (new Error().stack ?? '').includes(LIBRARY);
}

interface ListenerRecord {
  target: string;
  type: string;
  listener: EventListenerOrEventListenerObject;
  capture: boolean;
}

/** What the library holds right now. */
const live = {
  timeouts: new Set<number>(),
  intervals: new Set<number>(),
  frames: new Set<number>(),
  eventSources: new Set<EventSource>(),
  listeners: [] as ListenerRecord[],
  fetches: 0,
};

/** How many of each the library has made so far, to show the instrumentation saw them. */
const made = { timeouts: 0, frames: 0, eventSources: 0, listeners: new Set<string>(), fetches: 0 };

function snapshot() {
  return {
    timeouts: live.timeouts.size,
    intervals: live.intervals.size,
    frames: live.frames.size,
    eventSources: [...live.eventSources].filter((s) => s.readyState !== EventSource.CLOSED).length,
    listeners: live.listeners.map((r) => `${r.target} ${r.type}`).sort(),
    fetches: live.fetches,
  };
}

const real = {
  setTimeout: window.setTimeout.bind(window),
  clearTimeout: window.clearTimeout.bind(window),
  setInterval: window.setInterval.bind(window),
  clearInterval: window.clearInterval.bind(window),
  requestAnimationFrame: window.requestAnimationFrame.bind(window),
  cancelAnimationFrame: window.cancelAnimationFrame.bind(window),
  fetch: window.fetch.bind(window),
  EventSource: window.EventSource,
};

function instrument(): void {
  window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    if (!fromLibrary() || typeof handler !== 'function')
      return real.setTimeout(handler, ms, ...args);
    const id = real.setTimeout(
      (...given: unknown[]) => {
        live.timeouts.delete(id);
        (handler as (...a: unknown[]) => void)(...given);
      },
      ms,
      ...args,
    );
    live.timeouts.add(id);
    made.timeouts += 1;
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) live.timeouts.delete(id);
    real.clearTimeout(id);
  }) as typeof window.clearTimeout;
  window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id = real.setInterval(handler, ms, ...args);
    if (fromLibrary()) live.intervals.add(id);
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) live.intervals.delete(id);
    real.clearInterval(id);
  }) as typeof window.clearInterval;
  window.requestAnimationFrame = (callback: FrameRequestCallback) => {
    if (!fromLibrary()) return real.requestAnimationFrame(callback);
    const id = real.requestAnimationFrame((time) => {
      live.frames.delete(id);
      callback(time);
    });
    live.frames.add(id);
    made.frames += 1;
    return id;
  };
  window.cancelAnimationFrame = (id: number) => {
    live.frames.delete(id);
    real.cancelAnimationFrame(id);
  };
  // Counts requests under way (until the answer's headers arrive or the request fails).
  window.fetch = (async (...args: Parameters<typeof fetch>) => {
    live.fetches += 1;
    made.fetches += 1;
    try {
      return await real.fetch(...args);
    } finally {
      live.fetches -= 1;
    }
  }) as typeof fetch;
  class CountedEventSource extends real.EventSource {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      live.eventSources.add(this);
      made.eventSources += 1;
    }

    override close(): void {
      live.eventSources.delete(this);
      super.close();
    }
  }
  window.EventSource = CountedEventSource;
  trackListeners(window, 'window');
  trackListeners(document, 'document');
}

function trackListeners(target: EventTarget, name: string): void {
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  const matches =
    (type: string, listener: EventListenerOrEventListenerObject, capture: boolean) =>
    (r: ListenerRecord) =>
      r.target === name && r.type === type && r.listener === listener && r.capture === capture;
  const forget = (type: string, listener: EventListenerOrEventListenerObject, capture: boolean) => {
    const index = live.listeners.findIndex(matches(type, listener, capture));
    if (index >= 0) live.listeners.splice(index, 1);
  };
  target.addEventListener = (
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) => {
    add(type, listener, options);
    if (!listener || !fromLibrary()) return;
    const capture = typeof options === 'boolean' ? options : !!options?.capture;
    if (live.listeners.some(matches(type, listener, capture))) return;
    live.listeners.push({ target: name, type, listener, capture });
    made.listeners.add(`${name} ${type}`);
    if (typeof options === 'object') {
      // Listeners that end themselves: after one call, or when their signal aborts.
      if (options.once) add(type, () => forget(type, listener, capture), { capture, once: true });
      options.signal?.addEventListener('abort', () => forget(type, listener, capture));
    }
  };
  target.removeEventListener = (
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ) => {
    remove(type, listener, options);
    if (!listener) return;
    forget(type, listener, typeof options === 'boolean' ? options : !!options?.capture);
  };
}

function restore(): void {
  window.setTimeout = real.setTimeout as typeof window.setTimeout;
  window.clearTimeout = real.clearTimeout;
  window.setInterval = real.setInterval as typeof window.setInterval;
  window.clearInterval = real.clearInterval;
  window.requestAnimationFrame = real.requestAnimationFrame;
  window.cancelAnimationFrame = real.cancelAnimationFrame;
  window.fetch = real.fetch;
  window.EventSource = real.EventSource;
  for (const target of [window, document]) {
    delete (target as Partial<EventTarget>).addEventListener;
    delete (target as Partial<EventTarget>).removeEventListener;
  }
}

interface WidgetKind {
  tag: string;
  attributes: Record<string, string>;
  /** Window/document listeners the box is known to add while on the page. */
  listens?: string[];
}

const KINDS: WidgetKind[] = [
  {
    tag: 'pw-article',
    attributes: { 'article-id': 'hong-bang-tiep-doan-kiem-tra', related: '3' },
    listens: ['window popstate'],
  },
  { tag: 'pw-activity-list', attributes: { category: 'hoat-dong-lanh-dao', 'page-size': '5' } },
  { tag: 'pw-link-box', attributes: { variant: 'logos' } },
  {
    tag: 'pw-visit-stats',
    attributes: { refresh: '1' },
    listens: ['document visibilitychange'],
  },
];

const CYCLES = 1000;

/** Puts a `<pw-source>` with `source` on the page, for the boxes to mount in. */
async function sourceHolder(source: DataSource): Promise<SourceElement> {
  const holder = await fixture<SourceElement>(html`<pw-source></pw-source>`);
  holder.source = source;
  return holder;
}

function create(kind: WidgetKind): Widget {
  const el = document.createElement(kind.tag) as Widget;
  for (const [name, value] of Object.entries(kind.attributes)) el.setAttribute(name, value);
  return el;
}

/** Lets aborted requests and one-shot frames finish: what is left after that is a leak. */
async function quiet(): Promise<void> {
  await sleep(50);
  await new Promise((resolve) => real.requestAnimationFrame(() => resolve(undefined)));
  await waitFor(() => live.fetches === 0 && live.frames.size === 0, 'requests and frames ended', {
    timeout: 3000,
  });
}

describe('leaks', () => {
  before(instrument);
  after(restore);

  for (const kind of KINDS) {
    it(`<${kind.tag}> leaves nothing behind after ${CYCLES} mounts and removals`, async () => {
      // No cache, so every mount really asks the fixture backend and most removals cancel a request.
      const http = new HttpClient({ cacheTtlMs: 0, staleTtlMs: 0, retries: 0 });
      const holder = await sourceHolder(createJsonSource({ baseUrl: '/api', http }));
      await quiet();
      const before = snapshot();
      const madeBefore = { timeouts: made.timeouts, fetches: made.fetches };
      made.listeners.clear();
      let loaded = 0;
      for (let i = 0; i < CYCLES; i += 1) {
        const el = create(kind);
        holder.append(el);
        await el.updateComplete;
        // Most boxes leave mid-request; every tenth one loads and draws first.
        if (i % 10 === 0) {
          await settled(el);
          if (el.shadowRoot!.querySelector('[role="alert"]') === null) loaded += 1;
        }
        el.remove();
      }
      expect(loaded, 'the boxes that waited loaded their data').to.equal(CYCLES / 10);
      // The instrumentation did see the library at work (request time limits, requests, listeners).
      expect(made.timeouts - madeBefore.timeouts, 'timers made').to.be.at.least(CYCLES / 10);
      expect(made.fetches - madeBefore.fetches, 'requests made').to.be.at.least(CYCLES / 10);
      expect([...made.listeners]).to.include.members(kind.listens ?? []);
      await quiet();
      expect(snapshot()).to.deep.equal(before);
    }).timeout(60000);
  }

  it(`all four boxes on the page-wide client leave nothing behind after ${CYCLES} mounts`, async () => {
    // The shared client answers most mounts from its cache; wait for it to settle, then count.
    const holder = await fixture<SourceElement>(html`<pw-source base-url="/api"></pw-source>`);
    await quiet();
    const before = snapshot();
    for (let i = 0; i < CYCLES; i += 1) {
      const boxes = KINDS.map(create);
      holder.append(...boxes);
      await Promise.all(boxes.map((el) => el.updateComplete));
      if (i % 100 === 0) await Promise.all(boxes.map((el) => settled(el)));
      for (const el of boxes) el.remove();
    }
    await quiet();
    expect(snapshot()).to.deep.equal(before);
  }).timeout(60000);

  it('<pw-visit-stats> with a live stream closes it on removal', async () => {
    // The counter service offers Server-Sent Events of the figures.
    const source = createJsonSource({
      baseUrl: '/counter',
      endpoints: { stream: '{base}/stats/stream', visit: null },
      http: new HttpClient({ cacheTtlMs: 0, staleTtlMs: 0, retries: 0 }),
    });
    const holder = await sourceHolder(source);
    await quiet();
    const before = snapshot();
    const openedBefore = made.eventSources;
    for (let i = 0; i < CYCLES; i += 1) {
      const el = create({ tag: 'pw-visit-stats', attributes: { refresh: '1' } });
      holder.append(el);
      await el.updateComplete;
      if (i % 10 === 0) await settled(el);
      el.remove();
    }
    // Proof that streams were really opened: about one per settled mount (every
    // tenth); the first may still be waiting for the stream client's chunk.
    expect(made.eventSources - openedBefore, 'streams opened').to.be.at.least(CYCLES / 20);
    await quiet();
    expect(snapshot()).to.deep.equal(before);
  }).timeout(60000);

  it('<pw-visit-stats refresh="1"> stops polling when removed', async () => {
    const scenario = await createScenario([{ fixture: true }]);
    const holder = await sourceHolder(
      createJsonSource({
        baseUrl: scenario.base,
        http: new HttpClient({ cacheTtlMs: 0, staleTtlMs: 0, retries: 0 }),
      }),
    );
    const el = create({ tag: 'pw-visit-stats', attributes: { refresh: '1' } });
    holder.append(el);
    // The first load and one refresh a second later: it polls while on the page.
    await waitForRequests(scenario, 2, 5000);
    el.remove();
    await quiet();
    const atRemoval = (await scenario.log()).count;
    await sleep(2500);
    expect((await scenario.log()).count, 'requests after removal').to.equal(atRemoval);
  });
});
