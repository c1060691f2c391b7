import type { Message } from '../../db/model/index.js';
import { PRINT_MESSAGES } from '../features/procedure-form/print-words.js';
import { DEPARTMENT_LANGUAGE_MESSAGES } from '../features/settings/settings-messages.js';

/*
 * The window's message tables (declareMessages), each once: build/i18n.mjs writes them into the
 * catalogues beside the model's. Pure files only (no React, no store): the build loads them in Node.
 */
export const UI_MESSAGE_TABLES: readonly Readonly<Record<string, Message>>[] = [
  PRINT_MESSAGES,
  DEPARTMENT_LANGUAGE_MESSAGES,
];
