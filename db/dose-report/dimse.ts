import * as dcmjsDimse from 'dcmjs-dimse';

/*
 * dcmjs-dimse 0.3 is a CommonJS bundle whose names Node's ES module loader cannot see one by
 * one: its exports are taken from the module object (the bundle's `default` under Node, the
 * namespace itself under esbuild's CommonJS output). Its own logging is silenced; RootLog
 * reports what happened in words.
 */
type Dimse = typeof dcmjsDimse;
export const dimse: Dimse = (dcmjsDimse as unknown as { default?: Dimse }).default ?? dcmjsDimse;
dimse.log.setLevel('silent');

/** Transfer syntaxes RootLog accepts a dose report in, preferred first: uncompressed little endian. */
export const ACCEPTED_TRANSFER_SYNTAXES: readonly string[] = [
  dimse.constants.TransferSyntax.ExplicitVRLittleEndian,
  dimse.constants.TransferSyntax.ImplicitVRLittleEndian,
];
