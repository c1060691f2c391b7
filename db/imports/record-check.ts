export {
  checkRecord,
  plainText,
  type RecordCheckContext,
  type RecordVerdict,
  type SoundRecord,
} from '../interchange/record-check.js';
