import {
  COMPLICATIONS,
  type Dashboard,
  type DoseGroup,
  type DoseStat,
  dashboardFilterSchema,
  dashboardLevels,
  INDICATIONS,
  localDateTimeWithOffset,
  type MonthCovered,
  type PainGroup,
  problemsFromZod,
  quantile,
  quantiles,
  quantilesOfCounts,
  RESPONDER_RELIEF_PERCENT,
  ROOTS,
  RootLogError,
  reliefPercent,
  SEVERITIES,
  SPREAD_PATTERNS,
  share,
  sortedNumbers,
} from '../model/index.js';
import { catalogueForOldSignedRecords, listOperators, referenceLevels } from '../settings.js';
import { isParticulateEntry } from '../sqlite/facts.js';
import { procedureFilterSql } from '../sqlite/procedure-filter.js';
import { type ReadSource, readerOf } from '../store.js';

/*
 * The test oracle for the dashboard: the same aggregates computed the straightforward way,
 * from the signed rows' own columns (the ";"/"|"-joined lists written beside the child
 * tables), without the packed facts and terms the real one reads. This was the product code
 * until the 150 ms goal needed those; tests hold the two to equal results on any filter.
 */

/**
 * Pain before and after are whole numbers 0–10, so every procedure falls in one of 121
 * (before, after) cells: counting cells is all the per-procedure work, and the quartiles of
 * before, after and relief come from the cells at the end.
 */
class PainAccumulator {
  procedures = 0;
  private readonly cells = new Int32Array(121);
  // A score recorded without its partner (never in a signed record, but drafts may lack one).
  private readonly preOnly = new Int32Array(11);
  private readonly postOnly = new Int32Array(11);

  add(pre: number | null, post: number | null): void {
    this.procedures++;
    if (pre != null && post != null) this.cells[pre * 11 + post] = (this.cells[pre * 11 + post] ?? 0) + 1;
    else if (pre != null) this.preOnly[pre] = (this.preOnly[pre] ?? 0) + 1;
    else if (post != null) this.postOnly[post] = (this.postOnly[post] ?? 0) + 1;
  }

  group(key: string, label: string): PainGroup {
    const pre = new Map<number, number>();
    const post = new Map<number, number>();
    const relief = new Map<number, number>();
    let responders = 0;
    this.cells.forEach((count, cell) => {
      if (count === 0) return;
      const before = Math.floor(cell / 11);
      const after = cell % 11;
      pre.set(before, (pre.get(before) ?? 0) + count);
      post.set(after, (post.get(after) ?? 0) + count);
      const percent = reliefPercent(before, after);
      if (percent === undefined) return;
      relief.set(percent, (relief.get(percent) ?? 0) + count);
      if (percent >= RESPONDER_RELIEF_PERCENT) responders += count;
    });
    for (const [side, only] of [
      [pre, this.preOnly],
      [post, this.postOnly],
    ] as const) {
      only.forEach((count, score) => {
        if (count > 0) side.set(score, (side.get(score) ?? 0) + count);
      });
    }
    const reliefCounts = [...relief.entries()];
    return {
      key,
      label,
      procedures: this.procedures,
      pre: quantilesOfCounts([...pre.entries()]),
      post: quantilesOfCounts([...post.entries()]),
      relief: quantilesOfCounts(reliefCounts),
      responderShare: share(
        responders,
        reliefCounts.reduce((sum, [, count]) => sum + count, 0),
      ),
    };
  }
}

class DoseAccumulator {
  dlp: number[] = [];
  ctdiVol: number[] = [];
  fluoroTime: number[] = [];
  dap: number[] = [];

  add(dlp: number | null, ctdiVol: number | null, fluoroTime: number | null, dap: number | null): void {
    if (dlp != null) this.dlp.push(dlp);
    if (ctdiVol != null) this.ctdiVol.push(ctdiVol);
    if (fluoroTime != null) this.fluoroTime.push(fluoroTime);
    if (dap != null) this.dap.push(dap);
  }

