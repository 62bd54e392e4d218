import type { Report } from '../engine/report';
import type { Incident, LogEvent } from '../engine/types';
import type { ArchDoc, Fault } from '../model/schema';

/** Messages from the page to the engine worker. */
export type ToWorker =
  | { type: 'load'; doc: ArchDoc; seed?: number; durationSec?: number }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'speed'; speed: number }
  | { type: 'runToEnd' }
  | { type: 'reset' }
  /** Inject a fault at the current simulated time (the page also records it in the document). */
  | { type: 'fault'; fault: Omit<Fault, 'atSec'> & { atSec?: number } }
  /** Ask for the report of the document, built exactly as the runner builds it. */
  | { type: 'report' };

export type RunStatus = 'idle' | 'running' | 'paused' | 'finished';

/** What the page shows of one node while a run goes on. Rates are per simulated second over the last update. */
export interface LiveNode {
  state?: string;
  requests: number;
  ok: number;
  failed: number;
  coldStarts: number;
  /** Requests per simulated second since the previous update. */
  rps: number;
  /** Failed requests per simulated second since the previous update. */
  errorRate: number;
  p50Ms: number;
  p99Ms: number;
  costUSD: number;
  /** Incident counts on this node by rule (cumulative). */
  incidents: Record<string, number>;
  /** Module-provided figures (instances, phase, progress…). */
  extra: Record<string, unknown>;
}

/** A batched update from the worker: everything that changed since the last one. */
export interface RunUpdate {
  type: 'update';
  status: RunStatus;
  /** Simulated seconds. */
  now: number;
  durationSec: number;
  speed: number;
  seed: number;
  nodes: Record<string, LiveNode>;
  /** Log entries added since the previous update (capped; `logTotal` stays exact). */
  log: LogEvent[];
  logTotal: number;
  incidents: Incident[];
  costUSD: number;
  /** The event a single step processed. */
  lastStep: string | null;
}

export type FromWorker =
  | RunUpdate
  | { type: 'report'; report: Report }
  | { type: 'error'; message: string };
