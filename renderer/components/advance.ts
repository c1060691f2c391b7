import { createContext } from 'react';

/**
 * Inside the procedure form, Enter on a choice moves on to the next field signing needs (the
 * form provides how); elsewhere (no provider) Enter keeps its usual meaning.
 */
export const AdvanceContext = createContext<((from: HTMLElement) => void) | null>(null);
