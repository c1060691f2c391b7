import { useEffect, useState } from 'react';
import type { WorklistIdentity } from '../../db/model/index.js';
import { MENU_API_NAME, type MenuCommand } from '../../electron/shared/menu-commands.js';
import { useKeysHeldWhile } from '../components/held-keys.js';
import { useKeyHold } from '../components/key-hold-store.js';
import { BackupStatusChip } from '../features/backups/BackupStatusChip.js';
import { DashboardScreen } from '../features/dashboard/DashboardScreen.js';
import { ExportScreen } from '../features/export/ExportScreen.js';
import { FollowUpsScreen } from '../features/follow-ups/FollowUpsScreen.js';
import { HubStatusChip } from '../features/hub/HubStatusChip.js';
import { forgetRememberedDraft, rememberedDraftId, useProcedureForm } from '../features/procedure-form/form-store.js';
import { ProcedureForm } from '../features/procedure-form/ProcedureForm.js';
import { ProcedureList } from '../features/procedure-list/ProcedureList.js';
import { lockConsole, useIdleLock } from '../features/session/idle-lock.js';
import { LockScreen } from '../features/session/LockScreen.js';
import { useSession } from '../features/session/session-store.js';
import { SettingsScreen } from '../features/settings/SettingsScreen.js';
import { useSettings } from '../features/settings/settings-store.js';
import { WelcomeScreen } from '../features/settings/WelcomeScreen.js';
import { useWorklist } from '../features/worklist/worklist-store.js';
import { APP_MESSAGES as M } from './app-messages.js';
import { useDatabaseHealth } from './health-store.js';
import { LanguageProvider, languageAsked, screenLanguage, useT } from './i18n.js';
import { useNavigation } from './navigation-store.js';

/**
 * The one window, in the language of the operator at this console (Settings → Language), else
 * the department's.
 */
export function App() {
  const settings = useSettings((state) => state.settings);
  const operatorId = useSession((state) => state.session?.operatorId ?? null);
  // Locked, settings are not loaded yet: the session gives the department's language.
  const departments = useSession((state) => state.session?.language ?? 'en');
  return (
    <LanguageProvider
      language={
        languageAsked(window.location.search) ?? (settings ? screenLanguage(settings, operatorId) : departments)
      }
      wordings={settings?.wordings}
    >
      <Console />
    </LanguageProvider>
  );
}

/**
 * Until the main process says the console is open, only the lock screen: no patient, no list.
 * Open, a top bar and the current screen; no page ever reloads.
 */
function Console() {
  const t = useT();
  const session = useSession((state) => state.session);
  const [startupError, setStartupError] = useState<string | null>(null);
  useEffect(() => {
    useSession
      .getState()
      .load()
      .catch((error: unknown) => setStartupError(error instanceof Error ? error.message : String(error)));
  }, []);
  const locked = session?.locked ?? false;
  // The lock screen takes its PIN at once: keys are held only while the console itself starts.
  useEffect(() => {
    if (startupError || locked) useKeyHold.getState().release('starting');
  }, [startupError, locked]);
  if (startupError) return <StartupError message={startupError} />;
  if (!session) return <main aria-busy="true">{t(M.loading)}</main>;
  if (session.locked) return <LockScreen />;
  return <OpenConsole />;
}

function StartupError({ message }: { message: string }) {
  const t = useT();
  return (
    <main className="startup-error">
      <h1>{t(M.couldNotStart)}</h1>
      <p role="alert">{message}</p>
    </main>
  );
}

