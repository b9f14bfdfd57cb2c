import { css } from 'lit';

export const activityListStyles = css`
  .items {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .item {
    display: flex;
    gap: 0.75em;
    padding: 0.5em 0;
    border-bottom: 1px dotted var(--pw-color-border, #d5d9de);
  }
  .item:first-child {
    padding-top: 0;
  }
  .item:last-child {
    border-bottom: 0;
  }
  .text {
    flex: 1 1 auto;
    min-width: 0;
  }
  .title {
    font-weight: 600;
    text-decoration: none;
    overflow-wrap: anywhere;
  }
  .title:hover {
    text-decoration: underline;
  }
  .date {
    margin-left: 0.35em;
    font-size: 0.875em;
    color: var(--pw-color-muted, #57606a);
    white-space: nowrap;
  }
  .summary {
    margin: 0.3em 0 0;
    font-size: 0.925em;
  }
  .thumb {
    flex: 0 0 auto;
    width: var(--pw-list-image-width, 6em);
    aspect-ratio: 4 / 3;
    object-fit: cover;
    border-radius: var(--pw-radius, 4px);
    background: var(--pw-color-skeleton, #e8eaed);
  }
  .lead {
    flex-direction: column;
  }
  .lead .thumb {
    width: 100%;
    aspect-ratio: 16 / 9;
  }
  .lead .title {
    font-size: 1.15em;
  }
  :host([layout='cards']) .items {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(var(--pw-card-min-width, 12em), 1fr));
    gap: var(--pw-space, 0.75em);
  }
  :host([layout='cards']) .item {
    flex-direction: column;
    padding: 0;
    border: 1px solid var(--pw-color-border, #d5d9de);
    border-radius: var(--pw-radius, 4px);
    overflow: hidden;
  }
  :host([layout='cards']) .item .text {
    padding: 0 0.5em 0.5em;
  }
  :host([layout='cards']) .thumb {
    width: 100%;
    border-radius: 0;
  }
  .pagination ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3em;
    list-style: none;
    margin: var(--pw-space, 0.75em) 0 0;
    padding: 0;
  }
  .pagination button {
    min-width: 2.2em;
    color: var(--pw-color-link, #0b4f8a);
    background: transparent;
    border-color: var(--pw-color-border, #d5d9de);
  }
  .pagination button[aria-current='page'] {
    color: var(--pw-button-color, #ffffff);
    background: var(--pw-button-bg, var(--pw-color-primary, #9e1b1b));
  }
  .more {
    margin-top: var(--pw-space, 0.75em);
  }
`;
