import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/**
 * The parts of ECharts the 行情 charts use (see priceChart.ts), and only those: imported by the
 * chart component alone, which pages load on demand, so nothing else carries the library.
 * Canvas, because the storefront's CSP allows no inline styles, which the SVG renderer writes.
 */
use([LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);
