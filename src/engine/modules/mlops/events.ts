import { ENDPOINT_KINDS } from '../../../catalog/kinds';
import { PRICES } from '../../../catalog/prices';
import type { GNode } from '../../../model/graph';
import { TOPICS, type AwsEvent, type FlowEvent } from '../../topics';
import type { MlopsRun } from './state';

/** Seconds per hop of an event chain (source → EventBridge → target) and a Lambda's run time. */
export const EVENT_SEC = { hop: 1, lambda: 2 } as const;
/** Memory of a glue Lambda, for its GB-second price. */
const LAMBDA_GB = 0.128;

const EVENT_NAMES: Record<AwsEvent['type'], string> = {
  'object-created': 'Object Created',
  'package-state-change': 'SageMaker Model Package State Change',
  'monitor-violation': 'Model Monitor violation',
};
/** What EventBridge receives when an alarm on a monitor's CloudWatch metrics changes state. */
const ALARM_EVENT = 'CloudWatch Alarm State Change';

/** What a flow along an event chain is labelled with on the canvas (the event and what it carries). */
function eventLabel(ev: AwsEvent): string {
  if (ev.type === 'package-state-change')
    return `${ev.detail?.status ?? 'Package'} ${ev.detail?.modelPackage ?? ''}`.trim();
  if (ev.type === 'monitor-violation') return `Violation${ev.detail?.violation ? `: ${ev.detail.violation}` : ''}`;
  return 'Object Created';
}

/**
 * Event chains: events leave their source (an S3 bucket, a model registry, a model monitor), reach
 * the EventBridge rules wired to it, and start what the rules target — a pipeline execution, or a
 * Lambda that starts a pipeline or updates endpoints with an approved model package. Where the chain
 * is incomplete the event still happens, and nothing follows: `trigger-chain-broken` on the node where
 * it stops, with a log line at that moment.
 *
 * Model Monitor sends no EventBridge event of its own: a violation is published as CloudWatch metrics
 * (and the execution's CompletedWithViolations status); a cloudwatch alarm on them (model-monitor →
 * cloudwatch) goes to ALARM and EventBridge receives "CloudWatch Alarm State Change" from the alarm
 * (https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-monitoring.html). A rule wired straight
 * to the monitor never matches anything: trigger-chain-broken on the monitor.
 *
 * An S3 bucket sends events only when both its `eventNotifications` is true (S3 → EventBridge
 * notifications are on) and an s3-bucket → eventbridge edge (a rule matching them) exists; a bucket
 * with neither is not meant to start anything and its arrivals are only logged.
 */
export function startEvents(run: MlopsRun): void {
  run.sim.on(TOPICS.awsEvent, (ev: AwsEvent) => route(run, ev));
}

function route(run: MlopsRun, ev: AwsEvent): void {
  const { sim } = run;
  const g = sim.graph;
  const src = g.node(ev.source);
  const name = src.kind === 'cloudwatch' ? ALARM_EVENT : EVENT_NAMES[ev.type];
  const flow = (f: FlowEvent) => sim.emit(TOPICS.flow, f);
  const broken = (node: string, missing: string) => {
    sim.incident('trigger-chain-broken', node, { event: name, source: ev.source, missing });
    sim.note(node, 'event', `${name} from ${ev.source}: nothing follows (${missing})`, 'error');
    flow({ from: node, to: null, kind: 'broken', label: 'nothing follows' });
  };
  const rules = g.out(src.id, 'eventbridge');
  if (src.kind === 'model-monitor') {
    const alarms = g.out(src.id, 'cloudwatch');
    if (rules.length && !alarms.length)
      broken(
        src.id,
        `Model Monitor sends no EventBridge event for a violation: it publishes CloudWatch metrics, so add a ` +
          `cloudwatch alarm on them (${src.id} → cloudwatch → ${rules[0].id})`,
      );
    if (!rules.length && !alarms.length)
      sim.note(src.id, 'info', `${name} from ${src.id}: published as CloudWatch metrics; no alarm watches them`);
    for (const alarm of alarms) {
      flow({ from: src.id, to: alarm.id, kind: 'data', label: 'CloudWatch metrics' });
      sim.after(EVENT_SEC.hop, `${alarm.id}: alarm`, alarm.id, () => {
        sim.note(alarm.id, 'event', `${alarm.id}: alarm on ${src.id}'s CloudWatch metrics went to ALARM (${name})`);
        route(run, { ...ev, source: alarm.id });
      });
    }
    return;
  }
  if (src.kind === 's3-bucket' && !src.props.eventNotifications) {
    if (rules.length)
      broken(src.id, `bucket ${src.id} has eventNotifications off, so S3 sends no events to EventBridge`);
    else sim.note(src.id, 'info', `${name} in ${src.id}: no event notifications configured; nothing listens`);
    return;
  }
  if (!rules.length) {
    if (meantToAct(src, ev, g.out(src.id, ...ENDPOINT_KINDS)))
      broken(src.id, `no EventBridge rule receives events from ${src.id}`);
    else sim.note(src.id, 'info', `${name} from ${src.id}: no EventBridge rule is wired to it`);
    return;
  }
  for (const rule of rules) flow({ from: src.id, to: rule.id, kind: 'event', label: eventLabel(ev) });
  for (const rule of rules) {
    sim.after(EVENT_SEC.hop, `${rule.id}: ${name}`, rule.id, () => {
      const x = sim.metrics(rule.id).extra;
      x.events = ((x.events as number) ?? 0) + 1;
      const targets = g.out(rule.id, 'lambda', 'pipeline', 'codepipeline');
      if (!targets.length) return broken(rule.id, `rule ${rule.id} has no target (no lambda or pipeline)`);
      sim.note(
        rule.id,
        'event',
        `${name} from ${ev.source} matched rule ${rule.id} → ${targets.map((t) => t.id).join(', ')}`,
      );
      const label = ev.type === 'package-state-change' ? 'Package change' : name;
      for (const t of targets) flow({ from: rule.id, to: t.id, kind: 'event', label });
      for (const t of targets) {
        if (t.kind === 'pipeline')
          sim.after(EVENT_SEC.hop, `${t.id}: start`, t.id, () =>
            run.triggerPipeline(t.id, `${name} from ${ev.source} via ${rule.id}`),
          );
        else if (t.kind === 'codepipeline') {
          // the SageMaker Projects deploy pipeline: its rule matches approvals; anything else starts nothing
          const approved = ev.type === 'package-state-change' && ev.detail?.status === 'Approved';
          if (ev.type === 'package-state-change' && !approved)
            sim.note(t.id, 'event', `${t.id} not started: package ${ev.detail?.modelPackage} is ${ev.detail?.status}`);
          else
            sim.after(EVENT_SEC.hop, `${t.id}: start`, t.id, () =>
              sim.emit(TOPICS.releaseStart, {
                node: t.id,
                reason: `${name} from ${ev.source} via ${rule.id}`,
                version: approved ? String(ev.detail!.modelPackage) : undefined,
              }),
            );
        } else sim.after(EVENT_SEC.hop, `${t.id}: invoke`, t.id, () => invokeLambda(run, t, ev, broken));
      }
    });
  }
}

