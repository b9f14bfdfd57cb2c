import { css } from 'lit';

/**
 * What the article box has in every state: its token, the skeleton and the
 * print rules. The drawn article's own CSS comes with its code, in
 * article-body.styles.ts.
 */
export const articleStyles = css`
  :host {
    --_pw-tool-color: var(--pw-tool-color, var(--_pw-color-primary));
  }
  /* Loading: a placeholder in the shape of an article. */
  .article-skeleton .skeleton {
    width: 100%;
  }
  .article-skeleton .title-line {
    height: 1.3em;
  }
  .article-skeleton .title-line.short {
    width: 70%;
  }
  .article-skeleton .date-line {
    width: 35%;
    height: 0.75em;
    margin-bottom: 1em;
  }
  .article-skeleton .image-block {
    height: 10em;
    margin-bottom: 1em;
  }
  .article-skeleton .last-line {
    width: 55%;
  }

  /* Print: the article and its attachments, no controls or links to other news. */
  @media print {
    .box {
      border: 0;
    }
    .tools,
    .link-fallback,
    .related,
    [part~='retry-button'] {
      display: none !important;
    }
    .header {
      color: #000000;
      background: none;
      padding-left: 0;
      padding-right: 0;
    }
    .body {
      padding: 0;
    }
    .content .table-scroll {
      overflow: visible;
    }
  }
`;
