/**
 * Issue 14, audited over every shipped puzzle: before a puzzle is revealed (solved, last hint, solution shown,
 * gave up) the page's symptoms and log lines show what an operator sees on AWS, never the answer. The incident
 * messages and log lines some rules wrote named their cause or fix ("no step-scaling policy on
 * HasBacklogWithoutCapacity", "add a cloudwatch alarm", "Failed: unapproved-model-deploy"); they show figures now.
 */
import { describe, expect, it } from 'vitest';
import { RULES_BY_ID } from '../../src/catalog/rules';
import { runDocument } from '../../src/engine/run';
import { puzzleRules } from '../../src/model/puzzle';
import { hideAnswerIn, logLines, symptomText } from '../../src/ui/puzzle/symptoms';
import { checklistOf, pendingChecklist, shownChecklist } from '../../src/ui/puzzle/checklist';
import { gradeCriteria } from '../../src/worker/checklist';
import { loadPuzzle, puzzleFiles, PUZZLES_DIR } from './catalog';

const shownBeforeReveal = (file: string) => {
  const { path, doc } = loadPuzzle(file);
  const report = runDocument(doc).report;
  const shown = [
    ...report.incidents.map((i) => symptomText(i, report, false)),
    ...logLines(report, 6, false).map((l) => l.event),
  ];
  return { path, doc, report, shown };
};

