/*
 * DICOM person names (VR PN, PS3.5 6.2.1): up to three component groups (alphabetic,
 * ideographic, phonetic) separated by "=", each of five components separated by "^":
 * family ^ given ^ middle ^ prefix ^ suffix. "Müller^Jürg" is family "Müller", given "Jürg",
 * shown "Müller, Jürg" — the way the logbook writes a patient's name. Pure.
 */

export interface PersonName {
  family: string;
  given?: string;
  middle?: string;
  prefix?: string;
  suffix?: string;
}

const COMPONENTS = ['family', 'given', 'middle', 'prefix', 'suffix'] as const;

/**
 * The alphabetic group of a PN value as a name, or null when it holds no name at all
 * ("^^^^" or empty). More than five components is not a DICOM name: refused (null).
 */
export function parsePersonName(value: string): PersonName | null {
  const alphabetic = value.split('=')[0] ?? '';
  const parts = alphabetic.split('^').map((part) => part.trim());
  if (parts.length > COMPONENTS.length) return null;
  const name: Partial<Record<(typeof COMPONENTS)[number], string>> = {};
  COMPONENTS.forEach((component, index) => {
    const part = parts[index];
    if (part) name[component] = part;
  });
  if (Object.keys(name).length === 0) return null;
  // A name given only by its given part still has a family component, empty.
  return { family: name.family ?? '', ...name };
}

/** "Müller, Jürg": family first, as the logbook lists patients; prefix and suffix around it. */
export function personNameShown(name: PersonName): string {
  const forenames = [name.given, name.middle].filter(Boolean).join(' ');
  const core = [name.family, forenames].filter(Boolean).join(', ');
  return [name.prefix, core, name.suffix].filter(Boolean).join(' ');
}

/** A name typed or stored as "Family, Given" back into its parts (the part before the first comma is the family). */
export function personNameFromShown(shown: string): PersonName {
  const comma = shown.indexOf(',');
  if (comma < 0) return { family: shown.trim() };
  const family = shown.slice(0, comma).trim();
  const given = shown.slice(comma + 1).trim();
  return given ? { family, given } : { family };
}
