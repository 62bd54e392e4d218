import type { GNode } from '../../../model/graph';
import type { Simulation } from '../../sim';
import { Tally } from './tally';
import type { Arrivals, ClientStream } from './traffic';

/**
 * Interactive calls to a batch transform (batch-for-realtime): it has no InvokeEndpoint API, so
 * every call fails; counted on the batch node (requests, failed) and as an incident per call.
 */
export class BatchCalls {
  private readonly tally: Tally;

  constructor(
    readonly sim: Simulation,
    readonly node: GNode,
    private readonly streams: ClientStream[],
  ) {
    this.tally = new Tally(sim.counter('batch-for-realtime', node.id));
  }

  tick(arr: Arrivals): void {
    if (!arr.n) return;
    const m = this.sim.metrics(this.node.id);
    m.requests += arr.n;
    m.failed += arr.n;
    const s = this.streams[arr.src[0]];
    this.tally.n = arr.n;
    this.tally.first = arr.time[0];
    this.tally.vars = { client: s.client.id, rps: s.rps };
    this.tally.flush();
    m.s('errors', 'sum').add(arr.time[0], arr.n);
  }
}
