/*
 * The part of dcmjs 0.50 (it ships no types) that RootLog relies on: reading a Part 10 file
 * into tagged elements, naturalising them to keyword objects, writing a file meta header,
 * the table that maps a declared character set to a text decoder, and its logger.
 */
declare module 'dcmjs' {
  export interface DicomElement {
    vr: string;
    Value?: unknown[];
    _rawValue?: unknown;
  }
  export type TaggedDataset = Record<string, DicomElement>;
  export interface DicomDict {
    meta: TaggedDataset;
    dict: TaggedDataset;
    write(): ArrayBuffer;
  }
  interface Dcmjs {
    data: {
      DicomMessage: {
        readFile(
          buffer: ArrayBuffer,
          options?: { ignoreErrors?: boolean; untilTag?: string | null; noCopy?: boolean; forceStoreRaw?: boolean },
        ): DicomDict;
      };
      DicomMetaDictionary: {
        naturalizeDataset(dataset: TaggedDataset): Record<string, unknown>;
      };
      DicomDict: new (meta: TaggedDataset) => DicomDict;
    };
    constants: { encodingMapping: Record<string, string> };
    log: { setLevel(level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'silent'): void };
  }
  const dcmjs: Dcmjs;
  export default dcmjs;
}
