import { codeMessage, type Translate } from '../../../db/model/index.js';

/**
 * The list's targets ("L5 left, S1 left"; the follow-ups' "L5 left,S1 left": root and side codes) in the reader's
 * language, "L5 links, S1 links": the side code's words, lower case as inside a sentence; a
 * side not yet chosen ("?") stays as it is.
 */
export function targetsInWords(t: Translate, targets: string): string {
  return targets
    .split(/,\s*/)
    .map((target) => {
      const [root, side] = target.split(' ');
      if (!side || side === '?') return target;
      const said = t(codeMessage(side));
      return `${root} ${said.charAt(0).toLocaleLowerCase() + said.slice(1)}`;
    })
    .join(', ');
}
