/**
 * The library on a locked-down portal page: a strict CSP with Trusted Types
 * enforced, and the library loaded twice. The test runner's own page needs
 * inline scripts, so each page is opened in an iframe served with that CSP
 * (see web-test-runner.config.mjs) and inspected from here, same origin.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { BROKEN_VALUES, isSettled } from '../helpers/elements.js';

interface ProbedWindow extends Window {
  __cspViolations: string[];
  __pageErrors: string[];
  __warnings: string[];
}

const WIDGETS = ['pw-article', 'pw-activity-list', 'pw-link-box', 'pw-visit-stats'];

let frame: HTMLIFrameElement | undefined;

async function openPage(path: string): Promise<ProbedWindow> {
  frame = document.createElement('iframe');
  frame.title = 'security page';
  frame.width = '1000';
  frame.height = '2000';
  const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
  frame.src = path;
  document.body.append(frame);
  await loaded;
  return frame.contentWindow as ProbedWindow;
}

function widgets(win: Window): HTMLElement[] {
  return [...win.document.querySelectorAll<HTMLElement>(WIDGETS.join(','))];
}

async function allSettled(win: Window): Promise<HTMLElement[]> {
  const found = widgets(win);
  await waitUntil(() => found.every(isSettled), 'a widget did not settle', { timeout: 8000 });
  return found;
}

function textOf(element: HTMLElement): string {
  const box = element.shadowRoot!.querySelector<HTMLElement>('[part~="box"]')!;
  return box.innerText.replace(/\s+/g, ' ').trim();
}

describe('security: pages', () => {
  afterEach(() => {
    frame?.remove();
    frame = undefined;
  });

  describe('under a strict CSP with Trusted Types', () => {
    it('is really served with the strict policy', async () => {
      const response = await fetch('/test/security/fixtures/strict.html');
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).to.contain("script-src 'self'");
      expect(policy).to.contain("require-trusted-types-for 'script'");
    });

    it('blocks an inline script there, so the probe does see violations', async function () {
      const win = await openPage('/test/security/fixtures/strict.html');
      if (!('trustedTypes' in win)) {
        // Firefox ESR 140 has no Trusted Types yet, so there is nothing to block; the
        // tests below still hold the page to its script-src policy in that browser.
        console.warn('This browser has no Trusted Types: the Trusted Types probe is not tested.');
        this.skip();
      }
      const script = win.document.createElement('script');
      // Without a policy, Trusted Types refuse a script's text outright: a
      // TypeError (the frame's own) in every engine; only the wording differs.
      expect(() => {
        script.textContent = 'window.__inlineRan = true;';
      })
        .to.throw()
        .with.property('name', 'TypeError');
      expect(script.textContent).to.equal('');
      await waitUntil(() => win.__cspViolations.length > 0, 'no violation was reported');
      expect(win.__cspViolations[0]).to.contain('require-trusted-types-for');
    });

    it('renders all four elements with zero violations and no errors', async () => {
      const win = await openPage('/test/security/fixtures/strict.html');
      await waitUntil(
        () => WIDGETS.every((tag) => win.customElements.get(tag)),
        'the elements were not defined',
      );
      const found = await allSettled(win);
      expect(found.map((el) => el.localName)).to.include.members(WIDGETS);
      const article = win.document.querySelector('pw-article')!;
      const body = article.shadowRoot!.querySelector('[part~="content"]')!;
      // The sanitized body went through the Trusted Types sink.
      expect(body.querySelectorAll('p').length).to.be.greaterThan(1);
      expect(body.textContent).to.contain('Phó Chủ tịch');
      const list = win.document.querySelector('pw-activity-list')!;
      expect(list.shadowRoot!.querySelectorAll('a[href]').length).to.be.greaterThan(0);
      const logos = win.document.querySelector('pw-link-box[variant="logos"]')!;
      const logoImages = [...logos.shadowRoot!.querySelectorAll('img')];
      expect(logoImages.length).to.be.greaterThan(0);
      // Styles arrive as constructed style sheets, which style-src 'self' allows.
      const stats = win.document.querySelector('pw-visit-stats')!;
      expect(getComputedStyle(stats).display).not.to.equal('inline');
      for (const el of found) expect(textOf(el)).not.to.match(BROKEN_VALUES);
      // Let images and late chunks finish before counting. Lazy images far down
      // the frame may never start on their own, so they are asked to load now.
      await Promise.all(
        [...logoImages, ...article.shadowRoot!.querySelectorAll('img')].map((img) => {
          img.loading = 'eager';
          return img.decode().catch(() => undefined);
        }),
      );
      expect(win.__cspViolations).to.deep.equal([]);
      expect(win.__pageErrors).to.deep.equal([]);
    });
  });

  describe('under Trusted Types allowing only the library’s and lit’s policies', () => {
    it('renders the sanitized article body with zero violations', async () => {
      const response = await fetch('/test/security/fixtures/strict.html?named-policies');
      expect(response.headers.get('content-security-policy')).to.contain(
        'trusted-types portal-widgets lit-html',
      );
      const win = await openPage('/test/security/fixtures/strict.html?named-policies');
      await waitUntil(
        () => WIDGETS.every((tag) => win.customElements.get(tag)),
        'the elements were not defined',
      );
      const found = await allSettled(win);
      const article = win.document.querySelector('pw-article')!;
      // DOMPurify parsed the body through the `portal-widgets` policy, not one of its own.
      expect(article.shadowRoot!.querySelector('[part~="content"]')!.textContent).to.contain(
        'Phó Chủ tịch',
      );
      for (const el of found) expect(textOf(el)).not.to.match(BROKEN_VALUES);
      expect(win.__cspViolations).to.deep.equal([]);
      expect(win.__pageErrors).to.deep.equal([]);
    });
  });

  describe('the library loaded twice', () => {
    it('keeps the first definitions, throws nothing and still renders', async () => {
      const win = (await openPage('/test/security/fixtures/twice.html')) as ProbedWindow & {
        __definitions?: Record<
          string,
          { owner: string; copiesDiffer: boolean; secondVersion: string }
        >;
      };
      await waitUntil(() => win.__definitions, 'the second copy did not load');
      const definitions = win.__definitions!;
      expect(Object.keys(definitions)).to.have.length(5);
      for (const [tag, found] of Object.entries(definitions)) {
        // Two real copies of another version, and the page kept the first.
        expect(found.copiesDiffer, tag).to.equal(true);
        expect(found.secondVersion, tag).to.equal('0.0.0-copy');
        expect(found.owner, tag).to.equal('first');
      }
      const found = await allSettled(win);
      expect(found).to.have.length(4);
      for (const el of found) expect(textOf(el)).not.to.match(BROKEN_VALUES);
      expect(textOf(win.document.querySelector('pw-article')!)).to.contain('Hồng Bàng');
      // The other version is named in a warning a developer can act on.
      expect(win.__warnings.join('\n')).to.contain('0.0.0-copy');
      expect(win.__pageErrors).to.deep.equal([]);
      expect(win.__cspViolations).to.deep.equal([]);
    });
  });
});
