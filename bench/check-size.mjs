// `npm run size`: the byte budgets, checked against the built package (run
// `npm run build` first). Exits non-zero when a figure is over its budget, so
// CI fails the run. Bytes do not jitter, so these are exact, unlike timings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appSize, importing, kb, LIT_FLOOR, scriptTagSizes } from './lib/sizes.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const budgets = JSON.parse(readFileSync(join(root, 'bench', 'budgets.json'), 'utf8'));

const figures = {
  scriptTag: scriptTagSizes(dist).bytes,
  visitStatsPage: await appSize(importing(join(dist, 'visit-stats.js'))),
};
const lit = await appSize(LIT_FLOOR);

let over = 0;
console.log(`lit alone (LitElement, html, css): ${kb(lit)}`);
for (const [name, budget] of Object.entries(budgets.budgets)) {
  const bytes = figures[name];
  const ok = bytes <= budget.bytes;
  if (!ok) over += 1;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${budget.label}: ${kb(bytes)} (${bytes} B), budget ${kb(budget.bytes)}` +
      (budget.goal ? `, goal ${kb(budget.goal)}` : ''),
  );
}
if (over > 0) {
  console.error(
    `${over} size budget(s) exceeded: see bench/budgets.json for why each budget is what it is.`,
  );
  process.exit(1);
}
