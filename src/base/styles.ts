import { css } from 'lit';

/**
 * The portal box every widget draws: a header bar over a white body. Every
 * value is a `--pw-*` token, so a page can theme all widgets at once or one
 * box at a time. Tokens used in more than one rule are resolved once on
 * `:host` into a private `--_pw-*` twin holding the default, and the rules
 * (here and in each element's sheet) read the twin.
 */
export const boxStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    /* Each token's default, written once: the rules below use these resolved
       values, so a token the page leaves unset means the same everywhere. */
    --_pw-color-primary: var(--pw-color-primary, #9e1b1b);
    --_pw-color-border: var(--pw-color-border, #d5d9de);
    --_pw-color-surface: var(--pw-color-surface, #ffffff);
    --_pw-color-muted: var(--pw-color-muted, #57606a);
    --_pw-color-link: var(--pw-color-link, #0b4f8a);
    --_pw-color-error: var(--pw-color-error, #a40e26);
    --_pw-color-skeleton: var(--pw-color-skeleton, #e8eaed);
    --_pw-color-focus: var(--pw-color-focus, #1a73e8);
    --_pw-focus-ring-width: var(--pw-focus-ring-width, 2px);
    --_pw-radius: var(--pw-radius, 4px);
    --_pw-radius-small: var(--pw-radius-small, var(--_pw-radius));
    --_pw-space: var(--pw-space, 0.75em);
    --_pw-space-small: var(--pw-space-small, 0.5em);
    --_pw-button-bg: var(--pw-button-bg, var(--_pw-color-primary));
    --_pw-button-color: var(--pw-button-color, #ffffff);
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
    background: var(--_pw-color-surface);
    border: var(--pw-box-border-width, 1px) solid var(--_pw-color-border);
    border-radius: var(--_pw-radius);
    box-shadow: var(--pw-box-shadow, none);
    overflow: hidden;
    /* Long words and URLs from the backend wrap instead of widening a narrow column. */
    overflow-wrap: break-word;
  }
  .header {
    margin: 0;
    padding: var(--pw-box-header-padding, 0.5em 0.75em);
    background: var(--pw-box-header-bg, var(--_pw-color-primary));
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
    padding: var(--_pw-space);
  }
  a {
    color: var(--_pw-color-link);
  }
  a:hover {
    color: var(--pw-color-link-hover, #073763);
  }
  :focus-visible {
    outline: var(--_pw-focus-ring-width) solid var(--_pw-color-focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    cursor: pointer;
    color: var(--_pw-button-color);
    background: var(--_pw-button-bg);
    border: 1px solid transparent;
    border-radius: var(--_pw-radius-small);
    padding: var(--pw-button-padding, 0.3em 0.9em);
  }
  button:hover {
    filter: brightness(1.1);
  }
  .message {
    margin: 0;
    color: var(--_pw-color-muted);
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_pw-space-small) 0.75em;
    color: var(--_pw-color-error);
  }
  .error p {
    margin: 0;
    flex: 1 1 12em;
  }
  .stale {
    margin: var(--_pw-space) 0 0;
    font-size: 0.875em;
  }
  .skeleton {
    display: block;
    height: 0.9em;
    margin: 0.6em 0;
    border-radius: var(--_pw-radius-small);
    background: var(--_pw-color-skeleton);
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
