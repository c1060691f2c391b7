import { REFUSAL_MESSAGES, RootLogError, sentence } from '../model/index.js';
import { GENESIS, isHash } from '../sqlite/hash-chain.js';

/**
 * Where both chains end: the last audit row (its seq and hash) and the last signed version
 * (how many there are and the last one's hash). Kept outside the logbook (printed by
 * `rootlog check`, put in a ticket, a mail, a paper register), it lets a later check prove
 * that nothing written up to it has changed since, even by someone who rewrote every hash.
 */
export interface ChainHead {
  audit: { seq: number; hash: string };
  versions: { count: number; hash: string };
  /** The follow-ups' chain (schema 7); a head printed before it has none, and proves the other two. */
  followUps?: { count: number; hash: string };
  /** The state chain (schema 19): settings, operators, catalogue and signed records' rows. */
  state?: { count: number; hash: string };
  /** The first 16 hex digits of the pseudonym key's fingerprint ("none" without a key): never the key. */
  key?: string;
}

export const EMPTY_HEAD: ChainHead = {
  audit: { seq: 0, hash: GENESIS },
  versions: { count: 0, hash: GENESIS },
  followUps: { count: 0, hash: GENESIS },
  state: { count: 0, hash: GENESIS },
  key: 'none',
};

export const formatHead = (head: ChainHead) =>
  `audit:${head.audit.seq}:${head.audit.hash} versions:${head.versions.count}:${head.versions.hash}${
    head.followUps ? ` follow-ups:${head.followUps.count}:${head.followUps.hash}` : ''
  }${head.state ? ` state:${head.state.count}:${head.state.hash}` : ''}${head.key ? ` key:${head.key}` : ''}`;

export function parseHead(text: string): ChainHead {
  const match =
    /^audit:(\d{1,15}):([0-9a-f]{64}) versions:(\d{1,15}):([0-9a-f]{64})(?: follow-ups:(\d{1,15}):([0-9a-f]{64}))?(?: state:(\d{1,15}):([0-9a-f]{64}))?(?: key:([0-9a-f]{16}|none))?$/.exec(
      text.trim(),
    );
  if (!match || !isHash(match[2]) || !isHash(match[4])) {
    throw new RootLogError('validation', sentence(REFUSAL_MESSAGES.expectedHead), { field: 'expect-head' });
  }
  return {
    audit: { seq: Number(match[1]), hash: match[2] },
    versions: { count: Number(match[3]), hash: match[4] },
    ...(match[5] && match[6] ? { followUps: { count: Number(match[5]), hash: match[6] } } : {}),
    ...(match[7] && match[8] ? { state: { count: Number(match[7]), hash: match[8] } } : {}),
    ...(match[9] ? { key: match[9] } : {}),
  };
}
