/*
 * The autosave's queue: an edit (re)starts a short pause; when it ends, what is unsaved is
 * saved. One save at a time — an edit made while a save is on its way is saved right after
 * it, never before it (the older text would land last) and never twice. Each form store owns
 * one queue; nothing is shared between stores.
 */

export interface SaveQueue {
  /** After an edit: save once typing pauses. */
  schedule: () => void;
  /** Forget the pause (the form shows another record); a save on its way still finishes. */
  cancel: () => void;
  /** Save now what is unsaved, and wait for every save on its way. */
  flush: () => Promise<void>;
}

export interface SaveQueueOptions {
  /** Sends what is unsaved; its promise settles when the answer is in (it never rejects). */
  save: () => Promise<void>;
  /** True while something typed is not saved yet (the store's save state). */
  unsaved: () => boolean;
  pauseMs: number;
}

export function createSaveQueue({ save, unsaved, pauseMs }: SaveQueueOptions): SaveQueue {
  let pause: ReturnType<typeof setTimeout> | undefined;
  let onItsWay: Promise<void> | null = null;

  const run = (): Promise<void> => {
    // Behind the save on its way, and only if something is still unsaved once it is done.
    if (onItsWay) return onItsWay.then(() => (unsaved() ? run() : undefined));
    onItsWay = save().finally(() => {
      onItsWay = null;
    });
    return onItsWay;
  };

  return {
    schedule: () => {
      clearTimeout(pause);
      // Only when something is still unsaved: a save that waited for the one before it may
      // already have taken the edit this pause was for (it would be sent twice).
      pause = setTimeout(() => {
        if (unsaved()) void run();
      }, pauseMs);
    },
    cancel: () => clearTimeout(pause),
    flush: async () => {
      clearTimeout(pause);
      if (unsaved()) await run();
      else if (onItsWay) await onItsWay;
    },
  };
}
