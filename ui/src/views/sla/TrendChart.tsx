import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { ComplianceRow } from '../../bindings/ComplianceRow';
import { echarts, type EChartsType } from './echarts';
import { trendOption } from './trendOption';

export type TrendChartHandle = { pngDataUrl: () => string | null };

type Props = { rows: ComplianceRow[]; measure: 'resolution' | 'response'; title: string };

/** Compliance per month as lines; exposes the picture as a PNG data URL for the export button. */
export const TrendChart = forwardRef<TrendChartHandle, Props>(function TrendChart({ rows, measure, title }, ref) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!element.current) return;
    try {
      chart.current = echarts.init(element.current, undefined, { renderer: 'canvas' });
    } catch {
      // No canvas (a test DOM): the tables carry the same figures.
      setFailed(true);
      return;
    }
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => chart.current?.resize());
    resize?.observe(element.current);
    return () => {
      resize?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(trendOption(rows, measure), { notMerge: true });
  }, [rows, measure]);

  useImperativeHandle(ref, () => ({
    // A white background: the exported PNG is pasted into reports, where transparency shows as black.
    pngDataUrl: () => chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }) ?? null,
  }));

  return (
    <figure className="trend-chart" aria-label={title}>
      <div ref={element} className="trend-chart-canvas" data-testid="sla-trend-chart" />
      {failed && <figcaption className="muted">The chart could not be drawn here; the table shows the same figures.</figcaption>}
    </figure>
  );
});
