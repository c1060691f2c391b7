// Types of second-node.mjs for the tests that import it.
export interface SecondNode {
  version: string;
  node: string;
  modules: string;
  betterSqlite3: string;
}
export function cacheFolder(): string;
export function secondNode(root?: string): { found: SecondNode; why: null } | { found: null; why: string };
export function setUpSecondNode(root?: string, log?: (line: string) => void): boolean;
