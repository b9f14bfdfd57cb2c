/**
 * Every vector of the corpus in every text and URL field of every element's
 * payload, served over real HTTP. Nothing may execute (a global tripwire and
 * hooked dialogs), nothing may clobber a global, no dangerous markup or URL
 * may reach the DOM, and the legitimate content around the vectors still shows.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/index.js';
import { createScenario, sleep } from '../helpers/server.js';
import { BROKEN_VALUES, settled, shownText } from '../helpers/elements.js';
import { vectorStrings, XSS_VECTORS } from './xss-vectors.js';

const VECTORS = vectorStrings();
const ALLOWED_PROTOCOLS = ['http:', 'https:', 'mailto:', 'tel:'];
/** Elements that must never come out of a backend string. */
const FORBIDDEN_TAGS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'base',
  'meta',
  'form',
  'link',
  'style',
  'template',
  'noscript',
  'isindex',
]);
const URL_ATTRIBUTES = ['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'poster'];
const LEGIT_URL = 'https://hochiminhcity.gov.vn/';

/** What fired: tripwire calls and dialogs, by vector number. */
const fired: string[] = [];
const originals = {
  alert: window.alert,
  confirm: window.confirm,
  prompt: window.prompt,
};
const globals = {
  location: window.location,
  document: window.document,
  name: window.name,
  getElementById: document.getElementById,
  customElements: window.customElements,
};

function installTripwires(): void {
  const w = window as unknown as Record<string, unknown>;
  w.__pwTripwire = (id: unknown) => fired.push(`tripwire ${String(id)}`);
  window.alert = (id?: unknown) => void fired.push(`alert ${String(id)}`);
  window.confirm = (id?: unknown) => (fired.push(`confirm ${String(id)}`), false);
  window.prompt = (id?: unknown) => (fired.push(`prompt ${String(id)}`), null);
}

function removeTripwires(): void {
  delete (window as unknown as Record<string, unknown>).__pwTripwire;
  Object.assign(window, originals);
}

/** Every element under `root`, through open shadow roots. */
function deepElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    found.push(element);
    if (element.shadowRoot) found.push(...deepElements(element.shadowRoot));
    if (element instanceof HTMLTemplateElement) found.push(...deepElements(element.content));
  }
  return found;
}

/** Whatever in the rendered widgets could run script or navigate to a bad URL. */
function dangers(root: ParentNode): string[] {
  const problems: string[] = [];
  for (const element of deepElements(root)) {
    const tag = element.localName;
    if (FORBIDDEN_TAGS.has(tag)) problems.push(`<${tag}> was rendered`);
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`<${tag} ${name}> was rendered`);
      if (name === 'srcdoc') problems.push(`<${tag} ${name}> was rendered`);
      // Widgets may style through the CSSOM; a body may not style at all.
      if (name === 'style' && element.closest('[part~="content"]')) {
        problems.push(`<${tag} style> was rendered in the body`);
      }
      const isUrl =
        URL_ATTRIBUTES.includes(name) ||
        (tag === 'option' && name === 'value' && attribute.value !== '');
      if (!isUrl) continue;
      let protocol: string;
      try {
        protocol = new URL(attribute.value, element.baseURI).protocol;
      } catch {
        problems.push(`<${tag} ${name}="${attribute.value}"> is not a URL`);
        continue;
      }
      // An image pasted into a body as a data: URL cannot run script.
      const inlineImage = tag === 'img' && name === 'src' && /^data:image\//i.test(attribute.value);
      if (!ALLOWED_PROTOCOLS.includes(protocol) && !inlineImage) {
        problems.push(`<${tag} ${name}="${attribute.value}">`);
      }
    }
  }
  return problems;
}

/** Lets images fail, animations start and autofocus happen before counting what fired. */
async function letItRun(root: ParentNode): Promise<void> {
  const images = deepElements(root).filter((el): el is HTMLImageElement => el.localName === 'img');
  // Lazy images below the fold never load, so their decode() never settles.
  const eager = images.filter((img) => img.loading !== 'lazy');
  await Promise.all(eager.map((img) => img.decode().catch(() => undefined)));
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await sleep(200);
}

