/** Words shown for the stored codes: one table, beside the vocabularies (db/model/vocabulary-words.ts). */
export { inSentence, words } from '../../db/model/index.js';
