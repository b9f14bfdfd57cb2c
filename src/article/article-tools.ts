/**
 * The article tools behind `<pw-article tools="…">`: print just the article,
 * text size, e-mail, copy link / share, read aloud. Only what the toolbar
 * needs to draw itself is here (which tools, the remembered text size, the
 * mail link, whether there is a share sheet or a voice); what the buttons do
 * is in `article-tool-actions.ts`, loaded on the first press.
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

/* ------------------------------------------------------------- mail, share */

/** A `mailto:` link with the title as subject and title and link as body. */
export function mailtoHref(title: string, url: string): string {
  // encodeURIComponent, not URLSearchParams: mail clients show its "+" for spaces literally.
  return `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${title}\n${url}`)}`;
}

/** Whether the browser offers its own share sheet (mostly phones). */
export function canShare(): boolean {
  return typeof navigator.share === 'function';
}

/* ------------------------------------------------------------------- speech */

/** The browser's speech synthesis, where it has one. */
export function speechEngine(): SpeechSynthesis | undefined {
  return typeof window.speechSynthesis === 'object' ? window.speechSynthesis : undefined;
}

/** A voice for the locale (`vi-VN`): the exact locale first, else the same language. */
export function voiceFor(locale: string): SpeechSynthesisVoice | undefined {
  const voices = speechEngine()?.getVoices() ?? [];
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
  const speech = speechEngine();
  speech?.addEventListener('voiceschanged', callback);
  return () => speech?.removeEventListener('voiceschanged', callback);
}
