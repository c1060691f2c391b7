/** The numeric rating scale pain is scored on: whole numbers 0 (none) to 10 (worst imaginable). */
export const NRS_SCALE = { min: 0, max: 10 } as const;

/**
 * Immediate relief in percent, derived and never stored: (pre − post) / pre × 100.
 * Undefined when either score is missing or pre is 0 (no pain to relieve).
 * Negative when the pain got worse; rounded to one decimal for display and export.
 */
export function reliefPercent(
  painPre: number | undefined | null,
  painPost: number | undefined | null,
): number | undefined {
  if (painPre == null || painPost == null || painPre === 0) return undefined;
  return Math.round(((painPre - painPost) / painPre) * 1000) / 10;
}

/** A responder has at least 50 % immediate relief — the usual threshold in the literature. */
export const RESPONDER_RELIEF_PERCENT = 50;
