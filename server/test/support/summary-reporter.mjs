// Closes the run with one plain line, "server: N passed, N failed, N skipped",
// that CI adds to the other suites' totals. Suites (describe blocks) are not counted.

export default async function* summaryReporter(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { data } = event;
    if (data.details?.type === 'suite') continue;
    if (data.skip !== undefined && data.skip !== false) skipped += 1;
    else if (event.type === 'test:pass') passed += 1;
    else failed += 1;
  }
  yield `server: ${passed} passed, ${failed} failed, ${skipped} skipped\n`;
}
