import { describe, expect, it } from 'vitest';
import { playwrightFailures, vitestFailures } from '../../scripts/test-report.mjs';

/*
 * CI shows only the end of `npm test`'s output, so a failed run repeats its
 * first failures there with their causes. The reports are cut down to the
 * fields the runners write (Vitest's and Playwright's JSON reporters).
 */
const passedResult = { status: 'passed', errors: [] };

describe('the failures a failed run names at its end', () => {
  it('name each failed Vitest test with its file and the first lines of its error, without stack frames or colours', () => {
    const report = {
      testResults: [
        {
          name: '/repo/tests/unit/dates.test.ts',
          status: 'failed',
          message: '',
          assertionResults: [
            { fullName: 'dates parse a day', status: 'passed', failureMessages: [] },
            {
              fullName: 'dates read a year alone',
              status: 'failed',
              failureMessages: ['AssertionError: expected \u001b[32m2015\u001b[39m to be 2016\n    at /repo/tests/unit/dates.test.ts:9:3\n    at runTest (file:///repo/node_modules/x.js:1:1)'],
            },
          ],
        },
        { name: '/repo/tests/unit/broken.test.ts', status: 'failed', message: 'SyntaxError: Unexpected token\n at x', assertionResults: [] },
      ],
    };
    expect(vitestFailures(report, '/repo')).toEqual([
      'tests/unit/dates.test.ts › dates read a year alone: AssertionError: expected 2015 to be 2016',
      'tests/unit/broken.test.ts: SyntaxError: Unexpected token',
    ]);
  });

  it('name each failed Playwright test with its place, its describe blocks and the first lines of its error', () => {
    const report = {
      suites: [
        {
          title: 'reader.spec.ts',
          file: 'reader.spec.ts',
          specs: [{ title: 'a page at the top level', file: 'reader.spec.ts', line: 3, tests: [{ results: [passedResult] }] }],
          suites: [
            {
              title: 'a reader',
              file: 'reader.spec.ts',
              specs: [
                {
                  title: 'the home page lists articles',
                  file: 'reader.spec.ts',
                  line: 7,
                  tests: [{ results: [{ status: 'failed', error: { message: 'Error: page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:4322/\nCall log:\n  - navigating\n  - more' } }] }],
                },
                { title: 'a slow one', file: 'reader.spec.ts', line: 20, tests: [{ results: [{ status: 'timedOut', errors: [{ message: 'Test timeout of 120000ms exceeded.' }] }] }] },
              ],
            },
          ],
        },
      ],
      errors: [{ message: 'Error: Timed out waiting 60000ms from config.webServer.' }],
    };
    expect(playwrightFailures(report)).toEqual([
      'reader.spec.ts:7 a reader › the home page lists articles: Error: page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:4322/ | Call log: | - navigating',
      'reader.spec.ts:20 a reader › a slow one: Test timeout of 120000ms exceeded.',
      '(outside any test): Error: Timed out waiting 60000ms from config.webServer.',
    ]);
  });

  it('are none for reports of runs that passed, or for reports never written', () => {
    expect(vitestFailures({ testResults: [{ name: '/r/a.test.ts', status: 'passed', message: '', assertionResults: [{ fullName: 'x', status: 'passed' }] }] }, '/r')).toEqual([]);
    expect(playwrightFailures({ suites: [{ title: 'a.spec.ts', specs: [{ title: 'y', file: 'a.spec.ts', line: 1, tests: [{ results: [passedResult] }] }] }], errors: [] })).toEqual([]);
    expect(vitestFailures(undefined)).toEqual([]);
    expect(playwrightFailures(undefined)).toEqual([]);
  });
});
