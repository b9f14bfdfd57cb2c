/**
 * What relative URLs are resolved against: the document's base URL, as
 * `fetch()` and links resolve them (it follows a `<base href>`, which some
 * CMS templates write, and in a `srcdoc` frame it is the parent page's), else
 * the page's address; undefined outside a page.
 */
export function pageBaseUrl(): string | undefined {
  return globalThis.document?.baseURI ?? globalThis.location?.href;
}
