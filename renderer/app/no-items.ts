/**
 * One shared empty list for store selectors: a selector that returns a fresh `[]` on every
 * call makes zustand (useSyncExternalStore) re-render without end.
 */
export const NO_ITEMS: never[] = [];
