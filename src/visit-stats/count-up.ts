import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Numbers by name, as counted up together. */
export type Counts<K extends string> = Partial<Record<K, number>>;

/** How long a count-up takes, in milliseconds. */
const DURATION_MS = 800;

/**
 * The least time between two drawn steps, in milliseconds (about 16 a second).
 * A number that changes every frame reads no better, and each step re-renders,
 * lays out and paints the box: on the bench's slow phone, drawing every frame
 * took some 230 ms more main thread, just as the page's other boxes draw.
 */
const STEP_MS = 60;

function prefersReducedMotion(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/**
 * Counts numbers up (or down) from what is on screen to new targets, one
 * animation frame at a time, easing out. Under `prefers-reduced-motion: reduce`
 * (or when nothing changed) the targets show at once. The host draws
 * {@link values} and re-renders on every frame; leaving the page ends the count.
 */
export class CountUpController<K extends string> implements ReactiveController {
  readonly #host: ReactiveControllerHost & Element;
  #target?: Counts<K>;
  #from: Counts<K> = {};
  #shown: Counts<K> = {};
  #frame?: number;
  #startedAt?: number;
  #drawnAt?: number;

  constructor(host: ReactiveControllerHost & Element) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#finish();
  }

  /** Whether a count is under way (the numbers on screen are not yet the targets). */
  get counting(): boolean {
    return this.#frame !== undefined;
  }

  /**
   * The numbers to draw now for `target`. A target not seen before starts a
   * count from the numbers on screen (0 the first time).
   */
  values(target: Counts<K>): Counts<K> {
    if (target !== this.#target) this.#start(target);
    return this.#shown;
  }

  #start(target: Counts<K>): void {
    this.#cancel();
    this.#from = { ...this.#shown };
    this.#target = target;
    const keys = Object.keys(target) as K[];
    const changes = keys.some((key) => (this.#from[key] ?? 0) !== target[key]);
    if (!changes || !this.#host.isConnected || prefersReducedMotion()) {
      this.#shown = { ...target };
      return;
    }
    this.#shown = {};
    for (const key of keys) this.#shown[key] = this.#from[key] ?? 0;
    this.#startedAt = undefined;
    this.#drawnAt = undefined;
    this.#frame = requestAnimationFrame(this.#step);
  }

  readonly #step = (now: number): void => {
    const target: Counts<K> = this.#target ?? {};
    this.#startedAt ??= now;
    const progress = Math.min(1, Math.max(0, (now - this.#startedAt) / DURATION_MS));
    if (progress < 1 && this.#drawnAt !== undefined && now - this.#drawnAt < STEP_MS) {
      this.#frame = requestAnimationFrame(this.#step);
      return;
    }
    this.#drawnAt = now;
    const eased = 1 - (1 - progress) ** 3;
    for (const key of Object.keys(target) as K[]) {
      const to = target[key] ?? 0;
      const from = this.#from[key] ?? 0;
      this.#shown[key] = progress >= 1 ? to : Math.round(from + (to - from) * eased);
    }
    this.#frame = progress >= 1 ? undefined : requestAnimationFrame(this.#step);
    this.#host.requestUpdate();
  };

  /** Jumps to the targets and stops counting. */
  #finish(): void {
    if (this.#frame === undefined) return;
    this.#cancel();
    this.#shown = { ...(this.#target ?? {}) };
  }

  #cancel(): void {
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
  }
}
