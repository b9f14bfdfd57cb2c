import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { ArticleElement } from '../../src/index.js';
import type { ErrorEventDetail } from '../../src/base/events.js';
import { closeFramePages, openFramePage } from '../helpers/frames.js';
import { createScenario, waitFor, waitForRequests } from '../helpers/server.js';
import {
  afterReload,
  BROKEN_VALUES,
  headingText,
  part,
  settled,
  shownText,
} from '../helpers/elements.js';

const HONG_BANG = 'hong-bang-tiep-doan-kiem-tra';
const HONG_BANG_TITLE = 'UBND Quận Hồng Bàng tiếp Đoàn kiểm tra';

async function article(template: ReturnType<typeof html>): Promise<ArticleElement> {
  const wrapper = await fixture<HTMLElement>(template);
  const el = (
    wrapper.localName === 'pw-article' ? wrapper : wrapper.querySelector('pw-article')
  ) as ArticleElement;
  await settled(el);
  return el;
}

function all<E extends Element = HTMLElement>(el: HTMLElement, selector: string): E[] {
  return [...(el.shadowRoot?.querySelectorAll<E>(selector) ?? [])];
}

function titleOf(el: HTMLElement): string {
  return (part(el, '[part~="title"]').textContent ?? '').trim();
}

/** Runs `action` and waits until the article has loaded (or failed) what it asked for. */
async function showing(el: ArticleElement, action: () => void): Promise<void> {
  await afterReload(el, action);
  await el.updateComplete;
}

