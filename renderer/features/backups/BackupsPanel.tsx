import { useEffect, useState } from 'react';
import { formatDateTime } from '../../../db/model/index.js';
import { useReaderLocale, useRefusalWords, useT } from '../../app/i18n.js';
import { backupMessageWords, megabytes, BACKUP_MESSAGES as WORDS } from './backup-words.js';
import { useBackups } from './backups-store.js';

/**
 * Settings → Backups: the folder (chosen in the operating system's folder dialog), the time of
 * day, how many to keep; how the last backup went; Back up now.
 */
export function BackupsPanel() {
  const status = useBackups((state) => state.status);
  const locale = useReaderLocale();
  const t = useT();
  const sayRefusal = useRefusalWords();
  const when = (iso: string) => formatDateTime(iso, locale);
  const message = useBackups((state) => state.message);
  const busy = useBackups((state) => state.busy);
  const { refresh, save, chooseFolder, backUpNow } = useBackups.getState();
  const [timeOfDay, setTimeOfDay] = useState<string | null>(null);
  const [keep, setKeep] = useState<string | null>(null);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  if (!status) return null;
  const { schedule, lastSuccess, lastFailure } = status;
  const shownTime = timeOfDay ?? schedule.timeOfDay;
  const shownKeep = keep ?? String(schedule.keep);
  const keepNumber = /^\d{1,4}$/.test(shownKeep.trim()) ? Number(shownKeep.trim()) : Number.NaN;
  const fieldOf = message?.kind === 'problem' ? message.field : undefined;
  const fieldMessage = (field: string) =>
    message?.kind === 'problem' && message.field === field ? (
      <p className="problem" role="alert">
        {sayRefusal(message.refusal)}
      </p>
    ) : null;
  return (
    <section className="form-section backups-panel" aria-labelledby="settings-backups">
      <h2 id="settings-backups">{t(WORDS.panelTitle)}</h2>
      <p className="hint">{t(WORDS.panelHint)}</p>
      <div className="row">
        <div className="text-field wide" data-field="folder">
          <label htmlFor="backup-folder">{t(WORDS.folder)}</label>
          <input id="backup-folder" readOnly value={schedule.folder ?? t(WORDS.noFolder)} />
        </div>
        <button type="button" className="secondary" onClick={() => void chooseFolder()}>
          {t(WORDS.chooseFolder)}
        </button>
        {schedule.folder && (
          <button
            type="button"
            className="secondary"
            onClick={() => void save({ timeOfDay: schedule.timeOfDay, keep: schedule.keep, folder: null })}
          >
            {t(WORDS.stopBackups)}
          </button>
        )}
      </div>
      {fieldMessage('folder')}
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          void save({ timeOfDay: shownTime.trim(), keep: keepNumber }).then((saved) => {
            if (saved) {
              setTimeOfDay(null);
              setKeep(null);
            }
          });
        }}
      >
        <div className="text-field" data-field="timeOfDay">
          <label htmlFor="backup-time">{t(WORDS.timeOfDay)}</label>
          <input
            id="backup-time"
            inputMode="numeric"
            value={shownTime}
            onChange={(event) => setTimeOfDay(event.target.value)}
          />
        </div>
        <div className="text-field" data-field="keep">
          <label htmlFor="backup-keep">{t(WORDS.keep)}</label>
          <input
            id="backup-keep"
            inputMode="numeric"
            value={shownKeep}
            onChange={(event) => setKeep(event.target.value)}
          />
        </div>
        <button type="submit" className="primary">
          {t(WORDS.save)}
        </button>
      </form>
      {fieldMessage('timeOfDay')}
      {fieldMessage('keep')}
      <div className="backup-state">
        <p>
          {lastSuccess
            ? t(lastSuccess.by === 'command line' ? WORDS.lastBackupByCommandLine : WORDS.lastBackup, {
                at: when(lastSuccess.at),
                procedures: lastSuccess.procedures,
                size: megabytes(lastSuccess.bytes, t, locale),
                path: lastSuccess.path,
              })
            : t(WORDS.noBackupYet)}
        </p>
        {status.nextDueAt && <p>{t(WORDS.nextBackup, { at: when(status.nextDueAt) })}</p>}
        {/* Said once: at the folder when it was the answer to Back up now, here otherwise. */}
        {lastFailure && fieldOf !== 'folder' && (
          <p className="problem">
            {t(WORDS.lastFailed, { at: when(lastFailure.at), reason: sayRefusal(lastFailure) })}
          </p>
        )}
      </div>
      <div className="row">
        <button
          type="button"
          className="secondary"
          disabled={!schedule.folder || busy}
          onClick={() => void backUpNow()}
        >
          {busy ? t(WORDS.running) : t(WORDS.backUpNow)}
        </button>
        {message && !fieldOf && (
          <p className={message.kind === 'ok' ? 'notice' : 'problem'} role={message.kind === 'ok' ? 'status' : 'alert'}>
            {backupMessageWords(message, t, sayRefusal)}
          </p>
        )}
      </div>
    </section>
  );
}
