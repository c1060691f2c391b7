import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { codeMessage, formatDate, type Message, type ProcedureSummary } from '../../../db/model/index.js';
import { useDepartmentLocale } from '../../app/department-locale.js';
import { useT } from '../../app/i18n.js';
import { LIST_ROW_MESSAGES as M } from './list-messages.js';
import { targetsInWords } from './targets-words.js';

const ROW_HEIGHT = 52;
const time = (performedAt: string | null) => (performedAt ? performedAt.slice(11, 16) : '');

interface Props {
  items: ProcedureSummary[];
  onlyToday: boolean;
  hasMore: boolean;
  loadMore: () => Promise<void>;
  open: (id: string) => void;
}

/** The latest report's way to the RIS, in the list's few words (the record says more). */
const RIS_MARKS: Record<NonNullable<ProcedureSummary['risState']>, Message> = {
  waiting: M.risWaiting,
  sent: M.risSent,
  refused: M.risRefused,
  unsendable: M.risUnsendable,
};

/**
 * The procedure rows, virtualised: only the rows in view are in the page, so scrolling stays
 * smooth over 100 000 procedures; the next keyset page loads as the end comes into view.
 */
export function ProcedureRows({ items, onlyToday, hasMore, loadMore, open }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const locale = useDepartmentLocale();
  const t = useT();
  const patientOf = (item: ProcedureSummary) =>
    `${item.patientId ?? t(M.noPatientId)}${item.patientName ? ` — ${item.patientName}` : ''}`;
  const date = (performedAt: string | null) => (performedAt ? formatDate(performedAt, locale) : '');
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const rows = virtualizer.getVirtualItems();
  const lastShown = rows[rows.length - 1]?.index ?? 0;
  useEffect(() => {
    if (hasMore && lastShown >= items.length - 30) void loadMore();
  }, [hasMore, lastShown, items.length, loadMore]);

  // Spacer rows stand in for the rows out of view, so the table stays a real table.
  const above = rows[0]?.start ?? 0;
  const below = virtualizer.getTotalSize() - (rows[rows.length - 1]?.end ?? 0);
  return (
    <div ref={scroller} className="table-scroll">
      <table className="procedure-table">
        {/* Fixed widths where the words are known (a date, a score, a count); the patient takes the rest. */}
        <colgroup>
          <col className="col-status" />
          <col className={onlyToday ? 'col-time' : 'col-date'} />
          <col className="col-patient" />
          <col />
          <col className="col-pain" />
          <col />
          <col className="col-warnings" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t(M.status)}</th>
            <th scope="col">{t(onlyToday ? M.time : M.date)}</th>
            <th scope="col">{t(M.patient)}</th>
            <th scope="col">{t(M.targets)}</th>
            <th scope="col">{t(M.pain)}</th>
            <th scope="col">{t(M.operator)}</th>
            <th scope="col">{t(M.warnings)}</th>
          </tr>
        </thead>
        <tbody>
          {above > 0 && (
            <tr className="spacer" style={{ height: above }}>
              <td colSpan={7} />
            </tr>
          )}
          {rows.map((row) => {
            const item = items[row.index] as ProcedureSummary;
            const targets = `${targetsInWords(t, item.targets)}${item.caudalEpidural ? ` ${t(M.caudal)}` : ''}`;
            return (
              <tr key={item.id} style={{ height: ROW_HEIGHT }}>
                <td>
                  <span className={`status status-${item.status}`}>{t(codeMessage(item.status))}</span>
                  {item.risState && (
                    <span className={`ris-mark ris-${item.risState}`}> {t(RIS_MARKS[item.risState])}</span>
                  )}
                </td>
                <td>{onlyToday ? time(item.performedAt) : `${date(item.performedAt)} ${time(item.performedAt)}`}</td>
                <td>
                  {/* A long name is cut to keep rows one line high: its whole stays in the title. */}
                  <button type="button" className="link" onClick={() => open(item.id)} title={patientOf(item)}>
                    {patientOf(item)}
                  </button>
                </td>
                {/* Targets and operator cut to keep rows one line high: their whole stays in the title. */}
                <td title={targets}>{targets}</td>
                <td>
                  {item.painPre ?? '—'} → {item.painPost ?? '—'}
                </td>
                <td title={item.operatorName ?? ''}>{item.operatorName ?? ''}</td>
                <td>
                  {item.warningCodes.length > 0 && (
                    <span className="badge-warning">{t(M.warningCount, { count: item.warningCodes.length })}</span>
                  )}
                </td>
              </tr>
            );
          })}
          {below > 0 && (
            <tr className="spacer" style={{ height: below }}>
              <td colSpan={7} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
