/*
 * dcmjs 0.50 decodes text inside sequence items in Latin-1 whatever Specific Character Set the
 * dataset declares (dcmjs-org/dcmjs issues #503 and #508, open): each item is read from a new
 * stream made by ReadBufferStream.more(), which starts with its default decoder. A worklist
 * declaring UTF-8 then showed "PeriradikulÃ¤re" for "Periradikuläre" in a code meaning — no
 * control character, nothing for the entry's checks to catch. The fix passes the stream's
 * decoder on to the streams it makes, so an item decodes as its dataset declares (an item
 * with its own Specific Character Set still sets its own). It changes dcmjs for the whole
 * process, once, and only which decoder a sub-stream starts with; remove it when dcmjs reads
 * sequences right (client.test.ts, "text inside a sequence", fails without it).
 */

import { createRequire } from 'node:module';

type Decoder = InstanceType<typeof TextDecoder>;

interface ReadBufferStream {
  decoder: Decoder;
  setDecoder(decoder: Decoder): void;
  more(length: number): ReadBufferStream;
}

const FIXED = Symbol.for('rootlog.dcmjs.sequenceCharset');

export function decodeSequencesInDeclaredCharset(): void {
  // By require, as dcmjs-dimse loads it: its CommonJS build. An import would take dcmjs's ES
  // build, a second copy that dcmjs-dimse never uses (dcmjs ships no typings either way).
  // In a CommonJS bundle (the command line, the app) a literal require, so the bundler gives
  // this file the very copy of dcmjs it bundled for dcmjs-dimse; in the ES modules the tests
  // and the e2e harness load (no require there), Node's own resolution, which dcmjs-dimse shares.
  const dcmjs = (typeof require === 'function' ? require('dcmjs') : createRequire(import.meta.url)('dcmjs')) as {
    data: { ReadBufferStream: { prototype: ReadBufferStream & { [FIXED]?: true } } };
  };
  const stream = dcmjs.data.ReadBufferStream.prototype;
  if (stream[FIXED]) return;
  const more = stream.more;
  stream.more = function moreWithDecoder(this: ReadBufferStream, length: number) {
    const part = more.call(this, length);
    part.setDecoder(this.decoder);
    return part;
  };
  stream[FIXED] = true;
}
