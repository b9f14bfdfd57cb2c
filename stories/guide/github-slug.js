// GitHub's anchor for a Markdown heading, shared by the Storybook guide pages
// (guide-page.ts gives every heading this id) and the docs test
// (test/docs/links-test.mjs checks every `#anchor` against it), so an anchor
// that works on GitHub works in Storybook too. Plain JavaScript, so that the
// test runs in Node without a build; types in github-slug.d.ts.

/**
 * The text GitHub reads out of a heading's Markdown: links and images become
 * their text, emphasis loses its markers, code spans keep their content as it
 * is (an `_` inside one stays).
 *
 * @param {string} markdown
 * @returns {string}
 */
export function headingText(markdown) {
  return markdown
    .trim()
    .replace(/\s+#+\s*$/, '')
    .split(/(`+[^`]*`+)/)
    .map((part, index) =>
      index % 2 === 1
        ? part.replace(/^`+|`+$/g, '')
        : part
            .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
            .replace(/(\*\*|\*)(?=\S)(.+?)\1/g, '$2')
            .replace(/(^|[^\p{L}\p{N}])(__|_)(?=\S)(.+?)\2(?![\p{L}\p{N}])/gu, '$1$3'),
    )
    .join('');
}

/**
 * GitHub's slug of a heading's Markdown: its text in lower case, punctuation
 * dropped except `-` and `_`, letters with diacritics (Vietnamese among them),
 * digits and combining marks kept, every space a `-`.
 *
 * @param {string} markdown
 * @returns {string}
 */
export function githubSlug(markdown) {
  return headingText(markdown)
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/**
 * The anchors of a document's headings in order, as GitHub numbers repeated
 * ones: the second `Links` is `links-1`, the third `links-2`.
 *
 * @param {readonly string[]} headings the Markdown of each heading
 * @returns {string[]}
 */
export function githubAnchors(headings) {
  /** @type {Map<string, number>} */
  const seen = new Map();
  return headings.map((heading) => {
    const slug = githubSlug(heading);
    let anchor = slug;
    while (seen.has(anchor)) {
      const count = (seen.get(slug) ?? 0) + 1;
      seen.set(slug, count);
      anchor = `${slug}-${count}`;
    }
    seen.set(anchor, 0);
    return anchor;
  });
}
