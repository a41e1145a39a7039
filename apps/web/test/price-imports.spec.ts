import { describe, expect, it } from 'vitest';
import { importBadge, importFinished, importProgress, mappingFromRows, rowsFromMapping } from '../src/lib/priceImports';

describe('an import’s run', () => {
  it('has ended once done, refused or a duplicate, not before', () => {
    expect(['QUEUED', 'CHECKING', 'WRITING'].map(importFinished)).toEqual([false, false, false]);
    expect(['DONE', 'FAILED', 'DUPLICATE'].map(importFinished)).toEqual([true, true, true]);
    expect(importBadge('DONE')).toBe('badge-verified');
    expect(importBadge('FAILED')).toBe('badge-rejected');
  });

  it('cannot say how far it is while reading a file of unknown length; writing, it is rows written of rows checked', () => {
    expect(importProgress({ status: 'QUEUED', rowsChecked: 0, rowsWritten: 0 })).toBeNull();
    expect(importProgress({ status: 'CHECKING', rowsChecked: 5000, rowsWritten: 0 })).toBeNull();
    expect(importProgress({ status: 'WRITING', rowsChecked: 40_000, rowsWritten: 10_000 })).toEqual({ value: 10_000, max: 40_000 });
    expect(importProgress({ status: 'DONE', rowsChecked: 40, rowsWritten: 12 })).toEqual({ value: 1, max: 1 });
  });
});

describe('a column mapping from the form', () => {
  it('maps each header to its field, leaving blank rows out', () => {
    expect(
      mappingFromRows([
        { header: ' 货品 ', field: 'commodity' },
        { header: '', field: '' },
        { header: '成交均价', field: 'average' },
      ]),
    ).toEqual({ fields: { 货品: 'commodity', 成交均价: 'average' } });
  });

  it('asks for a field for each header, a header for each field, and each header once', () => {
    expect(mappingFromRows([{ header: '', field: '' }])).toEqual({ problem: { key: 'rowsMissing' } });
    expect(mappingFromRows([{ header: '货品', field: '' }])).toEqual({ problem: { key: 'rowsIncomplete' } });
    expect(mappingFromRows([{ header: '', field: 'date' }])).toEqual({ problem: { key: 'rowsIncomplete' } });
    expect(
      mappingFromRows([
        { header: '货品', field: 'commodity' },
        { header: '货品', field: 'specification' },
      ]),
    ).toEqual({ problem: { key: 'headerRepeated', header: '货品' } });
  });

  it('reads a saved mapping back into rows, leaving out what names no field', () => {
    expect(rowsFromMapping({ 货品: 'commodity', 均价: 'average', 备注: 'remarks', 数: 3 })).toEqual([
      { header: '货品', field: 'commodity' },
      { header: '均价', field: 'average' },
    ]);
    expect(rowsFromMapping(null)).toEqual([]);
    expect(rowsFromMapping(['commodity'])).toEqual([]);
  });
});
