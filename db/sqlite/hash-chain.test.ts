import { describe, expect, it } from 'vitest';
import { auditHash, followUpHash, GENESIS, versionHash } from './hash-chain.js';

const id = '0193a0b2-0000-7000-8000-000000000001';
const created = {
  seq: 1,
  at: '2026-11-29T08:00:00.000Z',
  actor: 'dr.a',
  action: 'create',
  entity: 'procedure',
  entityId: id,
  version: 1,
  changes: '{"painPre":{"before":null,"after":7}}',
  reason: null,
};

describe('the hash chain format (stored: these vectors can never change)', () => {
  it('hashes an audit row over the previous hash and its canonical columns', () => {
    // Computed independently: sha256("0"×64 + "\n" + json.dumps(row, sort_keys=True, separators=(",", ":"))).
    const first = auditHash(GENESIS, created);
    expect(first).toBe('e2175fd081a743b0154cbfbd80e51f3592ede644ee2259d7146e2a5d482e3410');
    expect(
      auditHash(first, { ...created, seq: 2, at: '2026-11-29T08:10:00.000Z', action: 'sign', changes: '{}' }),
    ).toBe('ee2ece3fd466e7b99525f703b531307e13bb73c08b47d39cec0eac493d45f8c8');
  });

  it('hashes a signed version the same way', () => {
    expect(
      versionHash(GENESIS, {
        procedureId: id,
        version: 1,
        content: '{"painPre":7}',
        signedBy: 'dr.a',
        signedAt: '2026-11-29T08:10:00.000Z',
        reason: null,
      }),
    ).toBe('8ee968351b567398f9015767a4f9fc7a09d701212f743a01aa211b3af25f85e3');
  });

  it('hashes a follow-up the same way (schema 7)', () => {
    expect(
      followUpHash(GENESIS, {
        id: '0193a0b2-0000-7000-8000-000000000002',
        procedureId: id,
        contactDate: '2026-11-30',
        daysAfter: 2,
        method: 'phone',
        legNrs: 3,
        backNrs: null,
        globalImpression: 'much_improved',
        reliefPercent: 62.5,
        newComplications: '',
        furtherTreatment: null,
        notes: null,
        supersedes: null,
        reason: null,
        recordedBy: 'dr.a',
        recordedAt: '2026-11-30T10:00:00.000Z',
      }),
    ).toBe('902eb31869cb6e1ea1ff3f588c14a5b0ef5948d13dcf12e8e5b902e6e282071d');
  });

  it('changes with any column, with the previous hash, and with the row number', () => {
    const base = auditHash(GENESIS, created);
    const changed = [
      auditHash(GENESIS, { ...created, changes: '{"painPre":{"before":null,"after":8}}' }),
      auditHash(GENESIS, { ...created, actor: 'dr.b' }),
      auditHash(GENESIS, { ...created, reason: '' }),
      auditHash(GENESIS, { ...created, version: null }),
      auditHash(GENESIS, { ...created, seq: 2 }),
      auditHash('1'.repeat(64), created),
    ];
    expect(new Set([base, ...changed]).size).toBe(changed.length + 1);
  });
});
