import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { none } from 'stream-chain/defs.js';
import { jsonParser } from 'stream-json/parser.js';
import type { InterchangeEvent } from '../interchange/format.js';
import type { ImportLimits } from '../interchange/limits.js';
import {
  IMPORT_FILE_MESSAGES as F,
  type Message,
  RootLogError,
  sentence,
  type Words,
  type WordValue,
} from '../model/index.js';
import { BoundedValue, type Token } from './bounded-value.js';

/*
 * Reads a RootLog JSON export as a stream: the header (every top-level member before
 * "procedures") and then one record at a time, each built with the limits of limits.ts. A
 * record over a limit is reported by its position, not built. Memory stays flat whatever the
 * file's size; nothing is read twice.
 */

export type FileEvent = InterchangeEvent;

export interface ReadProgress {
  bytes: number;
  totalBytes: number;
  /** SHA-256 of the whole file, once it has been read to its end. */
  sha256?: string;
}

/** A file that is not an export: `why` a message of IMPORT_FILE_MESSAGES, or one with its values. */
const notAnExport = (path: string, why: Message | Words) =>
  new RootLogError('validation', sentence(F.notAnExport, { path, why: 'id' in why ? sentence(why) : why }), {
    field: 'in',
  });

class ExportReader {
  private depth = 0;
  private key: string | undefined;
  private readonly header: Record<string, unknown> = {};
  private headerValue: BoundedValue | undefined;
  private inProcedures = false;
  private proceduresSeen = false;
  private record: BoundedValue | undefined;
  private recordId: string | null = null;
  private recordDepth = 0;
  private recordKey: string | undefined;
  private index = 0;
  events: FileEvent[] = [];

  constructor(
    private readonly path: string,
    private readonly limits: ImportLimits,
  ) {}

  consume(token: Token): void {
    if (this.record) {
      this.inRecord(token);
      return;
    }
    if (this.headerValue) {
      this.inHeaderValue(token);
      return;
    }
    const closes = token.name === 'endObject' || token.name === 'endArray';
    if (this.depth === 0) {
      if (token.name !== 'startObject') throw notAnExport(this.path, F.notAnObject);
      this.depth = 1;
      return;
    }
    if (this.inProcedures) {
      if (token.name === 'endArray') {
        this.inProcedures = false;
        this.depth = 1;
        return;
      }
      // A new record: built with its own limits.
      this.record = new BoundedValue(this.limits, this.limits.valuesPerRecord);
      this.recordId = null;
      this.recordDepth = 0;
      this.recordKey = undefined;
      this.inRecord(token);
      return;
    }
    // depth 1: the export's own members.
    if (closes) {
      this.depth = 0;
      return;
    }
    if (token.name === 'keyValue') {
      this.key = token.value as string;
      return;
    }
    if (this.key === 'procedures' && token.name === 'startArray' && !this.proceduresSeen) {
      this.proceduresSeen = true;
      this.inProcedures = true;
      this.events.push({ kind: 'header', header: this.header });
      return;
    }
    if (this.key === 'procedures')
      throw notAnExport(this.path, this.proceduresSeen ? F.secondRecordList : F.recordsNotAList);
    this.headerValue = new BoundedValue(this.limits, this.limits.valuesInHeader);
    this.inHeaderValue(token);
  }

  private inHeaderValue(token: Token): void {
    const value = this.headerValue as BoundedValue;
    value.consume(token);
    if (!value.complete) return;
    if (value.problem)
      throw notAnExport(this.path, sentence(F.headerValue, { key: this.key ?? '', problem: value.problem }));
    if (!this.proceduresSeen && this.key !== undefined) this.header[this.key] = value.value;
    this.headerValue = undefined;
  }

