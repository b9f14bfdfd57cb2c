// `npm run bench`: what the library costs a visitor, as one table in sections.
//
// Sizes are min+gzip bytes (gzip level 9):
//  - the script-tag bundle with the chunks it imports statically (the lazy
//    DOMPurify chunk is listed on its own line and not counted);
//  - each npm entry bundled the way an app would ship it: with lit, minified;
//  - lit alone, the floor every element pays;
//  - where the bytes go (bench/lib/where-bytes.mjs): the script-tag bundle by
//    source folder, and the page with only <pw-visit-stats> module by module,
//    with the part every one-element page carries whichever element it shows.
// Then, in headless Chromium against the demo server (bench/lib/browser.mjs):
// the demo page's requests on first load and on an in-page revisit, and polling
// while the tab is hidden; (bench/lib/render.mjs) the main-thread time of a
// 100-item list's first render and page change against plain DOM; then README's
// script-tag page on a throttled "slow phone" (bench/lib/slow-phone.mjs): when
// each box shows its data, first paint, script round trips, and the requests of
// the median run as a waterfall.
// The table is printed and written to bench/results.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { demoRequests, hiddenRequests, launchBrowser, startDemo } from './lib/browser.mjs';
import { renderTiming } from './lib/render.mjs';
import { appSize, importing, kb, LIT_FLOOR, scriptTagSizes } from './lib/sizes.mjs';
import { BOXES, SLOW_PHONE, slowPhone } from './lib/slow-phone.mjs';
import { visitStatsPageBytes, whereTheBytesGo } from './lib/where-bytes.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

const ms = (value) => `${value.toFixed(1)} ms`;

// Rows are [label, value]; a row with a null value heads a section.
const rows = [['**Size** (min+gzip)', null]];
const size = (label, bytes) => rows.push([label, kb(bytes)]);

// The CI ceilings and the goals of bench/budgets.json, shown beside the two budgeted figures.
const { budgets } = JSON.parse(readFileSync(join(root, 'bench', 'budgets.json'), 'utf8'));
const limits = ({ bytes, goal }) => ` (CI budget ${kb(bytes)}, goal ${kb(goal)})`;

const scriptTag = scriptTagSizes(dist);
size(
  `portal-widgets.min.js + static imports (script tag, lit included)${limits(budgets.scriptTag)}`,
  scriptTag.bytes,
);
for (const [chunk, bytes] of scriptTag.lazy) size(`  lazy: ${chunk}`, bytes);

for (const entry of ['source', 'article', 'activity-list', 'link-box', 'visit-stats', 'index']) {
  const label = entry === 'index' ? 'portal-widgets (all, npm)' : `portal-widgets/${entry}.js`;
  size(`${label} + lit`, await appSize(importing(join(dist, `${entry}.js`))));
}
size(
  `a page with only <pw-visit-stats src> (visit-stats.js + lit)${limits(budgets.visitStatsPage)}`,
  await appSize(importing(join(dist, 'visit-stats.js'))),
);
size(
  '  the same with <pw-source> (visit-stats.js + source.js + lit)',
  await appSize(importing(join(dist, 'visit-stats.js'), join(dist, 'source.js'))),
);
size('lit alone (LitElement, html, css: the floor)', await appSize(LIT_FLOOR));

const notes = [];
const bytes = await whereTheBytesGo(root);
rows.push([`**Where the bytes go**: script-tag bundle, static part (${kb(bytes.total)})`, null]);
for (const [group, share] of bytes.rows) size(`  ${group}`, share);
notes.push(
  `Where the bytes go: src/bundle.ts is rebuilt in memory (so the total can differ from dist/ if src changed since the build). ` +
    `Each module's rendered code is minified on its own and the static chunks' real min+gzip size is shared out in proportion ` +
    `to those lengths (an estimate: gzip works across modules, so per-module gzip sizes would not add up).`,
);

const page = await visitStatsPageBytes(root);
rows.push([
  `**Where the bytes go**: a page with only <pw-visit-stats>, module by module (${kb(page.total)})`,
  null,
]);
for (const [module, share] of page.rows) size(`  ${module}`, share);
size('  ¹ in all four one-element pages: what any element costs before its own code', page.shared);
notes.push(
  'The page with only <pw-visit-stats> is rebuilt from src/visit-stats/visit-stats.ts in the same way, and ' +
    'each one-element page likewise; ¹ marks a module that all four pages carry, and the last row of that ' +
    'section adds up those modules: the floor of a page with any one element.',
);

/** Extra markdown after the table and its notes. */
const sections = [];

