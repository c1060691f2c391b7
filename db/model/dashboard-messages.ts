import { declareMessages } from './messages.js';

/*
 * The quality dashboard's words, as messages to translate (db/i18n/catalogues/). Declared in the
 * model: `rootlog stats` (db/stats/format.ts) says the same headings and labels with these
 * messages, not its own (one message per fact); the window lists the tables (renderer/app/ui-messages.ts).
 */
const D = 'Quality dashboard';
export const DASHBOARD_MESSAGES = declareMessages('dashboard.screen', {
  title: ['Quality dashboard', `${D}: the heading.`],
  exportPng: ['Export view as PNG', `${D}: a button; every chart in one picture.`],
  exportCsv: ['Export numbers as CSV', `${D}: a button; every number of the view in a file.`],
  from: ['From', `${D}: a filter, the first date.`],
  to: ['To', `${D}: a filter, the last date.`],
  operator: ['Operator', `${D}: a filter, the doctor who performed the procedure.`],
  modality: ['Modality', `${D}: a filter, the imaging guidance (CT, fluoroscopy).`],
  root: ['Root', `${D}: a filter, the nerve root treated (L4, L5, S1 …).`],
  thisConsole: ['This console only', `${D}: a switch; without it, records synced from the other consoles count too.`],
  total: [
    '{count, plural, one {# signed procedure} other {# signed procedures}}',
    `${D}: how many signed procedures the view counts.`,
  ],
  loading: ['Loading…', `${D}: while the figures are computed.`],
  empty: [
    'No signed procedures match these filters. Widen the date range or clear a filter.',
    `${D}: nothing to show.`,
  ],
  allProcedures: [
    'All procedures',
    `${D}: the first row of a table, every procedure of the view (and a group of \`rootlog stats\`).`,
  ],
  noOperator: ['No operator', `${D}: a row of the procedures without an operator (and a group of \`rootlog stats\`).`],
  noModality: ['No modality', `${D}: a row of the procedures without a modality.`],
  group: ['Group', `${D}: a column heading: the group of procedures a row counts (all, a root, an operator …).`],
  ofTotalShare: ['{count} of {total} ({share})', `${D}: in a table cell, e.g. "3 of 12 (25,0 %)".`],
});

const V = 'Quality dashboard, the chart of procedures per month';
export const DASHBOARD_VOLUME_MESSAGES = declareMessages('dashboard.volume', {
  title: ['Procedures per month', `${V}: its heading.`],
  summary: [
    'Procedures per month, {months, plural, one {# month} other {# months}}; numbers in the table beside.',
    `${V}: what a screen reader says of the chart.`,
  ],
  summaryPartial: [
    'Procedures per month, {months, plural, one {# month} other {# months}}, of which {partial} only in part (their days in the label); numbers in the table beside.',
    `${V}: what a screen reader says of the chart when the view covers some months only in part.`,
  ],
  wholeMonth: ['Procedures in a whole month', `${V}: the legend of a month the view covers whole.`],
  partMonth: [
    'Procedures in part of a month (its days below)',
    `${V}: the legend of a month the view covers only in part (hatched bars).`,
  ],
  monthsCaption: ['Per month: part months count their own days only', `${V}: the caption of the months' table.`],
  month: ['Month', `${V}: a column heading.`],
  procedures: ['Procedures', `${V}: a column heading: how many.`],
  days: ['Days', `${V}: a column heading: the days of the month the view covers.`],
  daysOf: [
    '{days} of {total, plural, one {# day} other {# days}}',
    `${V}: a month the view covers in part, e.g. "14 of 31 days".`,
  ],
  allDays: [
    'all {days, plural, one {# day} other {# days}}',
    `${V}: a month the view covers whole, e.g. "all 31 days".`,
  ],
  volumeCaption: [
    'Volume',
    `${V}: the caption of the table of procedures per operator; also the heading of \`rootlog stats\`' volume section.`,
  ],
  bilateral: ['Bilateral', `${V}: the share of procedures on both sides.`],
  caudal: ['With caudal epidural', `${V}: the share of procedures with a caudal epidural injection.`],
});

