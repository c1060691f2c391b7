import {
  AFTERCARE_MESSAGES,
  type Message,
  REPORT_MESSAGES,
  SUMMARY_LABEL_MESSAGES,
  SUMMARY_SECTION_MESSAGES,
  SUMMARY_VALUE_MESSAGES,
  WARNING_MESSAGES,
} from '../model/index.js';

/** The model's sentences declared in code (declareMessages), each table once; the window's: renderer/app/ui-messages.ts. */
export const CODE_MESSAGE_TABLES: readonly Readonly<Record<string, Message>>[] = [
  AFTERCARE_MESSAGES,
  REPORT_MESSAGES,
  WARNING_MESSAGES,
  SUMMARY_SECTION_MESSAGES,
  SUMMARY_LABEL_MESSAGES,
  SUMMARY_VALUE_MESSAGES,
];
