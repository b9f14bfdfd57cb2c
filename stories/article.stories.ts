import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/source/source.js';
import '../src/article/article.js';
import { createStaticSource } from '../src/data/index.js';
import type { DataSource } from '../src/data/types.js';
import {
  fromBrokenData,
  fromPendingSource,
  fromPortalData,
  fromSource,
  neverAnswers,
  optional,
  PORTAL_DATA,
  type WidgetArgs,
} from './shared.js';

interface ArticleArgs extends WidgetArgs {
  'article-id'?: string;
  'id-param'?: string;
  related?: number;
  tools?: string;
}

const article = (args: ArticleArgs) =>
  html`<pw-article
    article-id=${optional(args['article-id'])}
    id-param=${optional(args['id-param'])}
    related=${ifDefined(args.related)}
    tools=${optional(args.tools)}
    heading=${optional(args.heading)}
    heading-level=${ifDefined(args['heading-level'])}
    source=${optional(args.source)}
    src=${optional(args.src)}
    lang=${optional(args.lang)}
    @pw-load=${args.onPwLoad}
    @pw-error=${args.onPwError}
  ></pw-article>`;

const meta: Meta<ArticleArgs> = {
  title: 'Widgets/Article',
  component: 'pw-article',
  decorators: [
    // About the width of a portal's main column.
    (story) => html`<div style=${styleMap({ maxWidth: '46rem' })}>${story()}</div>`,
  ],
  argTypes: {
    'article-id': {
      control: 'select',
      options: [
        'hong-bang-tiep-doan-kiem-tra',
        'hoi-nghi-tong-ket-nam-2019',
        'giao-ban-ket-qua-thang-02-2020',
        'kiem-tra-khu-khuan-truong-hoc',
        'ra-quan-tong-ve-sinh-moi-truong',
        'khong-co-bai-nay',
      ],
    },
    related: { control: { type: 'number', min: 0, max: 50, step: 1 } },
    tools: {
      description:
        'The tools to show, space-separated, in this order: `print font email share speak`. None by default. ' +
        '"Đọc bài" appears only when the browser has a voice for the language.',
      control: 'text',
    },
    'heading-level': { control: { type: 'number', min: 1, max: 6, step: 1 } },
    lang: {
      description:
        'Language of the widget (`vi` or `en`). When not set, the nearest `[lang]` ancestor decides: use the toolbar.',
      control: { type: 'inline-radio', labels: { '': '(inherited)' } },
      options: ['', 'vi', 'en'],
      table: { category: 'attributes', type: { summary: "'vi' | 'en'" } },
    },
  },
  args: {
    'article-id': 'hong-bang-tiep-doan-kiem-tra',
    // Storybook's own frame URL already uses `id` (the story id), so the
    // stories read deep links from `tin` instead.
    'id-param': 'tin',
    related: 5,
    tools: '',
    'heading-level': 2,
    lang: '',
  },
  render: (args) => fromPortalData(article(args)),
  parameters: {
    docs: {
      description: {
        component:
          'One article in the portal style, its HTML body sanitized. Inside `<pw-source type="static" ' +
          'base-url="fixtures/portal.json">` it reads the demo portal data over HTTP. The stories set ' +
          '`id-param="tin"`, because the `id` parameter of the preview frame URL is Storybook\'s own.',
      },
    },
  },
};

export default meta;
type Story = StoryObj<ArticleArgs>;

/** Category as the box title, date line, summary, image, body, author, attachment and "Các tin khác". */
export const Default: Story = {};

export const Loading: Story = {
  render: (args) => fromPendingSource(article(args)),
};

export const Empty: Story = {
  name: 'Empty: title only',
  args: {
    src: 'story-fixtures/article-minimal.json',
    'article-id': 'thong-bao-ngan',
  },
  render: (args) => article(args),
  parameters: {
    docs: {
      description: {
        story:
          "An article with nothing but an id, a title and an empty body, from the widget's own `src`: every " +
          'optional part (date, summary, image, author, attachments, related items) is left out cleanly.',
      },
    },
  },
};

