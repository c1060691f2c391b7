import type { Message } from '../../db/model/index.js';
import { BACKUP_CHIP_MESSAGES, BACKUP_MESSAGES } from '../features/backups/backup-words.js';
import {
  DASHBOARD_COMPLICATION_MESSAGES,
  DASHBOARD_DOSE_MESSAGES,
  DASHBOARD_MESSAGES,
  DASHBOARD_OUTCOME_MESSAGES,
  DASHBOARD_PAIN_MESSAGES,
  DASHBOARD_REFERENCE_MESSAGES,
  DASHBOARD_SPREAD_MESSAGES,
  DASHBOARD_TABLE_TIME_MESSAGES,
  DASHBOARD_VOLUME_MESSAGES,
  DOSE_QUANTITY_MESSAGES,
} from '../features/dashboard/dashboard-messages.js';
import { DOSE_INBOX_MESSAGES } from '../features/dose-reports/dose-reports-messages.js';
import { EXPORT_FORM_MESSAGES, EXPORT_PROGRESS_MESSAGES } from '../features/export/export-messages.js';
import { FOLLOW_UP_FIELD_MESSAGES, FOLLOW_UPS_MESSAGES } from '../features/follow-ups/follow-ups-messages.js';
import {
  HUB_CHIP_MESSAGES,
  HUB_CONFLICT_MESSAGES,
  HUB_KEY_MESSAGES,
  HUB_PANEL_MESSAGES,
} from '../features/hub/hub-messages.js';
import {
  DOSE_FETCH_MESSAGES,
  PATIENT_SECTION_MESSAGES,
  PRINT_ACTION_MESSAGES,
  RIS_AGAIN_MESSAGES,
  SIGN_PANEL_MESSAGES,
} from '../features/procedure-form/form-messages.js';
import { PRINT_MESSAGES } from '../features/procedure-form/print-words.js';
import { EARLIER_DRAFTS_MESSAGES, LIST_MESSAGES, LIST_ROW_MESSAGES } from '../features/procedure-list/list-messages.js';
import { LOCK_SCREEN_MESSAGES } from '../features/session/session-messages.js';
import {
  DEPARTMENT_LANGUAGE_MESSAGES,
  LANGUAGE_PANEL_MESSAGES,
  PRESETS_PANEL_MESSAGES,
} from '../features/settings/settings-messages.js';
import { WORKLIST_MESSAGES } from '../features/worklist/worklist-messages.js';
import { APP_MESSAGES, FILTER_MESSAGES } from './app-messages.js';

/*
 * The window's message tables (declareMessages), each once: build/i18n.mjs writes them into the
 * catalogues beside the model's. Pure files only (no React, no store): the build loads them in Node.
 */
export const UI_MESSAGE_TABLES: readonly Readonly<Record<string, Message>>[] = [
  PRINT_MESSAGES,
  DEPARTMENT_LANGUAGE_MESSAGES,
  LANGUAGE_PANEL_MESSAGES,
  APP_MESSAGES,
  PATIENT_SECTION_MESSAGES,
  PRINT_ACTION_MESSAGES,
  SIGN_PANEL_MESSAGES,
  PRESETS_PANEL_MESSAGES,
  EXPORT_PROGRESS_MESSAGES,
  EXPORT_FORM_MESSAGES,
  EARLIER_DRAFTS_MESSAGES,
  DOSE_FETCH_MESSAGES,
  RIS_AGAIN_MESSAGES,
  FILTER_MESSAGES,
  LIST_MESSAGES,
  LIST_ROW_MESSAGES,
  FOLLOW_UPS_MESSAGES,
  FOLLOW_UP_FIELD_MESSAGES,
  LOCK_SCREEN_MESSAGES,
  DASHBOARD_MESSAGES,
  DASHBOARD_VOLUME_MESSAGES,
  DASHBOARD_PAIN_MESSAGES,
  DASHBOARD_SPREAD_MESSAGES,
  DASHBOARD_COMPLICATION_MESSAGES,
  DASHBOARD_DOSE_MESSAGES,
  DASHBOARD_TABLE_TIME_MESSAGES,
  DASHBOARD_OUTCOME_MESSAGES,
  DASHBOARD_REFERENCE_MESSAGES,
  DOSE_QUANTITY_MESSAGES,
  DOSE_INBOX_MESSAGES,
  WORKLIST_MESSAGES,
  BACKUP_MESSAGES,
  BACKUP_CHIP_MESSAGES,
  HUB_CHIP_MESSAGES,
  HUB_PANEL_MESSAGES,
  HUB_KEY_MESSAGES,
  HUB_CONFLICT_MESSAGES,
];