  private inRecord(token: Token): void {
    const record = this.record as BoundedValue;
    // The record's id, remembered as it streams by, so an oversized record can still be named.
    if (token.name === 'startObject' || token.name === 'startArray') this.recordDepth++;
    else if (token.name === 'endObject' || token.name === 'endArray') this.recordDepth--;
    else if (this.recordDepth === 1 && token.name === 'keyValue') this.recordKey = token.value as string;
    else if (
      this.recordDepth === 1 &&
      this.recordKey === 'id' &&
      token.name === 'stringValue' &&
      this.recordId === null
    )
      this.recordId = (token.value as string).slice(0, 64);
    record.consume(token);
    if (!record.complete) return;
    this.index++;
    if (record.problem) {
      this.events.push({ kind: 'too_large', index: this.index, id: this.recordId, problem: record.problem });
    } else {
      this.events.push({ kind: 'record', index: this.index, value: record.value, characters: record.characters });
    }
    this.record = undefined;
  }

  /** At the end of the file: the header, if no record list ever came, so that its own problems are said first. */
  finish(): FileEvent[] {
    if (this.depth !== 0 || this.record || this.headerValue) throw notAnExport(this.path, F.endsInTheMiddle);
    return this.proceduresSeen ? [] : [{ kind: 'header', header: this.header }];
  }

  get complete(): boolean {
    return this.proceduresSeen;
  }
}

/**
 * The file's events, a chunk at a time (about 1 MB of file each): the caller handles each
 * batch synchronously, so the per-token work never awaits.
 */
export async function* readExportFile(
  path: string,
  limits: ImportLimits,
  onProgress?: (progress: ReadProgress) => void,
): AsyncGenerator<FileEvent[]> {
  let totalBytes: number;
  const cannotRead = (reason: WordValue) =>
    new RootLogError('validation', sentence(F.cannotRead, { path, reason }), { field: 'in' });
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch (error) {
    // The system's own words ("ENOENT: no such file or directory, stat …"), as they came.
    throw cannotRead(error instanceof Error ? error.message : String(error));
  }
  if (!stat.isFile()) throw cannotRead(sentence(F.notAFile));
  totalBytes = stat.size;
  if (totalBytes > limits.fileBytes) {
    const gigabytes = (bytes: number) => Math.round((bytes / 1024 ** 3) * 10) / 10;
    throw new RootLogError(
      'validation',
      sentence(F.fileTooLarge, { path, size: gigabytes(totalBytes), most: gigabytes(limits.fileBytes) }),
      { field: 'in' },
    );
  }
  const parse = jsonParser({ packValues: true, streamValues: false });
  const reader = new ExportReader(path, limits);
  const hash = createHash('sha256');
  // Strict UTF-8: a byte sequence that is not text is refused, never replaced by U+FFFD.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  const feed = (produced: unknown) => {
    if (produced === none) return;
    const values = (produced as { values?: Token[] }).values;
    for (const token of values ?? [produced as Token]) reader.consume(token);
  };
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > limits.fileBytes) throw notAnExport(path, F.grewWhileRead);
      hash.update(chunk);
      try {
        feed(parse(decoder.decode(chunk, { stream: true })));
      } catch (error) {
        if (error instanceof RootLogError) throw error;
        // The parser's own words, as they came.
        const detail = error instanceof Error ? error.message : String(error);
        throw notAnExport(path, sentence(F.notJsonNear, { byte: bytes, detail }));
      }
      onProgress?.({ bytes, totalBytes });
      if (reader.events.length > 0) {
        const events = reader.events;
        reader.events = [];
        yield events;
      }
    }
    try {
      const rest = decoder.decode();
      if (rest) feed(parse(rest));
      feed(parse(none as unknown as string));
    } catch (error) {
      if (error instanceof RootLogError) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      throw notAnExport(path, sentence(F.notJsonAtEnd, { detail }));
    }
    const unseen = reader.finish();
    if (reader.events.length > 0 || unseen.length > 0) yield [...reader.events, ...unseen];
    if (!reader.complete) throw notAnExport(path, F.noRecordList);
    onProgress?.({ bytes, totalBytes, sha256: hash.digest('hex') });
  } finally {
    stream.destroy();
  }
}
