// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { kindDef } from '../../src/catalog/kinds';
import type { DeploymentProp } from '../../src/catalog/types';
import { DeploymentField } from '../../src/ui/inspector/DeploymentField';
import { WorkspaceContext, useEditorState } from '../../src/ui/state/context';
import { TestEditor } from './TestEditor';

let t: TestEditor;
afterEach(() => {
  cleanup();
  t?.dispose();
});

const DEF = kindDef('realtime-endpoint').props.deployment as DeploymentProp;

/** The field bound to the document, as the inspector renders it. */
function Bound() {
  const value = useEditorState((s) => s.doc.nodes.find((n) => n.id === 'ep')?.props?.deployment ?? null);
  return <DeploymentField nodeId="ep" name="deployment" def={DEF} value={value} />;
}

describe('the deployment guardrails field', () => {
  it('turns guardrails on as a canary, edits the step, baking and alarms, and turns them off again (undoable)', () => {
    t = new TestEditor({
      doc: {
        format: 'sagesim/architecture@1',
        nodes: [
          { id: 'ep', kind: 'realtime-endpoint' },
          { id: 'alarm', kind: 'cloudwatch' },
        ],
        edges: [{ from: 'ep', to: 'alarm' }],
      },
    });
    render(
      <WorkspaceContext.Provider value={t.ws}>
        <Bound />
      </WorkspaceContext.Provider>,
    );
    const dep = () =>
      (t.doc.nodes.find((n) => n.id === 'ep')!.props?.deployment ?? null) as Record<string, unknown> | null;
    act(() => void fireEvent.click(screen.getByRole('checkbox')));
    expect(dep()).toMatchObject({ type: 'canary', sizePercent: 10, waitIntervalSec: 300 });
    act(() => void fireEvent.change(screen.getByLabelText('Baking (s)'), { target: { value: '600' } }));
    act(() => void fireEvent.change(screen.getByLabelText('Auto-rollback alarms'), { target: { value: 'alarm' } }));
    act(() => void fireEvent.change(screen.getByLabelText('Traffic shifting'), { target: { value: 'linear' } }));
    expect(dep()).toMatchObject({ type: 'linear', waitIntervalSec: 600, rollbackAlarms: ['alarm'] });
    expect(screen.getByLabelText('Step %')).toBeTruthy();
    // a canary over 50 % is refused with the schema's reason, and the document keeps the last valid value
    act(() => void fireEvent.change(screen.getByLabelText('Step %'), { target: { value: '80' } }));
    expect(dep()).toMatchObject({ sizePercent: 10 });
    expect(screen.getByRole('alert').textContent).toMatch(/sizePercent|50/);
    act(() => void fireEvent.click(screen.getByRole('checkbox')));
    expect(dep()).toBeNull();
    act(() => void t.editor.undo());
    expect(dep()).toMatchObject({ type: 'linear' });
  });
});
