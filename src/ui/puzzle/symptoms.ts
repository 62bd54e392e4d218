/**
 * What an operator would see on AWS, for puzzle mode: the run's incidents as symptoms (failure reasons,
 * metrics, monitor reports, log lines), without the rule that names the cause. Most incident messages are
 * already what AWS prints (a FailureReason, an HTTP error); the ones below spell out their own cause
 * ("fit its scaler on the full dataset", "has no online store"), so puzzle mode shows the figures instead.
 * Pure: the panel and the why? view call it with the report.
 */
import { RULE_INDEX } from '../../catalog/rule-index';
import type { Report } from '../../engine';
import type { ArchDoc } from '../../model/schema';

type Incident = Report['incidents'][number];
type NodeFigures = Report['nodes'][string];

/** Rules whose message names their own cause, and the metric-only line shown instead. */
const CAUSE_NAMING: Record<string, (i: Incident, n: NodeFigures | undefined, r: Report) => string> = {
  'scaler-leakage': (i, _n, r) => modelQuality(r) ?? `Model quality in production is below validation (${i.count}×).`,
  'point-in-time-leakage': (i, _n, r) =>
    modelQuality(r) ?? `Model quality in production is below validation (${i.count}×).`,
  'training-serving-skew': (i, _n, r) =>
    modelQuality(r, i.node) ?? `Model quality in production is below validation on ${i.node}.`,
  'misleading-accuracy': (i, n, r) => {
    const x = r.nodes[i.node] ?? n;
    const v = typeof x?.validation === 'number' ? x.validation : typeof x?.value === 'number' ? x.value : null;
    return (
      `${i.node}: validation ${String(x?.metric ?? 'accuracy')} ${v ?? 'high'}; ` +
      `${modelQuality(r) ?? 'the live model catches few positives'}`
    );
  },
  'offline-store-online-lookup': (i, n) =>
    `${i.node}: p50 ${n?.p50Ms ?? '?'} ms, p99 ${n?.p99Ms ?? '?'} ms per request (${n?.failed ?? 0} failed); ` +
    `the model itself answers in tens of ms.`,
  'online-record-expired': (i, n, r) =>
    `${i.node}: ${String(n?.emptyLookupPct ?? '?')}% of GetRecord lookups returned an empty result (the ` +
    `inference code fell back to default values); ` +
    `${modelQuality(r, i.node) ?? 'model quality below validation'}.`,
  'offline-store-not-synced': (i, _n, r) =>
    `${i.node}: Completed; the newest event_time in its training set predates the batch ingested just before ` +
    `it started; ${modelQuality(r) ?? 'model quality in production below validation'}.`,
  'mme-cache-thrash': (i, n) =>
    `${i.node}: ${n?.coldStarts ?? '?'} model loads (ModelLoadingWaitTime rising), cache hit ` +
    `${String(n?.cacheHitPct ?? '?')}%, p99 ${n?.p99Ms ?? '?'} ms.`,
  'labeling-without-active-learning': (i, n) =>
    `${i.node}: every object went to human workers; cost so far $${n?.costUSD ?? '?'}.`,
  'spot-without-checkpoint': (i) =>
    `${i.node}: after the Spot interruption the job started over from the beginning (${i.count}×).`,
  'model-parallel-unneeded': (i) => `${i.node}: training throughput lower than the last run on the same instance.`,
  'label-leakage': (i, _n, r) => modelQuality(r) ?? `Model quality in production is below validation (${i.count}×).`,
  'ai-service-task-mismatch': (i, n) =>
    `${i.node}: the custom training job ended without a model; ${n?.failed ?? 0} of ${n?.requests ?? 0} calls failed.`,
  'endpoint-idle': (i) => underusedSymptom(i),
  'endpoint-over-provisioned': (i) => underusedSymptom(i),
  // savings17: Cost Explorer's utilization report, without the steady usage (that sizes the fix)
  'savings-plan-oversized': (i) => i.message.replace(/ The steady SageMaker usage is .*$/, ''),
  // CI/CD (cicd17): what CodePipeline shows — no new execution, or a Succeeded execution and a failing endpoint
  'release-not-triggered': (i) => i.message.replace(/ \(its push trigger includes branches [^)]*\)/, ''),
  'untested-defect-released': (i) => i.message.replace(/; the \w+ defect passed the suites it ran \([^)]*\)/, ''),
  'bedrock-custom-model-on-demand': (i, n) =>
    `${i.node}: every InvokeModel call returned HTTP 400 (${i.count} calls, ${n?.ok ?? 0} answered); the ` +
    `customisation job had succeeded.`,
  // issue 14 audit: these messages explain their cause or name the fix; puzzle mode keeps the figures
  'target-encoding-leakage': (i, _n, r) =>
    modelQuality(r) ?? `Model quality in production is below validation (${i.count}×).`,
  'resampling-before-split': (i, _n, r) =>
    modelQuality(r) ?? `Model quality in production is below validation (${i.count}×).`,
  'row-format-full-scan': (i) => i.message.replace(/ \([^)]*row by row\)/, ''),
  // issue 16 (ingest16): the figures an operator sees, not the per-request explanation
  'small-files-slow-input': (i) =>
    i.message.replace(
      /: ([\d.]+) min of its input time go to per-object GET requests .*, against ([\d.]+) min of data transfer\.$/,
      (_all, req: string, data: string) =>
        `: reading its input takes ${Math.round(Number(req) + Number(data))} min while the instance's network ` +
        `throughput stays low.`,
    ),
  'pipe-mode-format': (i) => `${i.node}: Pipe mode is on, yet the job takes as long as it did in File mode.`,
  'algorithm-task-mismatch': (i) => i.message.replace(/; [^;]* solves: .*$/, '.'),
  'async-no-notification': (i) =>
    `${i.node}: results are written to the S3 output location; callers find out that one is ready only by polling it.`,
  'trigger-chain-broken': (i) => i.message.replace(/ \(.*\)(?=; no )/, ''),
  'bad-version-shipped': (i) => i.message.replace(/ \(the default update.*$/, '.'),
  // what the on-call engineer sees: each widget's highest point beside what the callers got
  'dashboard-blind-spot': (i, n, r) => {
    const ws = (n?.widgets ?? []) as { endpoint: string; widget: string; peak: number | null }[];
    const eps = [...new Set(ws.map((w) => w.endpoint))];
    const peaks = ws.map((w) => `${w.widget} ${w.peak === null ? 'no data' : `peaks at ${w.peak}`}`).join(', ');
    const got = eps.map((e) => `${e}: p99 ${r.nodes[e]?.p99Ms ?? '?'} ms, ${r.nodes[e]?.failed ?? 0} failed calls`);
    return `${i.node}: ${peaks || 'no widget'}; what callers got: ${got.join('; ') || 'nothing measured'}.`;
  },
  'async-stuck-at-zero': (i) => i.message.replace(' and no step-scaling policy on HasBacklogWithoutCapacity', ''),
  // models16: the figures an operator sees, not the row count, the missing S3Version or the cheaper choice
  'too-little-labelled-data': (i) => i.message.replace(/; \S+ has \d+ labelled rows.*$/, '.'),
  'gpu-network-on-tabular-data': (i) => i.message.replace(/; XGBoost on .*$/, '.'),
  // finetune16: the records the job could not read, not the layout it reads
  'fine-tuning-data-format': (i) =>
    i.message.replace(/ reads .*; (\S+) holds (.+)\.$/, ': no training record could be read from $1 ($2).'),
  'linear-model-on-interactions': (i) => i.message.replace(/ \(underfitting\):.*$/, '.'),
  'training-data-not-versioned': (i) =>
    i.message.replace(
      / has no S3Version.*$/,
      ': the auditor cannot be told which objects it was trained on (the files there have been rewritten since).',
    ),
  // issue 17: the AWS error without the part that names the missing policy or the blocking rule
  'realtime-stuck-at-zero': (i, n) =>
    `${i.message.replace(/ \([^()]*no scaling policy[^()]*\)$/, '')} (${i.count}×; ` +
    `${String(n?.instancesFinal ?? 0)} instances in service)`,
  'no-capacity-at-zero': (i) => `${i.message.replace(/ \([^()]*scaling out from zero[^()]*\)$/, '')} (${i.count}×)`,
  'sg-blocks-distributed-training': (i) => i.message.replace(/: security group .*$/, '.'),
  'endpoint-sg-blocks-https': (i) => i.message.replace(/ \([^()]*\)\.$/, '.'),
};

