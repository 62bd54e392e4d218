import { createContext } from 'react';

/** Callbacks the canvas gives its node components (the end of a resize gesture). */
export interface CanvasActionsValue {
  resizeEnd(id: string, p: { x: number; y: number; width: number; height: number }): void;
}
export const CanvasActions = createContext<CanvasActionsValue>({ resizeEnd: () => {} });
