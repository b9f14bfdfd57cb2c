import type { Config } from 'dompurify';

/**
 * Article bodies are untrusted HTML. DOMPurify removes scripts, event
 * handlers and `javascript:` URLs; we also drop inline styles and forms, which
 * break the box layout and strict CSP. DOMPurify is loaded on first use, so
 * pages without an article never download it.
 */
const config: Config & { RETURN_DOM_FRAGMENT: true } = {
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'select', 'textarea', 'object', 'embed'],
  FORBID_ATTR: ['style'],
  ALLOW_DATA_ATTR: false,
  RETURN_DOM_FRAGMENT: true,
};

/** Class of the box each body table is wrapped in, so a wide table scrolls inside the article. */
export const TABLE_SCROLL_CLASS = 'table-scroll';

export async function sanitizeHtml(untrusted: string): Promise<string> {
  const { default: DOMPurify } = await import('dompurify');
  const fragment = DOMPurify.sanitize(untrusted, config);
  // Built in DOMPurify's inert document, so nothing here loads until it is rendered.
  const doc = fragment.ownerDocument;
  for (const table of fragment.querySelectorAll('table')) {
    const box = doc.createElement('div');
    box.className = TABLE_SCROLL_CLASS;
    table.replaceWith(box);
    box.append(table);
  }
  for (const image of fragment.querySelectorAll('img')) {
    // Body images are below the fold and often large; an image without alt
    // would be read as its file name, so it is treated as decorative.
    image.loading = 'lazy';
    image.decoding = 'async';
    if (!image.hasAttribute('alt')) image.alt = '';
  }
  const holder = doc.createElement('div');
  holder.append(fragment);
  return holder.innerHTML;
}
