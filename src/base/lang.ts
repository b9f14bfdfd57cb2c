import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  loadTranslation,
  onLateTranslation,
  toLang,
  translation,
  vietnameseStrings,
  type Lang,
  type Translation,
} from '../i18n/index.js';

// One observer for the whole page instead of one per widget: `lang` changes are rare.
const hosts = new Set<ReactiveControllerHost>();
let observer: MutationObserver | undefined;

// English that arrives after Vietnamese stood in for it: every box draws again.
onLateTranslation(() => {
  for (const host of hosts) host.requestUpdate();
});

function watchLangAttributes(): void {
  if (observer) return;
  observer = new MutationObserver(() => {
    for (const host of hosts) host.requestUpdate();
  });
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
    subtree: true,
  });
}

/** The `lang` of the element itself or of its nearest ancestor, crossing shadow roots. */
function inheritedLang(element: Element): string | null {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang');
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return null;
}

/**
 * Gives a widget its language: its own `lang`, else the nearest `[lang]`
 * ancestor's, else Vietnamese; re-renders the widget when any of them change.
 */
export class LangController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.#host);
    watchLangAttributes();
    // Moved under another [lang] ancestor: the observer saw no attribute change.
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    hosts.delete(this.#host);
    if (hosts.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  }

  /** The language in effect now. */
  get lang(): Lang {
    return toLang(inheritedLang(this.#host));
  }

  /**
   * The `lang` to mark the widget's own text with, when it differs from the
   * inherited one (the page says `fr`, the widget speaks Vietnamese); else
   * undefined, so data in the page's language is not mislabelled.
   */
  get langAttribute(): Lang | undefined {
    const inherited = inheritedLang(this.#host);
    // The language of the strings really shown: Vietnamese while (or if) English is not here.
    const lang = toLang(this.t.locale);
    const primary = (inherited ?? '').trim().split(/[-_]/)[0].toLowerCase();
    return primary === lang ? undefined : lang;
  }

  /**
   * While the catalogue of the language in effect is still being fetched, a
   * promise that settles once it is here (asking starts the fetch); undefined
   * when it is ready. A host waits on it so it never draws in the wrong language.
   */
  get loading(): Promise<Translation> | undefined {
    const lang = this.lang;
    return translation(lang) ? undefined : loadTranslation(lang);
  }

  /** The catalogue of the language in effect now; Vietnamese until that one is here. */
  get t(): Translation {
    const lang = this.lang;
    const loaded = translation(lang);
    if (loaded) return loaded;
    // Asked before its strings came (see `loading`): draw again once they are here.
    void loadTranslation(lang).then(() => this.#host.requestUpdate());
    return vietnameseStrings();
  }
}
