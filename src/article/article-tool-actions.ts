/**
 * What the article tools do when pressed: print just the article, copy or
 * share its link, read it aloud. Loaded on the first press of a tool, so the
 * many visitors who never press one do not download it; what the toolbar
 * needs to draw itself stays in `article-tools.ts`.
 */
import { speechEngine } from './article-tools.js';

/* -------------------------------------------------------------------- print */

const PRINTING = 'data-pw-printing';
const PRINT_PATH = 'data-pw-print-path';
const PRINT_TARGET = 'data-pw-print-target';

// Hides every sibling along the path from <body> to the article, and undoes
// column layouts on that path, but only in print and only while printing.
// Adopted (constructed) sheets need no inline <style>, so strict CSP allows them.
const PRINT_RULES = `@media print {
  html[${PRINTING}] [${PRINT_PATH}] > :not([${PRINT_PATH}], [${PRINT_TARGET}]) { display: none !important; }
  html[${PRINTING}] [${PRINT_PATH}], html[${PRINTING}] [${PRINT_TARGET}] {
    display: block !important; position: static !important; float: none !important;
    width: auto !important; max-width: none !important; margin: 0 !important;
    padding: 0 !important; border: 0 !important; box-shadow: none !important;
    transform: none !important; overflow: visible !important;
  }
}`;

let printSheet: CSSStyleSheet | undefined;
let endPrint: (() => void) | undefined;

function adoptPrintSheet(): void {
  if (!printSheet) {
    printSheet = new CSSStyleSheet();
    printSheet.replaceSync(PRINT_RULES);
  }
  // Checked each time: the page may have replaced the document's sheets since.
  if (!document.adoptedStyleSheets.includes(printSheet)) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, printSheet];
  }
}

/** The parent element, stepping out of shadow roots to their hosts; null above <html>. */
function parentOf(element: Element): Element | null {
  const parent = element.parentNode;
  if (parent instanceof ShadowRoot) return parent.host;
  return parent instanceof Element ? parent : null;
}

/**
 * Prints only `target`: marks it and its ancestors, lets the print sheet hide
 * the rest of the page, and removes the marks once the print dialog closes.
 */
export function printOnly(target: Element): void {
  endPrint?.();
  adoptPrintSheet();
  const marked: Element[] = [];
  for (let node = parentOf(target); node; node = parentOf(node)) {
    node.setAttribute(PRINT_PATH, '');
    marked.push(node);
  }
  target.setAttribute(PRINT_TARGET, '');
  document.documentElement.setAttribute(PRINTING, '');
  const end = () => {
    window.removeEventListener('afterprint', end);
    document.documentElement.removeAttribute(PRINTING);
    target.removeAttribute(PRINT_TARGET);
    for (const node of marked) node.removeAttribute(PRINT_PATH);
    if (endPrint === end) endPrint = undefined;
  };
  endPrint = end;
  // Some browsers return from print() before the dialog closes; afterprint is the reliable end.
  window.addEventListener('afterprint', end);
  window.print();
}

/* ------------------------------------------------------------------- share */

/** Copies text with the async clipboard API; false when the browser refuses. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Opens the share sheet; 'cancelled' when the visitor closed it, 'failed' when it could not open. */
export async function shareLink(
  title: string,
  url: string,
): Promise<'shared' | 'cancelled' | 'failed'> {
  try {
    await navigator.share({ title, url });
    return 'shared';
  } catch (error) {
    return error instanceof DOMException && error.name === 'AbortError' ? 'cancelled' : 'failed';
  }
}

/* ------------------------------------------------------------------- speech */

/** Title, summary, body and signature as a visitor sees them, for reading aloud. */
export function readableText(root: ParentNode): string {
  const parts = root.querySelectorAll<HTMLElement>(
    '[part~="title"], [part~="summary"], [part~="content"], [part~="author"]',
  );
  return [...parts].map((part) => part.innerText.trim()).join('\n');
}

/** Sentence-sized pieces: some engines stop reading a single long utterance midway. */
export function speechChunks(text: string, maxLength = 220): string[] {
  const chunks: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) chunks.push(current.trim());
    current = '';
  };
  for (const sentence of text.split(/(?<=[.!?;:…])\s+|\n+/)) {
    let rest = sentence.trim();
    while (rest.length > maxLength) {
      const cut = rest.lastIndexOf(' ', maxLength);
      const at = cut > 0 ? cut : maxLength;
      flush();
      chunks.push(rest.slice(0, at).trim());
      rest = rest.slice(at).trim();
    }
    if (current && current.length + rest.length + 1 > maxLength) flush();
    current = current ? `${current} ${rest}` : rest;
  }
  flush();
  return chunks;
}

/**
 * Reads `text` aloud with `voice`; `onDone` runs when reading ends by itself.
 * Returns a function that stops reading.
 */
export function speak(text: string, voice: SpeechSynthesisVoice, onDone: () => void): () => void {
  const speech = speechEngine();
  const chunks = speechChunks(text);
  if (!speech || chunks.length === 0) {
    onDone();
    return () => {};
  }
  let stopped = false;
  let left = chunks.length;
  speech.cancel();
  for (const chunk of chunks) {
    const utterance = new SpeechSynthesisUtterance(chunk);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.onend = utterance.onerror = () => {
      left -= 1;
      if (left === 0 && !stopped) onDone();
    };
    speech.speak(utterance);
  }
  return () => {
    stopped = true;
    speech.cancel();
  };
}
