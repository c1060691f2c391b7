import { counted, type Dashboard, type DoseStat, type Quantiles } from '../model/index.js';
import type { FollowUpOutcomes } from './outcomes.js';

/* The dashboard as plain text for the command line: one section per aggregate. */

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)} %`);
const number = (value: number | null) => (value === null ? '—' : String(value));
const spread = (q: Quantiles) => `median ${number(q.median)} (IQR ${number(q.q1)}–${number(q.q3)}, n=${q.n})`;
const dose = (d: DoseStat, unit: string) =>
  d.n === 0
    ? '—'
    : `median ${number(d.median)} ${unit}, P75 ${number(d.p75)} ${unit}${d.aboveReferenceShare === null ? '' : `, above reference ${percent(d.aboveReferenceShare)}`} (n=${d.n})`;

export function formatDashboard(result: Dashboard): string[] {
  const lines: string[] = [];
  const section = (title: string) => lines.push('', title, '-'.repeat(title.length));
  lines.push(`procedures (signed): ${result.procedures}`);
  section('Volume');
  // A part month says its days: its count is theirs, not a whole month's.
  for (const row of result.volume.byMonth)
    lines.push(
      `  ${row.month}  ${row.procedures}${row.partial ? `  (part: ${row.from.slice(8)}–${row.to.slice(8)}, ${counted(row.days, 'day')})` : ''}`,
    );
  for (const row of result.volume.byOperator) lines.push(`  ${row.label.padEnd(24)} ${row.procedures}`);
  for (const row of result.volume.byRootSide)
    lines.push(`  ${row.root} ${row.side.padEnd(6)} ${counted(row.targets, 'target')}`);
  lines.push(
    `  bilateral ${percent(result.volume.bilateralShare)}, with caudal epidural ${percent(result.volume.caudalShare)}`,
  );
  section('Immediate pain response (NRS)');
  for (const group of [
    result.pain.overall,
    ...result.pain.byRoot,
    ...result.pain.byIndication,
    ...result.pain.byOperator,
  ]) {
    lines.push(
      `  ${group.label.padEnd(24)} pre ${spread(group.pre)}; post ${spread(group.post)}; relief ${spread(group.relief)} %; responders ${percent(group.responderShare)}`,
    );
  }
  section('Contrast spread');
  for (const row of result.spread.patterns.filter((p) => p.targets > 0))
    lines.push(`  ${row.pattern.padEnd(24)} ${row.targets} (${percent(row.share)})`);
  for (const row of result.spread.byRoot)
    lines.push(
      `  ${row.root}: intravascular ${percent(row.intravascularRate)}, intrathecal ${percent(row.intrathecalRate)} of ${counted(row.targets, 'target')}`,
    );
  const p = result.spread.particulateAfterIntravascular;
  lines.push(
    `  particulate steroid after intravascular spread: ${p.withParticulateSteroid} of ${p.intravascularTargets} (${percent(p.share)})`,
  );
  section('Complications');
  for (const row of result.complications)
    lines.push(
      `  ${`${row.complication}${row.severity ? ` (${row.severity})` : ''}`.padEnd(36)} ${row.procedures} (${percent(row.rate)})`,
    );
  section(
    `Radiation dose (reference for one level: CT DLP ${result.referenceLevels.ctDlpMGyCm ?? 'none set'} mGy·cm, fluoroscopy ${result.referenceLevels.fluoroTimeS ?? 'none set'} s)`,
  );
  for (const group of [...result.dose.byModality, ...result.dose.byOperator]) {
    lines.push(
      `  ${group.label.padEnd(24)} DLP ${dose(group.dlp, 'mGy·cm')}; CTDIvol ${dose(group.ctdiVol, 'mGy')}; fluoroscopy ${dose(group.fluoroTime, 's')}; DAP ${dose(group.dap, 'Gy·cm²')}`,
    );
  }
  section('Table time (minutes)');
  for (const row of result.tableTime)
    lines.push(`  ${row.label.padEnd(24)} ${spread(row.minutes)}, P75 ${number(row.minutes.p75)}`);
  return lines;
}

/** The follow-up outcomes as lines of text, completeness beside every rate. */
export function formatOutcomes(outcomes: FollowUpOutcomes): string[] {
  const pct = (value: number | null) => (value == null ? '—' : `${Math.round(value * 100)} %`);
  const window = (name: string, figures: FollowUpOutcomes['overall']['early']) =>
    `  ${name}: followed up ${figures.followedUp} of ${figures.eligible} (${pct(figures.completeness)}); ≥ 50 % relief ${pct(figures.reliefRate)}, ≥ 2-point NRS drop ${pct(figures.nrsRate)}`;
  return [
    '',
    `Outcome at follow-up (procedures whose window ended by ${outcomes.asOf})`,
    window(`day ${outcomes.windows.early.from}–${outcomes.windows.early.to}`, outcomes.overall.early),
    window(`day ${outcomes.windows.late.from}–${outcomes.windows.late.to}`, outcomes.overall.late),
  ];
}