const P = 'Quality dashboard, the chart of the immediate pain response';
export const DASHBOARD_PAIN_MESSAGES = declareMessages('dashboard.pain', {
  title: ['Immediate pain response by root (median NRS)', `${P}: its heading (NRS: numeric rating scale 0–10).`],
  axis: ['NRS', `${P}: the value axis, the numeric rating scale of pain.`],
  summary: [
    'Median pain before and after by root, on the whole scale 0 to 10; quartiles and responders in the table beside.',
    `${P}: what a screen reader says of the chart.`,
  ],
  before: ['Before', `${P}: the pain before the injection (legend and column heading).`],
  after: ['After', `${P}: the pain minutes after the injection (legend and column heading).`],
  caption: [
    'Immediate relief (minutes after: mostly the anaesthetic): NRS median (IQR), relief ≥ 50 %',
    `${P}: the caption of its table (IQR: interquartile range).`,
  ],
  relief: ['Relief %', `${P}: a column heading: the relief of pain in per cent.`],
  responders: ['Responders', `${P}: a column heading: the share with at least 50 % relief.`],
});

const S = 'Quality dashboard, the chart of the contrast spread';
export const DASHBOARD_SPREAD_MESSAGES = declareMessages('dashboard.spread', {
  title: ['Contrast spread', `${S}: its heading (also \`rootlog stats\`' section heading).`],
  axis: ['% of targets', `${S}: the value axis and its legend.`],
  summary: [
    'Share of targets with each contrast spread pattern; rates by level in the table beside.',
    `${S}: what a screen reader says of the chart.`,
  ],
  caption: ['By level', `${S}: the caption of its table, one row per nerve root.`],
  root: ['Root', `${S}: a column heading: the nerve root.`],
  targets: ['Targets', `${S}: a column heading: how many nerve roots were injected.`],
  intravascular: ['Intravascular', `${S}: a column heading: the rate of intravascular spread.`],
  intrathecal: ['Intrathecal', `${S}: a column heading: the rate of intrathecal spread.`],
  particulate: [
    'Particulate steroid after intravascular spread',
    `${S}: a row: how often a particulate steroid was injected after intravascular spread was seen.`,
  ],
});

const C = 'Quality dashboard, the chart of complications';
export const DASHBOARD_COMPLICATION_MESSAGES = declareMessages('dashboard.complications', {
  title: ['Complications', `${C}: its heading (also \`rootlog stats\`' section heading).`],
  axis: ['% of procedures', `${C}: the value axis and its legend.`],
  summary: [
    'Complication rates by type and severity; numbers in the table beside.',
    `${C}: what a screen reader says of the chart.`,
  ],
  label: [
    '{complication} ({severity})',
    `${C}: a complication and its severity, e.g. "Vasovagal reaction (minor)" (also in \`rootlog stats\`).`,
  ],
  caption: ['Rate per procedure', `${C}: the caption of its table.`],
});

const R = 'Quality dashboard, the chart of the radiation dose';
export const DASHBOARD_DOSE_MESSAGES = declareMessages('dashboard.dose', {
  title: ['Radiation dose: monthly median DLP', `${R}: its heading (DLP: dose-length product).`],
  summary: [
    'Monthly median DLP against the reference level for one-level CT ({level} mGy·cm); medians, 75th percentiles and shares above reference in the table beside.',
    `${R}: what a screen reader says of the chart; {level} is the department's level.`,
  ],
  summaryNoLevel: [
    'Monthly median DLP; no reference level for one-level CT is set; medians, 75th percentiles and shares above reference in the table beside.',
    `${R}: what a screen reader says of the chart when the department has no level.`,
  ],
  median: ['Median DLP (hollow: part of a month)', `${R}: the legend of the monthly median.`],
  level: ['Reference level', `${R}: the legend of the department's diagnostic reference level.`],
  caption: ['Dose: median / P75 / above reference', `${R}: the caption of its table (P75: 75th percentile).`],
  dlp: ['DLP (mGy·cm)', `${R}: a column heading.`],
  ctdi: ['CTDIvol (mGy)', `${R}: a column heading.`],
  fluoroscopy: ['Fluoroscopy (s)', `${R}: a column heading: the fluoroscopy time in seconds.`],
  dap: ['DAP (Gy·cm²)', `${R}: a column heading: the dose-area product.`],
});

