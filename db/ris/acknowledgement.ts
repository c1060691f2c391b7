import type { Hl7Message } from '@medplum/core';
import { textFromPeer } from '../model/connection-settings.js';
import { RIS_DELIVERY_MESSAGES as M } from '../model/ris-delivery.js';
import { sentence, type Words } from '../model/words.js';
import { unescapeHl7 } from './hl7-text.js';

/*
 * What the RIS answered (the ACK's MSA and ERR segments), read as the outbox acts on it:
 * AA (and CA, a commit accept in enhanced mode) clear the report; AE and AR (and CR) are a
 * refusal shown with the RIS's own words; CE (a commit error) and anything unreadable mean
 * "try again later". The RIS's words are its own but shown safely (no control characters,
 * a bounded length). Pure.
 */

export type RisAnswer =
  | { kind: 'accepted'; code: 'AA' | 'CA'; text: string }
  | { kind: 'refused'; code: 'AE' | 'AR' | 'CR'; text: string }
  /** Why to try again later, as words (the record shows them; the RIS's own words a value). */
  | { kind: 'retry'; reason: Words };

const delimiters = (message: Hl7Message) => ({
  fieldSeparator: message.context.fieldSeparator,
  componentSeparator: message.context.componentSeparator,
  repetitionSeparator: message.context.repetitionSeparator,
  escapeCharacter: message.context.escapeCharacter,
  subcomponentSeparator: message.context.subcomponentSeparator,
});

/** The RIS's own words: MSA-3, then each ERR's user message (ERR-8), error code text (ERR-3.2) or v2.3 ERR-1. */
function wordsOf(message: Hl7Message): string {
  const read = (value: string | undefined) => unescapeHl7(value ?? '', delimiters(message)).trim();
  const words = [read(message.getSegment('MSA')?.getField(3)?.toString())];
  for (const err of message.getAllSegments('ERR')) {
    words.push(
      read(err.getField(8)?.toString()) ||
        read(err.getField(3)?.getComponent(2)) ||
        read(err.getField(1)?.getComponent(4)?.split(message.context.subcomponentSeparator)[1]),
    );
  }
  return textFromPeer([...new Set(words.filter(Boolean))].join(' — '));
}

export function readAcknowledgement(message: Hl7Message, controlId: string): RisAnswer {
  const msa = message.getSegment('MSA');
  if (!msa) return { kind: 'retry', reason: sentence(M.noAcknowledgement) };
  const code = msa.getField(1)?.toString().trim().toUpperCase();
  const answersThis = msa.getField(2)?.toString().trim() === controlId;
  if (!answersThis) return { kind: 'retry', reason: sentence(M.otherMessage) };
  const text = wordsOf(message);
  if (code === 'AA' || code === 'CA') return { kind: 'accepted', code, text };
  if (code === 'AE' || code === 'AR' || code === 'CR') return { kind: 'refused', code, text };
  if (code === 'CE')
    return { kind: 'retry', reason: text ? sentence(M.notForNowSaying, { text }) : sentence(M.notForNow) };
  return { kind: 'retry', reason: sentence(M.unknownCode, { code: textFromPeer(code ?? '', 10) }) };
}
