/**
 * The guide's Markdown files (docs/guide/*.md, and README.md as the quick
 * start) shown as Storybook docs pages, one `.mdx` per file (listed in
 * pages.json, which the docs test checks against docs/guide/).
 *
 * The files are written for GitHub, so their links are relative to the file
 * (`backends.md#wordpress`, `../mapping-examples/ghost.json`, `../demo.png`).
 * Inside Storybook those would point nowhere; here each one is resolved
 * against the file's place in the repository and then:
 *
 * - a guide page becomes that page's Storybook URL (`?path=/docs/guide-backends--docs#wordpress`);
 * - a file under docs/ becomes its copy in the site, under docs-files/ (see
 *   `staticDirs` in .storybook/main.ts), opened in a new tab;
 * - any other file of the repository (LICENSE, bench/results.md) is shown as
 *   text, with its path as a tooltip, since the site does not hold it.
 *
 * Headings get GitHub's anchors (github-slug.js), so a `#anchor` means the
 * same in both places. GitHub numbers repeated headings (`-1`, `-2`); a guide
 * page has none (the docs test checks), so here a heading's text is enough.
 */
import { createElement, type FC, type ReactElement, type ReactNode } from 'react';
import { AnchorMdx, CodeOrSourceMdx, HeadersMdx, Markdown } from '@storybook/addon-docs/blocks';
import { toId } from 'storybook/internal/csf';
import { githubSlug } from './github-slug.js';
import pages from './pages.json';

// AnchorMdx passes every prop on to its `<a>`; its type names only two.
const Anchor = AnchorMdx as FC<{
  href: string;
  target: string;
  rel?: string;
  title?: string;
  children?: ReactNode;
}>;

// Only a base to resolve against; never requested.
const REPOSITORY = 'https://repository.invalid/';

type Target =
  | { kind: 'as-is' }
  | { kind: 'page'; href: string }
  | { kind: 'static'; href: string }
  | { kind: 'repository'; path: string };

/** Where a link or image source written in `file` (a repository path) leads. */
function targetOf(reference: string, file: string): Target {
  if (reference.startsWith('#') || /^([a-z][a-z\d+.-]*:|\/\/)/i.test(reference)) {
    return { kind: 'as-is' };
  }
  let url: URL;
  try {
    url = new URL(reference, new URL(file, REPOSITORY));
  } catch {
    return { kind: 'as-is' };
  }
  const path = decodeURIComponent(url.pathname.slice(1));
  const page = pages.find((entry) => entry.markdown === path);
  if (page) return { kind: 'page', href: `?path=/docs/${toId(page.title, 'Docs')}${url.hash}` };
  if (path.startsWith('docs/') && !path.endsWith('/')) {
    return { kind: 'static', href: `docs-files/${path.slice('docs/'.length)}${url.hash}` };
  }
  return { kind: 'repository', path };
}

interface LinkProps {
  href?: string;
  title?: string;
  children?: ReactNode;
  file: string;
}

function GuideLink({ href = '', title, children, file }: LinkProps) {
  const target = targetOf(href, file);
  switch (target.kind) {
    case 'page':
      // AnchorMdx asks the manager to navigate, as a Storybook link should.
      return createElement(Anchor, { href: target.href, target: '_self' }, children);
    case 'static': {
      const props = { href: target.href, target: '_blank', rel: 'noopener', title };
      return createElement(Anchor, props, children);
    }
    case 'repository':
      return createElement('span', { title: `${target.path} in the repository` }, children);
    default: {
      // In-page anchors scroll; other sites open beside Storybook.
      if (href.startsWith('#')) return createElement(Anchor, { href, target: '_self' }, children);
      const props = { href, target: '_blank', rel: 'noopener noreferrer', title };
      return createElement(Anchor, props, children);
    }
  }
}

interface ImageProps {
  src?: string;
  alt?: string;
  title?: string;
  file: string;
}

function GuideImage({ src = '', alt, title, file }: ImageProps) {
  const target = targetOf(src, file);
  const shown = target.kind === 'static' ? target.href : src;
  return createElement('img', { src: shown, alt, title, style: { maxWidth: '100%' } });
}

// Storybook's highlighter knows these under other names.
const LANGUAGES: Record<string, string> = { sh: 'bash', ts: 'typescript', js: 'jsx' };

/**
 * Code: a block (its class names the language, `""` for none) goes to
 * Storybook's source view; a code span (no class) that the Markdown wraps
 * over two lines stays inline, as on GitHub, instead of becoming a block.
 */
function GuideCode({ className, children }: { className?: string; children?: ReactNode }) {
  if (className === undefined) {
    const text = typeof children === 'string' ? children.replace(/\s*\n\s*/g, ' ') : children;
    return createElement(CodeOrSourceMdx, {}, text);
  }
  const language = /^lang-(.+)$/.exec(className)?.[1];
  const known = language && LANGUAGES[language] ? `lang-${LANGUAGES[language]}` : className;
  return createElement(CodeOrSourceMdx, { className: known }, children);
}

/**
 * One guide page: `text` is the Markdown of `file` (its path in the
 * repository, e.g. `docs/guide/backends.md`).
 */
export function GuidePage({ file, text }: { file: string; text: string }): ReactElement {
  return createElement(Markdown, {
    options: {
      slugify: githubSlug,
      // Storybook's Markdown block replaces its own overrides with these, so
      // its code and heading renderers are named again.
      overrides: {
        ...HeadersMdx,
        code: GuideCode,
        a: { component: GuideLink, props: { file } },
        img: { component: GuideImage, props: { file } },
      },
    },
    children: text,
  });
}
