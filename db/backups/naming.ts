/*
 * How RootLog names the backups it makes into a folder, so that it recognises its own again
 * (rotation never touches a file it did not make): `rootlog-backup-<console>-<UTC time>.sqlite`,
 * e.g. rootlog-backup-ct-1-2026-03-12T01-00-00Z.sqlite. UTC, so a change to or from summer time
 * never gives two backups one name or sorts them wrong; no ":" (not allowed in Windows names).
 */

const PATTERN = /^rootlog-backup-(?:([a-z0-9-]{1,40})-)?(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})Z\.sqlite$/;

/** The console's name as a file name part: ASCII letters and digits, umlauts written out (ä → ae). */
export function consoleSlug(consoleName: string): string {
  const spelled = consoleName
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  return spelled
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

export function backupFileName(consoleName: string, at: Date): string {
  const stamp = at.toISOString().slice(0, 19).replace(/:/g, '-');
  const slug = consoleSlug(consoleName);
  return `rootlog-backup-${slug ? `${slug}-` : ''}${stamp}Z.sqlite`;
}

/** When a file of that name was made, or null when RootLog did not name it. */
export function backupTimeOf(fileName: string): Date | null {
  const match = PATTERN.exec(fileName);
  if (!match) return null;
  const [, , year, month, day, hour, minute, second] = match;
  const at = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}
