import type * as Load from './load';
import type * as Share from './share';

/**
 * The validating loader (`load.ts`, which brings zod and every schema) and share links (`share.ts`, lz-string),
 * loaded on demand so the first screen of a fresh visit does without them (issue 19: first-screen JavaScript).
 * `getLoader()` loads both; `loader()` returns them once loaded, for sync paths that run only after (boot awaits
 * `getLoader()` when there is a document to restore or a link to open). Importing `load.ts` and `share.ts` by any
 * other path (a lazy chunk that imports them statically) makes `loader()` available too: they register themselves.
 */
export type Loader = Pick<typeof Load, 'loadJson' | 'loadText' | 'formatErrors'>;
export type ShareReader = Pick<typeof Share, 'readShareHash'>;

let load: Loader | undefined;
let share: ShareReader | undefined;
let pending: Promise<Loader & ShareReader> | undefined;

/** Called by load.ts when it is evaluated. */
export function registerLoad(m: NonNullable<typeof load>): void {
  load = m;
}
/** Called by share.ts when it is evaluated. */
export function registerShare(m: NonNullable<typeof share>): void {
  share = m;
}

/** The loader; throws when it is not loaded yet (a caller that may run first awaits `getLoader()`). */
export function loader(): Loader {
  if (!load) throw new Error('The document loader is not loaded yet.');
  return load;
}

/** The share-link reader; throws when it is not loaded yet (see `loader`). */
export function shareReader(): ShareReader {
  if (!share) throw new Error('The share-link reader is not loaded yet.');
  return share;
}

/** Load the loader and the share-link reader (once). */
export function getLoader(): Promise<Loader & ShareReader> {
  if (load && share) return Promise.resolve({ ...load, ...share });
  return (pending ??= Promise.all([import('./load'), import('./share')]).then(() => ({
    ...loader(),
    ...shareReader(),
  })));
}
