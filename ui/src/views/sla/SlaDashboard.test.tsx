import { serveMockBackend } from '../../test/serveMockBackend';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MockBackend } from '../../preview/mockBackend';
import { renderWithApp } from '../../test/renderWithApp';
import { SlaDashboard } from './SlaDashboard';

// jsdom has no canvas: stand in for the chart, keeping its export handle.
vi.mock('./TrendChart', async () => {
  const { forwardRef, useImperativeHandle } = await import('react');
  return {
    TrendChart: forwardRef(function FakeChart(props: { rows: { key: string }[] }, ref) {
      useImperativeHandle(ref, () => ({ pngDataUrl: () => 'data:image/png;base64,iVBORw0KGgo=' }));
      return <div data-testid="sla-trend-chart" data-series={props.rows.map((row) => row.key).join(',')} />;
    }),
  };
});

// The fixtures' clock: the store's reports were taken at this instant.
const now = new Date('2026-05-14T09:30:00Z');
let backend: MockBackend;

beforeEach(() => {
  backend = new MockBackend({ now });
  serveMockBackend(backend);
});

describe('<SlaDashboard>', () => {
  it('shows the report figures for the last three months by default', async () => {
    renderWithApp(<SlaDashboard now={now} />);
    await screen.findByTestId('kpi-resolution');
    const report = backend.serviceLevels.report('2026-03-01T00:00:00.000Z', '2026-05-15T00:00:00.000Z');
    expect(backend.calls.find((call) => call.cmd === 'sla_report')!.args).toEqual({ from: '2026-03-01T00:00:00.000Z', to: '2026-05-15T00:00:00.000Z' });
    expect(screen.getByTestId('kpi-resolution').textContent).toContain(`${report.overall.resolution.percent!.toFixed(1)} %`);
    // 71 289 s and 31 570 s in the store's report.
    expect(report.mean_time_to_resolve_seconds).toBe(71_289);
    expect(screen.getByTestId('kpi-mttr').textContent).toContain('19 h 48 min');
    expect(screen.getByTestId('kpi-first-response').textContent).toContain('8 h 46 min');
    expect(screen.getByTestId('backlog-1–3 days').textContent).toContain('2');
    const network = report.by_service[0];
    expect(screen.getByTestId(`sla-row-${network.key}`).textContent).toContain(`${network.resolution.percent!.toFixed(1)} %`);
    expect(screen.getByTestId('sla-trend-chart').dataset.series).toBe(report.by_service.map((row) => row.key).join(','));
  });

  it('switches the table and chart to priorities', async () => {
    renderWithApp(<SlaDashboard now={now} />);
    fireEvent.click(await screen.findByTestId('sla-dimension-priority'));
    expect(screen.getByTestId('sla-row-P1')).toBeTruthy();
    expect(screen.getByTestId('sla-trend-chart').dataset.series).toBe('P1,P2,P3,P4,P5');
  });

  it('lists breached tickets most overdue first, each linking to its record', async () => {
    renderWithApp(<SlaDashboard now={now} />);
    const table = await screen.findByTestId('sla-breach-table');
    const keys = within(table).getAllByRole('row').slice(1).map((row) => row.dataset.testid);
    // INC-000082's resolution is 359 h over; INC-000096's response only 2 h 55 min.
    expect(keys.slice(0, 3)).toEqual(['sla-breach-INC-000082', 'sla-breach-INC-000091', 'sla-breach-REQ-000021']);
    expect(keys.at(-1)).toBe('sla-breach-INC-000096');
    expect(within(screen.getByTestId('sla-breach-INC-000082')).getByRole('link').getAttribute('href')).toBe('#/ticket/INC-000082');
    expect(screen.getByTestId('sla-breach-INC-000082').textContent).toMatch(/over/);
    fireEvent.click(screen.getByTestId('sla-breach-REQ-000021'));
    expect(window.location.hash).toBe('#/ticket/REQ-000021');
    expect(screen.getByTestId('sla-at-risk-INC-000093').textContent).toMatch(/left/);
  });

  it('asks for a new report when a preset is chosen and refuses an inverted period', async () => {
    renderWithApp(<SlaDashboard now={now} />);
    await screen.findByTestId('kpi-resolution');
    fireEvent.click(screen.getByTestId('sla-period-last-12-months'));
    await waitFor(() => expect(backend.calls.filter((call) => call.cmd === 'sla_report').at(-1)!.args.from).toBe('2025-06-01T00:00:00.000Z'));
    const asked = backend.calls.filter((call) => call.cmd === 'sla_report').length;
    fireEvent.change(screen.getByTestId('sla-period-to'), { target: { value: '2025-01-01' } });
    expect(screen.getByTestId('sla-period-error').textContent).toMatch(/before the start/);
    expect(backend.calls.filter((call) => call.cmd === 'sla_report').length).toBe(asked);
  });

  it('exports the figures as CSV and the chart as PNG through file_save', async () => {
    renderWithApp(<SlaDashboard now={now} />);
    await screen.findByTestId('kpi-resolution');
    await act(async () => fireEvent.click(screen.getByTestId('sla-export-csv')));
    const csv = backend.calls.find((call) => call.cmd === 'file_save')!.args;
    expect(csv.suggestedName).toBe('sla-figures-2026-03-01-to-2026-05-14.csv');
    expect(String(csv.contents).split('\r\n')[0]).toMatch(/^dimension,key,name,month/);
    await act(async () => fireEvent.click(screen.getByTestId('sla-export-chart')));
    const png = backend.calls.filter((call) => call.cmd === 'file_save')[1].args;
    expect(png).toEqual({ suggestedName: 'sla-figures-2026-03-01-to-2026-05-14.png', dataUrl: 'data:image/png;base64,iVBORw0KGgo=' });
    expect((await screen.findAllByTestId('toast'))[0].textContent).toContain('Saved /home/alex/Documents/sla-figures');
  });
});