export const Error: Story = {
  render: (args) => fromBrokenData(article(args)),
};

export const NotFound: Story = {
  name: 'Not found: unknown article',
  args: { 'article-id': 'khong-co-bai-nay' },
  parameters: {
    docs: {
      description: {
        story:
          'The backend answers 404: "Không tìm thấy bài viết." without a retry button (trying again ' +
          'would not help); `pw-error` still fires, with kind `not-found`.',
      },
    },
  },
};

export const WithAttachment: Story = {
  name: 'With attachment, no image',
  args: { 'article-id': 'giao-ban-ket-qua-thang-02-2020' },
};

/** The portal's articles, with the related list answered by `listArticles`. */
const articlesWith = (listArticles: DataSource['listArticles']): DataSource => {
  const portal = createStaticSource({ url: PORTAL_DATA });
  return {
    ...neverAnswers,
    getArticle: (id, options) => portal.getArticle(id, options),
    listArticles,
  };
};

export const RelatedLoading: Story = {
  name: 'Related items still loading',
  render: (args) => fromSource(articlesWith(() => new Promise(() => {})))(article(args)),
  parameters: {
    docs: {
      description: {
        story:
          'The article shows (and `pw-load` fires) as soon as it is ready; "Các tin khác" loads after ' +
          'it, with placeholder lines and `aria-busy` of its own, and never holds the article back.',
      },
    },
  },
};

export const RelatedFailed: Story = {
  name: 'Related items failed',
  render: (args) =>
    fromSource(
      articlesWith(() => Promise.reject(new globalThis.Error('related list unavailable'))),
    )(article(args)),
  parameters: {
    docs: {
      description: {
        story:
          'When the related list cannot be loaded, the article shows without it: no error over the ' +
          'main content.',
      },
    },
  },
};

export const WithoutRelated: Story = {
  name: 'Without related items',
  args: { related: 0 },
};

export const UnsafeBody: Story = {
  name: 'Untrusted HTML, sanitized',
  args: {
    src: 'story-fixtures/article-unsafe.json',
    'article-id': 'noi-dung-khong-an-toan',
    related: 0,
  },
  render: (args) => article(args),
  parameters: {
    docs: {
      description: {
        story:
          'The body holds a script, an `onerror` handler, a `javascript:` link, an inline style and a form. None ' +
          'of them may run or show; the wide table scrolls inside the box.',
      },
    },
  },
};

/** Every tool: print just the article, A−/A+ (remembered in this browser), e-mail, copy link, read aloud. */
export const WithTools: Story = {
  name: 'With tools',
  args: { tools: 'print font email share speak' },
  parameters: {
    docs: {
      description: {
        story:
          '"In bài" prints only the article (no tools, no "Các tin khác", nothing else of the page). A−/A+ ' +
          'step the text size between 90% and 150% and keep it for the next visit. "Sao chép liên kết" ' +
          'copies the link, or offers it in a field when the browser refuses; browsers with a share sheet ' +
          'also get "Chia sẻ". "Đọc bài" shows only when the browser has a Vietnamese voice.',
      },
    },
  },
};

export const FewTools: Story = {
  name: 'With tools: print and text size only',
  args: { tools: 'print font', related: 0 },
};

export const English: Story = {
  args: { lang: 'en' },
};

export const EnglishWithTools: Story = {
  name: 'English: with tools',
  args: { lang: 'en', tools: 'print font email share speak' },
};

export const EnglishLoading: Story = {
  name: 'English: loading',
  args: { lang: 'en' },
  render: Loading.render,
};

export const EnglishNotFound: Story = {
  name: 'English: not found',
  args: { lang: 'en', 'article-id': 'khong-co-bai-nay' },
};

export const EnglishError: Story = {
  name: 'English: error',
  args: { lang: 'en' },
  render: Error.render,
};
