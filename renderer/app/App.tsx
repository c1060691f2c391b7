import { useEffect, useLayoutEffect, useState } from 'react';
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
import { SettingsScreen } from '../features/settings/SettingsScreen.js';
import { useSettings } from '../features/settings/settings-store.js';
import { WelcomeScreen } from '../features/settings/WelcomeScreen.js';
import { APP_MESSAGES as M } from './app-messages.js';
import { useDatabaseHealth } from './health-store.js';
import { LanguageProvider, languageAsked, screenLanguage, useT } from './i18n.js';
import { useNavigation } from './navigation-store.js';

/** The one window, in the language of the operator at this console (Settings → Language), else the department's. */
export function App() {
  const settings = useSettings((state) => state.settings);
  return (
    <LanguageProvider
      language={languageAsked(window.location.search) ?? screenLanguage(settings)}
      wordings={settings?.wordings}
    >
      <AppShell />
    </LanguageProvider>
  );
}

/** A top bar and the current screen; no page ever reloads. */
function AppShell() {
  const t = useT();
  const { screen, go, theme, setTheme } = useNavigation();
  const loadSettings = useSettings((state) => state.load);
  const [ready, setReady] = useState(false);
  const [startupError, setStartupError] = useState<string | null>(null);

  useEffect(() => {
    (async () => {
      const settings = await loadSettings();
      // A fresh logbook: ask for the console's name and its first operator before the first case.
      if (settings.operators.length === 0) go({ name: 'welcome' });
      // Reopen the draft that was being typed when the window closed, crashed or reloaded.
      const draftId = rememberedDraftId();
      if (draftId) {
        if (await useProcedureForm.getState().reopenDraft(draftId)) go({ name: 'procedure', id: draftId });
        else forgetRememberedDraft();
      }
      setReady(true);
    })().catch((error: unknown) => setStartupError(error instanceof Error ? error.message : String(error)));
  }, [loadSettings, go]);

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
      if (event.altKey && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        run('new-procedure');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  // Keys typed while the window starts are given to the first screen once it shows.
  useLayoutEffect(() => {
    if (ready || startupError) useKeyHold.getState().release('starting');
  }, [ready, startupError]);

  if (startupError) {
    return (
      <main className="startup-error">
        <h1>{t(M.couldNotStart)}</h1>
        <p role="alert">{startupError}</p>
      </main>
    );
  }
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
        <button type="button" className="theme-toggle" onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}>
          {theme === 'dark' ? t(M.lightTheme) : t(M.darkTheme)}
        </button>
      </header>
      <DamagedDatabaseBanner />
      <main>
        {screen.name === 'list' && <ProcedureList />}
        {screen.name === 'procedure' && <ProcedureScreen id={screen.id} visit={screen.visit} />}
        {screen.name === 'settings' && <SettingsScreen />}
        {screen.name === 'export' && <ExportScreen />}
        {screen.name === 'dashboard' && <DashboardScreen />}
        {screen.name === 'follow-ups' && <FollowUpsScreen />}
        {screen.name === 'welcome' && <WelcomeScreen />}
      </main>
    </>
  );
}

function ProcedureScreen({ id, visit }: { id: string | null; visit: number }) {
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
      if (current) setShownVisit(visit);
    })();
    return () => {
      current = false;
    };
  }, [id, visit]);
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
