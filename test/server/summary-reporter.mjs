// A web-test-runner reporter that prints, when the run ends, one plain line
// counting every test of every file, e.g.
//
//   42 passed, 0 failed
//   40 passed, 1 failed, 1 skipped
//
// so scripts and CI can read the result without parsing the default
// reporter's output. Use it after defaultReporter() in the `reporters` list.
// A test file that fails outside any test (it does not load, a hook throws,
// an error escapes after the tests) counts as one failed test.

function countSuite(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites ?? []) countSuite(child, totals);
}

/** Counts the results of the sessions of one run. */
export function countResults(sessions) {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for (const session of sessions) {
    const before = totals.failed;
    if (session.testResults) countSuite(session.testResults, totals);
    if (session.passed === false && totals.failed === before) totals.failed += 1;
  }
  return totals;
}

/** Formats totals as the one summary line. */
export function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

/** The reporter factory for web-test-runner.config.mjs. */
export function summaryReporter() {
  let line;
  return {
    stop({ sessions }) {
      // The runner may stop twice (e.g. after failures); report the final state once.
      const first = line === undefined;
      line = summaryLine(countResults(sessions));
      if (!first) return;
      // Printed at exit so that it is the last line, after the default
      // reporter's final redraw (which may erase lines above the cursor).
      // Writes to pipes and files are synchronous in Node on Linux, so it is not lost.
      process.once('exit', () => process.stdout.write(`\n${line}\n`));
    },
  };
}
