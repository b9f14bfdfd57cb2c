import { css } from 'lit';

/** The drop-down, the lists and the logo grid. */
export const linksViewStyles = css`
  :host {
    --_pw-logo-height: var(--pw-logo-height, 3em);
  }
  .picker {
    display: flex;
    gap: 0.5em;
  }
  select {
    flex: 1 1 auto;
    min-width: 0;
    font: inherit;
    padding: 0.3em;
    border: 1px solid var(--_pw-color-border);
    border-radius: var(--_pw-radius);
    background: var(--_pw-color-surface);
    color: inherit;
  }
  .hint {
    margin: 0.5em 0 0;
    font-size: 0.875em;
    color: var(--_pw-color-error);
  }
  /* Kept in the page while empty, so assistive technology hears it when it fills. */
  .hint.idle {
    margin: 0;
  }
  .group + .group,
  .group + ul,
  ul + .group {
    margin-top: 0.75em;
  }
  .group-name {
    margin: 0 0 0.25em;
    font-size: 0.875em;
    font-weight: 700;
    color: var(--_pw-color-muted);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .links li + li {
    margin-top: 0.35em;
  }
  .logos {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(var(--pw-logo-min-width, 7em), 1fr));
    gap: 0.5em;
  }
  .logos a {
    display: flex;
    align-items: center;
    justify-content: center;
    height: 100%;
    min-height: calc(var(--_pw-logo-height) + 0.8em);
    padding: 0.4em;
    text-align: center;
    font-size: 0.875em;
    text-decoration: none;
    border: 1px solid var(--_pw-color-border);
    border-radius: var(--_pw-radius);
  }
  .logos a:hover {
    border-color: currentColor;
  }
  .logos img {
    display: block;
    max-width: 100%;
    width: auto;
    height: var(--_pw-logo-height);
    object-fit: contain;
  }
`;
