import type { FollowUpOutcomes, ReferenceComparisonRow } from '../model/answers.js';
import { type Dashboard, localDateTimeWithOffset } from '../model/index.js';
import { type ReadSource, readerOf } from '../store.js';
import { dashboard, dashboardFrom } from './dashboard.js';
import { type DashboardFilterValues, parseDashboardFilter } from './dashboard-filter.js';
import { readFilteredFacts } from './filtered-facts.js';
import { followUpOutcomes, outcomesFrom } from './outcomes.js';
import { referenceComparison, referenceGroupsFrom, withSmallGroupsFolded } from './reference-comparison.js';

/*
 * The quality dashboard's screen: the dashboard, the follow-up outcomes and the doses against
 * the reference levels, which it asks for together after every change. All three are counted
 * from one read of the filtered facts.
 */

export interface Screen {
  dashboard: Dashboard;
  outcomes: FollowUpOutcomes;
  reference: ReferenceComparisonRow[];
}

/**
 * The whole screen computed afresh, as after any change to the file: the facts read once,
 * the follow-up index brought up to date (the benchmark times this). `reference` holds every
 * group's own line when `folded` is false (the figures before folding).
 */
export function computeScreen(
  source: ReadSource,
  filterInput: unknown,
  { asOf = localDateTimeWithOffset(new Date()).slice(0, 10), folded = true } = {},
): Screen {
  const read = readerOf(source);
  const filter: DashboardFilterValues = parseDashboardFilter(filterInput);
  const facts = readFilteredFacts(read, filter);
  const groups = referenceGroupsFrom(read, facts);
  return {
    dashboard: dashboardFrom(read, filter, facts, asOf),
    outcomes: outcomesFrom(read, facts, asOf),
    reference: folded ? withSmallGroupsFolded(groups) : groups,
  };
}

/**
 * Computes the whole screen once for the whole logbook so that the first one a reviewer opens
 * is fast: it reads every term and every follow-up entry (kept from then on, see
 * follow-up-index.ts), fills SQLite's page cache with the dashboard index and lets the
 * JavaScript engine compile the counting loops. The app runs it while idle after start.
 */
export function warmUpDashboard(source: ReadSource): Dashboard {
  const read = readerOf(source);
  const whole = dashboard(read, {});
  followUpOutcomes(read, {});
  referenceComparison(read, {});
  return whole;
}
