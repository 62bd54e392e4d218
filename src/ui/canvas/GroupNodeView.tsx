import { Handle, type NodeProps, NodeResizer, Position } from '@xyflow/react';
import { memo, useContext } from 'react';
import { KindIcon } from '../icons';
import type { FlowNode } from './adapter';
import { CanvasActions } from './actions';
import { Badge } from './parts';
import RunOverlay from '../run/RunOverlay';
import { LockMark } from './LockMark';

/** A container (VPC, subnet, pipeline): a resizable frame with a header; children sit inside. */
function GroupNodeView({ id, data, selected }: NodeProps<FlowNode>) {
  const actions = useContext(CanvasActions);
  const isPipe = data.kind === 'pipeline';
  return (
    <div
      className={
        `group-node group-${data.kind} ${data.access ? `access-${data.access}` : ''} ` +
        `${selected ? 'is-selected' : ''}`
      }
    >
      <NodeResizer
        isVisible={selected}
        minWidth={200}
        minHeight={120}
        lineClassName="resize-line"
        handleClassName="resize-handle"
        onResizeEnd={(_, p) => actions.resizeEnd(id, p)}
      />
      <div className="group-header">
        <KindIcon kind={data.kind} size={28} />
        <span className="truncate font-semibold">{data.title}</span>
        <span className="truncate text-[13px] text-[var(--muted)]">
          {data.subtitle}
          {data.access ? ` · ${data.access}` : ''}
        </span>
        <Badge severity={data.severity} count={data.count} />
        <LockMark id={id} />
      </div>
      <RunOverlay id={id} group />
      {isPipe && <Handle type="target" position={Position.Left} className="port" />}
      <Handle id="ref-out" type="source" position={Position.Bottom} className="ref-port" isConnectable={false} />
      <Handle id="ref-in" type="target" position={Position.Top} className="ref-port" isConnectable={false} />
    </div>
  );
}

export default memo(GroupNodeView);
