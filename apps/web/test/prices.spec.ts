import { describe, expect, it } from 'vitest';
import type { LocationQuery } from 'vue-router';
import type { CommodityFieldsFragment, PriceMoverFieldsFragment } from '../src/graphql/generated/graphql';
import { byChannel, choiceFromQuery, DEFAULT_CHOICE, fileName, perJinFen, perQuotingUnitFen, priceChange, queryFromChoice, quotedPerKg, sameChoice, withLatest, type SeriesChoice } from '../src/lib/prices';

const commodity = (code: string, channelCode: string, unit = 'KG'): CommodityFieldsFragment => ({ code, nameZh: code, nameEn: code, channelCode, unit, unitQuantity: 1, unitLabel: `元/${unit}` });
const mover = (c: CommodityFieldsFragment, changePercent: number): PriceMoverFieldsFragment => ({ commodity: c, day: '2026-11-30', avgFen: 1500, previousFen: 1490, changePercent });

describe('a commodity chart in the address', () => {
  it('reads range, interval and market', () => {
    expect(choiceFromQuery({ range: '30d', interval: 'week', market: 'changsha-mawangdui' })).toEqual({ range: 'DAYS_30', interval: 'WEEK', market: 'changsha-mawangdui' });
  });

  it('reads a bare address as 一年, by day, every market', () => {
    expect(choiceFromQuery({})).toEqual(DEFAULT_CHOICE);
    expect(DEFAULT_CHOICE).toEqual({ range: 'YEAR', interval: 'DAY', market: null });
  });

  it('ignores what it cannot mean, and takes the first of repeated keys', () => {
    expect(choiceFromQuery({ range: 'decade', interval: 'hour', market: '<script>' })).toEqual(DEFAULT_CHOICE);
    expect(choiceFromQuery({ range: ['ALL', '30d'], interval: [null, 'MONTH'] })).toEqual({ range: 'ALL', interval: 'MONTH', market: null });
  });

  it('leaves defaults out, so the plain address stays /prices/<code>, and keeps other keys', () => {
    expect(queryFromChoice(DEFAULT_CHOICE)).toEqual({});
    expect(queryFromChoice({ range: 'ALL', interval: 'MONTH', market: null }, { utm_source: 'wechat', market: 'old' })).toEqual({ utm_source: 'wechat', range: 'all', interval: 'month' });
  });

  it.each<SeriesChoice>([DEFAULT_CHOICE, { range: 'DAYS_30', interval: 'WEEK', market: 'anhua-tea' }, { range: 'ALL', interval: 'DAY', market: null }])('round-trips %o', (choice) => {
    expect(choiceFromQuery(queryFromChoice(choice) as LocationQuery)).toEqual(choice);
    expect(sameChoice(choiceFromQuery(queryFromChoice(choice) as LocationQuery), choice)).toBe(true);
  });
});

describe('prices as people read them', () => {
  it('gives the price per 斤 as half the price per kilogram, to the fen, half up', () => {
    expect(perJinFen(1500)).toBe(750);
    expect(perJinFen(1503)).toBe(752);
    expect(perJinFen(1)).toBe(1);
    expect(perJinFen(0)).toBe(0);
  });

  it('gives a price per kilogram in the unit the trade quotes in, exactly, where that is neither the kilogram nor the 斤', () => {
    expect(perQuotingUnitFen(251, { unit: 'KG', unitQuantity: 50 })).toBe(12_550);
    expect(perQuotingUnitFen(251, { unit: 'TONNE', unitQuantity: 1 })).toBe(251_000);
    expect(perQuotingUnitFen(1503, { unit: 'G', unitQuantity: 500 })).toBe(752);
    expect(perQuotingUnitFen(1503, { unit: 'KG', unitQuantity: 1 })).toBeNull();
    expect(perQuotingUnitFen(1503, { unit: 'JIN', unitQuantity: 1 })).toBeNull();
    expect(perQuotingUnitFen(360_000, { unit: 'HEAD', unitQuantity: 1 })).toBeNull();
  });

  it('says which commodities are quoted per kilogram (by weight), the others per their own unit', () => {
    expect(quotedPerKg({ unit: 'JIN' })).toBe(true);
    expect(quotedPerKg({ unit: 'KG' })).toBe(true);
    expect(quotedPerKg({ unit: 'HEAD' })).toBe(false);
  });

  it('writes a change with its sign to one decimal, and a change that rounds to nothing as flat', () => {
    expect(priceChange(6.12)).toEqual({ direction: 'up', text: '+6.1%' });
    expect(priceChange(-0.86)).toEqual({ direction: 'down', text: '−0.9%' });
    expect(priceChange(0.04)).toEqual({ direction: 'flat', text: '0.0%' });
    expect(priceChange(null)).toBeNull();
    expect(priceChange(Number.NaN)).toBeNull();
  });

  it('pairs each commodity with its latest day, in the API’s order, and groups them by channel', () => {
    const [hog, piglet, orange] = [commodity('live-hog', 'hog'), commodity('piglet', 'hog'), commodity('bingtang-orange', 'fruit', 'JIN')];
    const latest = withLatest([hog, piglet, orange], [mover(orange, 1.2), mover(hog, -0.3)]);
    expect(latest.map((l) => [l.commodity.code, l.latest?.changePercent ?? null])).toEqual([
      ['live-hog', -0.3],
      ['piglet', null],
      ['bingtang-orange', 1.2],
    ]);
    expect([...byChannel(latest)].map(([code, items]) => [code, items.map((i) => i.commodity.code)])).toEqual([
      ['hog', ['live-hog', 'piglet']],
      ['fruit', ['bingtang-orange']],
    ]);
  });

  it('names a download after its words, without characters file systems refuse', () => {
    expect(fileName(['生猪', '近30天', '按周', ''], 'csv')).toBe('生猪-近30天-按周.csv');
    expect(fileName(['Live hog', '30-days', 'a/b:c'], 'csv')).toBe('Live_hog-30-days-a-b-c.csv');
    expect(fileName(['  '], 'csv')).toBe('download.csv');
  });
});
