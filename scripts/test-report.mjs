// What scripts/test.mjs prints of a failed run. CI keeps only the end of the
// output, where the runners' own failure lists give titles without causes, so
// the first failures are repeated there with the first lines of their errors.
import path from 'node:path';

const firstLines = (message = '') =>
  message
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((line) => line.trim())
    // A stack frame says where, which the test's name already does.
    .filter((line) => line && !line.startsWith('at '))
    .slice(0, 3)
    .join(' | ')
    .slice(0, 400);

/** Each failed test of a Vitest JSON report, as "name: the first lines of its error". */
export function vitestFailures(report, root = process.cwd()) {
  return (report?.testResults ?? []).flatMap((file) => {
    const name = path.relative(root, file.name);
    return [
      // A file that failed to load has no tests, only its own message.
      ...(file.status === 'failed' && file.assertionResults.length === 0 ? [`${name}: ${firstLines(file.message)}`] : []),
      ...file.assertionResults.filter((t) => t.status === 'failed').map((t) => `${name} › ${t.fullName}: ${firstLines(t.failureMessages?.[0])}`),
    ];
  });
}

/** Each failed test of a Playwright JSON report, as "file:line title: the first lines of its error". */
export function playwrightFailures(report) {
  const out = [];
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? []) {
        const failed = t.results?.find((r) => r.status !== 'passed' && r.status !== 'skipped');
        if (failed) out.push(`${spec.file}:${spec.line} ${[...titles, spec.title].join(' › ')}: ${firstLines(failed.error?.message ?? failed.errors?.[0]?.message)}`);
      }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title].filter((t) => t && !t.endsWith('.ts')));
  };
  for (const suite of report?.suites ?? []) walk(suite, []);
  for (const error of report?.errors ?? []) out.push(`(outside any test): ${firstLines(error.message)}`);
  return out;
}
