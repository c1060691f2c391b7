import { describe, expect, it } from 'vitest';
import { NRS_SCALE } from '../../../db/model/index.js';
import { chartOptions } from './chart-options.js';

const colours = { text: '#fff', muted: '#aaa', grid: '#333', series: ['#0af'], safety: '#f00' };

describe('dashboard chart options', () => {
  it('draw a pain scale whole, 0 to 10 in steps of 1, whatever the highest score in the data', () => {
    const options = chartOptions(colours, { yTitle: 'NRS', yScale: { ...NRS_SCALE, step: 1 } });
    expect(options.scales?.y).toMatchObject({ min: 0, max: 10, ticks: { stepSize: 1 } });
  });

  it('otherwise start the value axis at zero and let it fit the data', () => {
    const y = chartOptions(colours).scales?.y as Record<string, unknown>;
    expect(y.beginAtZero).toBe(true);
    expect(y.max).toBeUndefined();
  });

  it('write the numbers of the axes and tooltips in the reader’s locale', () => {
    expect(chartOptions(colours, { locale: 'fr-CH' }).locale).toBe('fr-CH');
  });
});
