import { css } from 'lit';

/**
 * The portal box every widget draws: a header bar over a white body. Every
 * value is a `--pw-*` token with a fallback, so a page can theme all widgets
 * at once or one box at a time.
 */
export const boxStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    /* The page's own type by default: a box must look at home on any portal. */
    font-family: var(--pw-font-family, inherit);
    font-size: var(--pw-font-size, inherit);
    line-height: var(--pw-line-height, inherit);
    color: var(--pw-color-text, #1f2328);
    /* The page's other inherited text styles (an uppercase, letter-spaced,
       italic body) stop here; the header sets its own through its tokens. */
    font-style: normal;
    font-weight: normal;
    font-variant: normal;
    text-transform: none;
    letter-spacing: normal;
    word-spacing: normal;
    text-indent: 0;
    text-shadow: none;
    text-align: start;
    white-space: normal;
    min-width: 0;
    max-width: 100%;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .box {
    background: var(--pw-color-surface, #ffffff);
    border: var(--pw-box-border-width, 1px) solid var(--pw-color-border, #d5d9de);
    border-radius: var(--pw-radius, 4px);
    box-shadow: var(--pw-box-shadow, none);
    overflow: hidden;
    /* Long words and URLs from the backend wrap instead of widening a narrow column. */
    overflow-wrap: break-word;
  }
  .header {
    margin: 0;
    padding: var(--pw-box-header-padding, 0.5em 0.75em);
    background: var(--pw-box-header-bg, var(--pw-color-primary, #9e1b1b));
    color: var(--pw-box-header-color, #ffffff);
    font-family: var(--pw-box-header-font, inherit);
    font-size: var(--pw-box-header-font-size, 1em);
    font-weight: var(--pw-box-header-font-weight, 700);
    text-transform: var(--pw-box-header-text-transform, uppercase);
    letter-spacing: var(--pw-box-header-letter-spacing, normal);
    border-bottom: var(--pw-box-header-border, none);
    line-height: 1.3;
  }
  .body {
    padding: var(--pw-space, 0.75em);
  }
  a {
    color: var(--pw-color-link, #0b4f8a);
  }
  a:hover {
    color: var(--pw-color-link-hover, #073763);
  }
  :focus-visible {
    outline: var(--pw-focus-ring-width, 2px) solid var(--pw-color-focus, #1a73e8);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    cursor: pointer;
    color: var(--pw-button-color, #ffffff);
    background: var(--pw-button-bg, var(--pw-color-primary, #9e1b1b));
    border: 1px solid transparent;
    border-radius: var(--pw-radius-small, var(--pw-radius, 4px));
    padding: var(--pw-button-padding, 0.3em 0.9em);
  }
  button:hover {
    filter: brightness(1.1);
  }
  .message {
    margin: 0;
    color: var(--pw-color-muted, #57606a);
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--pw-space-small, 0.5em) 0.75em;
    color: var(--pw-color-error, #a40e26);
  }
  .error p {
    margin: 0;
    flex: 1 1 12em;
  }
  .stale {
    margin: var(--pw-space, 0.75em) 0 0;
    font-size: 0.875em;
  }
  .skeleton {
    display: block;
    height: 0.9em;
    margin: 0.6em 0;
    border-radius: var(--pw-radius-small, 3px);
    background: var(--pw-color-skeleton, #e8eaed);
  }
  .skeleton-lines {
    padding: 0.1em 0;
  }
  .skeleton:nth-child(4n + 2) {
    width: 92%;
  }
  .skeleton:nth-child(4n + 3) {
    width: 80%;
  }
  .skeleton:nth-child(4n) {
    width: 55%;
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton {
      animation: pw-pulse 1.2s ease-in-out infinite alternate;
    }
  }
  @keyframes pw-pulse {
    to {
      opacity: 0.45;
    }
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
