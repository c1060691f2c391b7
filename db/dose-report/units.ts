import type { Concept } from './codes.js';

/*
 * Units as reports really write them. The standard asks for UCUM codes (mGy.cm, mGy, Gy.m2, s)
 * in scheme UCUM; scanners in the field also write mGycm or Gym2, in a scheme spelt UCM, and
 * OpenREM has met dGy.cm2. Each accepted spelling is listed here with its factor to the unit
 * RootLog stores. Anything else is reported as an unknown unit and its value is not used:
 * a dose is never converted on a guess.
 */

export type Quantity = 'dlp' | 'ctdi' | 'dap' | 'rpDose' | 'time' | 'count';

/** The unit RootLog stores each quantity in. */
export const STORED_UNIT: Record<Quantity, string> = {
  dlp: 'mGy·cm',
  ctdi: 'mGy',
  dap: 'Gy·cm²',
  rpDose: 'Gy',
  time: 's',
  count: '',
};

/** The unit schemes accepted: UCUM, and UCM as some scanners spell it. */
const UNIT_SCHEMES: readonly string[] = ['UCUM', 'UCM'];

/** Code value → factor to the stored unit, per quantity. */
const SPELLINGS: Record<Quantity, Readonly<Record<string, number>>> = {
  dlp: { 'mGy.cm': 1, mGycm: 1 },
  ctdi: { mGy: 1 },
  dap: { 'Gy.m2': 1e4, Gym2: 1e4, 'Gy.cm2': 1, 'dGy.cm2': 0.1, 'cGy.cm2': 0.01, 'mGy.cm2': 1e-3, 'uGy.m2': 0.01 },
  rpDose: { Gy: 1, mGy: 1e-3 },
  time: { s: 1, ms: 1e-3, min: 60 },
  count: { '{events}': 1, '{event}': 1, '{#}': 1, '1': 1 },
};

export type Converted = { ok: true; value: number } | { ok: false; unit: string };

/**
 * The value in RootLog's unit, or the unit as written when it is not one RootLog knows. The
 * factor's rounding error is removed (3.2e-4 Gy·m² is 3.2 Gy·cm², not 3.2000000000000006).
 */
export function toStoredUnit(quantity: Quantity, value: number, unit: Concept | null): Converted {
  const spellings = SPELLINGS[quantity];
  const known = unit != null && UNIT_SCHEMES.includes(unit.scheme) && Object.hasOwn(spellings, unit.value);
  const factor = known ? spellings[unit.value] : undefined;
  if (factor === undefined) return { ok: false, unit: unit ? `${unit.value} (${unit.scheme})` : 'no unit' };
  return { ok: true, value: Number((value * factor).toPrecision(12)) };
}
