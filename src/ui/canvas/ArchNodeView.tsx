import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { KindIcon } from '../icons';
import type { FlowNode } from './adapter';
import { Badge, hasInputs, hasOutputs } from './parts';
import RunOverlay from '../run/RunOverlay';
import { LockMark } from './LockMark';

/** A component on the canvas: its icon, its name and its kind, and a badge when it has findings. */
function ArchNodeView({ id, data, selected }: NodeProps<FlowNode>) {
  return (
    <div className={`arch-node ${selected ? 'is-selected' : ''}`} data-kind={data.kind}>
      {hasInputs(data.kind) && <Handle type="target" position={Position.Left} className="port" />}
      <KindIcon kind={data.kind} size={40} />
      <div className="min-w-0 flex-1">
        <div className="node-title text-[15px] font-semibold leading-tight" title={data.title}>
          {data.title}
        </div>
        <div className="truncate text-[13px] leading-tight text-[var(--muted)]" title={data.subtitle}>
          {data.subtitle}
        </div>
      </div>
      <Badge severity={data.severity} count={data.count} />
      <LockMark id={id} />
      <RunOverlay id={id} />
      {hasOutputs(data.kind) && <Handle type="source" position={Position.Right} className="port" />}
      <Handle id="ref-out" type="source" position={Position.Bottom} className="ref-port" isConnectable={false} />
      <Handle id="ref-in" type="target" position={Position.Top} className="ref-port" isConnectable={false} />
    </div>
  );
}

export default memo(ArchNodeView);