function expectClean(root: ParentNode): void {
  expect(fired, 'vectors that executed').to.deep.equal([]);
  expect(dangers(root), 'dangerous markup or URLs').to.deep.equal([]);
  const w = window as unknown as Record<string, unknown>;
  expect(w.cookie, 'window.cookie').to.equal(undefined);
  expect(typeof document.cookie, 'document.cookie').to.equal('string');
  expect(window.location, 'window.location').to.equal(globals.location);
  expect(document.location, 'document.location').to.equal(globals.location);
  expect(window.document, 'window.document').to.equal(globals.document);
  expect(window.name, 'window.name').to.equal(globals.name);
  expect(document.getElementById, 'document.getElementById').to.equal(globals.getElementById);
  expect(window.customElements, 'window.customElements').to.equal(globals.customElements);
  expect(typeof w.__pwTripwire, 'the tripwire').to.equal('function');
  expect(window.alert, 'window.alert').not.to.equal(originals.alert);
  expect(document.body).to.be.instanceOf(HTMLBodyElement);
}

/** The widgets under test, mounted; their wrapper is `page`, what the checks scan. */
let page: HTMLElement;

async function mount(template: TemplateResult, selector: string): Promise<HTMLElement[]> {
  const wrapper = await fixture<HTMLElement>(template);
  page = wrapper;
  const elements = [...wrapper.querySelectorAll<HTMLElement>(selector)];
  for (const el of elements) await settled(el);
  return elements;
}

function shadowText(el: HTMLElement, selector: string): string {
  return [...el.shadowRoot!.querySelectorAll(selector)].map((n) => n.textContent).join('\n');
}

/** An item of a list with the vector in every text and URL field. */
function hostileItem(vector: string, i: number) {
  return {
    id: `${vector}#${i}`,
    title: `Tin ${i} ${vector} hết`,
    url: vector,
    date: vector,
    summary: `Tóm tắt ${i} ${vector}`,
    image: { src: vector, alt: `Ảnh ${i} ${vector}` },
    category: { id: vector, name: `Mục ${vector}` },
  };
}

const LEGIT_ITEM = {
  id: 'tin-hop-le',
  title: 'Tin hợp lệ giữa các vector',
  url: LEGIT_URL,
  date: '2024-03-01T08:00:00',
  summary: 'Tóm tắt hợp lệ',
  image: { src: '/fixtures/images/hoi-nghi.svg', alt: 'Ảnh hợp lệ' },
};

