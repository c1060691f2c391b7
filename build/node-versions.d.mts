// Types of node-versions.mjs for the tests that import it.
export const SUPPORTED_NODE: string;
export function installerNode(): string;
export const END_OF_LIFE: Record<number, string>;
export const SECOND_NODE_MAJOR: number;
export function satisfies(version: string, range: string): boolean;
export function nodeProblem(what: string, version?: string, range?: string): string | null;
export function endOfLifeNote(version?: string, today?: Date): string | null;