const T = 'Quality dashboard, the chart of the table time';
export const DASHBOARD_TABLE_TIME_MESSAGES = declareMessages('dashboard.tableTime', {
  title: ['Table time per operator (median minutes)', `${T}: its heading.`],
  axis: ['minutes', `${T}: the value axis.`],
  summary: [
    'Median table time per operator; quartiles in the table beside.',
    `${T}: what a screen reader says of the chart.`,
  ],
  median: ['Median minutes', `${T}: the legend.`],
  caption: ['Minutes, median (IQR)', `${T}: the caption of its table (IQR: interquartile range).`],
});

const O = 'Quality dashboard, the outcome at follow-up';
export const DASHBOARD_OUTCOME_MESSAGES = declareMessages('dashboard.outcomes', {
  title: ['Outcome at follow-up', `${O}: its heading.`],
  hint: [
    'Responders: ≥ 50 % relief of leg pain, and apart a ≥ 2-point NRS drop, among the procedures followed up in each window; completeness counts procedures whose window has ended by {asOf}.',
    `${O}: under the heading; {asOf} is a date.`,
  ],
  caption: [
    'Day {earlyFrom}–{earlyTo} call and week {lateFrom}–{lateTo} review',
    `${O}: the caption of its table: the early phone call (days) and the late review (weeks).`,
  ],
  earlyFollowedUp: ['Day {from}–{to}: followed up', `${O}: a column heading: how many were reached at the early call.`],
  lateFollowedUp: [
    'Week {from}–{to}: followed up',
    `${O}: a column heading: how many were reached at the late review.`,
  ],
  relief: ['≥ 50 % relief', `${O}: a column heading: the share with at least half the leg pain gone.`],
  drop: ['≥ 2-point drop', `${O}: a column heading: the share whose NRS fell by two points or more.`],
  particulate: ['Particulate steroid', `${O}: a row: the procedures with a particulate steroid.`],
  nonParticulate: ['Non-particulate steroid', `${O}: a row: the procedures with a non-particulate steroid.`],
  noSteroid: ['No steroid', `${O}: a row: the procedures without a steroid.`],
});

const L = 'Quality dashboard, the doses against the reference levels';
export const DASHBOARD_REFERENCE_MESSAGES = declareMessages('dashboard.reference', {
  title: ['Doses against the reference levels', `${L}: its heading.`],
  hint: [
    'Median of each group against the level for its modality and protocol (the department\'s own 75th percentile once adopted in Settings). A median needs at least {min} cases (ICRP 135): smaller groups are counted on one "other" line per modality, each case against its own protocol\'s level.',
    `${L}: under the heading.`,
  ],
  caption: ['The department first, then each operator', `${L}: the caption of its table.`],
  modality: ['Modality', `${L}: a column heading.`],
  protocol: ['Protocol', `${L}: a column heading (one level, two levels or bilateral, with a caudal injection).`],
  quantity: ['Quantity', `${L}: a column heading: the dose quantity (DLP, CTDIvol …).`],
  cases: ['Cases', `${L}: a column heading: how many procedures.`],
  median: ['Median', `${L}: a column heading.`],
  level: ['Level', `${L}: a column heading: the reference level that applies.`],
  above: ['Above the level', `${L}: a column heading: the share of procedures above the level.`],
  department: ['Department', `${L}: the rows of the whole department (then each operator's).`],
  medianAbove: ['{median} (median above the level)', `${L}: a median above its reference level.`],
  starting: [
    '{level} (starting value)',
    `${L}: a level that is a published starting figure, not yet the department's own.`,
  ],
  noLevel: ['none', `${L}: no level applies.`],
  other: [
    'Other, fewer than {min} cases each: {groups}',
    `${L}: the line of the groups too small for a median; {groups} lists them with their cases.`,
  ],
  tooFew: ['— (too few cases)', `${L}: no median: too few cases.`],
  eachOwn: ['each its own', `${L}: each case against its own protocol's level.`],
  quantityUnit: ['{quantity} ({unit})', `${L}: a dose quantity and its unit, e.g. "DLP (mGy·cm)".`],
});
