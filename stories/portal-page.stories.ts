import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/index.js';
import { PORTAL_DATA } from './shared.js';

interface PortalPageArgs {
  /** Language of the whole page (the widgets follow it); empty: the toolbar's language. */
  lang: '' | 'vi' | 'en';
  /** `--pw-color-primary` for every widget: header bars and buttons. */
  primaryColor: string;
  /** `--pw-color-link` for every widget. */
  linkColor: string;
  /** `layout` of the activity list. */
  listLayout: 'list' | 'featured' | 'cards';
  /** `variant` of the link box. */
  linkVariant: 'select' | 'list' | 'logos';
}

/** The page around the widgets: what the portal itself prints, in both languages. */
const chrome = {
  vi: {
    kicker: 'Cổng thông tin điện tử',
    name: 'Quận Hồng Bàng',
    city: 'Thành phố Hải Phòng',
    menu: 'Menu chính',
    menuItems: [
      'Trang chủ',
      'Giới thiệu',
      'Tin tức - Sự kiện',
      'Hoạt động của lãnh đạo',
      'Văn bản',
    ],
    footer:
      'Cơ quan chủ quản: Ủy ban nhân dân quận Hồng Bàng · Dữ liệu minh họa, không phải thông tin chính thức.',
  },
  en: {
    kicker: 'Official web portal',
    name: 'Hong Bang District',
    city: 'Hai Phong City',
    menu: 'Main menu',
    menuItems: ['Home', 'About', 'News and events', 'Leadership activities', 'Documents'],
    footer: "Hong Bang District People's Committee · Sample data, not official information.",
  },
};

/** Page layout only; the widgets are themed through their --pw-* custom properties. */
const pageStyles = html`<style>
  .portal-page {
    background: #eef0f3;
    min-height: 100vh;
  }
  .portal-page__header {
    background: linear-gradient(
      90deg,
      var(--portal-primary),
      color-mix(in srgb, var(--portal-primary) 65%, #000000)
    );
    color: #ffffff;
  }
  .portal-page__brand {
    display: flex;
    align-items: center;
    gap: 1rem;
    max-width: 71rem;
    margin: 0 auto;
    padding: 1rem;
  }
  .portal-page__emblem {
    flex: none;
  }
  .portal-page__kicker,
  .portal-page__city {
    display: block;
    font-size: 0.9rem;
    letter-spacing: 0.04em;
    text-transform: uppercase;
  }
  .portal-page__name {
    display: block;
    font-size: 1.75rem;
    font-weight: 700;
    line-height: 1.2;
    text-transform: uppercase;
    color: #f2c94c;
  }
  .portal-page__nav {
    background: #ffffff;
    border-bottom: 3px solid var(--portal-primary);
  }
  .portal-page__nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.5rem;
    max-width: 71rem;
    margin: 0 auto;
    padding: 0.6rem 1rem;
    list-style: none;
  }
  .portal-page__nav a {
    color: #1f2328;
    font-weight: 700;
    text-decoration: none;
  }
  .portal-page__nav a[aria-current='page'] {
    color: var(--portal-primary);
  }
  .portal-page__layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 18rem;
    gap: 1.25rem;
    max-width: 71rem;
    margin: 0 auto;
    padding: 1.25rem 1rem;
    align-items: start;
  }
  .portal-page__main,
  .portal-page__aside {
    display: grid;
    gap: 1.25rem;
    min-width: 0;
  }
  @media (max-width: 48rem) {
    .portal-page__layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .portal-page__footer {
    padding: 1rem;
    background: #2b2f33;
    color: #e6e8eb;
    font-size: 0.875rem;
    text-align: center;
  }
</style>`;

const emblem = html`<svg
  class="portal-page__emblem"
  viewBox="0 0 100 100"
  width="64"
  height="64"
  aria-hidden="true"
  focusable="false"
>
  <circle cx="50" cy="50" r="47" fill="#f2c94c" />
  <circle cx="50" cy="50" r="40" fill="#c8102e" />
  <path
    d="M50 17 57.6 40.4H82.2L62.3 54.8 69.9 78.2 50 63.8 30.1 78.2 37.7 54.8 17.8 40.4H42.4Z"
    fill="#f2c94c"
  />
</svg>`;

