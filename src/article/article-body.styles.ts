import { css } from 'lit';

/** The drawn article: title, tools, text, figures, tables, attachments and "Các tin khác". */
export const articleBodyStyles = css`
  .category {
    margin: 0 0 0.25em;
    font-size: 0.875em;
    font-weight: 600;
    text-transform: uppercase;
    color: var(--_pw-color-primary);
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
    color: var(--_pw-color-muted);
  }

  /* Tools: quiet outlined buttons under the date line, as portals place them. */
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_pw-space-small);
    margin: 0 0 0.9em;
    padding-bottom: 0.6em;
    border-bottom: 1px solid var(--_pw-color-border);
  }
  .tool {
    display: inline-flex;
    align-items: center;
    min-height: 2em;
    padding: 0.15em 0.65em;
    font: inherit;
    font-size: 0.875em;
    line-height: 1.3;
    text-decoration: none;
    color: var(--_pw-tool-color);
    background: var(--_pw-color-surface);
    border: 1px solid currentColor;
    border-radius: var(--_pw-radius-small);
    cursor: pointer;
  }
  .tool:hover {
    filter: none;
    color: var(--_pw-color-surface);
    background: var(--_pw-tool-color);
  }
  .tool[aria-disabled='true'] {
    cursor: default;
    opacity: 0.55;
  }
  .tool[aria-disabled='true']:hover {
    color: var(--_pw-tool-color);
    background: var(--_pw-color-surface);
  }
  .link-fallback {
    margin: 0 0 0.9em;
    font-size: 0.875em;
  }
  .link-fallback p {
    margin: 0 0 0.35em;
  }
  .link-fallback label {
    display: block;
    font-weight: 600;
  }
  .link-fallback input {
    width: 100%;
    font: inherit;
    padding: 0.3em 0.4em;
    border: 1px solid var(--_pw-color-border);
    border-radius: var(--_pw-radius-small);
  }

  /* A−/A+ scale everything under the title. */
  .text.size-90 {
    font-size: 0.9em;
  }
  .text.size-115 {
    font-size: 1.15em;
  }
  .text.size-130 {
    font-size: 1.3em;
  }
  .text.size-150 {
    font-size: 1.5em;
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
    color: var(--_pw-color-muted);
  }
  .content {
    line-height: var(--pw-article-line-height, 1.6);
    text-align: var(--pw-article-text-align, justify);
    overflow-wrap: break-word;
  }
  .content img,
  .content video,
  .content iframe {
    max-width: 100%;
    height: auto;
  }
  /* Each body table sits in a box of its own that scrolls sideways. */
  .content .table-scroll {
    max-width: 100%;
    overflow-x: auto;
    margin: 0.75em 0;
  }
  .content table {
    border-collapse: collapse;
    text-align: left;
  }
  .content td,
  .content th {
    border: 1px solid var(--_pw-color-border);
    padding: 0.3em 0.5em;
  }
  .author {
    text-align: right;
    font-weight: 700;
    margin: 0.75em 0 0;
  }
  .section-title {
    margin: 1.25em 0 0.5em;
    font-size: 1em;
    font-weight: 700;
    color: var(--_pw-color-primary);
    border-bottom: 1px solid var(--_pw-color-border);
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
    margin: 0;
    white-space: nowrap;
  }
`;
