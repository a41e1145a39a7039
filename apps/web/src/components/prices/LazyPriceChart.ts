import { defineAsyncComponent } from 'vue';

/** The chart component, with ECharts, fetched the first time a page draws a chart. */
export const LazyPriceChart = defineAsyncComponent(() => import('./PriceChart.vue'));
