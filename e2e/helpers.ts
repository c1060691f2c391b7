import type { Locator, Page } from '@playwright/test';
import Database from 'better-sqlite3';

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
