import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { _electron, type Browser, test as base, chromium, expect, type Page } from '@playwright/test';
import { localDateTimeWithOffset } from '../db/model/index.js';
import { amendProcedure, clinicalContent, saveDraft, signProcedure } from '../db/procedures.js';
import { seedDatabase } from '../db/seed.js';
import { saveOperator, updateConnectionSettings, updateSettings } from '../db/settings.js';
import { openStore, type Store } from '../db/store.js';
import { startWlmscpfs, type TestWorklistItem, type WorklistServerPeer } from '../db/testing/dicom-peers.js';
import { completeDraft } from '../db/testing/fixtures.js';
import { givePin, signerOf, TEST_PIN } from '../db/testing/signer.js';
import { WINDOW_API_NAME } from '../electron/shared/channels.js';
import { CHROMIUM_ARGS, openInChromium } from './chromium-harness.js';

/*
 * The e2e harness. Where an Electron binary is installed, the built app is launched with
 * `_electron.launch` on a temporary database. Where it is not (these machines), the built
 * renderer runs in Debian's Chromium and the same `createApi(db)` is bound into the page as
 * the window API, on a temporary database file. Specs cannot tell which one they got.
 */

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const CHROMIUM = process.env.ROOTLOG_CHROMIUM ?? '/usr/bin/chromium';

function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export const runtime: 'electron' | 'chromium' = electronBinary() ? 'electron' : 'chromium';

