import { REPORT_KINDS } from '../dose-report-kinds.js';
import { declareFields } from './field.js';

/*
 * One irradiation event of a dose report linked to a record (the export's detail table
 * `dose_events`): what the scanner's RDSR says of each CT acquisition or each fluoroscopy and
 * acquisition run, read from the report as RootLog kept it (schema 13's dose_reports, its
 * summary). Never entered: every field is derived. The record's own fields keep the totals.
 */

/** The event types a CT report (acquisition types) and a projection report (fluoroscopy, acquisition) name. */
export const DOSE_EVENT_TYPES = [
  'sequenced',
  'spiral',
  'constant-angle',
  'stationary',
  'free',
  'fluoroscopy',
  'acquisition',
] as const;
export const DOSE_EVENT_PHANTOMS = ['body-32cm', 'head-16cm'] as const;
export const DOSE_EVENT_PLANES = ['single', 'A', 'B', 'all'] as const;

const derived = { role: 'derived', column: false } as const;

export const DOSE_EVENT_FIELDS = declareFields('doseEvent', [
  {
    key: 'reportSopInstanceUid',
    ...derived,
    type: 'text',
    label: 'Dose report (SOP Instance UID)',
    export: { column: 'report_sop_instance_uid', description: 'The dose report the event is from.' },
    // Finds the patient's study in the PACS.
    privacy: 'identifying',
  },
  {
    key: 'reportKind',
    ...derived,
    type: 'code',
    values: REPORT_KINDS,
    label: 'Report',
    export: {
      column: 'report_kind',
      description: 'ct: a CT dose report; projection: a fluoroscopy (projection X-ray) one.',
    },
  },
  {
    key: 'device',
    ...derived,
    type: 'text',
    label: 'Device',
    export: { column: 'device', description: 'Manufacturer, model and station of the device that wrote the report.' },
  },
  {
    key: 'eventNumber',
    ...derived,
    type: 'integer',
    label: 'Event',
    export: { column: 'event_number', description: 'The event’s place in its report (1 = the first).' },
  },
  {
    key: 'irradiationEventUid',
    ...derived,
    type: 'text',
    label: 'Irradiation Event UID',
    export: { column: 'irradiation_event_uid', description: 'The device’s UID of the event (DCM 113769).' },
    privacy: 'identifying',
  },
  {
    key: 'eventType',
    ...derived,
    type: 'code',
    values: DOSE_EVENT_TYPES,
    label: 'Event type',
    export: {
      column: 'event_type',
      description:
        'CT acquisition type (113820: sequenced, spiral, constant-angle = the localizer, stationary, free) or projection event type (113721: fluoroscopy, acquisition).',
    },
  },
  {
    key: 'protocol',
    ...derived,
    type: 'text',
    label: 'Protocol',
    export: { column: 'protocol', description: 'The acquisition protocol as the device names it (125203).' },
  },
  {
    key: 'plane',
    ...derived,
    type: 'code',
    values: DOSE_EVENT_PLANES,
    label: 'Plane',
    export: { column: 'plane', description: 'Projection: the acquisition plane (single, A or B of a biplane system).' },
  },
  {
    key: 'startedAt',
    ...derived,
    type: 'text',
    label: 'Started',
    export: {
      column: 'started_at',
      description: 'Projection: when the event began, the device’s local time as written.',
    },
    // A clock time with the date points at one patient.
    privacy: 'identifying',
  },
  {
    key: 'ctdiVolMGy',
    ...derived,
    type: 'number',
    label: 'CTDIvol (mGy)',
    unit: 'mGy',
    export: { column: 'ctdi_vol_mgy', description: 'CT: the event’s mean CTDIvol (113830).' },
  },
  {
    key: 'phantom',
    ...derived,
    type: 'code',
    values: DOSE_EVENT_PHANTOMS,
    label: 'Phantom',
    export: {
      column: 'phantom',
      description: 'CT: the CTDIvol’s phantom (113835): 32 cm body or 16 cm head; the two are not comparable.',
    },
  },
  {
    key: 'dlpMGyCm',
    ...derived,
    type: 'number',
    label: 'DLP (mGy·cm)',
    unit: 'mGy·cm',
    export: { column: 'dlp_mgy_cm', description: 'CT: the event’s dose-length product (113838).' },
  },
  {
    key: 'dapGyCm2',
    ...derived,
    type: 'number',
    label: 'DAP (Gy·cm²)',
    unit: 'Gy·cm²',
    export: { column: 'dap_gy_cm2', description: 'Projection: the event’s dose-area product (122130), in Gy·cm².' },
  },
  {
    key: 'doseRpGy',
    ...derived,
    type: 'number',
    label: 'Dose at the reference point (Gy)',
    unit: 'Gy',
    export: { column: 'dose_rp_gy', description: 'Projection: the event’s dose at the reference point (113738).' },
  },
  {
    key: 'durationS',
    ...derived,
    type: 'number',
    label: 'Duration (s)',
    unit: 's',
    export: {
      column: 'duration_s',
      description:
        'Projection: the event’s duration (113742), when the device gives it; the total fluoroscopy time is the record’s.',
    },
  },
]);
