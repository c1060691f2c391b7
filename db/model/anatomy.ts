import type { Foramen, Root } from './vocabularies.js';

/**
 * The foramen a root leaves through on the usual transforaminal route: L4 exits
 * the L4/L5 foramen, S1 its own sacral foramen. A preganglionic or retrodiscal
 * approach may use the level above, which is why the form only pre-fills it.
 */
const DEFAULT_FORAMEN: Record<Root, Foramen> = {
  L1: 'L1/L2',
  L2: 'L2/L3',
  L3: 'L3/L4',
  L4: 'L4/L5',
  L5: 'L5/S1',
  S1: 'S1',
};

export const defaultForamen = (root: Root): Foramen => DEFAULT_FORAMEN[root];

/** The foramen one level up, through which a retrodiscal (or preganglionic) needle reaches the root. */
export const foramenAbove = (root: Root): Foramen | undefined => {
  const index = ROOT_ORDER.indexOf(root);
  return index > 0 ? DEFAULT_FORAMEN[ROOT_ORDER[index - 1] as Root] : undefined;
};
const ROOT_ORDER: readonly Root[] = ['L1', 'L2', 'L3', 'L4', 'L5', 'S1'];
