import { randomUUID } from 'node:crypto';
import type { ExportFormat, ExportOptions } from '../db/exports/options.js';
import { runCheckedExport } from '../db/exports/run.js';
import { REFUSAL_MESSAGES as R, RootLogError, sentence } from '../db/model/index.js';
import type { Store } from '../db/store.js';
import type { ExportJobStatus } from './shared/export-job.js';

export type { ExportJobStatus } from './shared/export-job.js';

/*
 * Exports run in the main process while the window stays responsive: `start` returns a job
 * id at once, `status` reports progress (the renderer polls it for its progress bar), and
 * `cancel` stops the job, leaving no file behind.
 */

const SUFFIX: Record<ExportFormat, string> = { csv: 'csv', xlsx: 'xlsx', json: 'json', fhir: 'fhir.json' };

export const suggestedExportName = (format: ExportFormat, today = new Date()) =>
  `rootlog-export-${today.toISOString().slice(0, 10)}.${SUFFIX[format]}`;

export class ExportJobs {
  private readonly jobs = new Map<
    string,
    ExportJobStatus & { controller: AbortController; settled: Promise<unknown> }
  >();

  constructor(
    private readonly store: Store,
    private readonly onUnexpectedError?: (error: unknown) => void,
  ) {}

  start(request: ExportOptions): ExportJobStatus {
    const id = randomUUID();
    const controller = new AbortController();
    const job: ExportJobStatus & { controller: AbortController; settled: Promise<unknown> } = {
      id,
      state: 'running',
      done: 0,
      total: 0,
      result: null,
      error: null,
      controller,
      settled: Promise.resolve(),
    };
    this.jobs.set(id, job);
    job.settled = runCheckedExport(this.store, request, {
      signal: controller.signal,
      onProgress: (done, total) => {
        job.done = done;
        job.total = total;
      },
    }).then(
      (result) => {
        job.state = 'done';
        job.result = result;
      },
      (error: unknown) => {
        job.state = error instanceof RootLogError && error.code === 'cancelled' ? 'cancelled' : 'failed';
        job.error =
          error instanceof RootLogError
            ? error.toJSON()
            : { code: 'internal', message: 'The export failed; no file was written.' };
        if (!(error instanceof RootLogError)) this.onUnexpectedError?.(error);
      },
    );
    return this.status(id);
  }

  status(id: string): ExportJobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new RootLogError('not_found', sentence(R.noExportJob, { id }), { field: 'jobId' });
    const { controller: _controller, settled: _settled, ...status } = job;
    return status;
  }

  /** The job's status once it has ended (done, failed or cancelled): every job ends, whatever the disk does. */
  async settled(id: string): Promise<ExportJobStatus> {
    await this.jobs.get(id)?.settled;
    return this.status(id);
  }

  cancel(id: string): ExportJobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new RootLogError('not_found', sentence(R.noExportJob, { id }), { field: 'jobId' });
    job.controller.abort();
    return this.status(id);
  }
}
