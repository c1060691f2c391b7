import type { ExportResult } from '../../db/exports/options.js';
import type { ApiError } from '../../db/model/errors.js';

/** An export running in the main process, as the window polls it (electron/export-jobs.ts runs it). */
export interface ExportJobStatus {
  id: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number;
  result: ExportResult | null;
  error: ApiError | null;
}
