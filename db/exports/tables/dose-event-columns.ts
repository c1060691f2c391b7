import { DOSE_EVENT_FIELDS } from '../../model/index.js';
import { type PartColumns, partColumns } from './field-columns.js';

/*
 * The irradiation events of the dose reports linked to each record (a detail table), read from
 * the reports as kept (schema 13): one row per CT acquisition or fluoroscopy run, from the
 * report's summary (its ctEvents or projectionEvents), in the order the report lists them.
 * A report replaced by a fuller one is left out (the fuller one holds its events).
 */
export const doseEventColumns: PartColumns = partColumns(DOSE_EVENT_FIELDS, 'v');

const EVENT = (path: string) => `json_extract(e.value, '$.${path}')`;
const reportEvents = (list: 'ctEvents' | 'projectionEvents') => `
  SELECT r.procedure_id, r.sop_instance_uid AS report_sop_instance_uid, r.kind AS report_kind,
    trim(coalesce(r.manufacturer, '') || ' ' || coalesce(r.model, '') || coalesce(' (' || r.station_name || ')', '')) AS device,
    CAST(e.key AS INTEGER) + 1 AS event_number, ${EVENT('irradiationEventUid')} AS irradiation_event_uid,
    coalesce(${EVENT('acquisitionType')}, ${EVENT('eventType')}) AS event_type, ${EVENT('protocol')} AS protocol,
    ${EVENT('plane')} AS plane, ${EVENT('startedAt')} AS started_at, ${EVENT('ctdiVolMGy')} AS ctdi_vol_mgy,
    ${EVENT('phantom')} AS phantom, ${EVENT('dlpMGyCm')} AS dlp_mgy_cm, ${EVENT('dapGyCm2')} AS dap_gy_cm2,
    ${EVENT('doseRpGy')} AS dose_rp_gy, ${EVENT('durationS')} AS duration_s, r.received_at, r.rowid AS report_rowid
  FROM dose_reports r, json_each(r.summary, '$.${list}') e
  WHERE r.superseded_by IS NULL AND r.procedure_id IS NOT NULL`;

/** Every event of every current, linked report: joined to the export's records as `v`. */
export const DOSE_EVENTS_SQL = `(${reportEvents('ctEvents')} UNION ALL ${reportEvents('projectionEvents')}) v`;
