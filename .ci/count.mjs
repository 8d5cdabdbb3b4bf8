// Sums Vitest JSON reports into the one line CI reads. A suite that produced no report counts as a failure.
// Before that line it names every failed file and test with the start of its message, because CI
// keeps only the tail of the log: the reason for a red run must be in the last lines.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const expected = ['sqlite.json', 'postgres.json', 'e2e.json'];
const firstLines = (text, n = 6) => String(text ?? '').split('\n').slice(0, n).join('\n    ');
let passed = 0, failed = 0, skipped = 0, missing = 0;
for (const name of expected) {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) { console.error(`no report ${name}: that suite did not run to the end`); missing++; continue; }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  if (r.numFailedTestSuites) console.error(`${name}: ${r.numFailedTestSuites} test files failed to run`);
  failed += r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0;
  for (const suite of r.testResults ?? []) {
    const failedTests = (suite.assertionResults ?? []).filter((t) => t.status === 'failed');
    if (suite.status !== 'failed' && failedTests.length === 0) continue;
    console.error(`${name}: FAILED ${path.relative(process.cwd(), suite.name)}`);
    if (suite.message) console.error(`    ${firstLines(suite.message)}`);
    for (const t of failedTests) console.error(`  × ${t.fullName}\n    ${firstLines(t.failureMessages?.[0])}`);
  }
}
failed += missing;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