/** The live model's quality as a monitor with ground truth reports it, from the endpoint figures (null when none). */
function modelQuality(r: Report, endpoint?: string): string | null {
  const eps = Object.entries(r.nodes).filter(
    ([id, n]) => (!endpoint || id === endpoint) && typeof n.production === 'number' && typeof n.validation === 'number',
  );
  if (!eps.length) return null;
  return eps
    .map(([id, n]) => {
      const prod = n.metric === 'accuracy' ? 'balanced accuracy' : String(n.metric);
      return (
        `model-quality monitor on ${id}: ${prod} ${n.production} in production vs ${String(n.metric)} ` +
        `${n.validation} at validation`
      );
    })
    .join('; ');
}

/**
 * endpoint-idle and endpoint-over-provisioned as CloudWatch shows them: the endpoint's utilization (or its zero
 * invocations) and its cost, without
 * the instance count the load needs.
 */
export function underusedSymptom(i: Pick<Incident, 'node' | 'message'>): string {
  const util = /averaged ([\d.]+)% utilization per core/.exec(i.message);
  const cost = /billed (\$[\d.]+ over [\d.]+ h)/.exec(i.message)?.[1];
  const spend = cost ? `; billed ${cost} in service` : '';
  return util
    ? `${i.node}: CPUUtilization averaged ${util[1]}% per core over the run${spend}.`
    : `${i.node}: Invocations 0 over the whole run${spend}.`;
}

