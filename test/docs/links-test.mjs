// Documentation test: do the Markdown files hold together?
//
//  1. every relative link and image in README.md, CHANGELOG.md and
//     docs/**/*.md leads to a file or folder of the repository, and every
//     `#anchor` (in the same file or in another .md file) to one of its
//     headings, named the way GitHub names them (stories/guide/github-slug.js:
//     lower case, punctuation dropped except `-` and `_`, letters with
//     diacritics kept, spaces as `-`, repeated headings numbered `-1`, `-2`);
//  2. README.md, the quick start, stays within 8 192 bytes;
//  3. every docs/guide/*.md is a Storybook page: listed in
//     stories/guide/pages.json with an .mdx that shows that very file under
//     that title, and no page there points at a file that is gone; the
//     headings of each such page are unique, so their anchors need no number
//     (Storybook names a heading by its text alone).
//
// Links inside code blocks and code spans are not links and are skipped, as
// are links with a scheme (https:, mailto:).
//
// Plain Node ESM, no dependency. Prints `N passed, N failed` last; exits
// non-zero on any failure.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { githubAnchors, githubSlug } from '../../stories/guide/github-slug.js';
import { createReport } from '../server/checks.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const README_LIMIT = 8192;
const GUIDE = 'docs/guide';
const STORIES = 'stories/guide';

// ---------------------------------------------------------------- reporting

const { check, finish } = createReport({ traces: false });

/** Throws one error listing every problem, if there are any. */
function report(problems) {
  if (problems.length > 0) throw new Error(problems.join('\n'));
}

// ---------------------------------------------------------------- Markdown

/** Repository-relative path, with forward slashes. */
function relative(file) {
  return path.relative(repo, file).split(path.sep).join('/');
}

/** Every .md file under `dir`, sorted. */
function markdownFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...markdownFiles(full));
    else if (entry.name.endsWith('.md')) found.push(full);
  }
  return found.sort();
}

/**
 * The lines of a Markdown text that are prose, each with its line number:
 * fenced code blocks (``` or ~~~, also indented in a list item) are left
 * out, and code spans are blanked, so neither yields links nor headings.
 */
function proseLines(text) {
  const lines = [];
  let fence;
  text.split('\n').forEach((line, index) => {
    const opener = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (opener && opener[1][0] === fence[0] && opener[1].length >= fence.length)
        fence = undefined;
      return;
    }
    if (opener) {
      fence = opener[1];
      return;
    }
    lines.push({ number: index + 1, text: line });
  });
  return lines;
}

