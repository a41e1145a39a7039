import { describe, expect, it } from 'vitest';
import { addDays, chinaToday, parsePriceFen, parseQuoteUnit, parseReportDate, quotePerKgFen, quoteUnitLabel } from './market-quotes';

describe('quoting units as bulletins write them', () => {
  it('reads 元/斤, 元/公斤, 元/kg, 元/50公斤, 元/吨, 元/头 and their variants', () => {
    expect(parseQuoteUnit('元/斤')).toEqual({ unit: 'JIN', quantity: 1 });
    expect(parseQuoteUnit('元/公斤')).toEqual({ unit: 'KG', quantity: 1 });
    expect(parseQuoteUnit('元/kg')).toEqual({ unit: 'KG', quantity: 1 });
    expect(parseQuoteUnit(' 元 / KG ')).toEqual({ unit: 'KG', quantity: 1 });
    expect(parseQuoteUnit('元／千克')).toEqual({ unit: 'KG', quantity: 1 }); // a full-width slash
    expect(parseQuoteUnit('元/50公斤')).toEqual({ unit: 'KG', quantity: 50 });
    expect(parseQuoteUnit('元/50kg')).toEqual({ unit: 'KG', quantity: 50 });
    expect(parseQuoteUnit('元/吨')).toEqual({ unit: 'TONNE', quantity: 1 });
    expect(parseQuoteUnit('元/头')).toEqual({ unit: 'HEAD', quantity: 1 });
    expect(parseQuoteUnit('斤')).toEqual({ unit: 'JIN', quantity: 1 });
  });

  it('refuses what is no unit', () => {
    for (const text of ['', '元', '元/亩', '元/0斤', '元/5000斤', 'per kilo', '元/斤斤']) expect(parseQuoteUnit(text), text).toBeNull();
  });

  it('writes a unit back the usual way', () => {
    expect(quoteUnitLabel({ unit: 'KG', quantity: 50 })).toBe('元/50千克');
    expect(quoteUnitLabel({ unit: 'JIN', quantity: 1 })).toBe('元/斤');
  });
});

describe('prices in yuan', () => {
  it('become integer fen exactly', () => {
    expect(parsePriceFen('3.85')).toEqual({ fen: 385 });
    expect(parsePriceFen('1,234.5')).toEqual({ fen: 123450 });
    expect(parsePriceFen('¥12')).toEqual({ fen: 1200 });
    expect(parsePriceFen('12元')).toEqual({ fen: 1200 });
    expect(parsePriceFen('0.10')).toEqual({ fen: 10 });
    expect(parsePriceFen('2.500')).toEqual({ fen: 250 }); // trailing zeros say nothing more
    expect(parsePriceFen(0.07)).toEqual({ fen: 7 }); // a spreadsheet number, not 7.000000000000001
    expect(parsePriceFen(1e-7)).toEqual({ problem: 'tooPrecise' });
  });

  it('are refused when negative, empty, too precise or not numbers', () => {
    expect(parsePriceFen('-3')).toEqual({ problem: 'negative' });
    expect(parsePriceFen('  ')).toEqual({ problem: 'empty' });
    expect(parsePriceFen('2.345')).toEqual({ problem: 'tooPrecise' });
    expect(parsePriceFen('3,85元/斤x')).toEqual({ problem: 'notANumber' });
    expect(parsePriceFen('1e3')).toEqual({ problem: 'notANumber' });
    expect(parsePriceFen('99999999999')).toEqual({ problem: 'tooLarge' });
  });

  it('compare per kg after exact conversion', () => {
    expect(quotePerKgFen(385, { unit: 'JIN', quantity: 1 })).toBe(770);
    expect(quotePerKgFen(13_500, { unit: 'KG', quantity: 50 })).toBe(270); // 早籼稻 135 元/50公斤
    expect(quotePerKgFen(101, { unit: 'KG', quantity: 50 })).toBe(2); // 2.02 rounds to 2
    expect(quotePerKgFen(125, { unit: 'KG', quantity: 50 })).toBe(3); // 2.5 rounds half up
    expect(quotePerKgFen(420_000, { unit: 'TONNE', quantity: 1 })).toBe(420);
    expect(quotePerKgFen(360_000, { unit: 'HEAD', quantity: 1 })).toBeNull();
  });
});

describe('report dates', () => {
  const today = '2026-12-01';
  it('read the shapes bulletins use', () => {
    for (const text of ['2026-11-30', '2026/11/30', '2026.11.30', '2026年11月30日', '20261130', '2026-11-30 08:00', '2026/1/5']) {
      expect(parseReportDate(text, today), text).toEqual({ date: text === '2026/1/5' ? '2026-01-05' : '2026-11-30' });
    }
    expect(parseReportDate(new Date(Date.UTC(2026, 10, 30)), today)).toEqual({ date: '2026-11-30' });
  });

  it('refuse days that do not exist, the future and the distant past', () => {
    expect(parseReportDate('2026-02-30', today)).toEqual({ problem: 'notADate' });
    expect(parseReportDate('30/11/2026', today)).toEqual({ problem: 'notADate' });
    expect(parseReportDate('2026-12-02', today)).toEqual({ problem: 'future' });
    expect(parseReportDate('1999-12-31', today)).toEqual({ problem: 'tooOld' });
  });

  it('count calendar days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('take today in China whatever the server zone says', () => {
    expect(chinaToday(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12-01');
    expect(chinaToday(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11-30');
  });
});
