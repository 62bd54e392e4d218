import { useCallback, useState } from 'react';
import { useEditor } from '../state/context';
// the prop schemas (zod) that `setProp` checks values against come with the inspector's fields (lazy), not on the
// page's first screen (issue 19)
import '../../model/props';

/** Set one prop through the `setProp` command; consecutive edits of a field coalesce into one undo step. */
export function useProp(id: string, name: string) {
  const editor = useEditor();
  const [error, setError] = useState<string | null>(null);
  const set = useCallback(
    (value: unknown): boolean => {
      const r = editor.run('setProp', { id, name, value }, { coalesce: `${id}.${name}`, quiet: true });
      setError(r.ok ? null : r.reason);
      return r.ok;
    },
    [editor, id, name],
  );
  const done = useCallback(() => {
    editor.seal();
    setError(null);
  }, [editor]);
  return { set, error, setError, done };
}
