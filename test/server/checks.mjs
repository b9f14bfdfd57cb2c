// How the Node test scripts (test/package, test/demo, test/wordpress,
// test/cli, test/docs) report: named checks printed as `ok` / `FAIL` /
// `skip`, sections, and the closing `N passed, N failed` line that .ci/run
// adds up across suites. Each script is a process of its own, so one report
// per script.

/** A failed expectation: `message` says what was wrong. */
export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/**
 * The same value (`Object.is`), or for objects and arrays the same JSON (key
 * order included); both values are in the message.
 */
export function assertEqual(actual, expected, what) {
  const got = JSON.stringify(actual);
  const wanted = JSON.stringify(expected);
  const same =
    typeof actual === 'object' && actual !== null ? got === wanted : Object.is(actual, expected);
  // Numbers and undefined as themselves: JSON would write NaN as null and drop undefined.
  const show = (value, json) =>
    typeof value === 'number' || value === undefined ? String(value) : json;
  assert(same, `${what}:\n  expected ${show(expected, wanted)}\n  got      ${show(actual, got)}`);
}

/** A heading between groups of checks. */
export function section(title) {
  console.log(`\n${title}`);
}

/**
 * The report of one script. With `traces: false` a failure prints its message
 * only (for checks whose errors are lists of findings, not program faults).
 */
export function createReport({ traces = true } = {}) {
  const results = { passed: 0, failed: 0, skipped: 0 };
  const failure = (name, error) => {
    results.failed++;
    const text = String((traces ? error?.stack : error?.message) ?? error);
    console.log(`  FAIL  ${name}\n        ${text.replace(/\n/g, '\n        ')}`);
  };
  return {
    results,
    /** Runs one named check; a thrown error is a failure. Resolves to whether it passed. */
    async check(name, fn) {
      try {
        await fn();
        results.passed++;
        console.log(`  ok    ${name}`);
        return true;
      } catch (error) {
        failure(name, error);
        return false;
      }
    },
    /** A check that cannot run here, with the reason. */
    skip(name, why) {
      results.skipped++;
      console.log(`  skip  ${name} (${why})`);
    },
    /** An error outside any check (the script itself stopped): a failure too. */
    fail: failure,
    /** Prints the summary line and sets the exit code. */
    finish() {
      const skipped = results.skipped ? `, ${results.skipped} skipped` : '';
      console.log(`\n${results.passed} passed, ${results.failed} failed${skipped}`);
      process.exitCode = results.failed > 0 ? 1 : 0;
    },
  };
}
