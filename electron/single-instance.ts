import { join, resolve } from 'node:path';

/*
 * One RootLog per computer user (Electron's single-instance lock), so one app per logbook: a
 * second start hands its arguments to the running app and quits. The running app brings its
 * window forward, and says so when the second start asked for another logbook than the one
 * open (it is not opened behind the person's back: a console works on one logbook at a time).
 */

/** The logbook a start asks for: `--db PATH` (relative to where it was started), else the one in user data. */
export function logbookPathOf(argv: readonly string[], workingDirectory: string, userData: string): string {
  const index = argv.indexOf('--db');
  const given = index >= 0 ? argv[index + 1] : undefined;
  return given ? resolve(workingDirectory, given) : join(userData, 'rootlog.sqlite');
}

/** What the running app does when RootLog is started again: always focus; a notice when another logbook was asked for. */
export function onSecondStart(
  running: string,
  argv: readonly string[],
  workingDirectory: string,
  userData: string,
): { focus: true; notice: string | null } {
  const asked = logbookPathOf(argv, workingDirectory, userData);
  return {
    focus: true,
    notice:
      asked === running
        ? null
        : `RootLog is already open with the logbook ${running}. To work on ${asked}, close this window first and start RootLog again with it.`,
  };
}
