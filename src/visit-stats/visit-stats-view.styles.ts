import { css } from 'lit';

/** The list of figures: names and numbers side by side. */
export const statsViewStyles = css`
  .stats {
    margin: 0;
    display: grid;
    gap: 0.4em;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: 0 0.75em;
  }
  dt {
    color: var(--pw-stats-label-color, inherit);
  }
  dd {
    margin: 0;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    color: var(--pw-stats-value-color, var(--_pw-color-primary));
  }
`;
