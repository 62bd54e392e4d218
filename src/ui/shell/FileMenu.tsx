import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import { useWorkspace } from '../state/context';
import { EMPTY_DOC } from '../state/editor';
import { autoLayoutCanvas, exportFile, openDoc } from '../state/persist';
import { openAnyFile } from '../cfn/open';
import { cfnViewOpen, useCell } from '../cfn/store';

/** The file menu: new, starters, open, save, share link, PNG, auto-layout. */
export function FileMenu() {
  const ws = useWorkspace();
  const { editor, ui } = ws;
  const rf = useReactFlow();
  const [open, setOpen] = useState(false);
  // the hidden file inputs are held in state (callback refs): menu items are built during render, and a ref read
  // inside them trips react-hooks/refs even though it only runs on click
  const [fileInput, setFileInput] = useState<HTMLInputElement | null>(null);
  const [cfnInput, setCfnInput] = useState<HTMLInputElement | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const cfnOpen = useCell(cfnViewOpen);
  useEffect(() => {
    if (!open) return;
    const close = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    addEventListener('pointerdown', close);
    root.current?.querySelector<HTMLButtonElement>('[role=menuitem]')?.focus();
    return () => removeEventListener('pointerdown', close);
  }, [open]);
  const item = (label: string, fn: () => void, hint?: string) => (
    <button
      type="button"
      role="menuitem"
      className="menu-item"
      onClick={() => {
        setOpen(false);
        fn();
      }}
    >
      <span>{label}</span>
      {hint && <kbd>{hint}</kbd>}
    </button>
  );
  /** The whole diagram as a picture, in the current theme (PNG at twice the canvas scale: sharp on a projector). */
  const picture = async (format: 'png' | 'svg') => {
    try {
      const bg = getComputedStyle(document.documentElement).getPropertyValue('--canvas').trim() || '#ffffff';
      // html-to-image and the exporter load on first use, not with the first screen
      const { exportImage } = await import('../canvas/exportImage');
      const url = await exportImage(format, rf.getNodes(), bg, format === 'png' ? 2 : 1);
      const a = Object.assign(document.createElement('a'), {
        href: url,
        download: `${editor.getState().doc.title ?? 'architecture'}.${format}`,
      });
      a.click();
    } catch (e) {
      ui.toast(`${format.toUpperCase()} export failed: ${(e as Error).message}`, 'error');
    }
  };
  return (
    <div
      ref={root}
      className="relative"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          setOpen(false);
          e.stopPropagation();
        }
      }}
    >
      <button
        type="button"
        className="btn-ghost"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        File ▾
      </button>
      {open && (
        <div role="menu" className="menu" aria-label="File">
          {item('New blank architecture', () => openDoc(ws, EMPTY_DOC, 'a blank canvas'))}
          {item('New from starter…', () => ui.setDialog('start'))}
          {item('Puzzles…', () => ui.setDialog('puzzles'))}
          {item('Classroom demos…', () => ui.setDialog('demos'))}
          {item('Make a puzzle from this…', () => ws.maker.openMaker())}
          {item('Open file…', () => fileInput?.click())}
          {item('Open CloudFormation…', () => cfnInput?.click())}
          {item(cfnOpen ? 'Hide CloudFormation view' : 'View as CloudFormation', () => cfnViewOpen.set(!cfnOpen))}
          {item('Save to file', () => exportFile(editor.getState().doc), 'Ctrl+S')}
          {item('Share link…', () => ui.setDialog('share'))}
          {item('Export PNG', () => void picture('png'))}
          {item('Export SVG', () => void picture('svg'))}
          {item('Auto-layout', () => autoLayoutCanvas(ws), 'Ctrl+Shift+L')}
        </div>
      )}
      <input
        ref={setFileInput}
        type="file"
        accept=".json,application/json,.yaml,.yml,.template"
        className="hidden"
        data-testid="file-input"
        aria-label="Open architecture file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) openAnyFile(ws, f);
        }}
      />
      <input
        type="file"
        accept=".yaml,.yml,.json,.template"
        ref={setCfnInput}
        className="hidden"
        data-testid="cfn-file-input"
        aria-label="Open CloudFormation template"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) openAnyFile(ws, f, true);
        }}
      />
    </div>
  );
}
