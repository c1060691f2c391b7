import { readFileSync, writeFileSync } from 'node:fs';

/** The window's size and position, remembered between sessions in a small JSON file. */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

const DEFAULT_STATE: WindowState = { width: 1280, height: 860, maximized: false };

export function readWindowState(path: string): WindowState {
  try {
    const saved = JSON.parse(readFileSync(path, 'utf8')) as Partial<WindowState>;
    const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
    return {
      x: number(saved.x),
      y: number(saved.y),
      width: Math.max(800, number(saved.width) ?? DEFAULT_STATE.width),
      height: Math.max(600, number(saved.height) ?? DEFAULT_STATE.height),
      maximized: saved.maximized === true,
    };
  } catch {
    return DEFAULT_STATE;
  }
}

export function writeWindowState(path: string, state: WindowState): void {
  try {
    writeFileSync(path, JSON.stringify(state));
  } catch {
    // Losing the window position is not worth an error at shutdown.
  }
}
