/** "1 procedure", "2 procedures": a count with its noun, singular for one. */
export const counted = (count: number, noun: string, plural = `${noun}s`): string =>
  `${count} ${count === 1 ? noun : plural}`;
