import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/lib/exports';

describe('CSV for spreadsheets', () => {
  it('quotes every cell, doubles quote marks, joins lists and leaves empty what is null', () => {
    expect(toCsv(['a', 'b', 'c'], [{ a: 'He said "no", twice', b: ['x', 'y'], c: null }])).toBe('"a","b","c"\r\n"He said ""no"", twice","x; y",""\r\n');
  });

  it('keeps a cell that looks like a formula from running in a spreadsheet', () => {
    expect(toCsv(['a'], [{ a: '=HYPERLINK("http://evil")' }, { a: '-2' }, { a: '@cmd' }])).toBe('"a"\r\n"\'=HYPERLINK(""http://evil"")"\r\n"\'-2"\r\n"\'@cmd"\r\n');
  });
});
