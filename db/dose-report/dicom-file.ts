import dcmjs, { type DicomDict } from 'dcmjs';
import { DOSE_REPORT_FINDING_MESSAGES as F } from '../model/dose-report-words.js';
import { RootLogError } from '../model/errors.js';
import { REFUSAL_MESSAGES as R } from '../model/refusal-messages.js';
import { sentence, type Words } from '../model/words.js';
import { finding, type ReportWarning } from './summary.js';

/*
 * A DICOM Part 10 file read with dcmjs (never a parser of RootLog's own), and its text read in
 * the character set it was really written in. Scanners declare one character set and write
 * another: a Latin-1 "Zürich" under ISO_IR 192 (UTF-8) comes out of the declared decoding as
 * "Z\uFFFDrich", and UTF-8 "Zürich" under ISO_IR 100 or no declaration as "ZÃ¼rich". Both are
 * noticed and read again the way the bytes say, with a warning.
 */

/** A file that is not a dose report RootLog reads, with the reason in words. */
export class NotADoseReportError extends RootLogError {
  constructor(reason: Words) {
    super('validation', reason, { field: 'file' });
  }
}

export interface DicomRead {
  /** The dataset, naturalised by dcmjs (keywords as keys). */
  dataset: Record<string, unknown>;
  /** The character set the file declares, as written (null when none). */
  declaredCharacterSet: string | null;
  /** The transfer syntax its file meta header gives the data set. */
  transferSyntaxUid: string | null;
  warnings: ReportWarning[];
}

const UTF8 = 'iso-ir-192';
const asArrayBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

function parse(bytes: Uint8Array, utf8DeclaredButLatin1 = false): DicomDict {
  dcmjs.log.setLevel('error');
  const mapping = dcmjs.constants.encodingMapping;
  const declared = mapping[UTF8];
  // dcmjs picks its text decoder from this table when it meets (0008,0005); for a file known
  // to be Latin-1 under a UTF-8 declaration, the UTF-8 entry points at Latin-1 for this one
  // synchronous read, and is put back before anything else can run.
  if (utf8DeclaredButLatin1) mapping[UTF8] = 'latin1';
  try {
    return dcmjs.data.DicomMessage.readFile(asArrayBuffer(bytes), { ignoreErrors: false });
  } finally {
    if (declared !== undefined) mapping[UTF8] = declared;
  }
}

/** Every text value in a naturalised dataset (person names by their parts). */
function textsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(textsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => (key === '_vrMap' ? [] : textsIn(item)));
}

/** The dataset with every text value passed through `change`. */
function withTexts<T>(value: T, change: (text: string) => string): T {
  if (typeof value === 'string') return change(value) as T;
  if (Array.isArray(value)) return value.map((item) => withTexts(item, change)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, key === '_vrMap' ? item : withTexts(item, change)]),
  ) as T;
}

const NOT_ASCII = /[\u0080-\uFFFF]/;

// WHATWG's "latin1" is windows-1252: the byte each of its characters came from.
const windows1252 = new TextDecoder('windows-1252');
const BYTE_OF = new Map<string, number>(
  Array.from({ length: 256 }, (_, byte) => [windows1252.decode(Uint8Array.of(byte)), byte] as const),
);
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The text UTF-8 bytes meant, when they were decoded as Latin-1; null when they were not UTF-8. */
export function utf8ReadAsLatin1(text: string): string | null {
  if (!NOT_ASCII.test(text)) return null;
  const bytes: number[] = [];
  for (const char of text) {
    const byte = BYTE_OF.get(char);
    if (byte === undefined) return null;
    bytes.push(byte);
  }
  try {
    const decoded = strictUtf8.decode(Uint8Array.from(bytes));
    return decoded === text ? null : decoded;
  } catch {
    return null;
  }
}

function declaredSet(file: DicomDict): string | null {
  const raw = file.dict['00080005']?._rawValue;
  const first = Array.isArray(raw) ? raw[0] : raw;
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : null;
}

/** Reads a Part 10 file; refuses, in words, what is not DICOM at all. */
export function readDicomFile(bytes: Uint8Array): DicomRead {
  if (bytes.length < 132 || String.fromCharCode(...bytes.subarray(128, 132)) !== 'DICM') {
    throw new NotADoseReportError(sentence(R.doseFileNotDicom));
  }
  let file: DicomDict;
  try {
    file = parse(bytes);
  } catch {
    throw new NotADoseReportError(sentence(R.doseFileDamaged));
  }
  const declared = declaredSet(file);
  const warnings: ReportWarning[] = [];
  let dataset = dcmjs.data.DicomMetaDictionary.naturalizeDataset(file.dict);
  const texts = textsIn(dataset);
  if (declared === 'ISO_IR 192' && texts.some((text) => text.includes('\uFFFD'))) {
    dataset = dcmjs.data.DicomMetaDictionary.naturalizeDataset(parse(bytes, true).dict);
    warnings.push(finding('character-set', F.utf8ButLatin1));
  } else if (declared === null || declared === 'ISO_IR 100') {
    if (texts.some((text) => utf8ReadAsLatin1(text) !== null)) {
      dataset = withTexts(dataset, (text) => utf8ReadAsLatin1(text) ?? text);
      warnings.push(finding('character-set', declared ? F.latin1ButUtf8 : F.noSetButUtf8));
    } else if (declared === null && texts.some((text) => NOT_ASCII.test(text))) {
      warnings.push(finding('character-set', F.noSetAccented));
    }
  }
  const syntax = file.meta['00020010']?.Value?.[0];
  return {
    dataset,
    declaredCharacterSet: declared,
    transferSyntaxUid: typeof syntax === 'string' ? syntax : null,
    warnings,
  };
}
