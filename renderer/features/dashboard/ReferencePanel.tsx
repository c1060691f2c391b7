import type { ReferenceComparisonRow } from '../../../db/model/answers.js';
import { DASHBOARD_REFERENCE_MESSAGES as M } from '../../../db/model/dashboard-messages.js';
import {
  DOSE_QUANTITY_MESSAGES,
  DOSE_QUANTITY_WORDS,
  type DoseQuantity,
  type LevelProtocol,
  listInWords,
  MIN_CASES,
  PROTOCOL_WORDS,
  type Translate,
} from '../../../db/model/index.js';
import { useLanguage, useReaderLocale, useT } from '../../app/i18n.js';
import { figuresIn, groupWords } from './dashboard-words.js';
import { type OtherLine, referenceSections } from './reference-lines.js';

/** What the panel's lines say, in the reader's language and locale. */
function useReferenceWords() {
  const t: Translate = useT();
  const language = useLanguage();
  const figures = figuresIn(useReaderLocale());
  const quantity = (q: DoseQuantity) => t(DOSE_QUANTITY_MESSAGES[q]);
  return {
    t,
    ...figures,
    named: groupWords(t),
    protocol: (protocol: LevelProtocol) => t(PROTOCOL_WORDS[protocol]),
    quantity,
    quantityUnit: (q: DoseQuantity) => t(M.quantityUnit, { quantity: quantity(q), unit: DOSE_QUANTITY_WORDS[q].unit }),
    list: (items: string[]) => listInWords(items, language),
  };
}
type ReferenceWords = ReturnType<typeof useReferenceWords>;

function GroupRow({ row, say }: { row: ReferenceComparisonRow; say: ReferenceWords }) {
  const { t, num, wholePct } = say;
  const median = num(row.median);
  return (
    <tr className={row.medianAbove ? 'median-above' : ''}>
      <th scope="row">{say.named.code(row.modality)}</th>
      <td>{row.protocol ? say.protocol(row.protocol) : '—'}</td>
      <td>{say.quantityUnit(row.quantity)}</td>
      <td>{num(row.cases)}</td>
      <td>{row.medianAbove ? t(M.medianAbove, { median }) : median}</td>
      <td>
        {row.level
          ? row.level.origin === 'starting'
            ? t(M.starting, { level: num(row.level.value) })
            : num(row.level.value)
          : t(M.noLevel)}
      </td>
      <td>{wholePct(row.aboveShare)}</td>
    </tr>
  );
}

/** The groups too small for a median, in one line: which they are, their cases, no median. */
function OtherRow({ line, say }: { line: OtherLine; say: ReferenceWords }) {
  const { t, num, wholePct } = say;
  const several = line.quantities.length > 1;
  return (
    <tr className="fewer-cases">
      <th scope="row">{say.named.code(line.modality)}</th>
      <td>
        {t(M.other, {
          min: MIN_CASES,
          groups: say.list(line.groups.map((group) => `${say.protocol(group.protocol)} (${num(group.cases)})`)),
        })}
      </td>
      <td>{say.list(line.quantities.map((entry) => say.quantityUnit(entry.quantity)))}</td>
      <td>{num(line.cases)}</td>
      <td>{t(M.tooFew)}</td>
      <td>{t(M.eachOwn)}</td>
      <td>
        {line.quantities
          .map((entry) =>
            several ? `${say.quantity(entry.quantity)} ${wholePct(entry.aboveShare)}` : wholePct(entry.aboveShare),
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
  const say = useReferenceWords();
  const { t } = say;
  if (rows.length === 0) return null;
  const sections = referenceSections(rows);
  return (
    <section className="chart-panel reference-panel" aria-labelledby="reference-title">
      <h2 id="reference-title">{t(M.title)}</h2>
      <p className="hint">{t(M.hint, { min: MIN_CASES })}</p>
      <div className="chart-table">
        <table>
          <caption>{t(M.caption)}</caption>
          <thead>
            <tr>
              <th scope="col">{t(M.modality)}</th>
              <th scope="col">{t(M.protocol)}</th>
              <th scope="col">{t(M.quantity)}</th>
              <th scope="col">{t(M.cases)}</th>
              <th scope="col">{t(M.median)}</th>
              <th scope="col">{t(M.level)}</th>
              <th scope="col">{t(M.above)}</th>
            </tr>
          </thead>
          {sections.map((section) => (
            <tbody key={section.key}>
              <tr className="who">
                <th scope="rowgroup" colSpan={7}>
                  {section.who ?? t(M.department)}
                </th>
              </tr>
              {section.lines.map((line) =>
                line.kind === 'group' ? (
                  <GroupRow
                    key={`${line.row.modality}-${line.row.protocol}-${line.row.quantity}`}
                    row={line.row}
                    say={say}
                  />
                ) : (
                  <OtherRow
                    key={`other-${line.modality}-${line.quantities.map((entry) => entry.quantity).join('-')}`}
                    line={line}
                    say={say}
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
