/**
 * The article's toolbar as a controller beside `<pw-article>`: its state
 * (text size, reading aloud, the copy fallback, what its status region says),
 * its drawing, and its actions. The element only says which tools and which
 * article; everything else about the tools lives here. Part of the article's
 * body chunk, since the toolbar shows only with a loaded article.
 */
import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import type { Translation } from '../i18n/index.js';
import { lazyModule } from '../data/lazy-module.js';
import type * as ToolActions from './article-tool-actions.js';
import {
  canShare,
  mailtoHref,
  parseTools,
  readTextSize,
  stepTextSize,
  storeTextSize,
  TEXT_SIZES,
  voiceFor,
  watchVoices,
  type ArticleTool,
} from './article-tools.js';

/** What the tools need of the article element. */
export interface ArticleToolsHost extends ReactiveElement {
  /** The `tools` attribute: which tools, in which order. */
  readonly tools?: string;
  /** The id of the article shown; another id resets what the tools were doing. */
  readonly currentId?: string;
}

/** The action a tool press needs from the lazily loaded actions, to name it when they fail to load. */
type ToolName = 'print' | 'copyLink' | 'share' | 'speak';

/** What the tools do: a chunk of its own, as most visitors never press one. */
const loadToolActions = lazyModule(() => import('./article-tool-actions.js'));

export class ArticleToolsController implements ReactiveController {
  /** Text size in percent, one of the A−/A+ steps (the stored one, with the `font` tool). */
  textSize: number = TEXT_SIZES[1];

  /** Whether the article is being read aloud. */
  private speaking = false;
  /** Set when copying the link failed: the field offering it is shown. */
  private linkFallback = false;
  /** What the tools' status region says (copied, text size). */
  private message = '';
  private stopSpeech?: () => void;
  private unwatchVoices?: () => void;
  private shownId?: string;
  private readFor?: string;

  /**
   * @param host The article element.
   * @param strings The element's strings in its language now.
   */
  constructor(
    private readonly host: ArticleToolsHost,
    private readonly strings: () => Translation,
  ) {
    host.addController(this);
    // Made while the host draws its first article: that drawing already needs the state.
    this.hostUpdate();
  }

  /** The known tools named by the host's `tools`, in order. */
  get list(): ArticleTool[] {
    return parseTools(this.host.tools);
  }

  hostConnected(): void {
    // Another article on the site may have changed the size since this one was drawn.
    this.readFor = undefined;
  }

  hostUpdate(): void {
    const { host } = this;
    if (host.currentId !== this.shownId) {
      // Another article: whatever the tools were doing belonged to the old one.
      this.shownId = host.currentId;
      this.stopReading();
      this.linkFallback = false;
      this.message = '';
    }
    const tools = this.list;
    if (this.readFor !== host.tools) {
      // The first read of storage is slow on a phone: only for the `font` tool.
      this.readFor = host.tools;
      if (tools.includes('font')) this.textSize = readTextSize();
    }
    if (!this.unwatchVoices && tools.includes('speak')) {
      // Browsers load their voices late; show "Đọc bài" once one for our language arrives.
      this.unwatchVoices = watchVoices(() => host.requestUpdate());
    }
  }

  hostDisconnected(): void {
    this.stopReading();
    this.unwatchVoices?.();
    this.unwatchVoices = undefined;
  }

