import { useEditorState, useWorkspace } from '../state/context';
import { useStore } from '../state/store';
import { isRevealed } from './session';

/**
 * Whether the page must keep the puzzle's answer hidden right now: a puzzle is open and it is not yet solved,
 * its last hint not taken, its solution not shown and the learner has not given up. Views that would name a
 * rule (the why? panel, the event log, incident markers) show the symptom only while this is true.
 */
export function useAnswerHidden(): boolean {
  const doc = useEditorState((s) => s.doc);
  const puzzle = useStore(useWorkspace().puzzle, (s) => s);
  return doc.mode === 'puzzle' && !isRevealed(puzzle, doc);
}
