import {
  DASHBOARD_COMPLICATION_MESSAGES as C,
  codeInSentence,
  DASHBOARD_MESSAGES as D,
  type Dashboard,
  type DoseStat,
  CLI_MESSAGES as M,
  type Message,
  type Quantiles,
  DASHBOARD_SPREAD_MESSAGES as S,
  type Speaking,
  DASHBOARD_VOLUME_MESSAGES as V,
  type WordValue,
} from '../model/index.js';
import type { FollowUpOutcomes } from './outcomes.js';

/*
 * The dashboard as plain text for the command line, one section per aggregate, in the
 * command line's language (db/cli/cli-speech.ts): its lines are `cli.stats*` messages, a
 * heading or label the dashboard shows too is the dashboard's own message (`dashboard.*`, one
 * message per fact), codes their words, numbers as the language writes them in the department.
 */

/** What the text is said with: the command line's speech (db/cli/cli-speech.ts). */
export interface StatsSpeech {
  language: Speaking['language'];
  say: (message: Message, values?: Readonly<Record<string, WordValue>>) => string;
  /** A number as the language writes it (no fixed decimals). */
  number: (value: number) => string;
  /** A number with these decimals. */
  decimals: (value: number, decimals: number) => string;
}

function speaking(speech: StatsSpeech) {
  const { say } = speech;
  const code = (value: string | null | undefined) =>
    codeInSentence({ t: (message, values) => say(message, values), language: speech.language }, value);
  const percent = (value: number | null) => (value === null ? '—' : `${speech.decimals(value * 100, 1)} %`);
  const number = (value: number | null) => (value === null ? '—' : speech.number(value));
  const spread = (q: Quantiles) =>
    say(M.statsSpread, { median: number(q.median), q1: number(q.q1), q3: number(q.q3), n: q.n });
  const dose = (d: DoseStat, unit: string) =>
    d.n === 0
      ? '—'
      : d.aboveReferenceShare === null
        ? say(M.statsDose, { median: number(d.median), p75: number(d.p75), unit, n: d.n })
        : say(M.statsDoseAboveReference, {
            median: number(d.median),
            p75: number(d.p75),
            unit,
            share: percent(d.aboveReferenceShare),
            n: d.n,
          });
  // The operator's name as it is; the group of records without one, and every code, in words.
  const operator = (group: { key: string; label: string }) => (group.key === '' ? say(D.noOperator) : group.label);
  return { say, code, percent, number, spread, dose, operator };
}

export function formatDashboard(result: Dashboard, speech: StatsSpeech): string[] {
  const { say, code, percent, number, spread, dose, operator } = speaking(speech);
  const lines: string[] = [];
  const section = (title: string) => lines.push('', title, '-'.repeat(title.length));
  lines.push(say(M.statsProcedures, { count: speech.number(result.procedures) }));
  section(say(V.volumeCaption));
  // A part month says its days: its count is theirs, not a whole month's.
  for (const row of result.volume.byMonth)
    lines.push(
      `  ${row.month}  ${row.procedures}${row.partial ? `  ${say(M.statsPartMonth, { from: row.from.slice(8), to: row.to.slice(8), count: row.days })}` : ''}`,
    );
  for (const row of result.volume.byOperator) lines.push(`  ${operator(row).padEnd(24)} ${row.procedures}`);
  const sides = result.volume.byRootSide.map((row) => ({ ...row, side: code(row.side) }));
  const sideWidth = Math.max(6, ...sides.map((row) => row.side.length));
  for (const row of sides)
    lines.push(`  ${row.root} ${row.side.padEnd(sideWidth)} ${say(M.statsTargets, { count: row.targets })}`);
  lines.push(
    `  ${say(M.statsBilateral, { bilateral: percent(result.volume.bilateralShare), caudal: percent(result.volume.caudalShare) })}`,
  );
  section(say(M.statsPain));
  for (const group of [
    { ...result.pain.overall, label: say(D.allProcedures) },
    ...result.pain.byRoot,
    ...result.pain.byIndication.map((group) => ({ ...group, label: code(group.key) })),
    ...result.pain.byOperator.map((group) => ({ ...group, label: operator(group) })),
  ]) {
    lines.push(
      `  ${group.label.padEnd(24)} ${say(M.statsPainGroup, {
        pre: spread(group.pre),
        post: spread(group.post),
        relief: spread(group.relief),
        responders: percent(group.responderShare),
      })}`,
    );
  }
  section(say(S.title));
  for (const row of result.spread.patterns.filter((p) => p.targets > 0))
    lines.push(`  ${code(row.pattern).padEnd(24)} ${row.targets} (${percent(row.share)})`);
  for (const row of result.spread.byRoot)
    lines.push(
      `  ${say(M.statsRootSpread, {
        root: row.root,
        intravascular: percent(row.intravascularRate),
        intrathecal: percent(row.intrathecalRate),
        targets: row.targets,
      })}`,
    );
  const p = result.spread.particulateAfterIntravascular;
  lines.push(
    `  ${say(M.statsParticulate, { with: p.withParticulateSteroid, intravascular: p.intravascularTargets, share: percent(p.share) })}`,
  );
  section(say(C.title));
  for (const row of result.complications) {
    const name = row.severity
      ? say(C.label, { complication: code(row.complication), severity: code(row.severity) })
      : code(row.complication);
    lines.push(`  ${name.padEnd(36)} ${row.procedures} (${percent(row.rate)})`);
  }
  const level = (value: number | null) => (value === null ? say(M.statsNoneSet) : number(value));
  section(
    say(M.statsDoseSection, {
      dlp: level(result.referenceLevels.ctDlpMGyCm),
      fluoroscopy: level(result.referenceLevels.fluoroTimeS),
    }),
  );
  for (const group of [
    ...result.dose.byModality.map((group) => ({ ...group, label: code(group.key) })),
    ...result.dose.byOperator.map((group) => ({ ...group, label: operator(group) })),
  ]) {
    lines.push(
      `  ${group.label.padEnd(24)} ${say(M.statsDoseGroup, {
        dlp: dose(group.dlp, 'mGy·cm'),
        ctdi: dose(group.ctdiVol, 'mGy'),
        fluoroscopy: dose(group.fluoroTime, 's'),
        dap: dose(group.dap, 'Gy·cm²'),
      })}`,
    );
  }
  section(say(M.statsTableTime));
  for (const row of result.tableTime)
    lines.push(
      `  ${operator(row).padEnd(24)} ${say(M.statsTableTimeGroup, { spread: spread(row.minutes), p75: number(row.minutes.p75) })}`,
    );
  return lines;
}

/** The follow-up outcomes as lines of text, completeness beside every rate. */
export function formatOutcomes(outcomes: FollowUpOutcomes, speech: StatsSpeech): string[] {
  const { say } = speech;
  const pct = (value: number | null) => (value == null ? '—' : `${speech.decimals(value * 100, 0)} %`);
  const window = (days: { from: number; to: number }, figures: FollowUpOutcomes['overall']['early']) =>
    `  ${say(M.statsOutcomeWindow, {
      from: days.from,
      to: days.to,
      followedUp: figures.followedUp,
      eligible: figures.eligible,
      completeness: pct(figures.completeness),
      relief: pct(figures.reliefRate),
      nrs: pct(figures.nrsRate),
    })}`;
  return [
    '',
    say(M.statsOutcomes, { date: outcomes.asOf }),
    window(outcomes.windows.early, outcomes.overall.early),
    window(outcomes.windows.late, outcomes.overall.late),
  ];
}