/**
 * Whether a source with no EventBridge rule was meant to start something: an S3 bucket with
 * notifications on, or a registry whose approval should reach the endpoints it deploys to. A monitor
 * with no rule only reports its violations.
 */
function meantToAct(src: GNode, ev: AwsEvent, endpoints: GNode[]): boolean {
  if (src.kind === 's3-bucket') return !!src.props.eventNotifications;
  if (src.kind === 'model-registry') return ev.detail?.status === 'Approved' && endpoints.length > 0;
  return false;
}

function invokeLambda(run: MlopsRun, fn: GNode, ev: AwsEvent, broken: (node: string, missing: string) => void): void {
  const { sim } = run;
  const g = sim.graph;
  const flow = (f: FlowEvent) => sim.emit(TOPICS.flow, f);
  const x = sim.metrics(fn.id).extra;
  x.invocations = ((x.invocations as number) ?? 0) + 1;
  sim.addCost(fn.id, PRICES.lambdaPerRequestUSD + PRICES.lambdaPerGBSecondUSD * LAMBDA_GB * EVENT_SEC.lambda);
  const pipelines = g.out(fn.id, 'pipeline');
  const endpoints = g.out(fn.id, ...ENDPOINT_KINDS);
  const approved = ev.type === 'package-state-change' && ev.detail?.status === 'Approved';
  if (ev.type === 'package-state-change' && !approved) {
    sim.note(fn.id, 'event', `${fn.id} ignored package ${ev.detail?.modelPackage}: status ${ev.detail?.status}`);
    return;
  }
  const deploys = approved ? endpoints : [];
  if (!pipelines.length && !deploys.length) {
    return broken(
      fn.id,
      endpoints.length
        ? `function ${fn.id} only updates endpoints, and a ${ev.type} event carries no approved model package`
        : `function ${fn.id} has no pipeline or endpoint to act on`,
    );
  }
  const b = sim.gate(fn.id, 'api-call');
  if (b) {
    sim.incident(b.rule, fn.id, b.vars);
    sim.note(fn.id, 'event', `${fn.id} could not call SageMaker (${b.rule}); nothing was started`, 'error', b.data);
    return;
  }
  sim.after(EVENT_SEC.lambda, `${fn.id}: done`, fn.id, () => {
    for (const p of pipelines) {
      sim.note(fn.id, 'event', `${fn.id} started pipeline ${p.id}`);
      flow({ from: fn.id, to: p.id, kind: 'event', label: 'StartPipelineExecution' });
      run.triggerPipeline(p.id, `started by ${fn.id} (${ev.type} from ${ev.source})`);
    }
    for (const e of deploys) {
      const version = String(ev.detail!.modelPackage);
      const state = sim.state(e.id);
      sim.note(
        fn.id,
        'event',
        `${fn.id} updates endpoint ${e.id} to ` +
          `${version}${state === 'InService' ? '' : ` — ignored: ${e.id} is ${state ?? 'not created'}`}`,
      );
      if (state === 'InService') flow({ from: fn.id, to: e.id, kind: 'event', label: `UpdateEndpoint ${version}` });
      sim.emit(TOPICS.endpointUpdate, { node: e.id, version });
    }
  });
}
