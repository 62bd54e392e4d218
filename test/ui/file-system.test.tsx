// @vitest-environment jsdom
/**
 * File systems as training inputs (issue 16, ingest16) on the page: the inspector edits a file system's props (type,
 * FSx deployment and capacity, EFS throughput mode, the channel's access mode) and a bucket's object count; a training
 * job that mounts one shows, on its canvas chip, the mount against the File-mode copy from S3.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NodeForm } from '../../src/ui/inspector/NodeForm';
import { mlopsLine, mountedInputOf } from '../../src/ui/run/mlopsView';
import { WorkspaceContext } from '../../src/ui/state/context';
import type { LiveNode } from '../../src/worker/protocol';
import { liveNode } from './live-node';
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
const doc = {
  format: 'sagesim/architecture@1' as const,
  nodes: [
    { id: 'vpc', kind: 'vpc' as const },
    { id: 'sub', kind: 'subnet' as const, parent: 'vpc' },
    { id: 'fsx', kind: 'file-system' as const, parent: 'sub' },
    { id: 'raw', kind: 's3-bucket' as const },
  ],
  edges: [],
};

describe('the inspector on file systems and small objects', () => {
  it('edits a file system’s type, FSx deployment and capacity, EFS throughput mode and access mode', () => {
    t = new TestEditor({ doc });
    form('fsx');
    act(() => void fireEvent.change(screen.getByLabelText(/^Deployment type/), { target: { value: 'PERSISTENT_2' } }));
    act(() => void fireEvent.change(screen.getByLabelText(/^Storage capacity/), { target: { value: '2400' } }));
    act(() => void fireEvent.change(screen.getByLabelText(/^Throughput per TiB/), { target: { value: '500' } }));
    act(() => void fireEvent.change(screen.getByLabelText(/^Access mode/), { target: { value: 'rw' } }));
    expect(props('fsx')).toMatchObject({
      deploymentType: 'PERSISTENT_2',
      storageGiB: 2400,
      perUnitThroughput: 500,
      accessMode: 'rw',
    });
    act(() => void fireEvent.change(screen.getByLabelText(/^File system type/), { target: { value: 'efs' } }));
    act(() => void fireEvent.change(screen.getByLabelText(/^Throughput mode/), { target: { value: 'elastic' } }));
    expect(props('fsx')).toMatchObject({ fsType: 'efs', throughputMode: 'elastic' });
    // FSx for Lustre's smallest file system is 1,200 GiB: a smaller capacity is refused, the last valid one kept
    act(() => void fireEvent.change(screen.getByLabelText(/^Storage capacity/), { target: { value: '600' } }));
    expect(props('fsx').storageGiB).toBe(2400);
  });

  it('sets how many objects a bucket holds, and clears it back to unknown', () => {
    t = new TestEditor({ doc });
    form('raw');
    act(() => void fireEvent.change(screen.getByLabelText(/^Object count/), { target: { value: '1200000' } }));
    expect(props('raw').objectCount).toBe(1_200_000);
    act(() => void fireEvent.change(screen.getByLabelText(/^Object count/), { target: { value: '' } }));
    expect(props('raw').objectCount ?? null).toBeNull();
  });
});

describe('a mounting training job in the run view', () => {
  const live = (extra: Record<string, unknown>): LiveNode => liveNode(extra);

  it('its chip compares the mount with the File-mode copy from S3; other jobs have none', () => {
    const n = live({ inputMountSec: 5, fileSystemReadMin: 14.6, s3FileModeDownloadMin: 66.8 });
    expect(mountedInputOf(n)).toEqual({ mountSec: 5, readMin: 14.6, s3Min: 66.8 });
    const line = mlopsLine(n)!;
    expect(line.parts.map((p) => p.text)).toEqual(['⛁ mounted in 5 s', 'S3 copy 66.8 min']);
    expect(line.title).toMatch(/read at its throughput in 14\.6 min; File mode from S3 would copy it for 66\.8 min/);
    expect(mlopsLine(live({ durationSec: 100 }))).toBeNull();
  });
});