describe('pw-article', () => {
  afterEach(() => window.history.replaceState(null, '', window.location.pathname));

  describe('content', () => {
    it('shows the Hồng Bàng article in the portal style', async () => {
      const el = await article(html`
        <pw-source base-url="/api"
          ><pw-article article-id=${HONG_BANG} related="5"></pw-article
        ></pw-source>
      `);
      // The box title is the category, as on the portal page.
      expect(headingText(el)).to.equal('Hoạt động của lãnh đạo');
      expect(el.shadowRoot!.querySelector('[part~="category"]')).to.equal(null);
      const title = part(el, '[part~="title"]');
      expect(title.localName).to.equal('h3');
      expect(title.textContent).to.contain(HONG_BANG_TITLE);
      // Offset-less fixture date read and shown in Asia/Ho_Chi_Minh, whatever the machine's zone.
      expect(part(el, '[part~="date"]').textContent!.trim()).to.equal('Thứ Tư, 26/02/2020 10:05');
      expect(part(el, '[part~="summary"]').textContent).to.contain('Thông báo số 16/TB-STTTT');
      expect(part(el, '[part~="author"]').textContent).to.contain('Văn phòng quận');
      expect(part(el, '[part~="content"]').textContent).to.contain('Phó Chủ tịch');
      const image = part<HTMLImageElement>(el, '[part~="image"]');
      expect(image.getAttribute('alt')).to.match(/^Hình minh họa: buổi làm việc/);
      expect(image.src).to.match(/\/fixtures\/images\/kiem-tra-cntt\.svg$/);
      expect(shownText(el)).to.contain('Các tin khác');
      expect(shownText(el)).not.to.match(BROKEN_VALUES);
    });

    it('names the category in the article when heading replaces it as the box title', async () => {
      const el = await article(html`
        <pw-source base-url="/api"
          ><pw-article heading="Tin tức" heading-level="1" article-id=${HONG_BANG}></pw-article
        ></pw-source>
      `);
      expect(headingText(el)).to.equal('Tin tức');
      expect(part(el, '[part~="category"]').textContent!.trim()).to.equal('Hoạt động của lãnh đạo');
      expect(part(el, '[part~="title"]').localName).to.equal('h2');
    });

    it('writes the date line and section titles in English', async () => {
      const el = await article(html`
        <pw-source base-url="/api"
          ><pw-article lang="en" article-id=${HONG_BANG} related="2"></pw-article
        ></pw-source>
      `);
      expect(part(el, '[part~="date"]').textContent!.trim()).to.equal(
        'Wednesday, 26 February 2020 10:05',
      );
      expect(part(el, '[part~="related"]').getAttribute('aria-label')).to.equal('Other news');
      expect(part(el, '[part~="attachments"]').textContent).to.contain('Attachments');
    });

    it('links the attachments for download', async () => {
      const el = await article(html`
        <pw-source base-url="/api"
          ><pw-article article-id="giao-ban-ket-qua-thang-02-2020"></pw-article
        ></pw-source>
      `);
      const links = all<HTMLAnchorElement>(el, '[part~="attachments"] a');
      expect(links.length).to.equal(1);
      expect(links[0].textContent!.trim()).to.equal('Báo cáo tóm tắt tháng 02/2020 (PDF)');
      expect(new URL(links[0].href).pathname).to.equal(
        '/fixtures/files/bao-cao-tom-tat-thang-02-2020.pdf',
      );
      expect(links[0].hasAttribute('download')).to.equal(true);
      const heading = part(el, '[part~="attachments"] .section-title');
      expect(heading.localName).to.equal('h4');
      // No image in this article: no empty figure either.
      expect(el.shadowRoot!.querySelector('[part~="figure"]')).to.equal(null);
    });

    it('sanitizes the untrusted body', async () => {
      const scenario = await createScenario([
        {
          body: {
            id: 'x',
            title: 'Bài thử',
            body:
              '<p style="color:red">An toàn</p><script>window.__pwHacked = 1</script>' +
              '<img src="data:," onerror="window.__pwHacked = 2">' +
              '<a href="javascript:window.__pwHacked = 3">bấm</a><iframe src="about:blank"></iframe>' +
              '<form action="/x"><input name="q"></form>',
          },
        },
      ]);
      const el = await article(
        html`<pw-article src=${`${scenario.base}/articles/{id}`} article-id="x"></pw-article>`,
      );
      const content = part(el, '[part~="content"]');
      expect(content.textContent).to.contain('An toàn');
      expect(content.querySelector('script, iframe, form, input')).to.equal(null);
      expect(content.querySelector('[style]')).to.equal(null);
      const image = content.querySelector('img')!;
      expect(image.hasAttribute('onerror')).to.equal(false);
      // An image without alt is treated as decorative rather than read as its file name.
      expect(image.getAttribute('alt')).to.equal('');
      expect(content.querySelector('a')!.getAttribute('href') ?? '').not.to.match(/javascript:/i);
      await new Promise((r) => setTimeout(r, 50));
      expect((window as unknown as { __pwHacked?: number }).__pwHacked).to.equal(undefined);
      const log = await scenario.log();
      expect(log.requests[0].url).to.match(/\/articles\/x$/);
    });

    it('shows a summary and a picture once when the body is just those (a feed item)', async () => {
      // As NukeViet's RSS gives an item: the description is the picture and the
      // summary, and the same picture comes again as the enclosure.
      const picture = new URL('/fixtures/images/kiem-tra-cntt.svg', location.href).href;
      const summary = 'Sáng 26/02, UBND quận tiếp   Đoàn kiểm tra của Sở.';
      const scenario = await createScenario([
        {
          body: {
            id: 'feed-item',
            title: 'Tin từ RSS',
            summary,
            image: { src: picture },
            body: `<img src="/fixtures/images/kiem-tra-cntt.svg" width="100" align="left">${summary}`,
          },
        },
        {
          body: {
            id: 'written',
            title: 'Tin viết tay',
            summary: 'Tóm tắt riêng của bài.',
            image: { src: picture, alt: 'Buổi làm việc' },
            body: '<p>Sáng 26/02, UBND quận tiếp Đoàn kiểm tra của Sở.</p>',
          },
        },
      ]);
      const el = await article(
        html`<pw-article
          src=${`${scenario.base}/articles/{id}`}
          article-id="feed-item"
        ></pw-article>`,
      );
      expect(el.shadowRoot!.querySelector('[part~="summary"]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part~="figure"]')).to.equal(null);
      expect(all(el, 'img').length).to.equal(1);
      expect(part(el, '[part~="content"]').textContent).to.contain('UBND quận tiếp');

      // A summary and picture of their own still show, beside the body.
      await showing(el, () => (el.articleId = 'written'));
      expect(part(el, '[part~="summary"]').textContent!.trim()).to.equal('Tóm tắt riêng của bài.');
      expect(part(el, '[part~="figure"] img').getAttribute('src')).to.equal(picture);
    });

    it('scrolls wide tables inside the box and fits images to it', async () => {
      const cells = Array.from({ length: 14 }, (_, i) => `<td>Cột số liệu ${i + 1}</td>`).join('');
      const scenario = await createScenario([
        {
          body: {
            id: 'bang',
            title: 'Bảng số liệu',
            body:
              `<table><tr>${cells}</tr></table>` +
              '<table><tr><td>Nhỏ</td></tr></table>' +
              '<img src="/fixtures/images/kiem-tra-cntt.svg" width="2000" height="1000" alt="Ảnh lớn">',
          },
        },
      ]);
      const wrapper = await fixture<HTMLElement>(html`
        <div>
          <pw-article src=${`${scenario.base}/articles/{id}`} article-id="bang"></pw-article>
        </div>
      `);
      // A phone-sized column.
      wrapper.style.width = '20rem';
      const el = wrapper.querySelector('pw-article') as ArticleElement;
      await settled(el);
      await el.updateComplete;
      const content = part(el, '[part~="content"]');
      const [wide, small] = all(el, '[part~="content"] .table-scroll');
      expect(wide.querySelector('table')).not.to.equal(null);
      expect(wide.scrollWidth).to.be.greaterThan(wide.clientWidth);
      expect(content.scrollWidth).to.be.at.most(content.clientWidth);
      expect(el.getBoundingClientRect().width).to.be.at.most(wrapper.getBoundingClientRect().width);
      // The scrolling box is named and reachable by keyboard; the small one is left alone.
      // Overflow is re-checked by a ResizeObserver, which reports on the next frame.
      await waitFor(() => wide.getAttribute('tabindex') === '0', 'the wide table is not focusable');
      expect(wide.getAttribute('role')).to.equal('region');
      expect(wide.getAttribute('aria-label')).to.equal('Bảng (cuộn ngang để xem hết)');
      expect(small.hasAttribute('tabindex')).to.equal(false);
      const image = content.querySelector('img')!;
      await waitFor(() => image.complete && image.naturalWidth > 0, 'the body image loads');
      const { width, height } = image.getBoundingClientRect();
      // Shrunk to the column, not stretched: the image keeps its own proportions.
      expect(width).to.be.at.most(content.clientWidth);
      expect(height).to.be.lessThan(1000);
      expect(width / height).to.be.closeTo(image.naturalWidth / image.naturalHeight, 0.05);
      await expect(el).to.be.accessible();
    });
  });

  describe('which article', () => {
    it('reads the id from the page URL with id-param', async () => {
      window.history.replaceState(null, '', '?bai=kiem-tra-chuan-bi-tet-canh-ty');
      const el = await article(html`
        <pw-source base-url="/api"
          ><pw-article id-param="bai" article-id=${HONG_BANG}></pw-article
        ></pw-source>
      `);
      expect(el.currentId).to.equal('kiem-tra-chuan-bi-tet-canh-ty');
      expect(titleOf(el)).to.contain('Tết');
      expect(titleOf(el)).not.to.contain('Hồng Bàng tiếp Đoàn');
    });

    it('ignores the page URL without id-param, so the page’s own ?id= cannot clash', async () => {
      window.history.replaceState(null, '', '?id=kiem-tra-chuan-bi-tet-canh-ty');
      const el = await article(html`
        <pw-source base-url="/api"><pw-article article-id=${HONG_BANG}></pw-article></pw-source>
      `);
      expect(el.currentId).to.equal(HONG_BANG);
      expect(titleOf(el)).to.contain(HONG_BANG_TITLE);
    });

    it('falls back to article-id when the URL lacks the parameter', async () => {
      window.history.replaceState(null, '', '?khac=1');
      const el = await article(html`
        <pw-source base-url="/api"
          ><pw-article id-param="bai" article-id=${HONG_BANG}></pw-article
        ></pw-source>
      `);
      expect(titleOf(el)).to.contain(HONG_BANG_TITLE);
    });

    it('shows what a list with target selects; back and forward follow', async () => {
      const wrapper = await fixture<HTMLElement>(html`
        <div>
          <pw-source base-url="/api">
            <pw-activity-list
              category="hoat-dong-lanh-dao"
              target="main-article"
            ></pw-activity-list>
            <pw-article id="main-article" id-param="tin" article-id=${HONG_BANG}></pw-article>
          </pw-source>
        </div>
      `);
      const list = wrapper.querySelector('pw-activity-list')!;
      const el = wrapper.querySelector('pw-article') as ArticleElement;
      await settled(list);
      await settled(el);
      const link = all<HTMLAnchorElement>(list, 'a[part~="title"]')[1];
      const chosenTitle = link.textContent!.trim();
      const chosenId = new URL(link.href).searchParams.get('tin');
      expect(chosenId).to.be.a('string');

      await showing(el, () => link.click());
      expect(titleOf(el)).to.equal(chosenTitle);
      expect(new URL(window.location.href).searchParams.get('tin')).to.equal(chosenId);

      await showing(el, () => window.history.back());
      expect(titleOf(el)).to.contain(HONG_BANG_TITLE);
      expect(new URL(window.location.href).searchParams.get('tin')).to.equal(null);

      await showing(el, () => window.history.forward());
      expect(titleOf(el)).to.equal(chosenTitle);
      expect(el.currentId).to.equal(chosenId);
    });

    it('shows "Không tìm thấy bài viết" for an unknown id, fires pw-error and offers no retry', async () => {
      const wrapper = await fixture<HTMLElement>(html`
        <pw-source base-url="/api"><pw-article article-id="khong-ton-tai"></pw-article></pw-source>
      `);
      const el = wrapper.querySelector('pw-article') as ArticleElement;
      const event = (await oneEvent(el, 'pw-error')) as CustomEvent<ErrorEventDetail>;
      expect(event.detail.error.kind).to.equal('not-found');
      await settled(el);
      expect(part(el, '[role="alert"]').textContent!.trim()).to.equal('Không tìm thấy bài viết.');
      expect(el.shadowRoot!.querySelector('[part~="retry-button"]')).to.equal(null);
      expect(headingText(el)).to.equal('Tin bài');
    });

    it('says so when no article is named at all', async () => {
      const el = await article(html`
        <pw-source base-url="/api"><pw-article lang="en"></pw-article></pw-source>
      `);
      expect(part(el, '[role="alert"]').textContent!.trim()).to.equal(
        'No article has been chosen yet.',
      );
      expect(shownText(el)).not.to.match(BROKEN_VALUES);
    });
  });

  describe('Các tin khác', () => {
    it('lists `related` other items of the category, newest first, with dd/MM/yyyy dates', async () => {
      const el = await article(html`
        <pw-source base-url="/api"
          ><pw-article article-id="kiem-tra-cong-trinh-trong-diem" related="2"></pw-article
        ></pw-source>
      `);
      // This is the category's newest item: the list must skip it and still give two.
      const items = all(el, '[part~="related"] li');
      expect(items.map((li) => li.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
        'Lãnh đạo quận dự lễ gắn biển công trình chào mừng Đại hội Đảng bộ quận lần thứ XXIV (10/03/2020)',
        'Chủ tịch UBND quận tiếp công dân định kỳ tháng 3/2020 (05/03/2020)',
      ]);
      const ids = all<HTMLAnchorElement>(el, '[part~="related"] a').map((a) =>
        new URL(a.href).searchParams.get('id'),
      );
      expect(ids).to.deep.equal([
        'gan-bien-cong-trinh-chao-mung-dai-hoi',
        'tiep-cong-dan-dinh-ky-thang-3',
      ]);
      expect(part(el, '[part~="related"] .section-title').textContent!.trim()).to.equal(
        'Các tin khác',
      );
    });

    it('stays within the category and shows fewer when the category has fewer', async () => {
      const el = await article(html`
        <pw-source base-url="/api"
          ><pw-article article-id="khuyen-cao-phong-dich-noi-cong-cong" related="5"></pw-article
        ></pw-source>
      `);
      const dates = all(el, '[part~="related"] time').map((t) => t.textContent!.trim());
      expect(dates).to.deep.equal(['(01/03/2020)', '(28/02/2020)', '(20/02/2020)']);
    });

    it('shares its request with a list of the same size on the page', async () => {
      const scenario = await createScenario(Array.from({ length: 4 }, () => ({ fixture: true })));
      const wrapper = await fixture<HTMLElement>(html`
        <pw-source base-url=${scenario.base}>
          <pw-activity-list category="hoat-dong-lanh-dao" page-size="5"></pw-activity-list>
          <pw-article article-id=${HONG_BANG} related="5"></pw-article>
        </pw-source>
      `);
      const el = wrapper.querySelector('pw-article') as ArticleElement;
      await settled(el);
      await settled(wrapper.querySelector('pw-activity-list')!);
      expect(all(el, '[part~="related"] li')).to.have.length(5);
      const paths = (await scenario.log()).requests.map((r) => r.url.slice(scenario.base.length));
      expect(paths.sort()).to.deep.equal([
        `/articles/${HONG_BANG}`,
        '/articles?category=hoat-dong-lanh-dao&page=1&pageSize=5',
      ]);
    });

    it('does not hold the article back: pw-load fires while they still load', async () => {
      const scenario = await createScenario([{ fixture: true }, { hang: true }]);
      const el = await fixture<ArticleElement>(
        html`<pw-article
          src=${`${scenario.base}/articles/{id}`}
          article-id=${HONG_BANG}
          related="3"
        ></pw-article>`,
      );
      const loaded = (await oneEvent(el, 'pw-load')) as CustomEvent<Record<string, unknown>>;
      expect(Object.keys(loaded.detail).sort()).to.deep.equal(['article', 'safeBody']);
      await el.updateComplete;
      expect(titleOf(el)).to.contain(HONG_BANG_TITLE);
      expect(part(el, '[part~="box"]').getAttribute('aria-busy')).to.equal('false');
      // Their own small loading state, under the article.
      const related = part(el, '[part~="related"]');
      expect(related.getAttribute('aria-busy')).to.equal('true');
      expect(related.querySelector('[part~="skeleton"]')).not.to.equal(null);
      // Asked for, and still unanswered (a slower browser's request may reach the log just after).
      expect((await waitForRequests(scenario, 2)).count, 'the related list was asked for').to.equal(
        2,
      );
      await expect(el).to.be.accessible();
    });

    it('leave the article on screen, without an error, when they cannot be loaded', async () => {
      const scenario = await createScenario([{ fixture: true }, { status: 404 }]);
      const el = await article(
        html`<pw-article
          src=${`${scenario.base}/articles/{id}`}
          article-id=${HONG_BANG}
          related="3"
        ></pw-article>`,
      );
      expect(titleOf(el)).to.contain(HONG_BANG_TITLE);
      expect((await scenario.log()).count, 'the related list was asked for').to.equal(2);
      expect(el.shadowRoot!.querySelector('[part~="related"]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    });

    it('is left out with related="0" (the default)', async () => {
      const el = await article(html`
        <pw-source base-url="/api"><pw-article article-id=${HONG_BANG}></pw-article></pw-source>
      `);
      expect(el.shadowRoot!.querySelector('[part~="related"]')).to.equal(null);
    });

    it('opens a related item in place, with a history entry', async () => {
      const el = await article(html`
        <pw-source base-url="/api"
          ><pw-article id="related-article" article-id=${HONG_BANG} related="3"></pw-article
        ></pw-source>
      `);
      const link = all<HTMLAnchorElement>(el, '[part~="related"] a')[0];
      const chosenTitle = link.textContent!.trim();
      await showing(el, () => link.click());
      expect(titleOf(el)).to.equal(chosenTitle);
      expect(new URL(window.location.href).searchParams.get('id')).to.equal(el.currentId);
      await showing(el, () => window.history.back());
      expect(titleOf(el)).to.contain(HONG_BANG_TITLE);
    });
  });

  describe('states', () => {
    it('shows an article-shaped skeleton while loading', async () => {
      const scenario = await createScenario([{ hang: true }]);
      const el = await fixture<ArticleElement>(
        html`<pw-article src=${`${scenario.base}/articles/{id}`} article-id="x"></pw-article>`,
      );
      expect(part(el, '[part~="box"]').getAttribute('aria-busy')).to.equal('true');
      const skeleton = part(el, '[part~="skeleton"]');
      expect(skeleton.getAttribute('aria-hidden')).to.equal('true');
      expect(skeleton.querySelectorAll('.title-line').length).to.equal(2);
      expect(skeleton.querySelector('.image-block')).not.to.equal(null);
    });

    it('keeps the server fallback until the data arrives', async () => {
      const scenario = await createScenario([{ fixture: true, delayMs: 1000 }]);
      const el = await fixture<ArticleElement>(html`
        <pw-article src=${`${scenario.base}/articles/{id}`} article-id=${HONG_BANG}>
          <h1 class="fallback">Tiêu đề do máy chủ gửi</h1>
        </pw-article>
      `);
      const fallback = el.querySelector('.fallback') as HTMLElement;
      expect(fallback.assignedSlot).not.to.equal(null);
      expect(fallback.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(el.shadowRoot!.querySelector('[part~="skeleton"]')).to.equal(null);
      await oneEvent(el, 'pw-load');
      await el.updateComplete;
      expect(fallback.assignedSlot).to.equal(null);
      expect(titleOf(el)).to.contain(HONG_BANG_TITLE);
    });

    it('offers a retry after a failure, and the retry loads the article', async () => {
      const scenario = await createScenario([{ body: 'không phải JSON' }, { fixture: true }]);
      const el = await article(
        html`<pw-article
          src=${`${scenario.base}/articles/{id}`}
          article-id=${HONG_BANG}
        ></pw-article>`,
      );
      expect(part(el, '[role="alert"]').textContent).to.contain('không đọc được');
      await afterReload(el, () => part(el, '[part~="retry-button"]').click());
      expect(titleOf(el)).to.contain(HONG_BANG_TITLE);
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    });

    it('keeps the article on screen when a refresh fails', async () => {
      const scenario = await createScenario([{ fixture: true }, { body: 'hỏng' }]);
      const el = await article(
        html`<pw-article
          src=${`${scenario.base}/articles/{id}`}
          article-id=${HONG_BANG}
        ></pw-article>`,
      );
      await afterReload(el, () => el.reload());
      expect(titleOf(el)).to.contain(HONG_BANG_TITLE);
      expect(part(el, '[role="alert"]').textContent).to.contain('dữ liệu trước đó');
    });

    it('rejects a payload without a body as invalid', async () => {
      const scenario = await createScenario([{ body: { id: 'y', title: 'Thiếu nội dung' } }]);
      const el = await article(
        html`<pw-article lang="en" src=${`${scenario.base}/a`} article-id="y"></pw-article>`,
      );
      expect(part(el, '[role="alert"]').textContent).to.contain('not in the expected format');
    });
  });

  describe('accessibility', () => {
    for (const lang of ['vi', 'en']) {
      it(`is accessible loaded, with every tool (${lang})`, async () => {
        const el = await article(html`
          <pw-source base-url="/api"
            ><pw-article
              lang=${lang}
              article-id=${HONG_BANG}
              related="3"
              tools="print font email share speak"
            ></pw-article
          ></pw-source>
        `);
        await expect(el).to.be.accessible();
      });

      it(`is accessible while loading (${lang})`, async () => {
        const scenario = await createScenario([{ hang: true }]);
        const el = await fixture<ArticleElement>(
          html`<pw-article
            lang=${lang}
            src=${`${scenario.base}/articles/{id}`}
            article-id="x"
          ></pw-article>`,
        );
        expect(part(el, '[part~="box"]').getAttribute('aria-busy')).to.equal('true');
        await expect(el).to.be.accessible();
      });

      it(`is accessible in the error state (${lang})`, async () => {
        const scenario = await createScenario([{ body: 'hỏng' }]);
        const el = await article(
          html`<pw-article
            lang=${lang}
            src=${`${scenario.base}/articles/{id}`}
            article-id="x"
          ></pw-article>`,
        );
        part(el, '[part~="retry-button"]');
        await expect(el).to.be.accessible();
      });

      it(`is accessible when the article is not found (${lang})`, async () => {
        const el = await article(html`
          <pw-source base-url="/api"
            ><pw-article lang=${lang} article-id="khong-ton-tai"></pw-article
          ></pw-source>
        `);
        await waitFor(() => el.shadowRoot!.querySelector('[role="alert"]'));
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('request order', () => {
    afterEach(closeFramePages);

    it('requests its sanitizer while the article data is on the way', async () => {
      const scenario = await createScenario([{ fixture: true, delayMs: 500 }]);
      // Not through URL(), which would escape the braces of {id}.
      const src = `${window.location.origin}${scenario.base}/articles/{id}`;
      const win = await openFramePage({
        modules: ['/src/article/article.ts'],
        body: `<pw-article src="${src}" article-id="${HONG_BANG}"></pw-article>`,
      });
      const el = win.document.querySelector('pw-article') as ArticleElement;
      try {
        await waitFor(() => el.shadowRoot?.querySelector('[part~="title"]'), 'no title');
      } catch {
        throw new Error(`the article did not show: ${el.shadowRoot?.textContent}`);
      }
      const entry = (pattern: RegExp) =>
        win.performance
          .getEntriesByType('resource')
          .find((e) => pattern.test(new URL(e.name).pathname)) as PerformanceResourceTiming;
      const sanitizer = entry(/purify/);
      const data = entry(new RegExp(`/articles/${HONG_BANG}$`));
      expect(sanitizer, 'the sanitizer was fetched').to.not.equal(undefined);
      expect(sanitizer.startTime).to.be.below(data.responseStart);
    });
  });
});
