import { useEditorState } from '../state/context';

/** A small lock on a node a puzzle locks (puzzle mode only): it cannot be deleted or moved out of its container. */
export function LockMark({ id }: { id: string }) {
  const locked = useEditorState((s) => s.doc.mode === 'puzzle' && !!s.doc.locked?.includes(id));
  if (!locked) return null;
  return (
    <span
      className="lock-mark"
      role="img"
      aria-label="Locked by the puzzle"
      title="Locked by the puzzle: it cannot be deleted or moved out of its container; its settings can change"
    >
      <svg
        width="12"
        height="12"
        viewBox="0 0 24 24"
        aria-hidden="true"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <rect x="5" y="11" width="14" height="10" rx="2" fill="currentColor" />
        <path d="M8 11V7a4 4 0 0 1 8 0v4" />
      </svg>
    </span>
  );
}