/** The databases a spec can start from (`test.use({ department: … })`). */
export const DEPARTMENTS = {
  /** A fresh install: no operators yet. */
  empty: () => {},
  /** One operator, who is this console's default. */
  'one-operator': (store: Store) => {
    oneOperator(store);
  },
  /** One operator and one signed standard L5 case performed just now. */
  'signed-case': (store: Store) => {
    const operatorId = oneOperator(store);
    const { record } = saveDraft(
      store,
      completeDraft(operatorId, { performedAt: localDateTimeWithOffset(new Date()) }),
      { actor: 'Dr. A. Keller' },
    );
    signProcedure(store, record.id, {}, signerOf(store, operatorId), { actor: 'Dr. A. Keller' });
  },
  /** Dr. A. Keller (radiologist) and MTRA C. Weber (technologist), each with a PIN and a complete draft of today. */
  'radiologist-and-technologist': (store: Store) => {
    const operatorId = oneOperator(store);
    const technologist = saveOperator(store, { name: 'MTRA C. Weber', role: 'technologist' }, { actor: 'e2e-setup' });
    givePin(store, technologist.id, TECHNOLOGIST_PIN);
    const performedAt = localDateTimeWithOffset(new Date());
    saveDraft(store, completeDraft(operatorId, { patientId: 'RAD-1', performedAt }), { actor: 'Dr. A. Keller' });
    saveDraft(store, completeDraft(technologist.id, { patientId: 'TECH-1', performedAt }), { actor: 'MTRA C. Weber' });
  },
  /** Two signed cases due for a follow-up: one performed 2 days ago, one 3 weeks ago. */
  'follow-ups-due': (store: Store) => {
    const operatorId = oneOperator(store);
    for (const [patientId, patientName, daysAgo] of [
      ['DAY2', 'Early, Anna', 2],
      ['WEEK3', 'Later, Bert', 21],
    ] as const) {
      const performedAt = localDateTimeWithOffset(new Date(Date.now() - daysAgo * 86_400_000));
      const { record } = saveDraft(store, completeDraft(operatorId, { patientId, patientName, performedAt }), {
        actor: 'Dr. A. Keller',
      });
      signProcedure(store, record.id, {}, signerOf(store, operatorId), { actor: 'Dr. A. Keller' });
    }
  },
  /** One signed case amended (the side and the pain after changed, the worse pain's warning confirmed), and a preset. */
  'amended-case': (store: Store) => {
    const operatorId = oneOperator(store);
    updateSettings(
      store,
      {
        presets: [
          {
            name: 'L4 bilateral + caudal CT',
            targets: [
              { root: 'L4', side: 'left' },
              { root: 'L4', side: 'right' },
            ],
            modality: 'ct',
            caudalEpidural: true,
            drugs: [
              { drug: 'dexamethasone', doseMg: 4, site: 0 },
              { drug: 'ropivacaine', concentrationMgPerMl: 2, volumeMl: 2, site: 'caudal' },
            ],
          },
        ],
      },
      { actor: 'e2e-setup' },
    );
    const { record } = saveDraft(
      store,
      completeDraft(operatorId, { patientId: 'AMEND1', performedAt: localDateTimeWithOffset(new Date()) }),
      { actor: 'Dr. A. Keller' },
    );
    const signed = signProcedure(store, record.id, {}, signerOf(store, operatorId), { actor: 'Dr. A. Keller' });
    const content = clinicalContent(signed.record);
    amendProcedure(
      store,
      {
        ...content,
        symptomSide: 'right',
        targets: content.targets.map((target) => ({ ...target, side: 'right' })),
        painPost: 9,
      },
      { reason: 'Side corrected', confirmedWarnings: ['pain_worse_after'] },
      signerOf(store, operatorId),
      { actor: 'Dr. A. Keller' },
    );
  },
  /** One operator and an unsigned draft left from yesterday (Keller, Paul, L5 left). */
  'draft-yesterday': (store: Store) => {
    const operatorId = oneOperator(store);
    const performedAt = localDateTimeWithOffset(new Date(Date.now() - 86_400_000));
    saveDraft(store, completeDraft(operatorId, { patientId: 'K-100301', patientName: 'Keller, Paul', performedAt }), {
      actor: 'Dr. A. Keller',
    });
  },
  /** Records from this console (CT 1) and one merged in from CT 2, all performed just now. */
  'two-consoles': (store: Store) => {
    const operatorId = oneOperator(store);
    updateSettings(store, { consoleName: 'CT 2' }, { actor: 'e2e-setup' });
    saveDraft(
      store,
      completeDraft(operatorId, { patientId: 'FROM-CT2', performedAt: localDateTimeWithOffset(new Date()) }),
      { actor: 'e2e-setup' },
    );
    updateSettings(store, { consoleName: 'CT 1' }, { actor: 'e2e-setup' });
    saveDraft(
      store,
      completeDraft(operatorId, { patientId: 'HERE-CT1', performedAt: localDateTimeWithOffset(new Date()) }),
      { actor: 'e2e-setup' },
    );
  },
  /** A year of work: 600 signed demo procedures over the last twelve months, six operators. */
  year: (store: Store) => {
    oneOperator(store);
    seedDatabase(store, { count: 600, seed: 12, years: 1, until: new Date() }, { actor: 'e2e-setup' });
  },
  /** A busy department: 300 signed demo procedures over the last day, six operators. */
  busy: (store: Store) => {
    const operatorId = oneOperator(store);
    // Today's working day, whatever day and hour the tests run: until the end of today, weekends included.
    const endOfToday = new Date();
    endOfToday.setHours(23, 59, 0, 0);
    seedDatabase(
      store,
      { count: 300, seed: 11, years: 1 / 365, until: endOfToday, weekends: true },
      { actor: 'e2e-setup' },
    );
    const { record } = saveDraft(
      store,
      completeDraft(operatorId, { patientId: 'P-DRAFT-1', performedAt: localDateTimeWithOffset(new Date()) }),
      { actor: 'Dr. A. Keller' },
    );
    void record;
  },
  /** One operator, two presets (a standard L5 right; bilateral L4 with a caudal injection), and a patient seen before. */
  presets: (store: Store) => {
    const operatorId = oneOperator(store);
    updateSettings(
      store,
      {
        presets: [
          {
            name: 'L5 right CT standard',
            targets: [{ root: 'L5', side: 'right', approach: 'transforaminal' }],
            modality: 'ct',
            caudalEpidural: false,
            drugs: [
              { drug: 'dexamethasone', doseMg: 8, site: 0 },
              { drug: 'ropivacaine', concentrationMgPerMl: 2, volumeMl: 2, site: 0 },
            ],
          },
          {
            name: 'L4 bilateral + caudal CT',
            targets: [
              { root: 'L4', side: 'left' },
              { root: 'L4', side: 'right' },
            ],
            modality: 'ct',
            caudalEpidural: true,
            drugs: [
              { drug: 'dexamethasone', doseMg: 4, site: 0 },
              { drug: 'dexamethasone', doseMg: 4, site: 1 },
              { drug: 'dexamethasone', doseMg: 8, site: 'caudal' },
              { drug: 'ropivacaine', concentrationMgPerMl: 2, volumeMl: 2, site: 'caudal' },
            ],
          },
        ],
      },
      { actor: 'e2e-setup' },
    );
    const { record } = saveDraft(
      store,
      completeDraft(operatorId, {
        patientId: 'REPEAT-1',
        patientName: 'Wieder, Walter',
        performedAt: localDateTimeWithOffset(new Date(Date.now() - 60 * 86_400_000)),
        targets: [{ root: 'S1', side: 'left', foramen: 'S1', approach: 'transforaminal', spread: ['perineural'] }],
        modality: 'fluoroscopy',
        dlpMGyCm: null,
        fluoroTimeS: 20,
        drugs: [
          { drug: 'triamcinolone', doseMg: 40, site: 0 },
          { drug: 'lidocaine', concentrationMgPerMl: 10, volumeMl: 2, site: 0 },
        ],
      }),
      { actor: 'Dr. A. Keller' },
    );
    signProcedure(store, record.id, {}, signerOf(store, operatorId), { actor: 'Dr. A. Keller' });
  },
} satisfies Record<string, (store: Store) => void>;
export type Department = keyof typeof DEPARTMENTS;

/**
 * The department's administrator opens the console and Settings' changes with their PIN,
 * through the window's API as the lock screen and Settings do (the lock screen itself is
 * driven key by key in lock.spec.ts). False when nobody holds a PIN yet (a fresh logbook).
 */
