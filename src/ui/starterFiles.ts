/**
 * The shipped starter architectures (scenarios/sandbox/*.json) as text, by path: one module, so the start
 * screen fetches them together in one chunk (loaded on demand by `starters.ts`), not one request each.
 */
export const STARTER_FILES = import.meta.glob('../../scenarios/sandbox/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
