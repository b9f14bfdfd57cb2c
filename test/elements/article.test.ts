import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { ArticleElement } from '../../src/index.js';
import { createScenario } from '../helpers/server.js';
import { BROKEN_VALUES, part, settled, shownText } from '../helpers/elements.js';

const HONG_BANG = 'hong-bang-tiep-doan-kiem-tra';

async function article(template: ReturnType<typeof html>): Promise<ArticleElement> {
  const wrapper = await fixture<HTMLElement>(template);
  const el = (
    wrapper.localName === 'pw-article' ? wrapper : wrapper.querySelector('pw-article')
  ) as ArticleElement;
  await settled(el);
  return el;
}

describe('pw-article', () => {
  afterEach(() => window.history.replaceState(null, '', window.location.pathname));

  it('shows the Hồng Bàng article in the portal style', async () => {
    const el = await article(html`
      <pw-source base-url="/api"
        ><pw-article article-id=${HONG_BANG} related="5"></pw-article
      ></pw-source>
    `);
    expect(part(el, '[part~="header"]').textContent).to.contain('Hoạt động của lãnh đạo');
    expect(part(el, '[part~="title"]').textContent).to.contain(
      'UBND Quận Hồng Bàng tiếp Đoàn kiểm tra',
    );
    // Offset-less fixture date read and shown in Asia/Ho_Chi_Minh, whatever the machine's zone.
    expect(part(el, '[part~="date"]').textContent!.trim()).to.equal('Thứ Tư, 26/02/2020 10:05');
    expect(part(el, '[part~="author"]').textContent).to.contain('Văn phòng quận');
    expect(part(el, '[part~="content"]').textContent).to.contain('Thông báo số 16/TB-STTTT');
    const related = [...el.shadowRoot!.querySelectorAll('[part~="related"] li')];
    expect(related.length).to.be.within(1, 5);
    expect(related.every((li) => /\(\d{2}\/\d{2}\/\d{4}\)/.test(li.textContent ?? ''))).to.equal(
      true,
    );
    expect(
      related.some((li) => li.textContent!.includes('UBND Quận Hồng Bàng tiếp Đoàn')),
    ).to.equal(false);
    expect(shownText(el)).to.contain('Các tin khác');
    expect(shownText(el)).not.to.match(BROKEN_VALUES);
  });

  it('writes the date line in English', async () => {
    const el = await article(html`
      <pw-source base-url="/api"
        ><pw-article lang="en" article-id=${HONG_BANG}></pw-article
      ></pw-source>
    `);
    expect(part(el, '[part~="date"]').textContent!.trim()).to.equal(
      'Wednesday, 26 February 2020 10:05',
    );
  });

  it('sanitizes the untrusted body', async () => {
    const scenario = await createScenario([
      {
        body: {
          id: 'x',
          title: 'Bài thử',
          body:
            '<p>An toàn</p><script>window.__pwHacked = 1</script>' +
            '<img src="data:," onerror="window.__pwHacked = 2">' +
            '<a href="javascript:window.__pwHacked = 3">bấm</a><iframe src="about:blank"></iframe>',
        },
      },
    ]);
    const el = await article(
      html`<pw-article src=${`${scenario.base}/articles/{id}`} article-id="x"></pw-article>`,
    );
    const content = part(el, '[part~="content"]');
    expect(content.textContent).to.contain('An toàn');
    expect(content.querySelector('script, iframe')).to.equal(null);
    expect(content.querySelector('img')!.hasAttribute('onerror')).to.equal(false);
    expect(content.querySelector('a')!.getAttribute('href') ?? '').not.to.match(/javascript:/i);
    await new Promise((r) => setTimeout(r, 50));
    expect((window as unknown as { __pwHacked?: number }).__pwHacked).to.equal(undefined);
    const log = await scenario.log();
    expect(log.requests[0].url).to.match(/\/articles\/x$/);
  });

  it('reads the id from the page URL with id-param', async () => {
    window.history.replaceState(null, '', '?bai=kiem-tra-chuan-bi-tet-canh-ty');
    const el = await article(html`
      <pw-source base-url="/api"
        ><pw-article id-param="bai" article-id=${HONG_BANG}></pw-article
      ></pw-source>
    `);
    expect(el.currentId).to.equal('kiem-tra-chuan-bi-tet-canh-ty');
    expect(part(el, '[part~="title"]').textContent).not.to.contain('Hồng Bàng tiếp Đoàn');
  });

  it('shows a not-found state for an unknown id', async () => {
    const el = await article(html`
      <pw-source base-url="/api"><pw-article article-id="khong-ton-tai"></pw-article></pw-source>
    `);
    expect(part(el, '[role="alert"]').textContent).to.contain('Không tìm thấy bài viết');
  });

  it('rejects a payload without a body as invalid', async () => {
    const scenario = await createScenario([{ body: { id: 'y', title: 'Thiếu nội dung' } }]);
    const el = await article(
      html`<pw-article lang="en" src=${`${scenario.base}/a`} article-id="y"></pw-article>`,
    );
    expect(part(el, '[role="alert"]').textContent).to.contain('not in the expected format');
  });

  for (const lang of ['vi', 'en']) {
    it(`is accessible (${lang})`, async () => {
      const el = await article(html`
        <pw-source base-url="/api"
          ><pw-article lang=${lang} article-id=${HONG_BANG} related="3"></pw-article
        ></pw-source>
      `);
      await expect(el).to.be.accessible();
    });
  }
});
