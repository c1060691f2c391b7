import type { Locator, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { TEST_PIN } from '../db/testing/signer.js';

/** A labelled choice group: single choices are radio groups, multiple choices groups of toggle buttons. */
export const choices = (page: Page | Locator, label: string): Locator =>
  page.getByRole('radiogroup', { name: label, exact: true }).or(page.getByRole('group', { name: label, exact: true }));

/** Moves focus with the Tab key alone until `target` has it (keyboard-only specs). */
export async function tabTo(page: Page, target: Locator, maxTabs = 120): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Reads the SQLite file with its own connection, as an auditor's tool would. */
export function readDatabase<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/**
 * Makes the API answer slowly, as on a busy console (Chromium harness only; Electron's is its
 * own): each named method waits `ms` before it is called. `fromStart` applies it from the
 * window's first moment (the page is reloaded with it), else from now on.
 */
export async function slowApi(page: Page, methods: Record<string, number>, { fromStart = false } = {}): Promise<void> {
  const slow = (delays: Record<string, number>) => {
    const w = window as unknown as { __rootlogCall?: (method: string, args: unknown[]) => Promise<unknown> };
    const call = w.__rootlogCall;
    if (!call) return;
    w.__rootlogCall = async (method, args) => {
      const ms = delays[method];
      if (ms) await new Promise((resolve) => setTimeout(resolve, ms));
      return call(method, args);
    };
  };
  if (!fromStart) return page.evaluate(slow, methods);
  await page.addInitScript(slow, methods);
  await page.reload();
}

/** The signer's PIN typed into the sign panel (or the amendment's), then Enter: as the radiologist signs. */
export async function signWithPin(page: Page, pin = TEST_PIN): Promise<void> {
  const field = page.locator('.sign-panel input.pin');
  await field.fill(pin);
  await field.press('Enter');
}

/** A method of the API whose calls wait until the test lets them through (holdApi). */
export interface HeldApi {
  /** False where the harness cannot hold it (Electron's API is its own): calls then go through at once. */
  held: boolean;
  /** How many calls are waiting or were let through. */
  calls: () => Promise<number>;
  /** Lets the waiting calls, and every later one, through. */
  answer: () => Promise<void>;
}

/**
 * Holds the calls of one API method until the test answers them, as on a busy console whose
 * main process takes its time (Chromium harness only, as slowApi): no clock, the test says
 * when. Several holds may be set, one per method.
 */
export async function holdApi(page: Page, method: string): Promise<HeldApi> {
  const held = await page.evaluate((method) => {
    const w = window as unknown as {
      __rootlogCall?: (method: string, args: unknown[]) => Promise<unknown>;
      __heldApi?: Record<string, { calls: number; answer: () => void }>;
    };
    const call = w.__rootlogCall;
    if (!call) return false;
    let answer = () => {};
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const hold = { calls: 0, answer };
    w.__heldApi = { ...w.__heldApi, [method]: hold };
    w.__rootlogCall = async (called, args) => {
      if (called === method) {
        hold.calls++;
        await answered;
      }
      return call(called, args);
    };
    return true;
  }, method);
  type Holds = { __heldApi: Record<string, { calls: number; answer: () => void }> };
  return {
    held,
    calls: async () =>
      held ? page.evaluate((method) => (window as unknown as Holds).__heldApi[method]?.calls ?? 0, method) : 0,
    answer: async () => {
      if (held) await page.evaluate((method) => (window as unknown as Holds).__heldApi[method]?.answer(), method);
    },
  };
}
