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

ChartJS.register(CategoryScale, LinearScale, BarElement, LineElement, PointElement, Tooltip, Legend);

/** Colours from the theme's CSS variables, so charts read well in the dark and the light theme. */
export function themeColours() {
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

interface ChartPanelProps {
  id: string;
  title: string;
  kind: 'bar' | 'line';
  data: ChartData<'bar'> | ChartData<'line'>;
  /** A sentence a screen reader gets for the chart; the table beside it has the numbers. */
  summary: string;
  yTitle?: string;
  children: ReactNode;
}

/** One chart (numbers on hover) with its accessible table beside it. */
export function ChartPanel({ id, title, kind, data, summary, yTitle, children }: ChartPanelProps) {
  const colours = themeColours();
  const options = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    plugins: { legend: { labels: { color: colours.text } }, tooltip: { enabled: true } },
    scales: {
      x: { ticks: { color: colours.muted }, grid: { color: colours.grid } },
      y: {
        ticks: { color: colours.muted },
        grid: { color: colours.grid },
        beginAtZero: true,
        title: yTitle ? { display: true, text: yTitle, color: colours.muted } : undefined,
      },
    },
  };
  return (
    <section className="chart-panel form-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div className="chart-with-table">
        <div className="chart-box">
          {kind === 'bar' ? (
            <Bar data={data as ChartData<'bar'>} options={options} aria-label={summary} role="img" data-chart={id} />
          ) : (
            <Line data={data as ChartData<'line'>} options={options} aria-label={summary} role="img" data-chart={id} />
          )}
        </div>
        <div className="chart-table">{children}</div>
      </div>
    </section>
  );
}
