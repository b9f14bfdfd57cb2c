/** The text GitHub reads out of a heading's Markdown (links and emphasis removed). */
export declare function headingText(markdown: string): string;
/** GitHub's anchor for a heading, without the `-1`, `-2` of repeated ones. */
export declare function githubSlug(markdown: string): string;
/** The anchors of a document's headings in order, repeated ones numbered as GitHub does. */
export declare function githubAnchors(headings: readonly string[]): string[];
