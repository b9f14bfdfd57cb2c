import { css } from 'lit';

export const linkBoxStyles = css`
  .picker {
    display: flex;
    gap: 0.5em;
  }
  select {
    flex: 1 1 auto;
    min-width: 0;
    font: inherit;
    padding: 0.3em;
    border: 1px solid var(--pw-color-border, #d5d9de);
    border-radius: var(--pw-radius, 4px);
    background: var(--pw-color-surface, #ffffff);
    color: inherit;
  }
  .group-name {
    margin: 0.75em 0 0.25em;
    font-size: 0.875em;
    font-weight: 700;
    color: var(--pw-color-muted, #57606a);
  }
  .group-name:first-child {
    margin-top: 0;
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
    flex-direction: column;
    align-items: center;
    gap: 0.25em;
    padding: 0.4em;
    text-align: center;
    font-size: 0.875em;
    text-decoration: none;
    border: 1px solid var(--pw-color-border, #d5d9de);
    border-radius: var(--pw-radius, 4px);
  }
  .logos img {
    max-width: 100%;
    height: var(--pw-logo-height, 3em);
    object-fit: contain;
  }
`;
