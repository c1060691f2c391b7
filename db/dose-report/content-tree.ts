import { DOSE_REPORT_PART_MESSAGES, DOSE_REPORT_FINDING_MESSAGES as F } from '../model/dose-report-words.js';
import type { WordValue } from '../model/words.js';
import { sentence } from '../model/words.js';
import { type Concept, type ConceptCode, sameConcept } from './codes.js';
import { finding, type ReportWarning } from './summary.js';
import { type Quantity, toStoredUnit } from './units.js';

/*
 * Walking an SR content tree as dcmjs naturalises it (ContentSequence, ConceptNameCodeSequence,
 * MeasuredValueSequence …), tolerant of what real files leave out: every accessor returns null
 * for a missing piece and the readers say what was missing in words.
 */

export type ContentItem = Record<string, unknown>;

/** A sequence as a list (dcmjs gives arrays; a lone item object is taken as one item). */
export function listOf(value: unknown): ContentItem[] {
  if (Array.isArray(value))
    return value.filter((item): item is ContentItem => item !== null && typeof item === 'object');
  return value !== null && typeof value === 'object' ? [value as ContentItem] : [];
}

const text = (value: unknown): string | null => {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== 'string') return null;
  const trimmed = first.trim();
  return trimmed === '' ? null : trimmed;
};

/** The code of a code sequence's first item (value and scheme), or null. */
export function codeIn(sequence: unknown): Concept | null {
  const item = listOf(sequence)[0];
  const value = item ? text(item.CodeValue) : null;
  const scheme = item ? text(item.CodingSchemeDesignator) : null;
  return value && scheme ? { value, scheme } : null;
}

export const conceptOf = (item: ContentItem): Concept | null => codeIn(item.ConceptNameCodeSequence);
export const childrenOf = (item: ContentItem): ContentItem[] => listOf(item.ContentSequence);
export const childrenNamed = (item: ContentItem, code: ConceptCode): ContentItem[] =>
  childrenOf(item).filter((child) => sameConcept(code, conceptOf(child)));
export const childNamed = (item: ContentItem, code: ConceptCode): ContentItem | undefined =>
  childrenNamed(item, code)[0];

export const textValueOf = (item: ContentItem | undefined): string | null => (item ? text(item.TextValue) : null);
export const uidValueOf = (item: ContentItem | undefined): string | null => (item ? text(item.UID) : null);

/** The meaning the report gives a concept (its words, a value), for findings only (never for matching). */
export const meaningOf = (item: ContentItem): WordValue =>
  text(listOf(item.ConceptNameCodeSequence)[0]?.CodeMeaning) ??
  conceptOf(item)?.value ??
  sentence(DOSE_REPORT_PART_MESSAGES.anItem);

/**
 * Reads the children of an item for one report part, collecting what was odd in `warnings`;
 * `where` names the part in findings (DOSE_REPORT_PART_MESSAGES: "CT event 2").
 */
export class ItemReader {
  constructor(
    private readonly warnings: ReportWarning[],
    private readonly where: WordValue,
    /** The report's (0008,0201) Timezone Offset From UTC ("+0100"), for date-times without their own. */
    private readonly zone: string | null = null,
  ) {}

  /** The value of a CODE child; a CODE item without its concept code sequence is said, and read as absent. */
  code(item: ContentItem, concept: ConceptCode): Concept | null {
    const child = childNamed(item, concept);
    if (!child) return null;
    const value = codeIn(child.ConceptCodeSequence);
    if (!value) {
      this.warnings.push(
        finding('code-without-value', F.codeWithoutValue, { item: meaningOf(child), where: this.where }),
      );
    }
    return value;
  }

