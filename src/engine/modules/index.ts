import type { SimModule } from '../types';
import { endpointsModule } from './endpoints';

/**
 * Every behaviour module, in the order they start and check. Adding an area is adding a line here;
 * the core never changes for it.
 */
export const MODULES: readonly SimModule[] = [
  endpointsModule,
];
