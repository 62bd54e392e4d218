// @vitest-environment jsdom
/**
 * The inspector edits the data-preparation props of issue 16 (data-d1): a processing job's data-quality rules,
 * completeness floor, columns used and the facet-rebalance transform; a bucket's columnar format (orc).
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NodeForm } from '../../src/ui/inspector/NodeForm';
import { WorkspaceContext } from '../../src/ui/state/context';
import { TestEditor } from './TestEditor';

let t: TestEditor;
afterEach(() => {
  cleanup();
  t?.dispose();
});

const props = (id: string) => t.doc.nodes.find((n) => n.id === id)!.props ?? {};
const form = (id: string) =>
  render(
    <WorkspaceContext.Provider value={t.ws}>
      <NodeForm id={id} />
    </WorkspaceContext.Provider>,
  );

describe('the inspector on data-preparation props', () => {
  it('edits a processing job’s data-quality rules, completeness floor, columns used and transforms', () => {
    t = new TestEditor({
      doc: { format: 'sagesim/architecture@1', nodes: [{ id: 'prep', kind: 'processing-job' }], edges: [] },
    });
    form('prep');
    act(
      () =>
        void fireEvent.change(screen.getByLabelText(/Data-quality rules/), {
          target: { value: 'completeness\nrange' },
        }),
    );
    act(() => void fireEvent.change(screen.getByLabelText(/Min completeness/), { target: { value: '0.9' } }));
    act(() => void fireEvent.change(screen.getByLabelText(/Columns used/), { target: { value: '0.05' } }));
    act(() => void fireEvent.change(screen.getByLabelText(/Transforms/), { target: { value: 'facet-rebalance' } }));
    expect(props('prep')).toMatchObject({
      qualityRules: ['completeness', 'range'],
      minCompleteness: 0.9,
      columnsRead: 0.05,
      transforms: ['facet-rebalance'],
    });
    // a rule SageSim does not know is refused with the reason, and the document keeps the last valid list
    act(() => void fireEvent.change(screen.getByLabelText(/Data-quality rules/), { target: { value: 'uniqueness' } }));
    expect(props('prep').qualityRules).toEqual(['completeness', 'range']);
    expect(
      screen
        .getAllByRole('alert')
        .map((a) => a.textContent)
        .join(' '),
    ).toMatch(/uniqueness|completeness/);
  });

  it('sets a bucket’s format to ORC', () => {
    t = new TestEditor({
      doc: { format: 'sagesim/architecture@1', nodes: [{ id: 'raw', kind: 's3-bucket' }], edges: [] },
    });
    form('raw');
    act(() => void fireEvent.change(screen.getByLabelText(/^Format/), { target: { value: 'orc' } }));
    expect(props('raw').format).toBe('orc');
  });
});
