// The render rows of the bench: main-thread time of <pw-activity-list> drawing
// 100 items, against plain DOM building the same markup (bench/pages/render.html).
//
// Time is read from Chrome itself, not from the page's clock: the DevTools
// protocol's Performance.getMetrics reports TaskDuration, the main thread's
// busy time (seconds, cumulative), and its delta across one step is the work
// that step caused — scripts, style, layout — with no waiting for frames.
//
// Run on its own with `node bench/lib/render.mjs` (after `npm run build`) to
// print the figures while working on rendering speed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, median, startDemo } from './browser.mjs';

/** The metrics kept from Performance.getMetrics, all cumulative seconds. */
const METRICS = [
  'TaskDuration',
  'ThreadTime',
  'ScriptDuration',
  'RecalcStyleDuration',
  'LayoutDuration',
];

/** The kept metrics now, in milliseconds. */
async function metrics(cdp) {
  const { metrics: all } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(
    all.filter(({ name }) => METRICS.includes(name)).map(({ name, value }) => [name, value * 1000]),
  );
}

/** Main-thread milliseconds spent by one call of `expression`, by metric. */
async function measure(cdp, page, expression) {
  const before = await metrics(cdp);
  await page.evaluate(expression);
  const after = await metrics(cdp);
  return Object.fromEntries(METRICS.map((name) => [name, after[name] - before[name]]));
}

/** Throws when the element and the baseline did not draw the same thing. */
function checkSameMarkup({ first, next, focus }) {
  for (const [step, { element, baseline }] of Object.entries({ first, next })) {
    if (element === baseline) continue;
    let at = 0;
    while (element[at] === baseline[at]) at++;
    throw new Error(
      `The render baseline is not the element's markup (${step} page), from character ${at}:\n` +
        `  element:  ${element.slice(Math.max(0, at - 80), at + 120)}\n` +
        `  baseline: ${baseline.slice(Math.max(0, at - 80), at + 120)}`,
    );
  }
  if (!focus.element || focus.element !== focus.baseline) {
    throw new Error(`Focus after the page change differs: ${JSON.stringify(focus)}`);
  }
}

/**
 * Medians over `runs` rounds (after `warmups` discarded) of:
 *  - first render: creating `<pw-activity-list page-size="100">` with its data
 *    already in memory until the items are laid out, against building the same
 *    markup in a shadow root with the same stylesheets;
 *  - page change: from pressing "next" until page 2 is laid out and its first
 *    title focused, against replacing the items, moving aria-current,
 *    enabling "previous", updating the status line and focusing by hand.
 * Each figure is the TaskDuration delta minus the floor (the same measurement
 * of a call that does nothing, reported as `floor`). Element and baseline run
 * alternately, first one then the other, so drift affects both alike.
 */
export async function renderTiming(browser, root, origin, { runs = 21, warmups = 5 } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route(`${origin}/bench/render.html`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: readFileSync(join(root, 'bench', 'pages', 'render.html')),
    }),
  );
  try {
    await page.goto(`${origin}/bench/render.html`, { waitUntil: 'load' });
    await page.evaluate('window.bench.ready()');
    checkSameMarkup(await page.evaluate('window.bench.compare()'));

    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    // Between steps: nothing of the previous one left to run or to collect.
    const settle = async () => {
      await page.evaluate('window.bench.frames()');
      await cdp.send('HeapProfiler.collectGarbage');
    };
    const sides = {
      element: ['window.bench.elementFirstRender()', 'window.bench.elementNextPage()'],
      baseline: ['window.bench.plainFirstRender()', 'window.bench.plainNextPage()'],
    };
    const samples = { floor: [], element: [[], []], baseline: [[], []] };
    for (let round = 0; round < warmups + runs; round++) {
      const order = round % 2 ? ['baseline', 'element'] : ['element', 'baseline'];
      const kept = round >= warmups;
      for (const side of order) {
        for (const [step, expression] of sides[side].entries()) {
          await settle();
          const spent = await measure(cdp, page, expression);
          if (kept) samples[side][step].push(spent);
        }
        await page.evaluate('window.bench.clear()');
      }
      await settle();
      const floor = await measure(cdp, page, 'window.bench.nothing()');
      if (kept) samples.floor.push(floor);
    }

    const floor = {
      task: median(samples.floor.map((spent) => spent.TaskDuration)),
      cpu: median(samples.floor.map((spent) => spent.ThreadTime)),
    };
    const figure = (list) => ({
      task: median(list.map((spent) => spent.TaskDuration)) - floor.task,
      cpu: median(list.map((spent) => spent.ThreadTime)) - floor.cpu,
      script: median(list.map((spent) => spent.ScriptDuration)),
      style: median(list.map((spent) => spent.RecalcStyleDuration)),
      layout: median(list.map((spent) => spent.LayoutDuration)),
    });
    return {
      runs,
      warmups,
      floor,
      firstRender: { element: figure(samples.element[0]), baseline: figure(samples.baseline[0]) },
      pageChange: { element: figure(samples.element[1]), baseline: figure(samples.baseline[1]) },
    };
  } finally {
    await context.close();
  }
}

// `node bench/lib/render.mjs`: the figures alone, without building or the rest of the bench.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const benchRoot = fileURLToPath(new URL('../..', import.meta.url));
  const demo = await startDemo(benchRoot);
  const browser = await launchBrowser();
  try {
    const result = await renderTiming(browser, benchRoot, demo.origin, {
      runs: Number(process.env.RUNS) || 21,
    });
    const row = (name, { element, baseline }) =>
      `${name}: element ${element.task.toFixed(2)} ms, baseline ${baseline.task.toFixed(2)} ms, ` +
      `ratio ${(element.task / baseline.task).toFixed(2)}×; ` +
      `CPU ${element.cpu.toFixed(2)} / ${baseline.cpu.toFixed(2)} ms, ${(element.cpu / baseline.cpu).toFixed(2)}× ` +
      `(element script/style/layout ${element.script.toFixed(2)}/${element.style.toFixed(2)}/${element.layout.toFixed(2)}, ` +
      `baseline ${baseline.script.toFixed(2)}/${baseline.style.toFixed(2)}/${baseline.layout.toFixed(2)})`;
    console.log(
      `median of ${result.runs}, floor ${result.floor.task.toFixed(2)} ms (CPU ${result.floor.cpu.toFixed(2)} ms) subtracted`,
    );
    console.log(row('first render', result.firstRender));
    console.log(row('page change', result.pageChange));
  } finally {
    await browser.close();
    await demo.stop();
  }
}
