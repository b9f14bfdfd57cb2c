import { css } from 'lit';

export const articleStyles = css`
  .category {
    margin: 0 0 0.25em;
    font-size: 0.875em;
    font-weight: 600;
    text-transform: uppercase;
    color: var(--pw-color-primary, #9e1b1b);
  }
  .title {
    margin: 0 0 0.4em;
    font-size: var(--pw-article-title-size, 1.35em);
    font-weight: 700;
    line-height: 1.3;
    color: var(--pw-article-title-color, inherit);
  }
  .date {
    margin: 0 0 0.75em;
    font-size: 0.875em;
    color: var(--pw-color-muted, #57606a);
  }
  .summary {
    font-weight: 600;
  }
  .figure {
    margin: 0 0 0.75em;
  }
  .figure img {
    display: block;
    max-width: 100%;
    height: auto;
    margin: 0 auto;
  }
  .figure figcaption {
    font-size: 0.875em;
    font-style: italic;
    text-align: center;
    color: var(--pw-color-muted, #57606a);
  }
  .content {
    line-height: var(--pw-article-line-height, 1.6);
    text-align: var(--pw-article-text-align, justify);
    overflow-wrap: break-word;
  }
  .content img,
  .content video {
    max-width: 100%;
    height: auto;
  }
  .content table {
    display: block;
    max-width: 100%;
    overflow-x: auto;
    border-collapse: collapse;
  }
  .content td,
  .content th {
    border: 1px solid var(--pw-color-border, #d5d9de);
    padding: 0.3em 0.5em;
  }
  .author {
    text-align: right;
    font-weight: 700;
    margin: 0.75em 0 0;
  }
  .section-title {
    margin: 1.25em 0 0.5em;
    font-weight: 700;
    color: var(--pw-color-primary, #9e1b1b);
    border-bottom: 1px solid var(--pw-color-border, #d5d9de);
    padding-bottom: 0.25em;
  }
  .attachments ul,
  .related ul {
    margin: 0;
    padding-left: 1.25em;
  }
  .related li + li,
  .attachments li + li {
    margin-top: 0.3em;
  }
  .related .date {
    margin: 0 0 0 0.35em;
    white-space: nowrap;
  }
`;
