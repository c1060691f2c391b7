import type { ReferenceComparisonRow } from '../../../db/model/answers.js';
import { DOSE_PROTOCOL_WORDS, DOSE_QUANTITY_WORDS, type DoseQuantity, MIN_CASES } from '../../../db/model/index.js';
import { words } from '../../app/labels.js';
import { type OtherLine, referenceSections } from './reference-lines.js';

const pct = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)} %`);
const quantityWords = (quantity: DoseQuantity) =>
  `${DOSE_QUANTITY_WORDS[quantity].name} (${DOSE_QUANTITY_WORDS[quantity].unit})`;

function GroupRow({ row }: { row: ReferenceComparisonRow }) {
  return (
    <tr className={row.medianAbove ? 'median-above' : ''}>
      <th scope="row">{words(row.modality)}</th>
      <td>{row.protocol ? DOSE_PROTOCOL_WORDS[row.protocol] : '—'}</td>
      <td>{quantityWords(row.quantity)}</td>
      <td>{row.cases}</td>
      <td>
        {row.median ?? '—'}
        {row.medianAbove ? ' (median above the level)' : ''}
      </td>
      <td>{row.level ? `${row.level.value}${row.level.origin === 'starting' ? ' (starting value)' : ''}` : 'none'}</td>
      <td>{pct(row.aboveShare)}</td>
    </tr>
  );
}

/** The groups too small for a median, in one line: which they are, their cases, no median. */
function OtherRow({ line }: { line: OtherLine }) {
  const several = line.quantities.length > 1;
  return (
    <tr className="fewer-cases">
      <th scope="row">{words(line.modality)}</th>
      <td>
        Other, fewer than {MIN_CASES} cases each:{' '}
        {line.groups.map((group) => `${DOSE_PROTOCOL_WORDS[group.protocol]} (${group.cases})`).join(', ')}
      </td>
      <td>{line.quantities.map((entry) => quantityWords(entry.quantity)).join(', ')}</td>
      <td>{line.cases}</td>
      <td>— (too few cases)</td>
      <td>each its own</td>
      <td>
        {line.quantities
          .map((entry) =>
            several ? `${DOSE_QUANTITY_WORDS[entry.quantity].name} ${pct(entry.aboveShare)}` : pct(entry.aboveShare),
          )
          .join(', ')}
      </td>
    </tr>
  );
}

/**
 * By ICRP practice a reference level is compared with a median: the department's and each
 * operator's median per modality and protocol, beside the level that applies and the share
 * of procedures above it. A median above its level is marked, in words as well as colour. A
 * median needs enough cases: smaller groups share one "other" line per modality, counted
 * and named, without a median.
 */
export function ReferencePanel({ rows }: { rows: ReferenceComparisonRow[] }) {
  if (rows.length === 0) return null;
  const sections = referenceSections(rows);
  return (
    <section className="chart-panel reference-panel" aria-labelledby="reference-title">
      <h2 id="reference-title">Doses against the reference levels</h2>
      <p className="hint">
        Median of each group against the level for its modality and protocol (the department's own 75th percentile once
        adopted in Settings). A median needs at least {MIN_CASES} cases (ICRP 135): smaller groups are counted on one
        "other" line per modality, each case against its own protocol's level.
      </p>
      <div className="chart-table">
        <table>
          <caption>The department first, then each operator</caption>
          <thead>
            <tr>
              <th scope="col">Modality</th>
              <th scope="col">Protocol</th>
              <th scope="col">Quantity</th>
              <th scope="col">Cases</th>
              <th scope="col">Median</th>
              <th scope="col">Level</th>
              <th scope="col">Above the level</th>
            </tr>
          </thead>
          {sections.map((section) => (
            <tbody key={section.key}>
              <tr className="who">
                <th scope="rowgroup" colSpan={7}>
                  {section.who}
                </th>
              </tr>
              {section.lines.map((line) =>
                line.kind === 'group' ? (
                  <GroupRow key={`${line.row.modality}-${line.row.protocol}-${line.row.quantity}`} row={line.row} />
                ) : (
                  <OtherRow
                    key={`other-${line.modality}-${line.quantities.map((entry) => entry.quantity).join('-')}`}
                    line={line}
                  />
                ),
              )}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
}
