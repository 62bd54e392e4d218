import { type ReactNode, useEffect, useState } from 'react';
import { useEditorState } from '../state/context';

/** The right-hand panel in puzzle and maker modes: the mode's tab and the inspector, with a footer in both. */
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
  const [tab, setTab] = useState<'main' | 'inspect'>('main');
  const selected = useEditorState((s) => s.selection.length > 0 || s.edgeSelection.length > 0);
  useEffect(() => {
    setTab(selected ? 'inspect' : 'main');
  }, [selected]);
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
      <div className="min-h-0 flex-1 overflow-y-auto">{tab === 'main' ? main : inspector}</div>
      {footer}
    </div>
  );
}