describe('puzzle symptoms never give the answer away', () => {
  it.each([
    ['d1/10-better-in-the-lab.json', /encoded|encoding/i],
    ['d1/11-synthetic-success.json', /resampled|SMOTE/i],
    ['d1/14-four-columns-of-eighty.json', /row by row|columnar/i],
    ['d2/05-pipe-without-protobuf.json', /recordio|protobuf/i],
    ['d2/12-segments-are-not-churners.json', /kmeans|clustering|solves/i],
    ['d2/18-photos-the-classifier-could-not-learn.json', /does not learn|image-classification/i],
    ['d2/19-the-pilot-clinics-first-model.json', /labelled rows|needs about/i],
    ['d2/20-the-nightly-retraining-bill.json', /xgboost|ml\.m5/i],
    ['d2/21-the-upgrade-offer-nobody-predicted.json', /interactions|one weight per feature/i],
    ['d2/22-the-auditors-question.json', /S3Version|ETag|versioning/i],
    ['d2/27-the-fine-tune-that-never-trained.json', /jsonl|JSON Lines|prompt\/completion|template\.json/i],
    ['d3/03-polling-for-results.json', /NotificationConfig|SuccessTopic|ErrorTopic/],
    ['d3/08-nobody-heard-the-upload.json', /eventNotifications|sends no events/i],
    ['d3/09-fridays-release.json', /DeploymentConfig|baking period/i],
    ['d3/10-the-alarm-that-rang.json', /auto-rollback/],
    ['d3/12-the-quiet-night-shift.json', /step-scaling policy on HasBacklogWithoutCapacity/],
    ['d3/19-the-release-that-never-left.json', /push trigger includes|release\/\*/],
    ['d3/20-green-build-red-endpoint.json', /integration|suites it ran/],
    ['d4/20-the-regulators-review.json', /add a cloudwatch alarm|bias → cloudwatch/i],
    ['d4/26-the-dashboard-that-stayed-green.json', /p99 or Maximum|4XX error|is published in/],
  ] as const)('%s: its symptoms and log lines do not name the cause', (file, cause) => {
    const { shown, report } = shownBeforeReveal(`${PUZZLES_DIR}/${file}`);
    expect(shown.length).toBeGreaterThan(0);
    for (const s of shown) expect(s).not.toMatch(cause);
    // once revealed, the engine's own message shows
    expect(report.incidents.map((i) => symptomText(i, report, true))).toEqual(report.incidents.map((i) => i.message));
  });

  it('hideAnswerIn takes rule ids and the rollback note out of a log message, and leaves other text alone', () => {
    expect(hideAnswerIn('ep: Creating → Failed · unapproved-model-deploy')).toBe('ep: Creating → Failed');
    expect(hideAnswerIn('Failed: s3-unreachable')).toBe('Failed');
    expect(hideAnswerIn('errors: OK → ALARM (5XX 26 > 5) · not an auto-rollback alarm of the deployment')).toBe(
      'errors: OK → ALARM (5XX 26 > 5)',
    );
    expect(hideAnswerIn('Failed: ClientError: No space left on device')).toBe(
      'Failed: ClientError: No space left on device',
    );
  });

  it('a log line names its node once (d2/18: "Failed: the custom training job…", not "Failed: tagger: …")', () => {
    const { report } = shownBeforeReveal(`${PUZZLES_DIR}/d2/18-photos-the-classifier-could-not-learn.json`);
    const line = logLines(report, 6, false).find((l) => l.node === 'tagger')!;
    expect(line.event).toMatch(/^Failed: the custom training job ended without a model/);
  });

  it('no shipped puzzle shows a rule id, its rule title or a prop its fixes set before it is revealed', () => {
    const ids = [...RULES_BY_ID.keys()];
    const leaks: string[] = [];
    for (const file of puzzleFiles()) {
      const { path, doc, shown } = shownBeforeReveal(file);
      // SageSim's own prop names (camelCase, e.g. eventNotifications); AWS API names (KmsKeyId) are what AWS prints
      const fixProps = [doc.solution!, ...(doc.alternatives ?? []).map((a) => a.solution)]
        .flatMap((s) => Object.values(s.setProps ?? {}).flatMap((p) => Object.keys(p)))
        .filter((p) => /^[a-z]+[A-Z]/.test(p));
      for (const s of shown) {
        for (const id of ids)
          if (new RegExp(`(^|[^a-z-])${id}($|[^a-z-])`).test(s)) leaks.push(`${path}: names ${id}: ${s}`);
        for (const rule of puzzleRules(doc))
          if (s.includes(RULES_BY_ID.get(rule)!.title)) leaks.push(`${path}: names its rule's title: ${s}`);
        for (const p of fixProps) if (s.includes(p)) leaks.push(`${path}: names the fix's prop ${p}: ${s}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it.each([
    ['d2/12-segments-are-not-churners.json', 'title', /segment|cluster/i],
    ['d2/14-a-gate-that-measures-nothing.json', 'title', /measures nothing|metric/i],
    ['d4/10-the-scratch-disk.json', 'title', /disk|volume/i],
    ['d4/18-one-store-of-two.json', 'title', /store/i],
    ['d1/07-yesterdays-news.json', 'story', /event time|ignores it/i],
  ] as const)('%s: its %s names the situation, not the cause', (file, field, cause) => {
    const { doc } = loadPuzzle(`${PUZZLES_DIR}/${file}`);
    expect(doc[field]).not.toMatch(cause);
  });

  it("the goal checklist does not state the fix before it is revealed (d3/01: the registry's approval)", () => {
    const leaks: string[] = [];
    for (const file of puzzleFiles()) {
      const { path, doc, report } = shownBeforeReveal(file);
      const items = shownChecklist(doc, checklistOf(doc, gradeCriteria(doc, report)), false);
      for (const [id, state] of Object.entries(doc.goal?.nodeStates ?? {})) {
        if (!Object.values(doc.solution?.setProps?.[id] ?? {}).includes(state)) continue;
        for (const i of items)
          if (`${i.label} ${i.why ?? ''}`.includes(state)) leaks.push(`${path}: ${i.label} / ${i.why}`);
      }
    }
    expect(leaks).toEqual([]);
    const pending = pendingChecklist(loadPuzzle(`${PUZZLES_DIR}/d3/01-pending-approval.json`).doc).map((i) => i.label);
    expect(pending).toContain('Churn models ends in the state the story needs');
    expect(pending.join('\n')).not.toMatch(/Approved/);
    // revealed, the checklist says it in full
    const { doc, report } = shownBeforeReveal(`${PUZZLES_DIR}/d3/01-pending-approval.json`);
    const full = shownChecklist(doc, checklistOf(doc, gradeCriteria(doc, report)), true);
    expect(full.map((i) => i.label)).toContain('Churn models ends Approved');
  });
});
