/**
 * Reading HTML and XML in Node: linkedom gives the command line the same
 * DOM API the widgets use in the browser (querySelector, DOMParser), so the
 * library's own adapters (RSS, WordPress's links page) run unchanged.
 */
import { DOMParser, parseHTML } from 'linkedom';

/**
 * linkedom's DOMParser as a browser's: a browser always builds `<html>`,
 * `<head>` and `<body>` around HTML, linkedom only when the markup has them,
 * and the adapters parse fragments (a title with entities, an excerpt).
 */
class BrowserLikeParser {
  parseFromString(markup: string, type: 'text/html' | 'text/xml'): unknown {
    const whole = type !== 'text/html' || /<html[\s>]/i.test(markup);
    return new DOMParser().parseFromString(
      whole ? markup : `<!doctype html><html><head></head><body>${markup}</body></html>`,
      type,
    );
  }
}

/** A parsed HTML page. */
export function parsePage(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/**
 * Gives the library's data code what it expects of a browser page: a
 * DOMParser, and `location` (the page the widgets would run on, which decides
 * what is cross-origin and what relative addresses mean).
 */
export function actAsPage(pageUrl: string): void {
  const scope = globalThis as unknown as Record<string, unknown>;
  scope.DOMParser ??= BrowserLikeParser;
  const location = new URL(pageUrl);
  Object.defineProperty(globalThis, 'location', { value: location, configurable: true });
}

/** The `content` of `<meta name="generator">`, whatever its case. */
export function generatorOf(doc: Document): string | undefined {
  for (const meta of doc.querySelectorAll('meta[name]')) {
    if (meta.getAttribute('name')!.toLowerCase() === 'generator') {
      return meta.getAttribute('content') ?? undefined;
    }
  }
  return undefined;
}

/** Text with runs of white space collapsed. */
export function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
