import {
  BarElement,
  CategoryScale,
  type ChartData,
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { ReactNode } from 'react';
import { Bar, Line } from 'react-chartjs-2';
import { axisRangeOnCanvas, type ChartColours, type ChartShape, chartOptions } from './chart-options.js';

ChartJS.register(CategoryScale, LinearScale, BarElement, LineElement, PointElement, Tooltip, Legend);

/** Colours from the theme's CSS variables, so charts read well in the dark and the light theme. */
export function themeColours(): ChartColours {
  const style = getComputedStyle(document.documentElement);
  const get = (name: string) => style.getPropertyValue(name).trim();
  return {
    text: get('--text'),
    muted: get('--muted'),
    grid: get('--border'),
    series: [get('--accent'), get('--check'), get('--ok'), get('--muted')],
    safety: get('--safety'),
  };
}

/**
 * A fill of diagonal stripes in `colour` over a faint wash of it: a bar that holds part of a
 * month only, told apart by pattern as well as by shade (never by colour alone).
 */
export function hatched(colour: string): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const context = tile.getContext('2d');
  if (!context) return colour;
  context.globalAlpha = 0.35;
  context.fillStyle = colour;
  context.fillRect(0, 0, 8, 8);
  context.globalAlpha = 1;
  context.strokeStyle = colour;
  context.lineWidth = 2;
  context.beginPath();
  context.moveTo(-2, 10);
  context.lineTo(10, -2);
  context.moveTo(6, 10);
  context.lineTo(10, 6);
  context.moveTo(-2, 2);
  context.lineTo(2, -2);
  context.stroke();
  return context.createPattern(tile, 'repeat') ?? colour;
}

interface ChartPanelProps extends ChartShape {
  id: string;
  title: string;
  kind: 'bar' | 'line';
  data: ChartData<'bar'> | ChartData<'line'>;
  /** A sentence a screen reader gets for the chart; the table beside it has the numbers. */
  summary: string;
  children: ReactNode;
}

/** One chart (numbers on hover) with its accessible table beside it. */
export function ChartPanel({ id, title, kind, data, summary, children, ...shape }: ChartPanelProps) {
  const options = chartOptions(themeColours(), shape);
  const plugins = [axisRangeOnCanvas];
  return (
    <section className="chart-panel form-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div className="chart-with-table">
        <div className="chart-box">
          {kind === 'bar' ? (
            <Bar
              data={data as ChartData<'bar'>}
              options={options}
              plugins={plugins}
              aria-label={summary}
              role="img"
              data-chart={id}
            />
          ) : (
            <Line
              data={data as ChartData<'line'>}
              options={options}
              plugins={plugins}
              aria-label={summary}
              role="img"
              data-chart={id}
            />
          )}
        </div>
        <div className="chart-table">{children}</div>
      </div>
    </section>
  );
}