  /** The toolbar for the article titled `title`, whose link is `link`; nothing without tools. */
  render(title: string, link: string): unknown {
    const tools = this.list;
    if (tools.length === 0) return nothing;
    const t = this.strings();
    const smallest = this.textSize <= TEXT_SIZES[0];
    const largest = this.textSize >= TEXT_SIZES[TEXT_SIZES.length - 1];
    const buttons = tools.map((tool) => {
      switch (tool) {
        case 'print':
          return html`<button
            type="button"
            part="tool print-button"
            class="tool"
            @click=${() => this.print()}
          >
            ${t.article.print}
          </button>`;
        case 'font':
          // aria-disabled, not disabled: the button keeps focus at the end of the range.
          // The glyphs are a symbol; the words are the name.
          return html`<button
              type="button"
              part="tool smaller-button"
              class="tool"
              aria-disabled=${smallest ? 'true' : 'false'}
              @click=${() => this.changeTextSize(-1)}
            >
              <span aria-hidden="true">A−</span
              ><span class="visually-hidden">${t.article.smaller}</span></button
            ><button
              type="button"
              part="tool larger-button"
              class="tool"
              aria-disabled=${largest ? 'true' : 'false'}
              @click=${() => this.changeTextSize(1)}
            >
              <span aria-hidden="true">A+</span
              ><span class="visually-hidden">${t.article.larger}</span>
            </button>`;
        case 'email':
          return html`<a part="tool email-link" class="tool" href=${mailtoHref(title, link)}
            >${t.article.email}</a
          >`;
        case 'share':
          return html`<button
              type="button"
              part="tool copy-button"
              class="tool"
              @click=${() => this.copyLink(link)}
            >
              ${t.article.copyLink}</button
            >${
              canShare()
                ? html`<button
                    type="button"
                    part="tool share-button"
                    class="tool"
                    @click=${() => this.share(title, link)}
                  >
                    ${t.article.share}
                  </button>`
                : nothing
            }`;
        case 'speak':
          return voiceFor(t.locale) || this.speaking
            ? html`<button
                type="button"
                part="tool speak-button"
                class="tool"
                @click=${() => this.toggleSpeech()}
              >
                ${this.speaking ? t.article.stopSpeaking : t.article.speak}
              </button>`
            : nothing;
      }
    });
    return html`<div part="tools" class="tools" role="group" aria-label=${t.article.tools}>
        ${buttons}
      </div>
      ${
        this.linkFallback
          ? html`<div part="link-fallback" class="link-fallback">
              <p id="link-help">${t.article.copyFailed}</p>
              <label for="link-field">${t.article.link}</label>
              <input
                id="link-field"
                part="link-field"
                type="url"
                readonly
                .value=${link}
                aria-describedby="link-help"
                @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()}
              />
            </div>`
          : nothing
      }
      <p class="visually-hidden" role="status">${this.message}</p>`;
  }

  /** Stops reading aloud, if it is. */
  stopReading(): void {
    this.stopSpeech?.();
    this.stopSpeech = undefined;
    this.setSpeaking(false);
  }

  /**
   * What the tools do, loaded on the first press: most visitors never press
   * one. When it cannot be loaded, says so in the tools' status region,
   * naming the tool pressed, and resolves to undefined.
   */
  private async actions(tool: ToolName): Promise<typeof ToolActions | undefined> {
    try {
      return await loadToolActions();
    } catch (error) {
      console.warn('<pw-article> could not load its tools', error);
      const t = this.strings();
      void this.say(`${t.article[tool]}: ${t.errors.network}`);
      return undefined;
    }
  }

  private async print(): Promise<void> {
    (await this.actions('print'))?.printOnly(this.host);
  }

  private changeTextSize(direction: 1 | -1): void {
    const size = stepTextSize(this.textSize, direction);
    if (size === this.textSize) return;
    this.textSize = size;
    storeTextSize(size);
    void this.say(this.strings().article.textSize(size));
  }

  private async copyLink(link: string): Promise<void> {
    const actions = await this.actions('copyLink');
    if (await actions?.copyText(link)) {
      this.linkFallback = false;
      void this.say(this.strings().article.copied);
      return;
    }
    // Refused (no permission, insecure page) or not loaded: offer the link to copy by hand.
    this.linkFallback = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLInputElement>('#link-field')?.focus();
  }

  private async share(title: string, link: string): Promise<void> {
    const actions = await this.actions('share');
    if ((await actions?.shareLink(title, link)) === 'failed') await this.copyLink(link);
  }

  private async toggleSpeech(): Promise<void> {
    if (this.speaking) {
      this.stopReading();
      return;
    }
    const actions = await this.actions('speak');
    // Removed while loading, or a second press already started reading.
    if (!actions || !this.host.isConnected || this.speaking) return;
    const voice = voiceFor(this.strings().locale);
    if (!voice) return;
    this.setSpeaking(true);
    this.stopSpeech = actions.speak(actions.readableText(this.host.renderRoot), voice, () => {
      this.stopSpeech = undefined;
      this.setSpeaking(false);
    });
  }

  private setSpeaking(speaking: boolean): void {
    if (this.speaking === speaking) return;
    this.speaking = speaking;
    this.host.requestUpdate();
  }

  /** Says `message` in the tools' status region, again even when it is the same as last time. */
  private async say(message: string): Promise<void> {
    this.message = '';
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.message = message;
    this.host.requestUpdate();
  }
}
