/**
 * Helpers for element tests: wait until a widget has left its loading state,
 * and read what a visitor sees in its shadow root.
 */
import { waitUntil } from '@open-wc/testing';

/**
 * Whether the widget is no longer busy (loaded, empty or error): the box, and
 * any secondary part loading after it (an article's related items).
 */
export function isSettled(element: HTMLElement): boolean {
  const root = element.shadowRoot;
  return (
    root?.querySelector('[part~="box"]')?.getAttribute('aria-busy') === 'false' &&
    root.querySelector('[aria-busy="true"]') === null
  );
}

/** Resolves once the widget is no longer busy (see {@link isSettled}). */
export async function settled(element: HTMLElement, timeout = 8000): Promise<void> {
  await waitUntil(() => isSettled(element), `<${element.localName}> did not settle`, { timeout });
}

/**
 * Runs `action` (a retry click, a reload) and resolves once the widget has
 * answered it with `pw-load` or `pw-error`: waiting on `settled()` alone would
 * return before the new request has even started.
 */
export async function afterReload(element: HTMLElement, action: () => void): Promise<Event> {
  const outcome = new Promise<Event>((resolve) => {
    const done = (event: Event) => {
      element.removeEventListener('pw-load', done);
      element.removeEventListener('pw-error', done);
      resolve(event);
    };
    element.addEventListener('pw-load', done);
    element.addEventListener('pw-error', done);
  });
  action();
  const event = await outcome;
  await settled(element);
  return event;
}

/** The heading as written (the header bar may show it upper-cased through CSS). */
export function headingText(element: HTMLElement): string {
  return (part(element, '[part~="header"]').textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The visible text of the widget's shadow root, whitespace collapsed. */
export function shownText(element: HTMLElement): string {
  const box = element.shadowRoot?.querySelector('[part~="box"]') as HTMLElement | null;
  return (box?.innerText ?? '').replace(/\s+/g, ' ').trim();
}

/** One node of the widget's shadow root by CSS selector; fails the test when absent. */
export function part<E extends Element = HTMLElement>(element: HTMLElement, selector: string): E {
  const found = element.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`<${element.localName}> renders no ${selector}`);
  return found;
}

/** Text that must never reach the screen, whatever the backend sends. */
export const BROKEN_VALUES = /undefined|NaN|Invalid Date|\[object Object\]|null/;

/** The titles an activity list shows, in order. */
export function itemTitles(list: Element): string[] {
  return [...list.shadowRoot!.querySelectorAll('[part~="title"]')].map((a) =>
    a.textContent!.trim(),
  );
}

/**
 * In a `<pw-link-box>` of the drop-down variant on page `win` (a frame, whose
 * own Event must be used), chooses the first site and presses "Đi"; returns
 * the site's URL.
 */
export function goToFirstSite(win: Window & { Event: typeof Event }, box: Element): string {
  const select = box.shadowRoot!.querySelector('select')!;
  const chosen = [...select.options].find((option) => option.value)!;
  select.value = chosen.value;
  select.dispatchEvent(new win.Event('change', { bubbles: true }));
  box.shadowRoot!.querySelector<HTMLButtonElement>('[part~="go-button"]')!.click();
  return chosen.value;
}