/** The requests of the slow phone's median run, as a markdown table. */
function slowPhoneWaterfall(phone) {
  const at = (value) => (value === undefined ? '—' : Math.round(value).toString());
  const lines = [
    `## Slow phone: the requests of the median run (last box at ${Math.round(phone.representativeLast)} ms)`,
    '',
    'Milliseconds from navigation start; bytes on the wire as Chromium counted them (encodedDataLength, headers included).',
    '',
    '| request | type | start (ms) | end (ms) | bytes | encoding |',
    '| --- | --- | ---: | ---: | ---: | --- |',
    ...phone.waterfall.map(
      (r) =>
        `| ${r.method} ${r.path} | ${r.type} | ${at(r.start)} | ${r.failed ? 'failed' : at(r.end)} | ` +
        `${r.bytes ?? '—'} | ${r.encoding ?? 'none'} |`,
    ),
  ];
  return lines.join('\n');
}

const paths = (entries) =>
  entries.map((entry) => `${entry.method} ${entry.path}`).join(', ') || 'none';
let browser;
const demo = await startDemo(root);
try {
  browser = await launchBrowser();
  const requests = await demoRequests(browser, root, demo.origin);
  rows.push(['**Requests**: demo page, five widgets on three resources', null]);
  rows.push([
    'first load: GET data requests to /api (expect 3)',
    String(requests.first.get.length),
  ]);
  rows.push([
    'first load: visit records (POST) and event streams',
    `${requests.first.post.length} + ${requests.first.stream.length}`,
  ]);
  rows.push([
    'revisit in the same page (every widget re-mounted, cache fresh): GET data requests (expect 0)',
    String(requests.again.get.length),
  ]);
  rows.push([
    'revisit: visit records (POST) and event streams',
    `${requests.again.post.length} + ${requests.again.stream.length}`,
  ]);
  notes.push(
    `Requests on first load: ${paths([...requests.first.get, ...requests.first.post, ...requests.first.stream])}. ` +
      `On the revisit: ${paths([...requests.again.get, ...requests.again.post, ...requests.again.stream])}.`,
  );

  const render = await renderTiming(browser, root, demo.origin);
  const ratio = (element, baseline) => `${(element / baseline).toFixed(2)}×`;
  const cpuTimes = [];
  for (const [name, what, { element, baseline }, baselineLabel] of [
    [
      'First render',
      'of a 100-item list, data in memory',
      render.firstRender,
      'plain DOM: the same markup in a shadow root, same stylesheets',
    ],
    [
      'Page change',
      'to the next 100 items',
      render.pageChange,
      'plain DOM: items replaced, navigation and status updated, focus moved',
    ],
  ]) {
    rows.push([`**${name}** ${what}: main-thread time (median of ${render.runs})`, null]);
    rows.push(['<pw-activity-list page-size="100">', ms(element.task)]);
    rows.push([baselineLabel, ms(baseline.task)]);
    rows.push(['ratio element / baseline', ratio(element.task, baseline.task)]);
    rows.push(['  the same ratio in main-thread CPU time', ratio(element.cpu, baseline.cpu)]);
    cpuTimes.push(`${name.toLowerCase()} ${ms(element.cpu)} against ${ms(baseline.cpu)}`);
  }
  notes.push(
    'Render: main-thread time from Chrome (DevTools protocol Performance.getMetrics), TaskDuration before and after ' +
      'each step, minus the same measurement of a call that does nothing ' +
      `(${render.floor.task.toFixed(1)} ms); the CPU rows use ThreadTime the same way, which a busy machine disturbs less ` +
      `(${cpuTimes.join(', ')}). ` +
      'Each step ends when its work is done: the data is in memory and every promise already resolved, and both sides end ' +
      'by reading offsetHeight, so style and layout are inside the step. First render counts creating the element until ' +
      'its 100 items are laid out; the baseline builds the very markup the element draws (checked node for node before ' +
      'timing), adopts the same stylesheets and adds the heading. Page change counts from pressing "next" until page 2 ' +
      `is laid out and its first title focused. ${render.runs} rounds after ${render.warmups} warm-ups, element and baseline ` +
      'alternating; bench/lib/render.mjs, bench/pages/render.html.',
  );

  const hidden = await hiddenRequests(browser, root, demo.origin);
  rows.push([
    `**Hidden tab**: <pw-visit-stats refresh="1">, GET /api/stats over ${hidden.seconds} s`,
    null,
  ]);
  rows.push(['while visible (control)', String(hidden.visible)]);
  rows.push(['while hidden (expect 0)', String(hidden.hidden)]);
  notes.push(
    'Hidden tab: the page overrides document.visibilityState/hidden and fires visibilitychange; ' +
      'the same box is first watched while visible, so the zero is a held-back timer, not a box that never polls.',
  );

  const phone = await slowPhone(browser, demo.origin);
  const whole = (value) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'never');
  rows.push([
    `**Slow phone**: README's script-tag page, cold, ${SLOW_PHONE.latencyMs} ms latency, ` +
      `${SLOW_PHONE.downloadBitsPerSecond / 1e6} Mb/s down, ${SLOW_PHONE.uploadBitsPerSecond / 1e3} kb/s up, ` +
      `CPU ÷${SLOW_PHONE.cpuSlowdown} (median of ${phone.runs})`,
    null,
  ]);
  for (const box of BOXES) rows.push([`<${box}> pw-load`, whole(phone.boxes[box])]);
  rows.push(['the last box (goal: ≤ 1100 ms)', whole(phone.last)]);
  rows.push(['first contentful paint', whole(phone.fcp)]);
  // The same page with the CPU at full speed: how much of the wait is the network's.
  const networkOnly = await slowPhone(browser, demo.origin, { cpuSlowdown: 1 });
  rows.push([
    `the last box with the same network but the CPU not slowed (median of ${networkOnly.runs})`,
    whole(networkOnly.last),
  ]);
  rows.push([
    'sequential script round trips before the first data request',
    String(phone.roundTrips),
  ]);
  const early = phone.sanitizerEarly;
  rows.push([
    'sanitizer requested while the article data is on the way',
    `${early * 2 > phone.runs ? 'yes' : 'no'} (${early} of ${phone.runs})`,
  ]);
  notes.push(
    `Slow phone: bench/pages/slow-phone.html, README's embed example with the article ` +
      `"hong-bang-tiep-doan-kiem-tra" (related="5"), served compressed by the demo server. ` +
      `Each run is a fresh browser context throttled over the DevTools protocol ` +
      `(Network.emulateNetworkConditions, HTTP cache disabled, Emulation.setCPUThrottlingRate); ` +
      `one warm-up run, then ${phone.runs} measured. Times are from navigation start: a box's first ` +
      `pw-load (or pw-error) as the page heard it; "the last box" is the median over runs of each ` +
      `run's latest box. Round trips: script requests that had finished before the first /api ` +
      `request started (a chunk fetched beside the data is not one), one level deeper for each ` +
      `script that started only after another had finished ` +
      `(per run: ${phone.roundTripsPerRun.join(', ')}). ` +
      (phone.errors.length ? `Boxes that reported pw-error: ${phone.errors.join(', ')}. ` : '') +
      (phone.sanitizerMissing
        ? `The sanitizer or the article request was missing in ${phone.sanitizerMissing} runs. `
        : '') +
      `The throttled CPU is the bench machine's, shared (load average ${loadavg()[0].toFixed(1)} at the end of the run).`,
  );
  sections.push(slowPhoneWaterfall(phone));
} catch (error) {
  // A size table without the browser rows beats no table: say what is missing.
  notes.push(`Browser rows missing: ${error instanceof Error ? error.message : String(error)}`);
  console.error(error);
} finally {
  await browser?.close();
  await demo.stop();
}

const width = Math.max(...rows.map(([label]) => label.length));
const valueWidth = Math.max(8, ...rows.map(([, value]) => (value ?? '').length));
const lines = [
  `| ${'what'.padEnd(width)} | ${'value'.padStart(valueWidth)} |`,
  `| ${'-'.repeat(width)} | ${'-'.repeat(valueWidth - 1)}: |`,
  ...rows.map(
    ([label, value]) => `| ${label.padEnd(width)} | ${(value ?? '').padStart(valueWidth)} |`,
  ),
];
const table = lines.join('\n');
const noteText = notes.map((note) => `- ${note}`).join('\n');
const sectionText = sections.map((section) => `\n\n${section}`).join('');
console.log(`${table}\n\n${noteText}${sectionText}`);
// Written the way Prettier would, so `prettier --check` stays clean after a bench run.
const resultsFile = join(root, 'bench', 'results.md');
const markdown = `# Benchmark results\n\nWritten by \`npm run bench\`. Sizes are minified + gzip (level 9).\n\n${table}\n\n${noteText}${sectionText}\n`;
writeFileSync(
  resultsFile,
  await prettier.format(markdown, {
    ...(await prettier.resolveConfig(resultsFile)),
    filepath: resultsFile,
  }),
);
