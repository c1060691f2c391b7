import { samePlainData } from './draft-parse.js';

/*
 * What a pure function read of an object (issue 22): the autosave runs again only the
 * clinical rules whose inputs changed since the save before, and the writer makes the
 * dashboard facts again only when a column they read changed. A hand-kept list of what each
 * reads would be one more declaration to forget when a rule learns to read a field; the
 * function is instead given the object behind a proxy that notes every key asked of it. The
 * keys are the object's own, top level: a rule that reads `targets[0].spread` read `targets`.
 */

/** The keys a function asked of an object, or every key when it listed them (a spread, Object.keys, JSON). */
export interface Reads {
  readonly keys: ReadonlySet<PropertyKey>;
  readonly every: boolean;
}

class NotedReads implements Reads {
  readonly keys = new Set<PropertyKey>();
  every = false;
}

/**
 * The object behind a proxy that notes into `reads` each key read, asked for with `in` or
 * `Object.hasOwn`, or listed. Writing through it is refused: a pure function does not.
 */
function noting<T extends object>(target: T, reads: NotedReads): T {
  return new Proxy(target, {
    get: (object, key) => {
      reads.keys.add(key);
      return Reflect.get(object, key);
    },
    has: (object, key) => {
      reads.keys.add(key);
      return Reflect.has(object, key);
    },
    getOwnPropertyDescriptor: (object, key) => {
      reads.keys.add(key);
      return Reflect.getOwnPropertyDescriptor(object, key);
    },
    ownKeys: (object) => {
      reads.every = true;
      return Reflect.ownKeys(object);
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}

/** A noting view of an object and what has been read through it so far. */
export function notingReads<T extends object>(target: T): { view: T; reads: Reads } {
  const reads = new NotedReads();
  return { view: noting(target, reads), reads };
}

/** What `run` answers for `target`, and what it read of it. */
export function withReads<T extends object, R>(target: T, run: (view: T) => R): { result: R; reads: Reads } {
  const { view, reads } = notingReads(target);
  return { result: run(view), reads };
}

/** Both read sets in one (what a function read through two calls). */
export function unionOf(a: Reads, b: Reads): Reads {
  return { keys: new Set([...a.keys, ...b.keys]), every: a.every || b.every };
}

/**
 * Whether `now` holds what `before` held for every key read (plain data compared in depth;
 * every key, in the same order, when the keys were listed): then a pure function that read
 * only those keys of `before` answers the same for `now`. `sameKeys` keeps the comparisons of
 * one pair of objects for the next read set (several rules read the drugs).
 */
export function sameOnReads(
  reads: Reads,
  before: object,
  now: object,
  sameKeys: Map<PropertyKey, boolean> = new Map(),
): boolean {
  const was = before as Record<PropertyKey, unknown>;
  const is = now as Record<PropertyKey, unknown>;
  const same = (key: PropertyKey): boolean => {
    let answer = sameKeys.get(key);
    if (answer === undefined) {
      answer = Object.hasOwn(was, key) === Object.hasOwn(is, key) && samePlainData(was[key], is[key]);
      sameKeys.set(key, answer);
    }
    return answer;
  };
  if (reads.every) {
    const keys = Reflect.ownKeys(before);
    const nowKeys = Reflect.ownKeys(now);
    if (keys.length !== nowKeys.length || keys.some((key, index) => key !== nowKeys[index])) return false;
    if (!keys.every(same)) return false;
  }
  for (const key of reads.keys) if (!same(key)) return false;
  return true;
}
