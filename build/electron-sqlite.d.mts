// Types of electron-sqlite.mjs for the tests that import it.
export function electronSqliteLocations(root?: string): { folder: string; addon: string; addonInPackage: string };
export function addonAbi(path: string): number | null;
export function installedElectron(root?: string): { version: string; abi: number | null };
export function electronSqliteProblem(root?: string): string | null;
export function buildBetterSqlite3(options: {
  root?: string;
  runtime: 'electron' | 'node';
  target: string;
  abi: number;
  into: string;
  nodedir?: string;
  withScripts?: boolean;
  log?: (line: string) => void;
}): { ok: true; how: string } | { ok: false; why: string };
export function setUpElectronSqlite(root?: string, log?: (line: string) => void): boolean;
export function forThisBuild(env: NodeJS.ProcessEnv, nodedir?: string): NodeJS.ProcessEnv;
