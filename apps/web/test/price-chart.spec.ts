import { describe, expect, it } from 'vitest';
import { axisYuan, indexChartOption, periodLabel, seriesChartOption, type SeriesChartTexts, type SeriesPoint } from '../src/lib/priceChart';

const texts: SeriesChartTexts = {
  average: '均价',
  range: '最低—最高',
  anomaly: '异常',
  price: (fen) => `¥${(fen / 100).toFixed(2)} / 千克`,
  lowHigh: (low, high) => `最低 ¥${low / 100} – 最高 ¥${high / 100}`,
  observations: (n) => `${n} 条报价`,
};

const point = (period: string, avgFen: number, anomaly = false): SeriesPoint => ({ period, lowFen: avgFen - 40, avgFen, highFen: avgFen + 60, observations: 3, anomaly });
const points = [point('2026-11-28', 1450), point('2026-11-29', 1460), point('2026-11-30', 1900, true)];

type Series = { type: string; name: string; data: unknown[]; stack?: string };
const seriesOf = (option: ReturnType<typeof seriesChartOption>) => option.series as Series[];

describe('the price chart', () => {
  it('draws the average as a line and low to high as a band stacked on the low', () => {
    const [low, band, average] = seriesOf(seriesChartOption(points, 'DAY', texts));
    expect(low).toMatchObject({ type: 'line', stack: 'band', data: [1410, 1420, 1860] });
    expect(band).toMatchObject({ type: 'line', stack: 'band', name: '最低—最高', data: [100, 100, 100] });
    expect(average).toMatchObject({ type: 'line', name: '均价', data: [1450, 1460, 1900] });
  });

  it('marks only the anomalies, at their average, and names them in the legend', () => {
    const option = seriesChartOption(points, 'DAY', texts);
    expect(seriesOf(option)[3]).toMatchObject({ type: 'scatter', name: '异常', data: [['2026-11-30', 1900]] });
    expect((option.legend as { data: string[] }).data).toEqual(['均价', '最低—最高', '异常']);
    expect((seriesChartOption(points.slice(0, 2), 'DAY', texts).legend as { data: string[] }).data).toEqual(['均价', '最低—最高']);
  });

  it('shows every figure of a period in its tooltip, as HTML without inline styles', () => {
    const option = seriesChartOption(points, 'DAY', texts);
    const formatter = (option.tooltip as { formatter: (params: unknown) => string }).formatter;
    const html = formatter([{ dataIndex: 2 }]);
    expect(html).toBe('<strong>2026-11-30</strong><br>均价 ¥19.00 / 千克<br>最低 ¥18.6 – 最高 ¥19.6<br>3 条报价<br><strong>异常</strong>');
    expect(html).not.toContain('style=');
    expect(formatter([{ dataIndex: 9 }])).toBe('');
  });

  it('labels prices in yuan and periods as short as they can be read', () => {
    expect(axisYuan(1450)).toBe('14.5');
    expect(axisYuan(1400)).toBe('14');
    expect(periodLabel('2026-03-01', 'MONTH', true)).toBe('2026-03');
    expect(periodLabel('2026-03-09', 'WEEK', false)).toBe('03-09');
    expect(periodLabel('2026-03-09', 'DAY', true)).toBe('2026-03-09');
  });

  it('draws a channel index by month with its value in the tooltip', () => {
    const option = indexChartOption(
      [
        { period: '2025-12-01', value: 100 },
        { period: '2026-01-01', value: 103.06 },
      ],
      '价格指数',
    );
    expect((option.xAxis as { data: string[] }).data).toEqual(['2025-12', '2026-01']);
    expect((option.tooltip as { formatter: (params: unknown) => string }).formatter([{ dataIndex: 1 }])).toBe('2026-01<br>价格指数 103.1');
  });
});
