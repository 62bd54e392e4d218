import type { PropDef } from '../../catalog/types';
import { AutoscalingField, ListField, VariantsField } from './complexFields';
import { DeploymentField } from './DeploymentField';
import { BoolField, EnumField, NumberField, RefField, TextField } from './fields';

/** The control for one prop, chosen by its catalog type. */
export function PropField({
  nodeId,
  name,
  def,
  value,
}: {
  nodeId: string;
  name: string;
  def: PropDef;
  value: unknown;
}) {
  switch (def.type) {
    case 'number':
      return <NumberField nodeId={nodeId} name={name} def={def} value={value} />;
    case 'boolean':
      return <BoolField nodeId={nodeId} name={name} def={def} value={value} />;
    case 'enum':
      return <EnumField nodeId={nodeId} name={name} def={def} value={value} />;
    case 'string':
      return <TextField nodeId={nodeId} name={name} def={def} value={value} />;
    case 'ref':
      return <RefField nodeId={nodeId} name={name} def={def} value={value} />;
    case 'string-list':
      return <ListField nodeId={nodeId} name={name} def={def} value={value} />;
    case 'autoscaling':
      return <AutoscalingField nodeId={nodeId} name={name} def={def} value={value} />;
    case 'variants':
      return <VariantsField nodeId={nodeId} name={name} def={def} value={value} />;
    case 'deployment':
      return <DeploymentField nodeId={nodeId} name={name} def={def} value={value} />;
  }
}
