import type { LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { SeriesInterval } from '../graphql/generated/graphql';

/**
 * What the charts of the 行情 pages draw, as ECharts options built from the API's figures. Kept
 * apart from the chart component (and from ECharts itself: these are types only), so that the
 * pages can be tested without a canvas and the library is loaded only where a chart is drawn.
 */
export type PriceChartOption = ComposeOption<LineSeriesOption | ScatterSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export interface SeriesPoint {
  period: string;
  lowFen: number;
  avgFen: number;
  highFen: number;
  observations: number;
  anomaly: boolean;
}

/** The words and number formats of a price chart, in the UI language. */
export interface SeriesChartTexts {
  average: string;
  range: string;
  anomaly: string;
  /** e.g. "¥14.60 / 千克（¥7.30 / 斤）" */
  price: (fen: number) => string;
  /** e.g. "最低 ¥14.20 – 最高 ¥15.00" */
  lowHigh: (lowFen: number, highFen: number) => string;
  observations: (n: number) => string;
}

const GREEN = '#2f7d32';
const BAND = 'rgba(47, 125, 50, 0.16)';
const RED = '#c62828';
const MUTED = '#5f6b76';
const LINE = '#dde3e8';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Fen as yuan on an axis: 1450 → "14.5", 1400 → "14". */
export function axisYuan(fen: number): string {
  return String(Math.round(fen) / 100);
}

/** How a period is labelled on the time axis: months as 2026-03; days and weeks as 03-01, or in full when the chart spans years. */
export function periodLabel(period: string, interval: SeriesInterval, spansYears: boolean): string {
  if (interval === 'MONTH') return period.slice(0, 7);
  return spansYears ? period : period.slice(5);
}

/**
 * Low to high as a band, the average as a line, and the anomalies (far from their recent history)
 * as red points on it. The tooltip shows every figure of the period; it is plain HTML without
 * inline styles (the storefront's CSP allows none).
 */
export function seriesChartOption(points: readonly SeriesPoint[], interval: SeriesInterval, texts: SeriesChartTexts): PriceChartOption {
  const periods = points.map((p) => p.period);
  const spansYears = points.length > 0 && points[0]!.period.slice(0, 4) !== points[points.length - 1]!.period.slice(0, 4);
  const anomalies = points.filter((p) => p.anomaly);
  return {
    animationDuration: 300,
    color: [GREEN, BAND, RED],
    grid: { left: 4, right: 12, top: 36, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: {
      top: 0,
      left: 0,
      itemWidth: 18,
      itemHeight: 10,
      textStyle: { color: MUTED, fontSize: 12 },
      data: [texts.average, texts.range, ...(anomalies.length ? [texts.anomaly] : [])],
    },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params) => {
        const index = (Array.isArray(params) ? params[0] : params)?.dataIndex ?? -1;
        const point = points[index];
        if (!point) return '';
        return [
          `<strong>${escapeHtml(point.period)}</strong>`,
          `${escapeHtml(texts.average)} ${escapeHtml(texts.price(point.avgFen))}`,
          escapeHtml(texts.lowHigh(point.lowFen, point.highFen)),
          escapeHtml(texts.observations(point.observations)),
          ...(point.anomaly ? [`<strong>${escapeHtml(texts.anomaly)}</strong>`] : []),
        ].join('<br>');
      },
    },
    xAxis: {
      type: 'category',
      data: periods,
      boundaryGap: false,
      axisLine: { lineStyle: { color: LINE } },
      axisLabel: { color: MUTED, hideOverlap: true, formatter: (value: string) => periodLabel(value, interval, spansYears) },
    },
    yAxis: {
      type: 'value',
      scale: true,
      splitNumber: 4,
      axisLabel: { color: MUTED, formatter: (value: number) => axisYuan(value) },
      splitLine: { lineStyle: { color: LINE } },
    },
    series: [
      // the band: an invisible line at the low, and high − low stacked on it
      { type: 'line', name: '__low', data: points.map((p) => p.lowFen), stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, silent: true, tooltip: { show: false } },
      { type: 'line', name: texts.range, data: points.map((p) => p.highFen - p.lowFen), stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: BAND }, itemStyle: { color: BAND }, silent: true },
      { type: 'line', name: texts.average, data: points.map((p) => p.avgFen), symbol: 'none', lineStyle: { width: 2, color: GREEN }, itemStyle: { color: GREEN }, z: 3 },
      { type: 'scatter', name: texts.anomaly, data: anomalies.map((p) => [p.period, p.avgFen]), symbolSize: 9, itemStyle: { color: RED }, z: 4 },
    ],
  };
}

/** A channel's index by month as a small line (base month = 100), with its figure in the tooltip. */
export function indexChartOption(points: readonly { period: string; value: number }[], label: string): PriceChartOption {
  return {
    animationDuration: 300,
    grid: { left: 4, right: 8, top: 8, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        const point = points[first?.dataIndex ?? -1];
        return point ? `${escapeHtml(point.period.slice(0, 7))}<br>${escapeHtml(label)} ${point.value.toFixed(1)}` : '';
      },
    },
    xAxis: {
      type: 'category',
      data: points.map((p) => p.period.slice(0, 7)),
      boundaryGap: false,
      axisLine: { lineStyle: { color: LINE } },
      axisLabel: { color: MUTED, fontSize: 11, hideOverlap: true },
    },
    yAxis: { type: 'value', scale: true, splitNumber: 2, axisLabel: { color: MUTED, fontSize: 11 }, splitLine: { lineStyle: { color: LINE } } },
    series: [{ type: 'line', name: label, data: points.map((p) => p.value), symbol: 'none', lineStyle: { width: 2, color: GREEN }, areaStyle: { color: BAND } }],
  };
}
