import { useEffect, useState } from 'react';
import { formatDateTime } from '../../../db/model/index.js';
import { useDepartmentLocale } from '../../app/department-locale.js';
import { BACKUP_WORDS as WORDS } from './backup-words.js';
import { useBackups } from './backups-store.js';

/**
 * Settings → Backups: the folder (chosen in the operating system's folder dialog), the time of
 * day, how many to keep; how the last backup went; Back up now.
 */
export function BackupsPanel() {
  const status = useBackups((state) => state.status);
  const locale = useDepartmentLocale();
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
  const fieldMessage = (field: string) =>
    message?.kind === 'problem' && message.field === field ? (
      <p className="problem" role="alert">
        {message.text}
      </p>
    ) : null;
  return (
    <section className="form-section backups-panel" aria-labelledby="settings-backups">
      <h2 id="settings-backups">{WORDS.panelTitle}</h2>
      <p className="hint">{WORDS.panelHint}</p>
      <div className="row">
        <div className="text-field wide" data-field="folder">
          <label htmlFor="backup-folder">{WORDS.folder}</label>
          <input id="backup-folder" readOnly value={schedule.folder ?? WORDS.noFolder} />
        </div>
        <button type="button" className="secondary" onClick={() => void chooseFolder()}>
          {WORDS.chooseFolder}
        </button>
        {schedule.folder && (
          <button
            type="button"
            className="secondary"
            onClick={() => void save({ timeOfDay: schedule.timeOfDay, keep: schedule.keep, folder: null })}
          >
            {WORDS.stopBackups}
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
          <label htmlFor="backup-time">{WORDS.timeOfDay}</label>
          <input
            id="backup-time"
            inputMode="numeric"
            value={shownTime}
            onChange={(event) => setTimeOfDay(event.target.value)}
          />
        </div>
        <div className="text-field" data-field="keep">
          <label htmlFor="backup-keep">{WORDS.keep}</label>
          <input
            id="backup-keep"
            inputMode="numeric"
            value={shownKeep}
            onChange={(event) => setKeep(event.target.value)}
          />
        </div>
        <button type="submit" className="primary">
          {WORDS.save}
        </button>
      </form>
      {fieldMessage('timeOfDay')}
      {fieldMessage('keep')}
      <div className="backup-state">
        <p>
          {lastSuccess
            ? WORDS.lastBackup(
                when(lastSuccess.at),
                lastSuccess.procedures,
                lastSuccess.bytes,
                lastSuccess.path,
                lastSuccess.by === 'command line',
              )
            : WORDS.noBackupYet}
        </p>
        {status.nextDueAt && <p>{WORDS.nextBackup(when(status.nextDueAt))}</p>}
        {/* Said once: at the folder when it was the answer to Back up now, here otherwise. */}
        {lastFailure && message?.field !== 'folder' && (
          <p className="problem">{WORDS.lastFailed(when(lastFailure.at), lastFailure.message)}</p>
        )}
      </div>
      <div className="row">
        <button
          type="button"
          className="secondary"
          disabled={!schedule.folder || busy}
          onClick={() => void backUpNow()}
        >
          {busy ? WORDS.running : WORDS.backUpNow}
        </button>
        {message && !message.field && (
          <p className={message.kind === 'ok' ? 'notice' : 'problem'} role={message.kind === 'ok' ? 'status' : 'alert'}>
            {message.text}
          </p>
        )}
      </div>
    </section>
  );
}
