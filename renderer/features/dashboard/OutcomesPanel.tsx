import type { FollowUpOutcomes } from '../../../electron/shared/api-contract.js';
import { words } from '../../app/labels.js';

const pct = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)} %`);

/**
 * The outcome a department audits: responders at the day-1–3 call and the 2–6-week review,
 * each rate beside its completeness, so that few answers are never read as good results.
 */
export function OutcomesPanel({ outcomes }: { outcomes: FollowUpOutcomes }) {
  const { early, late } = outcomes.windows;
  const rows = [
    outcomes.overall,
    ...outcomes.bySteroid,
    ...outcomes.byRoot,
    ...outcomes.byIndication.map((group) => ({ ...group, label: words(group.label) })),
    ...outcomes.byOperator,
    ...outcomes.byModality.map((group) => ({ ...group, label: words(group.label) || group.label })),
  ];
  return (
    <section className="chart-panel outcomes-panel" aria-labelledby="outcomes-title">
      <h2 id="outcomes-title">Outcome at follow-up</h2>
      <p className="hint">
        Responders: ≥ 50 % relief of leg pain, and apart a ≥ 2-point NRS drop, among the procedures followed up in each
        window; completeness counts procedures whose window has ended by {outcomes.asOf}.
      </p>
      <div className="chart-table">
        <table>
          <caption>
            Day {early.from}–{early.to} call and week {Math.round(late.from / 7)}–{Math.round(late.to / 7)} review
          </caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">
                Day {early.from}–{early.to}: followed up
              </th>
              <th scope="col">≥ 50 % relief</th>
              <th scope="col">≥ 2-point drop</th>
              <th scope="col">
                Week {Math.round(late.from / 7)}–{Math.round(late.to / 7)}: followed up
              </th>
              <th scope="col">≥ 50 % relief</th>
              <th scope="col">≥ 2-point drop</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((group) => (
              <tr key={`${group.key}-${group.label}`}>
                <th scope="row">{group.label}</th>
                <td>
                  {group.early.followedUp} of {group.early.eligible} ({pct(group.early.completeness)})
                </td>
                <td>{pct(group.early.reliefRate)}</td>
                <td>{pct(group.early.nrsRate)}</td>
                <td>
                  {group.late.followedUp} of {group.late.eligible} ({pct(group.late.completeness)})
                </td>
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
