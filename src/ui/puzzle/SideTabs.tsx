import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useEditorState } from '../state/context';

/**
 * The right-hand panel in puzzle and maker modes: the mode's tab and the inspector, with a footer in both.
 * Selecting something (a click on a node, even the selected one; a node dropped or added) shows the inspector;
 * clearing the selection shows the mode's tab. Another document starts at the top of the panel.
 */
export function SideTabs({
  label,
  main,
  inspector,
  footer,
}: {
  label: string;
  main: ReactNode;
  inspector: ReactNode;
  footer?: ReactNode;
}) {
  const selection = useEditorState((s) => `${s.selection.join('\n')}|${s.edgeSelection.join('\n')}`);
  const [tab, setTab] = useState<'main' | 'inspect'>(selection !== '|' ? 'inspect' : 'main');
  const docKey = useEditorState((s) => `${s.doc.title ?? ''}|${s.doc.description ?? ''}`);
  const scroller = useRef<HTMLDivElement>(null);
  // a new selection picks the tab during render (not in an effect, which would first paint the old tab)
  const [seenSelection, setSeenSelection] = useState(selection);
  if (seenSelection !== selection) {
    setSeenSelection(selection);
    setTab(selection !== '|' ? 'inspect' : 'main');
  }
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [docKey, tab]);
  useEffect(() => {
    // a click on a node that is already selected changes no selection, but the person wants its inspector
    const onClick = (e: MouseEvent) => {
      if ((e.target as Element | null)?.closest?.('.react-flow__node')) setTab('inspect');
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);
  const btn = (id: 'main' | 'inspect', text: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={tab === id}
      className={`side-tab ${tab === id ? 'is-on' : ''}`}
      onClick={() => setTab(id)}
    >
      {text}
    </button>
  );
  return (
    <div className="flex h-full flex-col">
      <div role="tablist" aria-label={`${label} panel`} className="side-tabs">
        {btn('main', label)}
        {btn('inspect', 'Inspector')}
      </div>
      <div ref={scroller} className="min-h-0 flex-1 overflow-y-auto" data-testid="side-scroll">
        {tab === 'main' ? main : inspector}
      </div>
      {footer}
    </div>
  );
}