/** Whether a rule's message names its own cause (puzzle mode shows figures instead until revealed). */
export const namesItsCause = (rule: string): boolean => rule in CAUSE_NAMING;

/** One incident as a symptom line. `revealed` shows the message as the engine wrote it. */
export function symptomText(i: Incident, r: Report, revealed: boolean): string {
  if (revealed) return i.message;
  const f = CAUSE_NAMING[i.rule];
  return f ? f(i, r.nodes[i.node], r) : i.message;
}

/**
 * Log lines of the run an operator would read first: failures, throttling, violations (newest last, at most `max`).
 * Until the puzzle is `revealed`, a failure that the engine logged with its rule id ("Failed: s3-unreachable") or
 * with a cause-naming reason shows the incident's symptom instead, as AWS's FailureReason would.
 */
export function logLines(r: Report, max = 6, revealed = true): { t: number; node: string | null; event: string }[] {
  const wanted = /Failed|Stopped|Violation|denied|Denied|Throttl|Error|Exception|timed out|not authorized/;
  const lines = r.timeline.filter((e) => wanted.test(e.event)).slice(-max);
  if (revealed) return lines;
  return lines.map((e) => {
    const m = /^(Failed|Stopped): (.*)$/.exec(e.event);
    if (!m || !e.node) return { ...e, event: hideAnswerIn(e.event) };
    const onNode = r.incidents.filter((i) => i.node === e.node);
    const named = onNode.find((i) => m[2] === i.rule) ?? onNode.find((i) => i.rule in CAUSE_NAMING);
    if (named) {
      const said = symptomText(named, r, false);
      // the line already names its node: "tagger: Failed: …", not "tagger: Failed: tagger: …"
      return { ...e, event: `${m[1]}: ${said.startsWith(`${e.node}: `) ? said.slice(e.node.length + 2) : said}` };
    }
    return { ...e, event: hideAnswerIn(e.event) };
  });
}

/** Rule ids as the engine writes them into log text ("ep: Creating → Failed · s3-unreachable"). */
const RULE_ID = new RegExp(`(?<![\\w-])(?:${[...RULE_INDEX.keys()].join('|')})(?![\\w-])`, 'g');

/**
 * A log message with the answer taken out, for puzzle mode before it is revealed: rule ids (with the separator
 * before them) and the engine's note that an alarm is "not an auto-rollback alarm of the deployment".
 */
export function hideAnswerIn(text: string): string {
  return text
    .replace(/ · not an auto-rollback alarm[^·]*$/, '')
    .replace(new RegExp(`(?: · |: )?${RULE_ID.source}`, 'g'), '')
    .trim();
}

/** A node's display name in the puzzle. */
export const nodeName = (doc: ArchDoc, id: string): string => doc.nodes.find((n) => n.id === id)?.label ?? id;