/** A line with its code spans replaced by spaces. */
function withoutCode(line) {
  return line.replace(/(`+)(?:(?!\1).)+?\1/g, (span) => ' '.repeat(span.length));
}

const parsed = new Map();

/** Headings (their Markdown and GitHub anchors) and links of a Markdown file. */
function parse(file) {
  if (parsed.has(file)) return parsed.get(file);
  const lines = proseLines(readFileSync(file, 'utf8'));
  const headings = [];
  const links = [];
  lines.forEach(({ number, text }, index) => {
    const atx = /^ {0,3}#{1,6}\s+(.*)$/.exec(text);
    if (atx) headings.push(atx[1]);
    // A setext heading: a paragraph line underlined with = or -.
    const next = lines[index + 1];
    if (
      next &&
      next.number === number + 1 &&
      /^ {0,3}(=+|-+)\s*$/.test(next.text) &&
      /\S/.test(text) &&
      !/^\s*([#>|*+-]|\d+[.)]\s)/.test(text)
    ) {
      headings.push(text.trim());
    }
    const prose = withoutCode(text);
    // Inline links and images: [text](target "title"), ![alt](<target>).
    for (const match of prose.matchAll(/\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+("[^"]*"|'[^']*'))?\s*\)/g)) {
      links.push({ line: number, target: match[1].replace(/^<|>$/g, '') });
    }
    // Reference definitions: [name]: target
    const definition = /^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/.exec(prose);
    if (definition) links.push({ line: number, target: definition[1].replace(/^<|>$/g, '') });
  });
  const result = { headings, anchors: githubAnchors(headings), links };
  parsed.set(file, result);
  return result;
}

/** What is wrong with `target`, written in `file`; undefined when it resolves. */
function brokenLink(file, target) {
  if (/^[a-z][a-z\d+.-]*:/i.test(target) || target.startsWith('//')) return undefined;
  const hashAt = target.indexOf('#');
  const pathPart = hashAt === -1 ? target : target.slice(0, hashAt);
  const anchor = hashAt === -1 ? undefined : decodeURIComponent(target.slice(hashAt + 1));
  let destination = file;
  if (pathPart !== '') {
    const decoded = decodeURIComponent(pathPart.split('?')[0]);
    destination = decoded.startsWith('/')
      ? path.join(repo, decoded)
      : path.resolve(path.dirname(file), decoded);
    if (!destination.startsWith(repo + path.sep) && destination !== repo) {
      return 'leads out of the repository';
    }
    if (!existsSync(destination)) return `no such file: ${relative(destination)}`;
  }
  if (anchor === undefined || anchor === '') return undefined;
  // A folder's anchor is one of its README's headings, as GitHub shows it.
  if (statSync(destination).isDirectory()) destination = path.join(destination, 'README.md');
  if (!destination.endsWith('.md') || !existsSync(destination)) return undefined;
  if (!parse(destination).anchors.includes(anchor)) {
    return `no heading "#${anchor}" in ${relative(destination)}`;
  }
  return undefined;
}

// ---------------------------------------------------------------- checks

const documents = [
  path.join(repo, 'README.md'),
  path.join(repo, 'CHANGELOG.md'),
  ...markdownFiles(path.join(repo, 'docs')),
];

console.log('Links and anchors');
for (const file of documents) {
  await check(`${relative(file)}: links and anchors resolve`, () => {
    const { links } = parse(file);
    report(
      links.flatMap(({ line, target }) => {
        const problem = brokenLink(file, target);
        return problem ? [`line ${line}: (${target}) ${problem}`] : [];
      }),
    );
  });
}

console.log('README');
await check(`README.md is at most ${README_LIMIT} bytes`, () => {
  const size = statSync(path.join(repo, 'README.md')).size;
  if (size > README_LIMIT) {
    throw new Error(`${size} bytes: move the detail into ${GUIDE}/ and link to it`);
  }
});

console.log('Storybook pages');
const pages = JSON.parse(readFileSync(path.join(repo, STORIES, 'pages.json'), 'utf8'));
const guideFiles = readdirSync(path.join(repo, GUIDE))
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => `${GUIDE}/${name}`);

for (const markdown of guideFiles) {
  await check(`${markdown} has a Storybook page`, () => {
    const page = pages.find((entry) => entry.markdown === markdown);
    if (!page) throw new Error(`not listed in ${STORIES}/pages.json`);
  });
}

for (const page of pages) {
  await check(`${STORIES}/${page.mdx} shows ${page.markdown} as "${page.title}"`, () => {
    const problems = [];
    if (!existsSync(path.join(repo, page.markdown))) problems.push(`${page.markdown} is gone`);
    const mdxFile = path.join(repo, STORIES, page.mdx);
    if (!existsSync(mdxFile)) {
      problems.push(`${STORIES}/${page.mdx} is missing`);
    } else {
      const mdx = readFileSync(mdxFile, 'utf8');
      const raw = path.posix.relative(STORIES, page.markdown);
      if (!mdx.includes(`from '${raw}?raw'`)) problems.push(`it does not import '${raw}?raw'`);
      if (!mdx.includes(`file="${page.markdown}"`))
        problems.push(`it does not pass file="${page.markdown}"`);
      if (!mdx.includes(`<Meta title="${page.title}" />`)) {
        problems.push(`its <Meta> title is not "${page.title}"`);
      }
    }
    report(problems);
  });
  if (existsSync(path.join(repo, page.markdown))) {
    await check(`${page.markdown}: headings are unique`, () => {
      const counts = new Map();
      for (const heading of parse(path.join(repo, page.markdown)).headings) {
        const slug = githubSlug(heading);
        counts.set(slug, (counts.get(slug) ?? 0) + 1);
      }
      report(
        [...counts]
          .filter(([, count]) => count > 1)
          .map(([slug, count]) => `${count} headings have the anchor #${slug}`),
      );
    });
  }
}

await check(`every ${STORIES}/*.mdx is listed in pages.json`, () => {
  const listed = new Set(pages.map((page) => page.mdx));
  report(
    readdirSync(path.join(repo, STORIES))
      .filter((name) => name.endsWith('.mdx') && !listed.has(name))
      .map((name) => `${STORIES}/${name} is not in pages.json`),
  );
});

finish();
