import { ENDPOINT_KINDS } from '../../../catalog/kinds';
import { formatMessage, ruleById } from '../../../catalog/rules';
import type { GNode, Graph } from '../../../model/graph';
import { round } from '../../util';
import type { Finding } from '../../types';
import { pointInTimeLeaks, scalerLeaks, servedTraining, skewStore } from './lineage';
import { expiringLookups, unsyncedReads } from './feature-store';
import { expiredVars, metricValue, servingQuality, trainingQuality, validationValue } from './quality';

const finding = (rule: string, node: string, vars: Record<string, string | number> = {}): Finding => {
  const def = ruleById(rule);
  return { rule, node, severity: def.severity, message: formatMessage(def, { node, ...vars }) };
};

/** The expected quality figures of a training job's model, before any run (version 0), for leakage findings. */
function expected(g: Graph, t: GNode): Record<string, string | number> {
  const q = trainingQuality(g, t.id, g.doc.seed ?? 1, 0);
  const ep = g.ofKind(...ENDPOINT_KINDS).find((e) => servedTraining(g, e.id).some((s) => s.id === t.id));
  const m = Math.min(q.positiveClassRatio, 1 - q.positiveClassRatio);
  const production = ep ? servingQuality(g, q, t.id, ep.id).production : metricValue(q.metric, q.skill, m, true);
  return {
    training: t.id,
    version: `${t.id}:v0`,
    metric: q.metric,
    endpoint: ep?.id ?? 'production',
    validation: round(validationValue(q), 3),
    production: round(production, 3),
  };
}

const NO_TRAINING_TEXT =
  'Scaler leakage: {node} fits its scaler on the full dataset, so validation statistics leak into training; a ' +
  'model trained on its output would score an inflated validation metric and do worse in production.';

/** Static findings of the MLOps rules (see README.md for where each one sits). */
export function mlopsFindings(g: Graph): Finding[] {
  const out: Finding[] = [];
  const trainings = g.ofKind('training-job');
  for (const p of g.ofKind('processing-job')) {
    if (p.props.scalerFit !== 'full-dataset') continue;
    const t = trainings.find((tr) => scalerLeaks(g, tr.id).some((l) => l.id === p.id));
    if (t) out.push(finding('scaler-leakage', p.id, expected(g, t)));
    else {
      const def = ruleById('scaler-leakage');
      out.push({
        rule: def.id,
        node: p.id,
        severity: def.severity,
        message: formatMessage({ ...def, message: NO_TRAINING_TEXT }, { node: p.id }),
      });
    }
  }
  for (const t of trainings)
    for (const f of pointInTimeLeaks(g, t.id)) out.push(finding('point-in-time-leakage', f.id, expected(g, t)));
  for (const t of trainings)
    for (const u of unsyncedReads(g, t.id))
      out.push(
        finding('offline-store-not-synced', t.id, {
          ...expected(g, t),
          featureStore: u.store.id,
          ingest: u.ingest.id,
          startMin: u.startMin,
        }),
      );
  for (const e of g.ofKind(...ENDPOINT_KINDS)) {
    const exp = expiringLookups(g, e.id);
    if (exp) {
      const t = servedTraining(g, e.id)[0];
      out.push(finding('online-record-expired', e.id, { ...(t ? expected(g, t) : {}), ...expiredVars(exp) }));
    }
    for (const t of servedTraining(g, e.id)) {
      const f = skewStore(g, t.id, e.id);
      if (f) out.push(finding('training-serving-skew', e.id, { featureStore: f.id, training: t.id }));
    }
    for (const r of g.in(e.id, 'model-registry')) {
      if (r.props.approval !== 'Approved')
        out.push(finding('unapproved-model-deploy', e.id, { modelPackage: `${r.id}/0`, status: r.props.approval }));
    }
  }
  for (const c of g.ofKind('callback-step')) {
    const q = g.out(c.id, 'sqs')[0];
    if (!q || !g.out(q.id, 'lambda').length)
      out.push(finding('callback-never-answered', c.id, { timeoutSec: c.props.timeoutSec, queue: q?.id ?? '(none)' }));
  }
  out.push(...chainFindings(g));
  return out;
}

