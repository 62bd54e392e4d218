// @vitest-environment jsdom
import { ReactFlowProvider } from '@xyflow/react';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTIONS, GESTURES } from '../../src/ui/actions/registry';
import { ShortcutSheet } from '../../src/ui/dialogs/ShortcutSheet';
import { Toasts } from '../../src/ui/shell/Messages';
import { TopBar } from '../../src/ui/shell/TopBar';
import { WorkspaceContext, useUiState } from '../../src/ui/state/context';
import { TestEditor } from './TestEditor';

let t: TestEditor;
afterEach(() => {
  cleanup();
  t?.dispose();
});

const inWorkspace = (children: ReactNode) => (
  <WorkspaceContext.Provider value={t.ws}>
    <ReactFlowProvider>{children}</ReactFlowProvider>
  </WorkspaceContext.Provider>
);

/** The dialog slot of the shell: the sheet while the UI store says so. */
function SheetSlot() {
  const dialog = useUiState((s) => s.dialog);
  return dialog === 'shortcuts' ? <ShortcutSheet /> : null;
}

describe('the ? sheet', () => {
  it('opens on ?, lists every action of the registry (P and . included) and every gesture, closes on Escape', () => {
    t = new TestEditor();
    render(inWorkspace(<SheetSlot />));
    expect(screen.queryByRole('dialog')).toBeNull();
    act(() => void t.keyDown('?'));
    const sheet = screen.getByRole('dialog');
    const rows = [...sheet.querySelectorAll('tr')].map((r) => [
      r.querySelector('kbd')!.textContent,
      r.cells[1].textContent,
    ]);
    expect(rows).toHaveLength(ACTIONS.length + GESTURES.length);
    for (const a of ACTIONS) expect(rows).toContainEqual([a.keys.replaceAll('Mod', 'Ctrl'), a.label]);
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(['P', '.', 'Delete / Backspace', 'Ctrl+D']));
    act(() => void t.keyDown('Escape'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('the top bar and the toasts', () => {
  it('Undo and Redo follow the history; a click undoes the last command', () => {
    t = new TestEditor();
    render(inWorkspace(<TopBar />));
    const undo = screen.getByRole('button', { name: 'Undo' }) as HTMLButtonElement;
    expect(undo.disabled).toBe(true);
    act(() => void t.dropKind('client', 100, 100));
    expect(undo.disabled).toBe(false);
    expect(undo.title).toMatch(/^Undo /);
    fireEvent.click(undo);
    expect(t.doc.nodes).toEqual([]);
    expect((screen.getByRole('button', { name: 'Redo' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('a refused gesture shows its reason at the pointer', () => {
    t = new TestEditor({
      doc: {
        format: 'sagesim/architecture@1',
        title: 't',
        nodes: [
          { id: 'c', kind: 'client', position: { x: 0, y: 0 } },
          { id: 'ep', kind: 'realtime-endpoint', position: { x: 400, y: 0 } },
        ],
        edges: [],
      },
    });
    render(inWorkspace(<Toasts />));
    act(() => void t.connect('ep', 'c'));
    const toast = screen.getByTestId('pointer-toast');
    expect(toast.textContent).toBe(t.toasts.at(-1));
    fireEvent.click(toast);
    expect(screen.queryByTestId('pointer-toast')).toBeNull();
  });
});