/** The console once an operator's PIN opened it: mounted again at each opening, so the draft being typed is reopened. */
function OpenConsole() {
  const t = useT();
  const { screen, go, theme, setTheme } = useNavigation();
  const needsFirstAdministrator = useSession((state) => state.session?.needsFirstAdministrator ?? false);
  useIdleLock();
  const loadSettings = useSettings((state) => state.load);
  const [ready, setReady] = useState(false);
  const [startupError, setStartupError] = useState<string | null>(null);

  useEffect(() => {
    (async () => {
      const settings = await loadSettings();
      // A fresh logbook (or one from before PINs): the console's name and its first operator,
      // who becomes the administrator, before the first case.
      if (needsFirstAdministrator || settings.operators.length === 0) go({ name: 'welcome' });
      // Reopen the draft that was being typed when the window closed, crashed or reloaded.
      const draftId = rememberedDraftId();
      if (draftId) {
        if (await useProcedureForm.getState().reopenDraft(draftId)) go({ name: 'procedure', id: draftId });
        else forgetRememberedDraft();
      }
      setReady(true);
    })().catch((error: unknown) => setStartupError(error instanceof Error ? error.message : String(error)));
  }, [loadSettings, go, needsFirstAdministrator]);

  useEffect(() => {
    const run = (command: MenuCommand) => {
      if (command === 'new-procedure') go({ name: 'procedure', id: null });
      if (command === 'settings') go({ name: 'settings' });
      if (command === 'export') go({ name: 'export' });
    };
    const menu = (
      window as unknown as Record<string, { onCommand: (listener: (command: MenuCommand) => void) => void } | undefined>
    )[MENU_API_NAME];
    menu?.onCommand(run);
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const key = event.key.toLowerCase();
      if (key === 'n') {
        event.preventDefault();
        run('new-procedure');
      } else if (key === 'w') {
        // Today's worklist, beside the procedure list: the cursor on its first patient.
        event.preventDefault();
        if (useNavigation.getState().screen.name !== 'list') go({ name: 'list' });
        useWorklist.getState().requestFocus();
      } else if (key === 'r') {
        // From any screen: the list is asked again in the main process, and shown when the list is.
        event.preventDefault();
        void useWorklist.getState().refresh();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  // Keys typed while the window starts, or while the console opens again after the lock, are
  // given to the first screen once it shows, after its effects (the window's keys above listen
  // by then; see useKeysHeldWhile).
  useKeysHeldWhile('starting', !ready && !startupError);

  if (startupError) return <StartupError message={startupError} />;
  if (!ready) return <main aria-busy="true">{t(M.loading)}</main>;

  return (
    <>
      <header className="top-bar">
        <span className="brand">RootLog</span>
        <nav aria-label={t(M.mainNavigation)}>
          <button
            type="button"
            className={screen.name === 'list' ? 'current' : ''}
            aria-current={screen.name === 'list' ? 'page' : undefined}
            onClick={() => go({ name: 'list' })}
          >
            {t(M.procedures)}
          </button>
          <button
            type="button"
            className={screen.name === 'procedure' ? 'current' : ''}
            aria-current={screen.name === 'procedure' ? 'page' : undefined}
            onClick={() => go({ name: 'procedure', id: null })}
          >
            {t(M.newProcedure)}
          </button>
          <button
            type="button"
            className={screen.name === 'follow-ups' ? 'current' : ''}
            aria-current={screen.name === 'follow-ups' ? 'page' : undefined}
            onClick={() => go({ name: 'follow-ups' })}
          >
            {t(M.followUps)}
          </button>
          <button
            type="button"
            className={screen.name === 'dashboard' ? 'current' : ''}
            aria-current={screen.name === 'dashboard' ? 'page' : undefined}
            onClick={() => go({ name: 'dashboard' })}
          >
            {t(M.dashboard)}
          </button>
          <button
            type="button"
            className={screen.name === 'export' ? 'current' : ''}
            aria-current={screen.name === 'export' ? 'page' : undefined}
            onClick={() => go({ name: 'export' })}
          >
            {t(M.export)}
          </button>
          <button
            type="button"
            className={screen.name === 'settings' ? 'current' : ''}
            aria-current={screen.name === 'settings' ? 'page' : undefined}
            onClick={() => go({ name: 'settings' })}
          >
            {t(M.settings)}
          </button>
        </nav>
        <HubStatusChip />
        <BackupStatusChip />
        <button
          type="button"
          className="secondary lock-now"
          onClick={() => void lockConsole()}
          aria-keyshortcuts="Control+L"
        >
          {t(M.lock)} <kbd>Ctrl+L</kbd>
        </button>
        <button type="button" className="theme-toggle" onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}>
          {theme === 'dark' ? t(M.lightTheme) : t(M.darkTheme)}
        </button>
      </header>
      <DamagedDatabaseBanner />
      <main>
        {screen.name === 'list' && <ProcedureList />}
        {screen.name === 'procedure' && (
          <ProcedureScreen id={screen.id} visit={screen.visit} identity={screen.identity} />
        )}
        {screen.name === 'settings' && <SettingsScreen />}
        {screen.name === 'export' && <ExportScreen />}
        {screen.name === 'dashboard' && <DashboardScreen />}
        {screen.name === 'follow-ups' && <FollowUpsScreen />}
        {screen.name === 'welcome' && <WelcomeScreen />}
      </main>
    </>
  );
}

function ProcedureScreen({ id, visit, identity }: { id: string | null; visit: number; identity?: WorklistIdentity }) {
  const [shownVisit, setShownVisit] = useState<number | null>(null);
  // Alt+N and straight on with the patient ID: what is typed while the case opens goes to it.
  useKeysHeldWhile('opening', shownVisit !== visit);
  useEffect(() => {
    let current = true;
    (async () => {
      const form = useProcedureForm.getState();
      // Whatever was being typed is saved before another record replaces it on screen.
      await form.flush();
      if (id && form.id !== id) await form.open(id);
      if (!id) form.startNew();
      // The worklist's patient is saved as a draft at once: the case is on the list from its first moment.
      if (!id && identity) form.update((draft) => ({ ...draft, ...identity }));
      // From the worklist the patient is there: the cursor goes on to what is still needed.
      if (!id && identity) form.requestFocus({ kind: 'next-needed', after: 'sex' });
      if (current) setShownVisit(visit);
    })();
    return () => {
      current = false;
    };
  }, [id, visit, identity]);
  if (shownVisit !== visit) return <p aria-busy="true">Opening…</p>;
  return <ProcedureForm key={visit} />;
}

/** Said once, loudly, at the top of every screen: a damaged file is read-only from now on. */
function DamagedDatabaseBanner() {
  const health = useDatabaseHealth((state) => state.health);
  useEffect(() => useDatabaseHealth.getState().watch(), []);
  if (health?.state !== 'damaged') return null;
  return (
    <p className="problem database-damaged" role="alert">
      RootLog found damage in its database file ({health.problems.slice(0, 2).join('; ')}). It shows what it can still
      read but saves nothing more: nothing typed from now on is kept. Call IT support to restore the latest backup.
    </p>
  );
}
