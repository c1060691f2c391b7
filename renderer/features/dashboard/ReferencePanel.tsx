import type { ReferenceComparisonRow } from '../../../db/model/answers.js';
import { DOSE_PROTOCOL_WORDS, DOSE_QUANTITY_WORDS } from '../../../db/model/index.js';
import { words } from '../../app/labels.js';

const pct = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)} %`);

/**
 * By ICRP practice a reference level is compared with a median: the department's and each
 * operator's median per modality and protocol, beside the level that applies and the share
 * of procedures above it. A median above its level is marked, in words as well as colour.
 */
export function ReferencePanel({ rows }: { rows: ReferenceComparisonRow[] }) {
  if (rows.length === 0) return null;
  return (
    <section className="chart-panel reference-panel" aria-labelledby="reference-title">
      <h2 id="reference-title">Doses against the reference levels</h2>
      <p className="hint">
        Median of each group against the level for its modality and protocol (the department's own 75th percentile once
        adopted in Settings).
      </p>
      <div className="chart-table">
        <table>
          <caption>Department first, then each operator</caption>
          <thead>
            <tr>
              <th scope="col">Who</th>
              <th scope="col">Modality</th>
              <th scope="col">Protocol</th>
              <th scope="col">Quantity</th>
              <th scope="col">Cases</th>
              <th scope="col">Median</th>
              <th scope="col">Level</th>
              <th scope="col">Above the level</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={`${row.operator?.id ?? '*'}-${row.modality}-${row.protocol}-${row.quantity}`}
                className={row.medianAbove ? 'median-above' : ''}
              >
                <th scope="row">{row.operator ? row.operator.name : 'Department'}</th>
                <td>{words(row.modality)}</td>
                <td>{DOSE_PROTOCOL_WORDS[row.protocol]}</td>
                <td>
                  {DOSE_QUANTITY_WORDS[row.quantity].name} ({DOSE_QUANTITY_WORDS[row.quantity].unit})
                </td>
                <td>{row.cases}</td>
                <td>
                  {row.median ?? '—'}
                  {row.medianAbove ? ' (median above the level)' : ''}
                </td>
                <td>
                  {row.level
                    ? `${row.level.value}${row.level.origin === 'starting' ? ' (starting value)' : ''}`
                    : 'none'}
                </td>
                <td>{pct(row.aboveShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
