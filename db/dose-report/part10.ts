import dcmjs from 'dcmjs';

/*
 * A C-STORE brings a data set, not a file. To read it (and to hand it on as a file) RootLog
 * puts a DICOM Part 10 header before it, written by dcmjs; the data set's bytes follow
 * untouched, so what was received stays byte for byte what is kept.
 */

/** RootLog's implementation class UID (a UUID-derived 2.25 UID) for the headers it writes. */
export const ROOTLOG_IMPLEMENTATION_CLASS_UID = '2.25.220142453935713964402411046116962880523';

export interface DatasetIdentity {
  sopClassUid: string;
  sopInstanceUid: string;
  transferSyntaxUid: string;
}

/** A Part 10 file: dcmjs's preamble and file meta header, then the data set exactly as given. */
export function part10Around(dataset: Uint8Array, identity: DatasetIdentity): Uint8Array {
  const header = new dcmjs.data.DicomDict({
    '00020001': { vr: 'OB', Value: [new Uint8Array([0, 1]).buffer] },
    '00020002': { vr: 'UI', Value: [identity.sopClassUid] },
    '00020003': { vr: 'UI', Value: [identity.sopInstanceUid] },
    '00020010': { vr: 'UI', Value: [identity.transferSyntaxUid] },
    '00020012': { vr: 'UI', Value: [ROOTLOG_IMPLEMENTATION_CLASS_UID] },
    '00020013': { vr: 'SH', Value: ['ROOTLOG'] },
  });
  header.dict = {};
  const meta = new Uint8Array(header.write());
  const file = new Uint8Array(meta.length + dataset.length);
  file.set(meta, 0);
  file.set(dataset, meta.length);
  return file;
}
