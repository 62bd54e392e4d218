/**
 * The engine's front door: everything a host (the worker, the CLI, the UI's types, benchmarks) needs.
 * Hosts import only this file (test/boundaries.test.ts fails on a deep import from src/ui, src/worker
 * or src/cli); modules and the core stay free to change behind it.
 */

// running and checking a document
export { createSimulation, runDocument, checkDocument, type RunOptions } from './run';
export { Simulation, type SimOptions, type SimModule, type Gate } from './sim';
export { MODULES } from './modules';

// the run controller (XState)
export {
  controllerMachine,
  createController,
  RunDriver,
  MIN_SPEED,
  MAX_SPEED,
  type DriverCommand,
  type ControllerContext,
  type ControllerEvent,
  type ControllerInput,
} from './controller';

export { simClock, clockOf, type Clock } from './clock';

// the report and goal grading
export { buildReport, type Report, type NodeReport } from './report';
export { budgetStatus, tagCosts, UNTAGGED, type BudgetStatus } from '../model/costs';
export { gradeGoal, designChecks } from './goal';
export { round } from './util';

// Inference Recommender results (a recommender node's report entry)
export type { RecommendationResult, RecommendationRow } from './modules/inference/recommender';

// what a run is made of
export type { Blocker, Finding, Incident, LogEvent, LogType, NodeState, Phase } from './types';

// typed observation: topics and their payloads
export {
  TOPICS,
  type Topic,
  type TopicHandler,
  type TopicMap,
  type AwsEvent,
  type FlowEvent,
  type MonitorRun,
  type PackageStatus,
  type PipelineExecution,
  type ScalingActivity,
  type StateChange,
} from './topics';

// read-outs beyond the report
export {
  jobProgress,
  requestTraces,
  pipelineSteps,
  registryPackages,
  monitorState,
  networkReportOf,
  SERVICE_NAMES,
  TRACE_OUTCOMES,
  TRACE_SAMPLING,
  type NetworkReport,
  type PackageState,
  type PipelineStepState,
  type Reach,
  type RequestTrace,
  type TraceHop,
  type TraceOutcome,
} from './readouts';
export { experimentRuns, modelLineage, type ExperimentRun, type LineageEntity, type ModelLineage } from './experiments';
