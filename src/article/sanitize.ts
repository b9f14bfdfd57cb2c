import type { Config } from 'dompurify';

/**
 * Article bodies are untrusted HTML. DOMPurify removes scripts, event
 * handlers and `javascript:` URLs; we also drop inline styles and forms, which
 * break the box layout and strict CSP. DOMPurify is loaded on first use, so
 * pages without an article never download it.
 */
const config: Config = {
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'select', 'textarea', 'object', 'embed'],
  FORBID_ATTR: ['style'],
  ALLOW_DATA_ATTR: false,
};

export async function sanitizeHtml(untrusted: string): Promise<string> {
  const { default: DOMPurify } = await import('dompurify');
  return DOMPurify.sanitize(untrusted, config);
}