  group(key: string, label: string, levels: { ctDlpMGyCm: number | null; fluoroTimeS: number | null }): DoseGroup {
    return {
      key,
      label,
      dlp: doseStat(this.dlp, levels.ctDlpMGyCm),
      ctdiVol: doseStat(this.ctdiVol, null),
      fluoroTime: doseStat(this.fluoroTime, levels.fluoroTimeS),
      dap: doseStat(this.dap, null),
    };
  }
}

function doseStat(values: number[], reference: number | null): DoseStat {
  const sorted = sortedNumbers(values);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    p75: quantile(sorted, 0.75),
    aboveReferenceShare:
      reference === null ? null : share(sorted.filter((value) => value > reference).length, sorted.length),
  };
}

const getOrAdd = <K, V>(map: Map<K, V>, key: K, make: () => V): V => {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
};

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

const COLUMNS = `substr(p.performed_date, 1, 7), p.operator_id, p.modality, p.pain_pre, p.pain_post, p.dlp_mgy_cm, p.ctdi_vol_mgy,
  p.fluoro_time_s, p.dap_gy_cm2, p.caudal_epidural, p.started_at, p.ended_at, p.root_sides, p.target_spread_text, p.target_drugs_text,
  p.indications_text, p.complications_text`;

type FactRow = [
  string,
  string | null,
  string | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number,
  string | null,
  string | null,
  string,
  string,
  string,
  string,
  string,
];

