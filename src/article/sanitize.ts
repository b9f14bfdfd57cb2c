import DOMPurify, { type Config } from 'dompurify';
import type { TrustedTypePolicy, TrustedTypesWindow } from 'trusted-types/lib/index.js';

/**
 * Article bodies are untrusted HTML. DOMPurify removes scripts, event
 * handlers and `javascript:` URLs; we also drop inline styles and forms, which
 * break the box layout and strict CSP. This module is part of the article's
 * body chunk (article-body.ts), so pages without an article never download
 * DOMPurify.
 */
const config: Config & { RETURN_DOM_FRAGMENT: true } = {
  // A <template> is inert, but its content is markup waiting for someone to clone it.
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'select',
    'textarea',
    'object',
    'embed',
    'template',
  ],
  FORBID_ATTR: ['style'],
  ALLOW_DATA_ATTR: false,
  RETURN_DOM_FRAGMENT: true,
};

/**
 * The Trusted Types policy DOMPurify parses bodies with, so that a page
 * enforcing Trusted Types needs to allow only `portal-widgets` (and lit's
 * `lit-html`). It passes strings through unchanged, and nothing outside this
 * module can reach it: only DOMPurify, on the body it is sanitizing, calls it.
 */
const TRUSTED_TYPES_POLICY_NAME = 'portal-widgets';

let policy: TrustedTypePolicy | null | undefined;

function bodyPolicy(): TrustedTypePolicy | null {
  if (policy !== undefined) return policy;
  try {
    const created = (globalThis as Partial<TrustedTypesWindow>).trustedTypes?.createPolicy(
      TRUSTED_TYPES_POLICY_NAME,
      { createHTML: (html: string) => html, createScriptURL: (url: string) => url },
    );
    // No createScript on purpose: DOMPurify calls only the two factories above.
    policy = (created as TrustedTypePolicy | undefined) ?? null;
  } catch {
    // Refused by the page's CSP, or taken by another copy of the library:
    // DOMPurify then falls back to a policy of its own.
    policy = null;
  }
  return policy;
}

/** Class of the box each body table is wrapped in, so a wide table scrolls inside the article. */
export const TABLE_SCROLL_CLASS = 'table-scroll';

/** What a sanitized body shows already, so the article around it does not show it again. */
export interface BodyContents {
  /** Its text, runs of whitespace as one space. */
  text: string;
  /** The addresses of its images, made absolute against the page. */
  images: ReadonlySet<string>;
}

/** `text` with each run of whitespace as one space, trimmed: how the summary and the body's text are compared. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `src` as the page would request it, so one picture compares equal however it was written. */
export function absoluteImageUrl(src: string): string {
  try {
    return new URL(src, document.baseURI).href;
  } catch {
    return src;
  }
}

/**
 * `untrusted` as safe HTML (sanitized, tables boxed to scroll, body images
 * lazy), with what that safe body shows.
 */
export function sanitizeBody(untrusted: string): { html: string; contents: BodyContents } {
  const trusted = bodyPolicy();
  const fragment = DOMPurify.sanitize(
    untrusted,
    trusted ? { ...config, TRUSTED_TYPES_POLICY: trusted } : config,
  );
  // Built in DOMPurify's inert document, so nothing here loads until it is rendered.
  const doc = fragment.ownerDocument;
  for (const table of fragment.querySelectorAll('table')) {
    const box = doc.createElement('div');
    box.className = TABLE_SCROLL_CLASS;
    table.replaceWith(box);
    box.append(table);
  }
  const images = new Set<string>();
  for (const image of fragment.querySelectorAll('img')) {
    // Body images are below the fold and often large; an image without alt
    // would be read as its file name, so it is treated as decorative.
    image.loading = 'lazy';
    image.decoding = 'async';
    if (!image.hasAttribute('alt')) image.alt = '';
    const src = image.getAttribute('src');
    if (src) images.add(absoluteImageUrl(src));
  }
  const text = collapseWhitespace(fragment.textContent ?? '');
  const holder = doc.createElement('div');
  holder.append(fragment);
  return { html: holder.innerHTML, contents: { text, images } };
}
