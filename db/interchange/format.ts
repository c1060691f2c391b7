/*
 * RootLog's interchange format: a JSON document with a header (format, version, the exporting
 * logbook's schema, its operators and drug catalogue) and its procedures, each a whole record
 * (content, life, signed versions, history, follow-ups, with their hash links). The JSON export
 * writes it, the import and the hub read it.
 */

import type { Words } from '../model/index.js';

export const JSON_FORMAT = 'rootlog-export';
export const JSON_FORMAT_VERSION = 1;

/** What a reader of the format hands the merge: the header, then each record as read (or too large to read). */
export type InterchangeEvent =
  | { kind: 'header'; header: Record<string, unknown> }
  | {
      kind: 'record';
      index: number;
      value: unknown /** Characters of text in it, when the reader counted them. */;
      characters?: number;
    }
  /** `problem`: what is too large, after what it is ("holds more than … characters of text"). */
  | { kind: 'too_large'; index: number; id: string | null; problem: Words };