describe('security: XSS vectors in every field', function () {
  this.timeout(60000);

  before(installTripwires);
  after(removeTripwires);
  beforeEach(() => {
    fired.length = 0;
  });

  it('has a corpus of at least 60 vectors of every kind', () => {
    expect(VECTORS.length).to.be.at.least(60);
    expect(new Set(VECTORS).size).to.equal(VECTORS.length);
    const kinds = new Set(XSS_VECTORS.map((vector) => vector.kind));
    expect([...kinds]).to.have.members(['markup', 'url', 'mutation', 'clobbering', 'breakout']);
  });

  it('renders raw HTML only from the sanitizer’s output', async () => {
    const components = ['article', 'activity-list', 'link-box', 'visit-stats'].map(
      (name) => `/src/${name}/${name}.component.ts`,
    );
    // Each box draws its loaded data in its view (the article's is its body chunk),
    // and the article its toolbar from a controller.
    const drawing = [
      '/src/article/article-body.ts',
      '/src/article/article-tools-controller.ts',
      '/src/activity-list/activity-list-view.ts',
      '/src/link-box/link-box-view.ts',
      '/src/visit-stats/visit-stats-view.ts',
    ];
    const calls: string[] = [];
    for (const path of [...components, ...drawing]) {
      const source = await (await fetch(path)).text();
      expect(source, path).to.contain(components.includes(path) ? 'renderData' : 'html`');
      calls.push(...[...source.matchAll(/unsafeHTML\(([^)]*)\)/g)].map((m) => `${path}: ${m[1]}`));
    }
    expect(calls).to.deep.equal(['/src/article/article-body.ts: view.safeBody']);
  });

  it('trips the wire when markup is not sanitized, so the checks can fail', async () => {
    const holder = document.createElement('div');
    document.body.append(holder);
    // The trap itself is sound: raw markup does fire, and is seen as dangerous.
    holder.innerHTML = VECTORS[4];
    await letItRun(holder);
    expect(fired).to.deep.equal(['tripwire 4']);
    expect(dangers(holder)).to.include('<img onerror> was rendered');
    holder.remove();
  });

  it('pw-article: title, summary, body, author, image, attachments, category, related', async () => {
    const scenarios = await Promise.all(
      VECTORS.map((vector, i) =>
        createScenario([
          {
            body: {
              ...hostileItem(vector, i),
              id: `a${i}`,
              title: `Tiêu đề ${i} ${vector} hết`,
              author: `Tác giả ${i} ${vector}`,
              body: `<p class="lead-in">Đoạn mở đầu ${i}.</p>${vector}<p class="closing">Đoạn kết ${i}.</p>`,
              attachments: [
                { name: `Tệp ${i} ${vector}`, url: vector },
                {
                  name: `Tệp hợp lệ ${i}`,
                  url: '/fixtures/files/bao-cao-tom-tat-thang-02-2020.pdf',
                },
              ],
            },
          },
          { body: { items: [hostileItem(vector, i), LEGIT_ITEM] } },
        ]),
      ),
    );
    const articles = await mount(
      html`<div>
        ${scenarios.map(
          (scenario, i) =>
            html`<pw-source base-url=${scenario.base}
              ><pw-article article-id=${`a${i}`} related="3" tools="email share"></pw-article
            ></pw-source>`,
        )}
      </div>`,
      'pw-article',
    );
    await waitUntil(
      () => articles.every((el) => el.shadowRoot!.querySelector('[part~="related"]')),
      'the related items did not all show',
    );
    await letItRun(page);
    expectClean(page);
    articles.forEach((el, i) => {
      const vector = VECTORS[i];
      // Text fields are shown as text, exactly as sent.
      expect(shadowText(el, '[part~="title"]'), `title ${i}`).to.contain(
        `Tiêu đề ${i} ${vector} hết`,
      );
      expect(shadowText(el, '[part~="summary"]'), `summary ${i}`).to.contain(vector.trim());
      expect(shadowText(el, '[part~="author"]'), `author ${i}`).to.contain(vector.trim());
      expect(shadowText(el, '[part~="related"]'), `related ${i}`).to.contain(
        `Tin ${i} ${vector} hết`,
      );
      // The body keeps what surrounds the vector.
      const content = el.shadowRoot!.querySelector('[part~="content"]')!;
      expect(content.querySelector('.lead-in')?.textContent, `body ${i}`).to.equal(
        `Đoạn mở đầu ${i}.`,
      );
      // Mutation vectors are left unclosed on purpose, so they may swallow what follows.
      if (XSS_VECTORS[i].kind !== 'mutation') {
        expect(content.querySelector('.closing')?.textContent, `body ${i}`).to.equal(
          `Đoạn kết ${i}.`,
        );
      }

      expect(shadowText(el, '[part~="attachments"]'), `attachments ${i}`).to.contain(
        `Tệp hợp lệ ${i}`,
      );
      expect(shadowText(el, '[part~="related"]'), `related ${i}`).to.contain(LEGIT_ITEM.title);
      expect(shownText(el), `article ${i}`).not.to.match(/undefined|NaN|Invalid Date/);
    });
  });

  it('pw-activity-list: title, url, summary, image, date and id of every item, in every layout', async () => {
    const items = [LEGIT_ITEM, ...VECTORS.map(hostileItem)];
    const scenario = await createScenario([{ body: { items, total: items.length } }]);
    const lists = await mount(
      html`<div>
        ${['list', 'cards', 'featured'].map(
          (layout) =>
            html`<pw-activity-list
              src=${`${scenario.base}/articles`}
              layout=${layout}
              page-size="100"
              show-image
              show-summary
            ></pw-activity-list>`,
        )}
      </div>`,
      'pw-activity-list',
    );
    await letItRun(page);
    expectClean(page);
    for (const el of lists) {
      const titles = shadowText(el, '[part~="title"]');
      expect(titles).to.contain(LEGIT_ITEM.title);
      VECTORS.forEach((vector, i) =>
        expect(titles, `item ${i}`).to.contain(`Tin ${i} ${vector} hết`),
      );
      const legit = el.shadowRoot!.querySelector<HTMLAnchorElement>(`a[href="${LEGIT_URL}"]`);
      expect(legit?.textContent).to.contain(LEGIT_ITEM.title);
      expect(shownText(el)).not.to.match(/undefined|NaN|Invalid Date/);
    }
  });

  it('pw-link-box: title, url, group and logo of every link, in every variant', async () => {
    const links = [
      {
        title: 'Cổng Dịch vụ công',
        url: LEGIT_URL,
        group: 'Hợp lệ',
        logo: '/fixtures/logos/dich-vu-cong.svg',
      },
      ...VECTORS.map((vector, i) => ({
        title: `Liên kết ${i} ${vector} hết`,
        url: vector,
        group: `Nhóm ${i} ${vector}`,
        logo: vector,
      })),
    ];
    const scenario = await createScenario([{ body: links }]);
    // Every link without a usable URL is skipped with a warning; keep them out of the log.
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    const boxes = await mount(
      html`<div>
        ${['select', 'list', 'logos'].map(
          (variant) =>
            html`<pw-link-box src=${`${scenario.base}/links`} variant=${variant}></pw-link-box>`,
        )}
      </div>`,
      'pw-link-box',
    ).finally(() => {
      console.warn = warn;
    });
    expect(warnings.filter((w) => w.includes('javascript:')).length).to.be.greaterThan(0);
    await letItRun(page);
    expectClean(page);
    for (const el of boxes) {
      // The logos variant names its links through the logos' alt text.
      const alts = [...el.shadowRoot!.querySelectorAll('img')].map((img) => img.alt);
      const text = [el.shadowRoot!.textContent!, ...alts].join('\n');
      expect(text, el.getAttribute('variant')!).to.contain('Cổng Dịch vụ công');
      // Markup in a title is shown as text (its URL, relative, was kept).
      expect(text, el.getAttribute('variant')!).to.contain(`Liên kết 0 ${VECTORS[0]} hết`);
      // The links the URL check kept show their text as sent.
      for (const node of el.shadowRoot!.querySelectorAll('a, option')) {
        expect(node.textContent ?? '').not.to.match(BROKEN_VALUES);
      }
      const targets = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[href]')]
        .map((a) => a.href)
        .concat(
          [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('option')].map((o) => o.value),
        );
      expect(targets).to.include(LEGIT_URL);
    }
  });

  it('pw-visit-stats: every figure and the update time as hostile strings', async () => {
    const fields = ['online', 'today', 'yesterday', 'week', 'month', 'year'];
    const scenarios = await Promise.all(
      VECTORS.map((vector) =>
        createScenario([
          {
            body: {
              ...Object.fromEntries(fields.map((field) => [field, vector])),
              total: '1234',
              updatedAt: vector,
            },
          },
        ]),
      ),
    );
    const boxes = await mount(
      html`<div>
        ${scenarios.map(
          (scenario) =>
            html`<pw-visit-stats
              src=${`${scenario.base}/stats`}
              fields="online today yesterday week month year total"
              refresh="0"
            ></pw-visit-stats>`,
        )}
      </div>`,
      'pw-visit-stats',
    );
    await letItRun(page);
    expectClean(page);
    for (const [i, el] of boxes.entries()) {
      await waitUntil(() => shownText(el).includes('1.234'), `stats ${i} did not show the total`);
      expect(shownText(el), `stats ${i}`).not.to.match(BROKEN_VALUES);
      expect(shownText(el), `stats ${i}`).not.to.contain('script');
    }
  });
});
