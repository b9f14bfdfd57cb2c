import { css } from 'lit';

/**
 * What only loaded items and the navigation use: text, hover and focus, the
 * pages. The layout (rows, the featured item, the card grid) stays in
 * activity-list.styles.ts, because the skeleton takes the same shape.
 */
export const listViewStyles = css`
  .items:focus {
    outline: none;
  }
  .items.busy {
    opacity: 0.6;
  }
  @media (prefers-reduced-motion: no-preference) {
    .items {
      transition: opacity 0.15s ease-in;
    }
  }
  .title {
    font-weight: 600;
    text-decoration: none;
    overflow-wrap: anywhere;
  }
  a.title:hover {
    text-decoration: underline;
  }
  .date {
    margin-left: 0.35em;
    font-size: 0.875em;
    color: var(--_pw-color-muted);
    white-space: nowrap;
  }
  .summary {
    margin: 0.3em 0 0;
    font-size: 0.925em;
    overflow-wrap: anywhere;
  }
  .lead .title {
    font-size: 1.2em;
    line-height: 1.3;
  }
  .lead .date,
  .card .date {
    display: block;
    margin: 0.2em 0 0;
  }
  .lead .summary {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 5;
    overflow: hidden;
  }
  .card .summary {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
  }
  /* The whole card answers a click on its one link, without a second link for screen readers. */
  .card a.title::after {
    content: '';
    position: absolute;
    inset: 0;
  }
  .card:hover {
    border-color: var(--_pw-color-link);
  }
  .card:has(a:focus-visible) {
    outline: var(--_pw-focus-ring-width) solid var(--_pw-color-focus);
    outline-offset: 1px;
  }
  .placeholder {
    background: linear-gradient(135deg, var(--_pw-color-skeleton), var(--_pw-color-border));
  }

  .pagination ul {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.3em;
    list-style: none;
    margin: var(--_pw-space) 0 0;
    padding: 0;
  }
  .pagination button {
    min-width: 2.4em;
    min-height: 2.2em;
    padding: 0.2em 0.6em;
    color: var(--_pw-color-link);
    background: transparent;
    border-color: var(--_pw-color-border);
  }
  .pagination button[aria-current='page'] {
    color: var(--_pw-button-color);
    background: var(--_pw-button-bg);
    border-color: transparent;
    font-weight: 700;
  }
  .pagination button:disabled {
    cursor: default;
    color: var(--_pw-color-muted);
    opacity: 0.6;
    filter: none;
  }
  /* Narrow boxes: arrows only (the buttons keep their names) and fewer numbers, on one line. */
  .compact button {
    min-width: 2.2em;
    padding: 0.2em 0.4em;
  }
  .compact .step-text {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .gap {
    min-width: 1.2em;
    text-align: center;
    color: var(--_pw-color-muted);
  }
  .more {
    display: block;
    margin: var(--_pw-space) auto 0;
  }
  .more[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  .message + .pagination ul {
    margin-top: 0.5em;
  }
`;
