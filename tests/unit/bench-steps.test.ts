import { describe, expect, it } from 'vitest';
import { stepsOf } from '../../bench/builds.mjs';

/*
 * The bench says which step of our build costs what, from the times the
 * build's own log gives (issue 11). Logs cut down to the lines it reads.
 */
const astro = [
  '10:00:21 [policy-reader:articles] 5000 articles in 18.2 s: 5000 changed, 5000 rendered (2500 on a second thread), the rest as rendered before',
  ' generating static routes ',
  '10:00:50 ✓ Completed in 19.70s.',
  '10:00:51 [policy-reader:page-reuse] 4999 article pages copied from the previous build, 1 rendered, 5000 captures copied, 3 files written beside the pages, the rest of it while the pages were rendered (1.7 s)',
  '10:00:51 [policy-reader:article-cards] 5000 article cards: 0 drawn while the pages were built, 0 drawn now, the rest from the cache (0.2 s)',
];
const checks = ['10:00:52 [policy-reader:permalink-register] recorded the permalinks of 5000 articles in 3.5 s', '10:00:55 [policy-reader:link-check] checked the links of 5279 pages in 5.2 s'];
const built = '10:00:51 [build] 5279 page(s) built in 50.94s';
const finish = ['10:01:10 [policy-reader:search-index] indexed 5000 pages in 23.1 s', '10:01:11 [policy-reader:search-index] indexed the pairs of words of 5000 pages in 1.0 s, 5000 read while Pagefind wrote'];

describe('the steps the bench names', () => {
  it('names each step with its time, and the checks as within the search index’s time when they ran beside it', () => {
    const steps = stepsOf([...astro, built, ...checks, ...finish].join('\n'));
    expect(steps).toContain('load, check and render articles 18.2 s');
    expect(steps).toContain('pages 19.70s');
    expect(steps).toContain('after the pages 1.7 s (4999 article pages copied from the previous build, 5000 captures, 3 files written beside them)');
    expect(steps).toContain('permalink register (beside the search index, within its time) 3.5 s');
    expect(steps).toContain('link check (beside the search index, within its time) 5.2 s');
    expect(steps).toContain('search index 23.1 s');
    expect(steps).toContain('phrase index 1.0 s');
  });

  it('names how many captures a rebuild linked from the previous build', () => {
    const line = '10:00:51 [policy-reader:page-reuse] 4999 article pages copied from the previous build, 1 rendered, 5000 captures put in place (4999 of them unchanged and linked from the previous build\'s copies), 3 files written beside the pages, the rest of it while the pages were rendered (0.4 s)';
    const steps = stepsOf([astro[0], astro[1], astro[2], line, built].join('\n'));
    expect(steps).toContain('after the pages 0.4 s (4999 article pages copied from the previous build, 5000 captures (4999 linked), 3 files written beside them)');
  });

  it('names the checks as steps of their own when they ran in Astro’s build', () => {
    const steps = stepsOf([...astro, ...checks, built, ...finish].join('\n'));
    expect(steps).toContain('permalink register 3.5 s');
    expect(steps).toContain('link check 5.2 s');
    expect(steps).not.toContain('beside the search index');
  });

  it('names a search index kept whole from the previous build as such', () => {
    const kept = '10:01:00 [policy-reader:search-index] kept the previous build’s search index whole, as no article page changed (3.1 s)';
    const steps = stepsOf([...astro, built, ...checks, kept].join('\n'));
    expect(steps).toContain('search index kept whole from the previous build 3.1 s');
    expect(steps).not.toMatch(/search index \d/);
  });
});
