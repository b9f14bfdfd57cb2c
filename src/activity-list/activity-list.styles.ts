import { css } from 'lit';

export const activityListStyles = css`
  .items {
    list-style: none;
    margin: 0;
    padding: 0;
  }
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
  .item {
    display: flex;
    gap: 0.75em;
    padding: 0.5em 0;
    border-bottom: 1px dotted var(--_pw-color-border);
  }
  .item:first-child {
    padding-top: 0;
  }
  .item:last-child {
    border-bottom: 0;
    padding-bottom: 0;
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
  /* The width and height attributes give the ratio before the image loads; these set the size. */
  .thumb {
    display: block;
    flex: 0 0 auto;
    width: var(--pw-list-image-width, 6em);
    height: auto;
    aspect-ratio: 4 / 3;
    object-fit: cover;
    border-radius: var(--_pw-radius);
    background: var(--_pw-color-skeleton);
  }

  /*
   * featured: the first item large, the others as in the list. Picture and
   * text sit side by side when the box is wide enough for both, and wrap into
   * a column otherwise: sized by the box, not by the window.
   */
  .lead {
    flex-wrap: wrap;
    align-items: flex-start;
    padding-bottom: 0.75em;
  }
  .lead .thumb {
    flex: 1 1 16em;
    width: auto;
    max-width: 100%;
  }
  .lead .text {
    flex: 1 1 16em;
  }
  .lead .thumb,
  .card .thumb {
    aspect-ratio: var(--pw-lead-image-ratio, 16 / 9);
  }
  .card .thumb {
    width: 100%;
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

  /* cards: a grid that goes from one column on a phone to as many as fit. */
  .items.cards {
    display: grid;
    grid-template-columns: repeat(
      auto-fill,
      minmax(min(100%, var(--pw-card-min-width, 14em)), 1fr)
    );
    gap: var(--_pw-space);
  }
  .card {
    position: relative;
    flex-direction: column;
    gap: 0;
    padding: 0;
    border: 1px solid var(--_pw-color-border);
    border-radius: var(--_pw-radius);
    overflow: hidden;
  }
  .card:last-child {
    border-bottom: 1px solid var(--_pw-color-border);
  }
  .card .thumb {
    border-radius: 0;
  }
  .card .text {
    padding: 0.5em 0.6em 0.6em;
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

  .skeleton-list .thumb.skeleton {
    height: auto;
    margin: 0;
  }
  .skeleton-list .text .skeleton {
    margin: 0.2em 0 0.5em;
  }
  .skeleton-list .text .skeleton + .skeleton {
    width: 40%;
  }
  .skeleton-list .card .text {
    display: block;
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
