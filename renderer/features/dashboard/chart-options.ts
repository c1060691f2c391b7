import type { ChartOptions, Plugin } from 'chart.js';

/*
 * The options every dashboard chart shares, and what one chart may add: a fixed value axis
 * (a pain scale is always drawn whole, 0 to 10, whatever the data's highest score), bars
 * stacked in one column per label, a line under each tooltip.
 */

export interface ChartColours {
  text: string;
  muted: string;
  grid: string;
  series: string[];
  safety: string;
}

export interface ChartShape {
  yTitle?: string;
  /** A scale drawn whole whatever the data (the NRS); otherwise the axis starts at zero and fits the data. */
  yScale?: { min: number; max: number; step: number };
  /** Datasets in one bar per label (each label has a value in only one of them). */
  stacked?: boolean;
  /** A line under the tooltip of the label at this index. */
  tooltipFooter?: (index: number) => string;
  /** The reader's locale: the axes' and tooltips' numbers as it writes them ("1’234,5" in fr-CH); Chart.js's own otherwise. */
  locale?: string;
}

export function chartOptions(colours: ChartColours, shape: ChartShape = {}): ChartOptions<'bar' | 'line'> {
  const { yTitle, yScale, stacked = false, tooltipFooter, locale } = shape;
  return {
    ...(locale ? { locale } : {}),
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: {
      legend: { labels: { color: colours.text } },
      tooltip: {
        enabled: true,
        callbacks: tooltipFooter
          ? { footer: (items) => (items[0] ? tooltipFooter(items[0].dataIndex) : '') }
          : undefined,
      },
    },
    scales: {
      x: { stacked, ticks: { color: colours.muted }, grid: { color: colours.grid } },
      y: {
        stacked,
        ticks: { color: colours.muted, ...(yScale ? { stepSize: yScale.step } : {}) },
        grid: { color: colours.grid },
        beginAtZero: true,
        ...(yScale ? { min: yScale.min, max: yScale.max } : {}),
        title: yTitle ? { display: true, text: yTitle, color: colours.muted } : undefined,
      },
    },
  };
}

/** Writes the value axis as drawn onto the canvas (data-y-range="0–10"), for tests and tools to read. */
export const axisRangeOnCanvas: Plugin = {
  id: 'axis-range-on-canvas',
  afterLayout(chart) {
    const y = chart.scales.y;
    if (y) chart.canvas.dataset.yRange = `${y.min}–${y.max}`;
  },
};
