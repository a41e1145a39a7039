import { describe, expect, it } from 'vitest';
import { checkFlowRow, mapFlowColumns, parseDirection, parseMonth, scaledDecimal } from './trade-flow-rows';

const ref = { commodity: (name: string) => ({ 安化黑茶: { id: 15 }, 冰糖橙: { id: 8 } })[name], thisMonth: '2026-12-01', defaultSource: '长沙海关' };

describe('import/export figure rows', () => {
  it('scales decimals exactly, half up', () => {
    expect(scaledDecimal('1,234.5', 3)).toBe(1_234_500n);
    expect(scaledDecimal('12.34', 6)).toBe(12_340_000n);
    expect(scaledDecimal('0.0005', 3)).toBe(1n);
    expect(scaledDecimal('0.0004', 3)).toBe(0n);
    expect(scaledDecimal('99999999999.99', 10)).toBe(999_999_999_999_900_000_000n);
    for (const bad of ['-1', '1e3', '', 'abc', '1.2.3']) expect(scaledDecimal(bad, 3), bad).toBeNull();
  });

  it('reads months as statistics tables write them', () => {
    expect(['2025-03', '2025/3', '2025.03', '2025年3月', '202503', '2025-03-31'].map(parseMonth)).toEqual(Array(6).fill('2025-03-01'));
    expect(parseMonth(new Date(Date.UTC(2025, 2, 15)))).toBe('2025-03-01');
    for (const bad of ['2025-13', '25-03', '2025', '三月', '1980-01']) expect(parseMonth(bad), bad).toBeNull();
    expect([parseDirection('出口'), parseDirection(' Import '), parseDirection('转口')]).toEqual(['EXPORT', 'IMPORT', null]);
  });

  it('maps one-direction and two-direction layouts, with units in the headers, and refuses what cannot be read', () => {
    const single = mapFlowColumns(['品名', '月份', '进出口', '数量（吨）', '金额(万元)', '来源']);
    expect(single).toEqual({ columns: { commodity: 0, month: 1, direction: 2, volume: 3, value: 4, source: 5 }, units: { volume: '吨', value: '万元' } });
    const paired = mapFlowColumns(['商品名称', '统计月份', '出口数量(吨)', '出口金额(万元)', '进口数量(吨)', '进口金额(万元)']);
    expect('columns' in paired && paired.columns).toEqual({ commodity: 0, month: 1, 'volume:EXPORT': 2, 'value:EXPORT': 3, 'volume:IMPORT': 4, 'value:IMPORT': 5 });
    expect(mapFlowColumns(['品名', '数量'])).toEqual({ problems: ['missing-month', 'missing-direction'] });
    expect(mapFlowColumns(['品名', '月份', '出口金额(万美元)'])).toEqual({ problems: ['foreign-currency'] });
  });

  it('turns a row into kg and fen, one flow per direction it has figures for, or lists every problem', () => {
    const paired = mapFlowColumns(['品名', '月份', '出口数量(吨)', '出口金额(万元)', '进口数量(吨)', '进口金额(万元)']);
    if (!('columns' in paired)) throw new Error('mapped');
    expect(checkFlowRow({ line: 2, cells: ['安化黑茶', '2025年3月', '420.5', '2,610.37', '', ''] }, paired, ref)).toEqual({
      flows: [{ commodityId: 15, month: '2025-03-01', direction: 'EXPORT', volumeKg: 420_500n, valueFen: 2_610_370_000n, source: '长沙海关' }],
    });
    expect(checkFlowRow({ line: 3, cells: ['榴莲', '2027-01', '-3', 'x', '', ''] }, paired, ref)).toEqual({ problems: ['commodity-unknown', 'month-future', 'volume-invalid', 'value-invalid'] });
    expect(checkFlowRow({ line: 4, cells: ['冰糖橙', '2025-01', '', '', '', ''] }, paired, ref)).toEqual({ problems: ['figures-missing'] });
    const single = mapFlowColumns(['品名', '月份', '进出口', '数量', '单位', '金额', '金额单位']);
    if (!('columns' in single)) throw new Error('mapped');
    expect(checkFlowRow({ line: 5, cells: ['冰糖橙', '2025-01', '出口', '900', '公斤', '8100', '元'] }, single, ref)).toEqual({
      flows: [{ commodityId: 8, month: '2025-01-01', direction: 'EXPORT', volumeKg: 900n, valueFen: 810_000n, source: '长沙海关' }],
    });
    expect(checkFlowRow({ line: 6, cells: ['冰糖橙', '2025-01', '转口', '900', '担', '8100', '美元'] }, single, ref)).toEqual({ problems: ['direction-invalid', 'unit-unknown', 'foreign-currency'] });
  });
});
