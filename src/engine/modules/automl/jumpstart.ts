import { BYTES_PER_PARAMETER, GPU_HEADROOM } from '../../../catalog/automl';
import { instanceType } from '../../../catalog/instances';
import type { GNode, Graph } from '../../../model/graph';

type Hit = { rule: string; vars: Record<string, string | number> };

/** The JumpStart model a real-time endpoint serves (its jumpstart-model → endpoint edge), or null. */
export const jumpstartOf = (g: Graph, ep: GNode): GNode<'jumpstart-model'> | null =>
  ep.kind === 'realtime-endpoint' ? (g.in(ep.id, 'jumpstart-model')[0] ?? null) : null;

/** GB of GPU memory a JumpStart model's 16-bit weights take. */
export const weightsGB = (m: GNode<'jumpstart-model'>): number =>
  Math.round(Number(m.props.parametersB) * BYTES_PER_PARAMETER * 10) / 10;

/** jumpstart-eula-not-accepted: a model that requires a EULA, deployed without accepting it. */
export function eulaProblem(g: Graph, ep: GNode): Hit | null {
  const m = jumpstartOf(g, ep);
  if (!m || !m.props.gated || m.props.acceptEula) return null;
  return { rule: 'jumpstart-eula-not-accepted', vars: { modelId: String(m.props.modelId), model: m.id } };
}

/**
 * jumpstart-model-exceeds-gpu-memory: the model's weights need more than (1 − GPU_HEADROOM) of the GPU memory of the
 * endpoint's instance type, all its GPUs together (JumpStart's LLM containers shard a model across them); a CPU
 * instance has none. An instance type the catalog does not know is not judged.
 */
export function gpuProblem(g: Graph, ep: GNode): Hit | null {
  const m = jumpstartOf(g, ep);
  if (!m || ep.kind !== 'realtime-endpoint') return null;
  const props = (ep as GNode<'realtime-endpoint'>).props;
  const t = instanceType(String(props.instanceType));
  if (!t) return null;
  const total = t.gpus * t.gpuMemoryGiB;
  const need = weightsGB(m);
  if (need <= total * (1 - GPU_HEADROOM)) return null;
  const variants = (props.variants as { name: string; shadow?: boolean }[] | undefined) ?? [];
  return {
    rule: 'jumpstart-model-exceeds-gpu-memory',
    vars: {
      variant: variants.find((v) => !v.shadow)?.name ?? 'AllTraffic',
      weightsGB: need,
      model: String(m.props.modelId),
      instanceType: t.name,
      gpuGB: total,
    },
  };
}