/** The days of a month the view covers, counted one by one (the month still running: up to `asOf`). */
function monthCoveredDayByDay(month: string, filter: { from?: string; to?: string }, asOf: string): MonthCovered {
  const day = new Date(0);
  day.setUTCFullYear(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1);
  const covered: string[] = [];
  let inMonth = 0;
  const runningMonth = asOf.slice(0, 7) === month;
  while (day.toISOString().slice(0, 7) === month) {
    const date = day.toISOString().slice(0, 10);
    inMonth++;
    if ((!filter.from || date >= filter.from) && (!filter.to || date <= filter.to) && (!runningMonth || date <= asOf))
      covered.push(date);
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return {
    month,
    from: covered[0] ?? '',
    to: covered[covered.length - 1] ?? '',
    days: covered.length,
    partial: covered.length < inMonth,
  };
}

/** The aggregates, the slow and obvious way: every signed row's columns, grouped in one pass. */
export function dashboardRowByRow(
  source: ReadSource,
  filterInput: unknown,
  { asOf = localDateTimeWithOffset(new Date()).slice(0, 10) }: { asOf?: string } = {},
): Dashboard {
  const read = readerOf(source);
  const parsed = dashboardFilterSchema.safeParse(filterInput ?? {});
  if (!parsed.success) throw RootLogError.invalid(problemsFromZod(parsed.error));
  const { where, params } = procedureFilterSql({ ...parsed.data, statuses: ['signed', 'amended'] });
  const levels = dashboardLevels(referenceLevels(read));
  const operatorNames = new Map(listOperators(read).map((operator) => [operator.id, operator.name]));
  const operatorLabel = (id: string) => (id === '' ? 'No operator' : (operatorNames.get(id) ?? id));
  const particulate = new Set(
    catalogueForOldSignedRecords(read)
      .filter((drug) => drug.particulate)
      .map((drug) => drug.code),
  );

  let procedures = 0;
  let bilateral = 0;
  let caudal = 0;
  let targets = 0;
  let intravascularTargets = 0;
  let particulateAfterIntravascular = 0;
  const byMonth = new Map<string, { procedures: number; dose: DoseAccumulator }>();
  const byOperator = new Map<
    string,
    { procedures: number; pain: PainAccumulator; dose: DoseAccumulator; minutes: number[] }
  >();
  const byModality = new Map<string, DoseAccumulator>();
  const painOverall = new PainAccumulator();
  const painByRoot = new Map<string, PainAccumulator>();
  const painByIndication = new Map<string, PainAccumulator>();
  const rootSides = new Map<string, number>();
  const patterns = new Map<string, number>();
  const targetsByRoot = new Map<string, { targets: number; intravascular: number; intrathecal: number }>();
  const complications = new Map<string, number>();

  const statement = read.db.prepare(`SELECT ${COLUMNS} FROM procedures p WHERE ${where}`).raw(true);
  for (const row of statement.iterate(params) as Iterable<FactRow>) {
    const [
      month,
      operatorId,
      modality,
      pre,
      post,
      dlp,
      ctdiVol,
      fluoroTime,
      dap,
      caudalEpidural,
      startedAt,
      endedAt,
      rootSideText,
      spreadText,
      drugsText,
      indicationsText,
      complicationsText,
    ] = row;
    procedures++;
    const monthly = getOrAdd(byMonth, month, () => ({ procedures: 0, dose: new DoseAccumulator() }));
    monthly.procedures++;
    monthly.dose.add(dlp, null, fluoroTime, null);
    const operator = getOrAdd(byOperator, operatorId ?? '', () => ({
      procedures: 0,
      pain: new PainAccumulator(),
      dose: new DoseAccumulator(),
      minutes: [],
    }));
    operator.procedures++;
    operator.pain.add(pre, post);
    operator.dose.add(dlp, ctdiVol, fluoroTime, dap);
    // Table time in minutes; past midnight wraps to the next day.
    if (startedAt && endedAt) operator.minutes.push((minutesOf(endedAt) - minutesOf(startedAt) + 1440) % 1440);
    if (modality) getOrAdd(byModality, modality, () => new DoseAccumulator()).add(dlp, ctdiVol, fluoroTime, dap);
    painOverall.add(pre, post);
    if (caudalEpidural === 1) caudal++;
    for (const indication of indicationsText ? indicationsText.split(';') : [])
      getOrAdd(painByIndication, indication, () => new PainAccumulator()).add(pre, post);
    for (const token of complicationsText ? complicationsText.split(';') : [])
      complications.set(token, (complications.get(token) ?? 0) + 1);

    if (!rootSideText) continue;
    const pairs = rootSideText.split(',');
    const spreads = spreadText.split('|');
    const drugs = drugsText.split('|');
    const rootsHere: string[] = [];
    const pairsHere: string[] = [];
    for (let index = 0; index < pairs.length; index++) {
      const pair = pairs[index] as string;
      const space = pair.indexOf(' ');
      const root = pair.slice(0, space);
      const side = pair.slice(space + 1);
      targets++;
      const spread = spreads[index] ? (spreads[index] as string).split(';') : [];
      for (const pattern of spread) patterns.set(pattern, (patterns.get(pattern) ?? 0) + 1);
      const intravascular = spread.includes('intravascular_venous') || spread.includes('intravascular_arterial');
      if (intravascular) {
        intravascularTargets++;
        if ((drugs[index] ?? '').split(';').some((entry) => isParticulateEntry(entry, particulate)))
          particulateAfterIntravascular++;
      }
      if (root === '?') continue;
      if (!rootsHere.includes(root)) rootsHere.push(root);
      const perRoot = getOrAdd(targetsByRoot, root, () => ({ targets: 0, intravascular: 0, intrathecal: 0 }));
      perRoot.targets++;
      if (intravascular) perRoot.intravascular++;
      if (spread.includes('intrathecal')) perRoot.intrathecal++;
      if (side === '?') continue;
      rootSides.set(pair, (rootSides.get(pair) ?? 0) + 1);
      pairsHere.push(pair);
    }
    for (const root of rootsHere) getOrAdd(painByRoot, root, () => new PainAccumulator()).add(pre, post);
    // Bilateral: the same root treated on the left and on the right in one procedure.
    if (
      pairsHere.length > 1 &&
      pairsHere.some((pair) => pair.endsWith(' left') && pairsHere.includes(`${pair.slice(0, -5)} right`))
    )
      bilateral++;
  }

  const months = [...byMonth.keys()].sort();
  const rootOrder = (a: string, b: string) => ROOTS.indexOf(a as never) - ROOTS.indexOf(b as never);
  const complicationTokens: [string, string | null][] = COMPLICATIONS.flatMap(
    (complication): [string, string | null][] =>
      complication === 'none'
        ? [[complication, null]]
        : SEVERITIES.map((severity): [string, string | null] => [complication, severity]),
  );
  const operatorsBySize = [...byOperator.entries()].sort(
    (a, b) =>
      b[1].procedures - a[1].procedures ||
      operatorLabel(a[0]).localeCompare(operatorLabel(b[0])) ||
      a[0].localeCompare(b[0]),
  );

  return {
    procedures,
    referenceLevels: levels,
    volume: {
      byMonth: months.map((month) => ({
        ...monthCoveredDayByDay(month, parsed.data, asOf),
        procedures: byMonth.get(month)?.procedures ?? 0,
      })),
      byOperator: operatorsBySize.map(([key, value]) => ({
        key,
        label: operatorLabel(key),
        procedures: value.procedures,
      })),
      byRootSide: [...rootSides.entries()]
        .map(([pair, count]) => {
          const [root = '', side = ''] = pair.split(' ');
          return { root, side, targets: count };
        })
        .sort((a, b) => rootOrder(a.root, b.root) || a.side.localeCompare(b.side)),
      bilateralShare: share(bilateral, procedures),
      caudalShare: share(caudal, procedures),
    },
    pain: {
      overall: painOverall.group('all', 'All procedures'),
      byRoot: [...painByRoot.entries()]
        .sort((a, b) => rootOrder(a[0], b[0]))
        .map(([root, accumulator]) => accumulator.group(root, root)),
      byIndication: INDICATIONS.filter((indication) => painByIndication.has(indication)).map((indication) =>
        (painByIndication.get(indication) as PainAccumulator).group(indication, indication),
      ),
      byOperator: operatorsBySize.map(([key, value]) => value.pain.group(key, operatorLabel(key))),
    },
    spread: {
      targets,
      patterns: SPREAD_PATTERNS.map((pattern) => ({
        pattern,
        targets: patterns.get(pattern) ?? 0,
        share: share(patterns.get(pattern) ?? 0, targets),
      })),
      byRoot: [...targetsByRoot.entries()]
        .sort((a, b) => rootOrder(a[0], b[0]))
        .map(([root, value]) => ({
          root,
          targets: value.targets,
          intravascularRate: share(value.intravascular, value.targets),
          intrathecalRate: share(value.intrathecal, value.targets),
        })),
      particulateAfterIntravascular: {
        intravascularTargets,
        withParticulateSteroid: particulateAfterIntravascular,
        share: share(particulateAfterIntravascular, intravascularTargets),
      },
    },
    complications: complicationTokens
      .map(([complication, severity]) => {
        const count = complications.get(severity ? `${complication}:${severity}` : complication) ?? 0;
        return { complication, severity, procedures: count, rate: share(count, procedures) };
      })
      .filter((entry) => entry.procedures > 0 || entry.complication === 'none'),
    dose: {
      byModality: [...byModality.entries()]
        .sort((a, b) => a[0].localeCompare(b[0]))
        .map(([modality, accumulator]) => accumulator.group(modality, modality, levels)),
      byOperator: operatorsBySize.map(([key, value]) => value.dose.group(key, operatorLabel(key), levels)),
      trend: months.map((month) => {
        const value = byMonth.get(month) as { procedures: number; dose: DoseAccumulator };
        return {
          ...monthCoveredDayByDay(month, parsed.data, asOf),
          procedures: value.procedures,
          dlpMedian: quantile(sortedNumbers(value.dose.dlp), 0.5),
          fluoroTimeMedian: quantile(sortedNumbers(value.dose.fluoroTime), 0.5),
        };
      }),
    },
    tableTime: operatorsBySize
      .filter(([, value]) => value.minutes.length > 0)
      .map(([key, value]) => {
        const sorted = sortedNumbers(value.minutes);
        return { key, label: operatorLabel(key), minutes: { ...quantiles(sorted), p75: quantile(sorted, 0.75) } };
      }),
  };
}