export async function openedByAdministrator(page: Page): Promise<boolean> {
  return page.evaluate(
    async ([name, pin]) => {
      const api = (window as unknown as Record<string, { call: (m: string, a: unknown[]) => Promise<unknown> }>)[
        name as string
      ];
      const state = (await api?.call('session.state', [])) as {
        locked: boolean;
        operators: { id: string; administrator: boolean; pinSet: boolean }[];
      };
      const administrator = state.operators.find((operator) => operator.administrator && operator.pinSet);
      if (!api || !administrator) return false;
      await api.call('session.unlock', [{ operatorId: administrator.id, pin }]);
      await api.call('session.administer', [{ operatorId: administrator.id, pin }]);
      return true;
    },
    [WINDOW_API_NAME, TEST_PIN],
  );
}

/** The technologist's PIN in the department 'radiologist-and-technologist'. */
export const TECHNOLOGIST_PIN = '4713';

/** The department's radiologist, its administrator, with the PIN the specs type (TEST_PIN). */
function oneOperator(store: Store): string {
  const operator = saveOperator(store, { name: 'Dr. A. Keller', administrator: true }, { actor: 'e2e-setup' });
  givePin(store, operator.id);
  updateSettings(store, { defaultOperatorId: operator.id, consoleName: 'CT 1' }, { actor: 'e2e-setup' });
  return operator.id;
}

/** The station this console asks the worklist for, as Settings → Worklist would say. */
export const E2E_STATION = { callingAe: 'ROOTLOG', stationAe: 'CT1', modality: 'CT' } as const;

interface Fixtures {
  department: Department;
  /**
   * How the console is when the spec starts. 'administering' (the default): opened by the
   * department's administrator, with Settings' changes open, as after a morning's login at
   * the console; 'locked': as it starts, showing only the lock screen (the lock specs).
   */
  console: 'administering' | 'locked';
  /** Scheduled patients for a real worklist server (dcmtk's wlmscpfs) this console is set up to ask; null: none. */
  // An object, not a bare list: Playwright reads an array in test.use() as [value, options].
  worklist: { items: TestWorklistItem[] } | null;
  worklistServer: WorklistServerPeer | null;
  dbPath: string;
  page: Page;
  /** Fails on serious or critical axe-core violations of the current screen. */
  expectAccessible: (screen: string) => Promise<void>;
  /** Writes a screenshot of the current screen to e2e/screenshots/ (not committed). */
  saveScreenshot: (name: string) => Promise<void>;
}

export const test = base.extend<Fixtures, { chromiumBrowser: Browser | null }>({
  department: ['one-operator', { option: true }],
  console: ['administering', { option: true }],
  worklist: [null, { option: true }],
  worklistServer: async ({ worklist }, use) => {
    if (!worklist) return use(null);
    const server = await startWlmscpfs({ aeTitle: 'RISWL', items: worklist.items });
    await use(server);
    await server.stop();
  },
  chromiumBrowser: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      if (runtime === 'electron') return use(null);
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: CHROMIUM_ARGS,
      });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  dbPath: async ({ department, worklistServer }, use) => {
    const path = join(mkdtempSync(join(tmpdir(), 'rootlog-e2e-')), 'rootlog.sqlite');
    const store = openStore(path);
    DEPARTMENTS[department](store);
    if (worklistServer)
      updateConnectionSettings(
        store,
        {
          worklistServer: {
            host: worklistServer.host,
            port: worklistServer.port,
            calledAe: worklistServer.aeTitle,
            ...E2E_STATION,
            daysAhead: 0,
          },
        },
        { actor: 'e2e-setup' },
      );
    store.close();
    await use(path);
  },
  page: async ({ chromiumBrowser, dbPath, console: consoleState }, use) => {
    if (runtime === 'electron') {
      const app = await _electron.launch({
        executablePath: electronBinary() ?? undefined,
        args: [join(root, 'dist', 'electron', 'main.cjs'), '--db', dbPath],
      });
      const page = await app.firstWindow();
      if (consoleState === 'administering' && (await openedByAdministrator(page))) await page.reload();
      await use(page);
      await app.close();
      return;
    }
    if (!chromiumBrowser) throw new Error('Chromium was not launched');
    const { page, close } = await openInChromium(chromiumBrowser, dbPath);
    if (consoleState === 'administering' && (await openedByAdministrator(page))) await page.reload();
    await use(page);
    await close();
  },
  expectAccessible: async ({ page }, use) => {
    await use(async (screen) => {
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter(
        (violation) => violation.impact === 'serious' || violation.impact === 'critical',
      );
      expect(
        serious.map(
          (violation) =>
            `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
              .map((node) => node.target.join(' '))
              .slice(0, 3)
              .join('; ')}`,
        ),
        `axe-core on ${screen}`,
      ).toEqual([]);
    });
  },
  saveScreenshot: async ({ page }, use) => {
    const dir = join(root, 'e2e', 'screenshots');
    mkdirSync(dir, { recursive: true });
    await use(async (name: string) => {
      await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
    });
  },
});

export { expect };
