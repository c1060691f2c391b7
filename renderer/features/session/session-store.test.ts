import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionState } from '../../../db/model/answers.js';
import { sentence } from '../../../db/model/index.js';
import { fakeWindow } from '../../testing/fake-window.js';
import { LOCK_SCREEN_MESSAGES } from './session-messages.js';
import { useSession } from './session-store.js';

const locked: SessionState = {
  locked: true,
  needsFirstAdministrator: false,
  operatorId: null,
  administratorId: null,
  idleLockMinutes: 5,
  language: 'en',
  operators: [
    {
      id: 'op-keller',
      name: 'Dr. A. Keller',
      role: 'radiologist',
      administrator: true,
      pinSet: true,
      lockedUntil: null,
      badge: false,
    },
    {
      id: 'op-weber',
      name: 'MTRA C. Weber',
      role: 'technologist',
      administrator: false,
      pinSet: true,
      lockedUntil: null,
      badge: true,
    },
  ],
};

beforeEach(() => {
  useSession.setState({ session: locked, message: null, messageField: null, busy: false });
});

describe('a badge at the lock screen', () => {
  it('asks the main process whose badge the card reader typed (without its Enter) and answers its holder', async () => {
    const { calls } = fakeWindow({
      'session.badge': ([badge]) => ({ operatorId: badge === '0042-7781' ? 'op-weber' : null }),
    });
    expect(await useSession.getState().identifyBadge('0042-7781\n')).toEqual({
      holder: expect.objectContaining({ id: 'op-weber', name: 'MTRA C. Weber' }),
    });
    expect(calls).toEqual([['session.badge', ['0042-7781']]]);
    expect(useSession.getState()).toMatchObject({ message: null, busy: false, session: { locked: true } });
  });

  it('says that a badge is not bound here, and opens nothing', async () => {
    const { calls } = fakeWindow({ 'session.badge': () => ({ operatorId: null }) });
    expect(await useSession.getState().identifyBadge('9999-0000')).toEqual({
      problem: sentence(LOCK_SCREEN_MESSAGES.badgeUnknown),
    });
    expect(useSession.getState()).toMatchObject({ message: null, session: { locked: true } });
    expect(calls.map(([method]) => method)).toEqual(['session.badge']);
  });

  it('sends nothing for an empty scan', async () => {
    const { calls } = fakeWindow({});
    expect(await useSession.getState().identifyBadge('  \n')).toBeNull();
    expect(calls).toEqual([]);
  });
});
