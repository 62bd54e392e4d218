/** The documents the UI benchmarks open. */
import type { ArchDoc, ArchNode } from '../src/model/schema';

/**
 * 200 nodes: 4 VPCs × 2 subnets × 8 jobs, buckets and images, and 40 clients at 25 req/s (1,000 req/s) to 40 endpoints.
 */
export function bigRunDoc(durationSec: number): ArchDoc {
  const nodes: ArchNode[] = [];
  const edges: { from: string; to: string }[] = [];
  for (let v = 0; v < 4; v++) {
    nodes.push({ id: `vpc-${v}`, kind: 'vpc' });
    for (let s = 0; s < 2; s++) {
      const sub = `sub-${v}-${s}`;
      nodes.push({ id: sub, kind: 'subnet', parent: `vpc-${v}`, props: { access: 'private-with-nat' } });
      for (let j = 0; j < 8; j++)
        nodes.push({ id: `job-${v}-${s}-${j}`, kind: j % 2 ? 'processing-job' : 'training-job', parent: sub });
    }
  }
  for (let i = 0; i < 40; i++) {
    nodes.push({ id: `client-${i}`, kind: 'client', props: { rps: 25, payloadMB: 0.05 } });
    nodes.push({ id: `ep-${i}`, kind: i % 4 === 3 ? 'serverless-endpoint' : 'realtime-endpoint' });
    edges.push({ from: `client-${i}`, to: `ep-${i}` });
  }
  const jobs = nodes.filter((n) => n.kind === 'training-job' || n.kind === 'processing-job').map((n) => n.id);
  let i = 0;
  while (nodes.length < 200) {
    if (i % 2 === 0) {
      nodes.push({ id: `data-${i}`, kind: 's3-bucket' });
      edges.push({ from: `data-${i}`, to: jobs[i % jobs.length] });
    } else {
      nodes.push({ id: `img-${i}`, kind: 'ecr-repository' });
      edges.push({ from: `img-${i}`, to: jobs[(i * 7) % jobs.length] });
    }
    i++;
  }
  return {
    format: 'sagesim/architecture@1',
    title: 'Bench: 200 nodes at 1,000 req/s',
    seed: 1,
    durationSec,
    nodes,
    edges,
  };
}
