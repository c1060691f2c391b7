import {
  AFTERCARE_MESSAGES,
  CLI_MESSAGES,
  ERROR_MESSAGES,
  type Message,
  OTHER_LABEL_MESSAGES,
  PART_LABEL_MESSAGES,
  PROBLEM_MESSAGES,
  REFUSAL_MESSAGES,
  REPORT_MESSAGES,
  SIGNING_MESSAGES,
  WARNING_MESSAGES,
  ZOD_MESSAGES,
} from '../model/index.js';

/** The model's sentences declared in code (declareMessages), each table once; the window's: renderer/app/ui-messages.ts. */
export const CODE_MESSAGE_TABLES: readonly Readonly<Record<string, Message>>[] = [
  AFTERCARE_MESSAGES,
  REPORT_MESSAGES,
  WARNING_MESSAGES,
  ERROR_MESSAGES,
  PROBLEM_MESSAGES,
  SIGNING_MESSAGES,
  ZOD_MESSAGES,
  OTHER_LABEL_MESSAGES,
  PART_LABEL_MESSAGES,
  CLI_MESSAGES,
  REFUSAL_MESSAGES,
];
