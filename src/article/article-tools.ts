/**
 * The article tools behind `<pw-article tools="…">`: print just the article,
 * text size, e-mail, copy link / share, read aloud. Plain functions over
 * browser APIs, kept small so they can ride along with the element.
 */

/** The tools an article can show, in their default order. */
export const ARTICLE_TOOLS = ['print', 'font', 'email', 'share', 'speak'] as const;

export type ArticleTool = (typeof ARTICLE_TOOLS)[number];

/** The known tools named in a `tools` attribute, in its order, each once. */
export function parseTools(value: string | null | undefined): ArticleTool[] {
  const names = (value ?? '').toLowerCase().split(/[\s,]+/);
  const known = names.filter((name): name is ArticleTool =>
    (ARTICLE_TOOLS as readonly string[]).includes(name),
  );
  return [...new Set(known)];
}

/* ---------------------------------------------------------------- text size */

/** Text sizes A−/A+ step through, in percent of the page's own size. */
export const TEXT_SIZES = [90, 100, 115, 130, 150] as const;
export const DEFAULT_TEXT_SIZE = 100;
/** Shared by every article on the site, so the reader's choice follows them. */
export const TEXT_SIZE_KEY = 'pw-article-text-size';

/** The stored text size, or the default when none (or storage is blocked). */
export function readTextSize(): number {
  try {
    const stored = Number(window.localStorage.getItem(TEXT_SIZE_KEY));
    return (TEXT_SIZES as readonly number[]).includes(stored) ? stored : DEFAULT_TEXT_SIZE;
  } catch {
    return DEFAULT_TEXT_SIZE;
  }
}

/** Remembers the text size; a browser that refuses storage just forgets it. */
export function storeTextSize(size: number): void {
  try {
    window.localStorage.setItem(TEXT_SIZE_KEY, String(size));
  } catch {
    // Private mode or storage disabled: the size still applies to this page.
  }
}

/** The next size up (+1) or down (−1), staying within {@link TEXT_SIZES}. */
export function stepTextSize(size: number, direction: 1 | -1): number {
  const index = Math.max(0, (TEXT_SIZES as readonly number[]).indexOf(size));
  const next = Math.min(TEXT_SIZES.length - 1, Math.max(0, index + direction));
  return TEXT_SIZES[next];
}

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

/* ------------------------------------------------------------- mail, share */

/** A `mailto:` link with the title as subject and title and link as body. */
export function mailtoHref(title: string, url: string): string {
  // encodeURIComponent, not URLSearchParams: mail clients show its "+" for spaces literally.
  return `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${title}\n${url}`)}`;
}

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

/** Whether the browser offers its own share sheet (mostly phones). */
export function canShare(): boolean {
  return typeof navigator.share === 'function';
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

function synth(): SpeechSynthesis | undefined {
  return typeof window.speechSynthesis === 'object' ? window.speechSynthesis : undefined;
}

/** A voice for the locale (`vi-VN`): the exact locale first, else the same language. */
export function voiceFor(locale: string): SpeechSynthesisVoice | undefined {
  const voices = synth()?.getVoices() ?? [];
  const tag = (voice: SpeechSynthesisVoice) => voice.lang.replace('_', '-').toLowerCase();
  const wanted = locale.toLowerCase();
  const language = wanted.split('-')[0];
  return (
    voices.find((voice) => tag(voice) === wanted) ??
    voices.find((voice) => tag(voice).split('-')[0] === language)
  );
}

/** Calls back when the browser's voice list changes (it often arrives late); returns an unsubscribe. */
export function watchVoices(callback: () => void): () => void {
  const speech = synth();
  speech?.addEventListener('voiceschanged', callback);
  return () => speech?.removeEventListener('voiceschanged', callback);
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
  const speech = synth();
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
