import { DASHBOARD_MESSAGES as D, DASHBOARD_OUTCOME_MESSAGES as M } from '../../../db/model/dashboard-messages.js';
import { formatDate } from '../../../db/model/index.js';
import type { FollowUpOutcomes } from '../../../electron/shared/api-contract.js';
import { useReaderLocale, useT } from '../../app/i18n.js';
import { figuresIn, groupWords } from './dashboard-words.js';

const STEROID_GROUPS = { particulate: M.particulate, non_particulate: M.nonParticulate, none: M.noSteroid } as const;

/**
 * The outcome a department audits: responders at the day-1–3 call and the 2–6-week review,
 * each rate beside its completeness, so that few answers are never read as good results.
 */
export function OutcomesPanel({ outcomes }: { outcomes: FollowUpOutcomes }) {
  const t = useT();
  const locale = useReaderLocale();
  const { wholePct: pct, num } = figuresIn(locale);
  const named = groupWords(t);
  const { early, late } = outcomes.windows;
  const weeks = { from: Math.round(late.from / 7), to: Math.round(late.to / 7) };
  const rows = [
    { ...outcomes.overall, label: named.all() },
    ...outcomes.bySteroid.map((group) => {
      const steroid = STEROID_GROUPS[group.key as keyof typeof STEROID_GROUPS];
      return { ...group, label: steroid ? t(steroid) : group.label };
    }),
    ...outcomes.byRoot,
    ...outcomes.byIndication.map((group) => ({ ...group, label: named.code(group.label) })),
    ...outcomes.byOperator.map((group) => ({ ...group, label: named.operator(group) })),
    ...outcomes.byModality.map((group) => ({ ...group, label: named.code(group.key) })),
  ];
  const followedUp = (window: { followedUp: number; eligible: number; completeness: number | null }) =>
    t(D.ofTotalShare, { count: num(window.followedUp), total: num(window.eligible), share: pct(window.completeness) });
  return (
    <section className="chart-panel outcomes-panel" aria-labelledby="outcomes-title">
      <h2 id="outcomes-title">{t(M.title)}</h2>
      <p className="hint">{t(M.hint, { asOf: formatDate(outcomes.asOf, locale) })}</p>
      <div className="chart-table">
        <table>
          <caption>
            {t(M.caption, { earlyFrom: early.from, earlyTo: early.to, lateFrom: weeks.from, lateTo: weeks.to })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t(D.group)}</th>
              <th scope="col">{t(M.earlyFollowedUp, { from: early.from, to: early.to })}</th>
              <th scope="col">{t(M.relief)}</th>
              <th scope="col">{t(M.drop)}</th>
              <th scope="col">{t(M.lateFollowedUp, weeks)}</th>
              <th scope="col">{t(M.relief)}</th>
              <th scope="col">{t(M.drop)}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((group) => (
              <tr key={`${group.key}-${group.label}`}>
                <th scope="row">{group.label}</th>
                <td>{followedUp(group.early)}</td>
                <td>{pct(group.early.reliefRate)}</td>
                <td>{pct(group.early.nrsRate)}</td>
                <td>{followedUp(group.late)}</td>
                <td>{pct(group.late.reliefRate)}</td>
                <td>{pct(group.late.nrsRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
