import { type ReactNode, useState } from 'react';
import type { Editor } from '../state/editor';
import { RunContext } from './context';
import { RunStore } from './store';
import './run.css';

/** Gives the run store to the shell (one per editor, for the page's life; the worker starts on the first run command). */
export function RunProvider({ editor, children }: { editor: Editor; children: ReactNode }) {
  const [store] = useState(() => new RunStore(editor));
  return <RunContext.Provider value={store}>{children}</RunContext.Provider>;
}