  /**
   * A NUM child in RootLog's unit: null when absent, when its number cannot be read, or when
   * its unit is not one RootLog knows (said, never converted on a guess).
   */
  number(item: ContentItem, concept: ConceptCode, quantity: Quantity): number | null {
    const child = childNamed(item, concept);
    if (!child) return null;
    const measured = listOf(child.MeasuredValueSequence)[0];
    if (!measured) return null;
    const raw = Array.isArray(measured.NumericValue) ? measured.NumericValue[0] : measured.NumericValue;
    const value = typeof raw === 'string' ? Number(raw.trim()) : raw;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.warnings.push(
        finding('unreadable-number', F.unreadableNumber, {
          item: meaningOf(child),
          where: this.where,
          raw: JSON.stringify(raw ?? null),
        }),
      );
      return null;
    }
    const converted = toStoredUnit(quantity, value, codeIn(measured.MeasurementUnitsCodeSequence));
    if (!converted.ok) {
      this.warnings.push(
        finding('unknown-unit', F.unknownUnit, {
          item: meaningOf(child),
          where: this.where,
          value,
          unit: converted.unit,
        }),
      );
      return null;
    }
    return converted.value;
  }

  /**
   * A DATETIME child as ISO date-time: with its UTC offset when the value or the report gives
   * one, else the device's local time without offset; an invalid one is said and read as absent.
   */
  dateTime(item: ContentItem, concept: ConceptCode): string | null {
    const child = childNamed(item, concept);
    const raw = child ? text(child.DateTime) : null;
    if (!child || raw === null) return null;
    const iso = isoDateTime(raw, this.zone);
    if (!iso) {
      this.warnings.push(
        finding('invalid-date-time', F.invalidDateTime, {
          item: meaningOf(child),
          where: this.where,
          raw: JSON.stringify(raw),
        }),
      );
    }
    return iso;
  }
}

const DT = /^(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?(\.\d{1,6})?([+-]\d{4})?$/;

/**
 * A DICOM UTC offset (&ZZXX, PS3.5 6.2: -1200 to +1400, as DT's suffix and (0008,0201) write
 * it) as ISO's "+01:00", or null when it is not one.
 */
export function isoOffset(raw: string | null): string | null {
  const match = raw ? /^([+-])(\d{2})(\d{2})$/.exec(raw.trim()) : null;
  if (!match) return null;
  const [, sign, hours, minutes] = match as unknown as [string, string, string, string];
  const total = (Number(hours) * 60 + Number(minutes)) * (sign === '-' ? -1 : 1);
  if (Number(minutes) > 59 || total < -12 * 60 || total > 14 * 60) return null;
  return `${sign}${hours}:${minutes}`;
}

/**
 * A DICOM DT (YYYYMMDDHHMMSS.FFFFFF&ZZXX, trailing parts optional) as YYYY-MM-DDTHH:MM:SS, with
 * the UTC offset it carries ("+01:00") or else the report's Timezone Offset From UTC (`zone`,
 * as DICOM writes it: "+0100"); without either it is the device's local time, without offset.
 * Null when it is not a date-time (its own offset included).
 */
export function isoDateTime(raw: string, zone: string | null = null): string | null {
  const match = DT.exec(raw);
  if (!match) return null;
  const [, year, month, day, hour = '00', minute = '00', second = '00', , own] = match;
  const iso = `${year}-${month}-${day}T${hour}:${minute}:${second}`;
  if (!validDateTime(iso)) return null;
  if (own !== undefined) {
    const offset = isoOffset(own);
    return offset ? `${iso}${offset}` : null;
  }
  const offset = isoOffset(zone);
  return offset ? `${iso}${offset}` : iso;
}

/** A DICOM DA (YYYYMMDD) as YYYY-MM-DD, or null. */
export function isoDate(raw: string | null): string | null {
  const match = raw ? /^(\d{4})(\d{2})(\d{2})$/.exec(raw) : null;
  if (!match) return null;
  const iso = `${match[1]}-${match[2]}-${match[3]}`;
  return validDateTime(`${iso}T00:00:00`) ? iso : null;
}

/** A DICOM TM (HHMMSS.FFFFFF, trailing parts optional; also the old HH:MM:SS) as HH:MM:SS, or null. */
export function isoTime(raw: string | null): string | null {
  const match = raw ? /^(\d{2}):?(\d{2})?:?(\d{2})?(\.\d{1,6})?$/.exec(raw) : null;
  if (!match) return null;
  const [, hour, minute = '00', second = '00'] = match;
  const time = `${hour}:${minute}:${second}`;
  return validDateTime(`2000-01-01T${time}`) ? time : null;
}

function validDateTime(iso: string): boolean {
  const date = new Date(`${iso}Z`);
  // The round trip refuses 2026-02-30 and 25:00, which Date would otherwise roll over.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 19) === iso;
}
