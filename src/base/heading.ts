import { html, type TemplateResult } from 'lit';

/** Clamps a heading level to 1–6; anything unreadable becomes 2. */
export function clampHeadingLevel(level: unknown): number {
  const n = Math.trunc(Number(level));
  return Number.isFinite(n) ? Math.min(6, Math.max(1, n)) : 2;
}

/**
 * A real heading element (`h1`–`h6`) at `level`, clamped; `name` is both its
 * part and its class. Real elements rather than `role="heading"`, which some
 * screen readers list less reliably; a switch rather than lit's static
 * templates, which would add to every page's bundle.
 */
export function heading(level: number, name: string, content: unknown): TemplateResult {
  switch (clampHeadingLevel(level)) {
    case 1:
      return html`<h1 part=${name} class=${name}>${content}</h1>`;
    case 3:
      return html`<h3 part=${name} class=${name}>${content}</h3>`;
    case 4:
      return html`<h4 part=${name} class=${name}>${content}</h4>`;
    case 5:
      return html`<h5 part=${name} class=${name}>${content}</h5>`;
    case 6:
      return html`<h6 part=${name} class=${name}>${content}</h6>`;
    default:
      return html`<h2 part=${name} class=${name}>${content}</h2>`;
  }
}
