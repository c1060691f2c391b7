import type { z } from 'zod';
import { dashboardFilterSchema, problemsFromZod, RootLogError } from '../model/index.js';

/** A dashboard filter already parsed (by the API contract or the caller). */
export type DashboardFilterValues = z.output<typeof dashboardFilterSchema>;

export function parseDashboardFilter(filterInput: unknown): DashboardFilterValues {
  const parsed = dashboardFilterSchema.safeParse(filterInput ?? {});
  if (!parsed.success) throw RootLogError.invalid(problemsFromZod(parsed.error));
  return parsed.data;
}
