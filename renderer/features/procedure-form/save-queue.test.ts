import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSaveQueue } from './save-queue.js';

/*
 * The autosave's queue on its own: a pause after the last edit, one save at a time, the edit
 * made during a save saved after it, and never twice.
 */

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A store's side of the queue: an unsaved flag, and saves that answer when told to. */
function queueUnderTest() {
  let unsaved = false;
  const answers: (() => void)[] = [];
  const saved: number[] = [];
  let edits = 0;
  const queue = createSaveQueue({
    pauseMs: 400,
    unsaved: () => unsaved,
    save: () => {
      const taken = edits;
      unsaved = false;
      return new Promise<void>((resolve) =>
        answers.push(() => {
          saved.push(taken);
          resolve();
        }),
      );
    },
  });
  const edit = () => {
    edits++;
    unsaved = true;
    queue.schedule();
  };
  return { queue, edit, answers, saved };
}

describe('the autosave queue', () => {
  it('saves once typing pauses, not at every key', async () => {
    const { edit, answers } = queueUnderTest();
    edit();
    await vi.advanceTimersByTimeAsync(300);
    edit();
    await vi.advanceTimersByTimeAsync(300);
    expect(answers).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(answers).toHaveLength(1);
  });

  it('saves an edit made during a save after that save, never beside it', async () => {
    const { queue, edit, answers, saved } = queueUnderTest();
    edit();
    await vi.advanceTimersByTimeAsync(400);
    edit();
    await vi.advanceTimersByTimeAsync(400);
    const flushed = queue.flush();
    expect(answers).toHaveLength(1);
    answers.shift()?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(answers).toHaveLength(1);
    answers.shift()?.();
    await flushed;
    expect(saved).toEqual([1, 2]);
  });

  it('does not send an edit twice when its pause ends after a waiting save took it', async () => {
    const { queue, edit, answers, saved } = queueUnderTest();
    edit();
    await vi.advanceTimersByTimeAsync(400);
    edit();
    const flushed = queue.flush();
    answers.shift()?.();
    await vi.advanceTimersByTimeAsync(0);
    answers.shift()?.();
    await flushed;
    await vi.advanceTimersByTimeAsync(1000);
    expect(answers).toHaveLength(0);
    expect(saved).toEqual([1, 2]);
  });

  it('forgets a pause when cancelled, and flush waits for a save on its way', async () => {
    const { queue, edit, answers } = queueUnderTest();
    edit();
    queue.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    expect(answers).toHaveLength(0);
    // Flushed: the unsaved edit is sent now; a second flush waits for its answer.
    void queue.flush();
    expect(answers).toHaveLength(1);
    let done = false;
    const waited = queue.flush().then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(false);
    answers.shift()?.();
    await waited;
    expect(done).toBe(true);
  });
});
