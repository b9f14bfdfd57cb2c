import { css } from 'lit';

/**
 * The box's layout: rows, the featured item and the card grid, which the
 * skeleton shares so that the box keeps its shape when the items arrive. What
 * only loaded items use (text, hover, the page navigation) comes with their
 * code, in activity-list-view.ts.
 */
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
`;