const portalPage = (args: PortalPageArgs, storyId: string, toolbarLang: unknown) => {
  const lang = args.lang || (toolbarLang === 'en' ? 'en' : 'vi');
  const text = chrome[lang];
  // Ids are per story, so several pages can share one docs page.
  const sourceId = `${storyId}-source`;
  const articleId = `${storyId}-article`;
  return html`${pageStyles}
    <div
      class="portal-page"
      lang=${lang}
      style=${styleMap({
        '--portal-primary': args.primaryColor,
        '--pw-color-primary': args.primaryColor,
        '--pw-color-link': args.linkColor,
        '--pw-radius': '3px',
      })}
    >
      <pw-source id=${sourceId} type="static" base-url=${PORTAL_DATA} default></pw-source>

      <header class="portal-page__header">
        <div class="portal-page__brand">
          ${emblem}
          <span>
            <span class="portal-page__kicker">${text.kicker}</span>
            <span class="portal-page__name">${text.name}</span>
            <span class="portal-page__city">${text.city}</span>
          </span>
        </div>
      </header>

      <nav class="portal-page__nav" aria-label=${text.menu}>
        <ul>
          ${text.menuItems.map(
            (label, index) =>
              html`<li>
                <a href="#muc-${index}" aria-current=${ifDefined(index === 3 ? 'page' : undefined)}
                  >${label}</a
                >
              </li>`,
          )}
        </ul>
      </nav>

      <div class="portal-page__layout">
        <main class="portal-page__main">
          <!-- As on the seed page: the article first, the category's latest items under it. -->
          <pw-article
            id=${articleId}
            article-id="hong-bang-tiep-doan-kiem-tra"
            id-param="tin"
            related="5"
            tools="print font email share speak"
          ></pw-article>
          <pw-activity-list
            category="hoat-dong-lanh-dao"
            page-size="5"
            layout=${args.listLayout}
            target=${articleId}
          ></pw-activity-list>
        </main>
        <aside class="portal-page__aside">
          <pw-link-box variant=${args.linkVariant}></pw-link-box>
          <!-- The seed page's counter: online now and total visits (the default fields). -->
          <pw-visit-stats source=${sourceId}></pw-visit-stats>
        </aside>
      </div>

      <footer class="portal-page__footer">${text.footer}</footer>
    </div>`;
};

const meta: Meta<PortalPageArgs> = {
  title: 'Pages/Portal page',
  argTypes: {
    lang: {
      control: { type: 'inline-radio', labels: { '': '(toolbar)' } },
      options: ['', 'vi', 'en'],
    },
    primaryColor: { control: 'color' },
    linkColor: { control: 'color' },
    listLayout: { control: 'inline-radio', options: ['list', 'featured', 'cards'] },
    linkVariant: { control: 'inline-radio', options: ['select', 'list', 'logos'] },
  },
  args: {
    lang: '',
    primaryColor: '#b0151b',
    linkColor: '#0b4f8a',
    listLayout: 'list',
    linkVariant: 'select',
  },
  render: (args, context) => portalPage(args, context.id, context.globals.lang),
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'A district portal page with all five tags: one `<pw-source default>` for the page, the article ' +
          'and the activity list in the main column (a click on an item shows it in the article and adds a ' +
          'history entry), the link box and the visit counter in the sidebar (the counter names the source by ' +
          'id). The boxes share no common ancestor besides the page.',
      },
    },
  },
};

export default meta;
type Story = StoryObj<PortalPageArgs>;

export const Default: Story = {};

export const English: Story = {
  args: { lang: 'en' },
};

export const BlueTheme: Story = {
  name: 'Themed: blue portal, featured list, logos',
  args: {
    primaryColor: '#0b4f8a',
    linkColor: '#073763',
    listLayout: 'featured',
    linkVariant: 'logos',
  },
};