const EVENT_SOURCES = ['s3-bucket', 'model-registry', 'model-monitor', 'cloudwatch'] as const;
/** The EventBridge event each source kind emits (as the run names them). */
const SOURCE_EVENTS: Record<(typeof EVENT_SOURCES)[number], string> = {
  's3-bucket': 'Object Created',
  'model-registry': 'SageMaker Model Package State Change',
  'model-monitor': 'Model Monitor violation',
  cloudwatch: 'CloudWatch Alarm State Change',
};

/** Incomplete event chains visible in the design: trigger-chain-broken on the node where each stops. */
function chainFindings(g: Graph): Finding[] {
  const out: Finding[] = [];
  const broken = (node: string, event: string, source: string, missing: string) =>
    out.push(finding('trigger-chain-broken', node, { event, source, missing }));
  // a rule or function with no (or several) sources: worded without the "Event … from …" template
  const glue = (node: string, missing: string) => {
    const def = ruleById('trigger-chain-broken');
    out.push({
      rule: def.id,
      node,
      severity: def.severity,
      message:
        `Events reaching ${node} start nothing (${missing}); no pipeline execution or endpoint update would be ` +
        `started.`,
    });
  };
  for (const b of g.ofKind('s3-bucket')) {
    const rules = g.out(b.id, 'eventbridge');
    if (b.props.eventNotifications && !rules.length)
      broken(b.id, 'Object Created', b.id, `no EventBridge rule receives events from ${b.id}`);
    if (!b.props.eventNotifications && rules.length)
      broken(
        b.id,
        'Object Created',
        b.id,
        `bucket ${b.id} has eventNotifications off, so S3 sends no events to EventBridge`,
      );
  }
  // Model Monitor has no EventBridge event of its own: violations are CloudWatch metrics (issue 12 item 10)
  for (const m of g.ofKind('model-monitor')) {
    const rules = g.out(m.id, 'eventbridge');
    if (rules.length && !g.out(m.id, 'cloudwatch').length)
      broken(
        m.id,
        'Model Monitor violation',
        m.id,
        `Model Monitor sends no EventBridge event for a violation: it publishes CloudWatch metrics, so add a ` +
          `cloudwatch alarm on them (${m.id} → cloudwatch → ${rules[0].id})`,
      );
  }
  for (const eb of g.ofKind('eventbridge')) {
    const sources = g.in(eb.id, ...EVENT_SOURCES);
    const first = sources[0];
    if (!g.out(eb.id, 'lambda', 'pipeline', 'codepipeline').length) {
      if (sources.length === 1)
        broken(
          eb.id,
          SOURCE_EVENTS[first.kind as (typeof EVENT_SOURCES)[number]],
          first.id,
          `rule ${eb.id} has no target (no lambda or pipeline)`,
        );
      else
        glue(
          eb.id,
          `rule ${eb.id} has no target (no lambda or pipeline)${sources.length ? '' : ' and nothing is wired into it'}`,
        );
    } else if (!sources.length) {
      const def = ruleById('trigger-chain-broken');
      out.push({
        rule: def.id,
        node: eb.id,
        severity: def.severity,
        message:
          `EventBridge rule ${eb.id} receives no events: nothing is wired into it, so its targets are never ` +
          `started.`,
      });
    }
  }
  for (const fn of g.ofKind('lambda')) {
    if (fn.parent && g.byId.get(fn.parent)?.kind === 'pipeline') continue;
    const rules = g.in(fn.id, 'eventbridge');
    if (rules.length && !g.out(fn.id, 'pipeline', ...ENDPOINT_KINDS).length) {
      glue(fn.id, `function ${fn.id} has no pipeline or endpoint to act on`);
    }
  }
  return out;
}
