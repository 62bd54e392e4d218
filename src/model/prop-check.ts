import type { PropDef } from '../catalog/types';

/**
 * The check of one prop value against its schema (`props.ts`, zod), installed by props.ts when it is evaluated,
 * so `commands.ts` (on the page's first screen) does not import zod: the editor runs `setProp` only from the
 * inspector's node form and the puzzle's show-solution, which load the schemas first (issue 19). The message of
 * the first issue, or undefined when the value is valid.
 */
type Check = (def: PropDef, value: unknown) => string | undefined;
let check: Check | undefined;

export function installPropCheck(c: Check): void {
  check = c;
}

export function propError(def: PropDef, value: unknown): string | undefined {
  if (!check) throw new Error('The prop schemas are not loaded yet (import model/props first).');
  return check(def, value);
}
