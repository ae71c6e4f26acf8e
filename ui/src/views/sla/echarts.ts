// Only the ECharts parts the dashboard draws, so the bundle stays small: line charts on a
// grid with tooltip and legend, painted on canvas (which is what getDataURL exports as PNG).
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
export type { EChartsType } from 'echarts/core';
