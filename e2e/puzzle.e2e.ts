import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { E2ETest } from './editor.e2e';
import { ORIGIN, assert, dragKind, savedDoc, shot, waitForWithin } from './lib';
import { findDot } from './run.e2e';

const waitFor = waitForWithin(8000);
const text = (page: Page, sel: string) => page.locator(sel).innerText();

/** Open a shipped puzzle from the start screen's puzzle picker. */
async function openPuzzle(page: Page, file: string): Promise<void> {
  await page.goto(ORIGIN);
  await page.getByRole('button', { name: /Puzzles: fix a broken architecture/ }).click();
  await page.locator(`.pz-pick[data-file="${file}"]`).click();
  await page.locator('[data-testid=puzzle-panel]').waitFor();
}

/** An element's box once the view has stopped moving (opening a document fits the view, animated). */
async function settledBox(page: Page, selector: string) {
  let last = '';
  for (let tries = 0; tries < 40; tries++) {
    const b = await page.locator(selector).boundingBox();
    if (!b) throw new Error(`${selector} is not visible`);
    const key = JSON.stringify(b);
    if (key === last) return b;
    last = key;
    await page.waitForTimeout(150);
  }
  throw new Error(`${selector} kept moving`);
}

/** Drag the i-th VPC endpoint from the palette into the private subnet `priv`, just above its bottom edge
 * (left for the first, right for the second), wherever the layout put the subnet. */
async function dropEndpointInSubnet(page: Page, i: number) {
  const priv = await settledBox(page, '.react-flow__node[data-id="priv"]');
  await dragKind(page, 'vpc-endpoint', { x: i ? priv.x + priv.width - 60 : priv.x + 40, y: priv.y + priv.height - 18 });
  const node = page.locator(`.react-flow__node[data-id="vpc-endpoint-${i + 1}"]`);
  await node.waitFor();
  return node;
}

/** The overlay (when shown) covers none of the canvas's nodes (or the given targets). */
async function assertUncovered(
  page: Page,
  overlay: string,
  what: string,
  targets = '.react-flow__node',
): Promise<void> {
  const o = await page
    .locator(overlay)
    .first()
    .boundingBox()
    .catch(() => null);
  if (!o) return;
  for (const el of await page.locator(targets).all()) {
    const b = await el.boundingBox();
    if (!b || b.width === 0) continue;
    const hit = b.x < o.x + o.width && o.x < b.x + b.width && b.y < o.y + o.height && o.y < b.y + b.height;
    const name = (await el.getAttribute('data-id')) ?? (await el.getAttribute('data-testid'));
    // a container behind its children may pass under an overlay; only components and markers count
    if (hit && !(await el.evaluate((n) => n.classList.contains('react-flow__node-group-node')))) {
      throw new Error(`assertion failed: ${what} covers ${name}`);
    }
  }
}

async function check(page: Page): Promise<string> {
  await page.locator('[data-testid=check]').click();
  await waitFor(
    'the check to finish',
    async () => !(await text(page, '[data-testid=verdict]')).startsWith('Running'),
    30_000,
  );
  return text(page, '[data-testid=verdict]');
}

export const TESTS: E2ETest[] = [
  {
    name: 'puzzle: fails Check, a hint, a locked node refuses, the solution passes, progress survives a reload',
    async run({ page }) {
      // Some sandbox work first: it must come back when the puzzle is left.
      await page.goto(ORIGIN);
      await page.getByRole('button', { name: /Blank canvas/ }).click();
      const box = (await page.locator('.react-flow').boundingBox())!;
      await dragKind(page, 'kms-key', { x: box.x + box.width / 2, y: box.y + box.height / 2 });
      await page.locator('.react-flow__node[data-id="kms-key-1"]').waitFor();
      await page.waitForTimeout(500);
      await page.getByRole('button', { name: 'File ▾' }).click();
      await page.getByRole('menuitem', { name: /Puzzles/ }).click();
      await page.locator('[data-testid=puzzle-picker] .pz-pick').first().waitFor();
      await shot(page, 'puzzle-01-picker');
      await page.locator('.pz-pick[data-file="d4/04-no-route-to-ecr.json"]').click();
      await page.locator('[data-testid=puzzle-panel]').waitFor();
      assert((await text(page, '[data-testid=puzzle-panel]')).includes('private subnet'), 'the story shows');
      // Findings are hidden: no badges on the canvas, no findings panel.
      await page.waitForTimeout(400);
      assert((await page.locator('.badge').count()) === 0, 'no finding badges in a puzzle');
      assert((await page.locator('[data-testid=findings]').count()) === 0, 'no findings panel in a puzzle');
      await shot(page, 'puzzle-02-opened');

      // locked nodes carry a lock on the canvas
      const locks = await page.locator('.react-flow__node .lock-mark[aria-label="Locked by the puzzle"]').count();
      assert(locks === 7, `one lock per locked node: ${locks}`);
      const verdict = await check(page);
      assert(verdict.includes('Not yet'), `as shipped the goal fails: ${verdict}`);
      // Check ran on the canvas: the live run is at its end, with the failure where it happened
      assert(
        (await page.locator('[data-testid=run-clock]').getAttribute('data-status')) === 'finished',
        'the live run finished',
      );
      assert(
        (await page.locator('[data-testid=run-clock] .run-clock-time').innerText()) === '01:00:00',
        'the clock is at the end',
      );
      await page.locator('[data-testid=incident-train]').waitFor();
      assert(/Failed/.test(await page.locator('[data-testid=state-train]').innerText()), 'the job shows Failed');
      const list = await text(page, '[data-testid=goal-checklist]');
      assert(
        list.includes('✗') && list.includes('node train is Failed'),
        `the checklist crosses the failed criteria: ${list}`,
      );
      assert((await text(page, '[data-testid=symptoms]')).toLowerCase().includes('ecr'), 'the symptom names the pull');
      await shot(page, 'puzzle-03-checked-failing');

      await page.getByRole('button', { name: /Show a hint/ }).click();
      assert((await page.locator('[data-testid=hints] li').count()) === 1, 'one hint revealed');

      // A locked node refuses deletion, with the reason.
      await page.locator('.react-flow__node[data-id="train"]').click();
      await page.keyboard.press('Delete');
      await page.locator('.toast', { hasText: 'locked by the puzzle' }).first().waitFor();
      assert((await page.locator('.react-flow__node[data-id="train"]').count()) === 1, 'the locked job is still there');
      await shot(page, 'puzzle-04-locked-refusal');
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });

      await page.getByRole('tab', { name: 'Puzzle' }).click();
      await page.getByRole('button', { name: 'Show solution' }).click();
      await page.locator('.react-flow__node[data-id="vpce-ecr-dkr"]').waitFor();
      const solved = await check(page);
      assert(solved.includes('Solved'), `with the solution the goal is met: ${solved}`);
      assert((await text(page, '[data-testid=goal-percent]')).includes('100%'), '100% complete');
      await shot(page, 'puzzle-05-solution-passes');

      await page.reload();
      await page.locator('[data-testid=puzzle-panel]').waitFor();
      await page.locator('[data-testid=solved-mark]').waitFor();
      assert((await page.locator('[data-testid=hints] li').count()) === 1, 'the revealed hint is kept');
      await page.getByRole('button', { name: 'All puzzles' }).click();
      await page.locator('.pz-pick[data-file="d4/04-no-route-to-ecr.json"] .pz-pick-ok').waitFor();
      await shot(page, 'puzzle-06-progress-after-reload');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Leave puzzle' }).click();
      await waitFor(
        'the sandbox back',
        async () => (await savedDoc(page))?.nodes.some((n) => n.id === 'kms-key-1') ?? false,
      );
      assert((await page.locator('[data-testid=puzzle-panel]').count()) === 0, 'puzzle mode left');
    },
  },
  {
    name: "puzzle: a locked node's scenario props are shown disabled; the fix and its alternatives stay editable",
    async run({ page }) {
      await openPuzzle(page, 'd1/01-volume-too-small.json');
      await page.locator('.react-flow__node[data-id="train"]').click({ position: { x: 24, y: 20 } });
      await page
        .getByRole('tab', { name: 'Inspector' })
        .click()
        .catch(() => {});
      await page.locator('#f-train-inputMode').waitFor();
      assert(await page.locator('#f-train-inputMode').isEnabled(), 'the input mode (what the fix changes) is editable');
      assert(await page.locator('#f-train-volumeGB').isEnabled(), "the volume size (a hint's alternative) is editable");
      assert(await page.locator('#f-train-algorithm').isDisabled(), 'the algorithm (the scenario) is not');
      const why = await page.locator('[data-testid=locked-train-algorithm]').getAttribute('title');
      assert(/part of the puzzle's scenario/.test(why ?? ''), `the reason is given: ${why}`);
    },
  },
  {
    name: 'puzzle: solve by dragging the missing pieces in from the palette',
    async run({ page }) {
      await openPuzzle(page, 'd4/04-no-route-to-ecr.json');
      const palette = await page
        .locator('.palette-item')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
      assert(palette.length === 1 && palette[0] === 'vpc-endpoint', `the palette is limited: ${palette}`);
      for (const [i, service] of (['ecr.api', 'ecr.dkr'] as const).entries()) {
        const node = await dropEndpointInSubnet(page, i);
        await waitFor(
          'the endpoint in the subnet',
          async () => (await savedDoc(page))?.nodes.find((n) => n.id === `vpc-endpoint-${i + 1}`)?.parent === 'priv',
        );
        await node.click({ position: { x: 24, y: 20 } });
        await page.locator(`#f-vpc-endpoint-${i + 1}-service`).selectOption(service);
        await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      }
      await page.getByRole('tab', { name: 'Puzzle' }).click();
      const verdict = await check(page);
      assert(verdict.includes('Solved'), `fixed by hand: ${verdict}`);
      await shot(page, 'puzzle-07-solved-by-hand');
    },
  },
  {
    name: 'puzzle: diagnose from symptoms → fix → exam questions → export the attempt',
    async run({ page }) {
      await openPuzzle(page, 'd1/01-volume-too-small.json');
      const before = await check(page);
      assert(before.includes('Not yet'), `as shipped the goal fails: ${before}`);
      // symptoms, not verdicts: the failure reason and log lines show, the rule's title does not
      const symptoms = await text(page, '[data-testid=symptoms]');
      assert(/disk|space|volume/i.test(symptoms), `the job's failure reason shows: ${symptoms}`);
      assert(!symptoms.includes('File mode overflows'), `no rule title before solving: ${symptoms}`);
      const panel = await text(page, '[data-testid=puzzle-panel]');
      assert(!panel.includes('File mode overflows'), 'the checklist does not name the rule');
      assert((await page.locator('[data-testid=debrief]').count()) === 0, 'no debrief before solving');
      await page.locator('[data-testid=log-lines]').waitFor();
      await shot(page, 'puzzle-08-symptoms');

      // the fix: stream the data (any correct fix passes); click the title (the corner holds the incident marker)
      await page.locator('.react-flow__node[data-id="train"] .node-title').click();
      await page
        .getByRole('tab', { name: 'Inspector' })
        .click()
        .catch(() => {});
      await page.locator('#f-train-inputMode').selectOption('FastFile');
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      await page.getByRole('tab', { name: 'Puzzle' }).click();
      const after = await check(page);
      assert(after.includes('Solved'), `fixed: ${after}`);

      // after solving: the rule, the reference and the alternatives, and the questions
      await page.locator('[data-testid=debrief]').waitFor();
      const debrief = await text(page, '[data-testid=debrief]');
      assert(debrief.includes('File mode overflows'), 'the rule is named once solved');
      assert(/Other fixes that pass/.test(debrief) && /volumeGB/.test(debrief), `the alternatives show: ${debrief}`);
      const questions = page.locator('[data-testid=questions] > li');
      assert((await questions.count()) === 2, 'two exam-style questions');
      await questions.nth(0).getByRole('radio').first().click();
      await questions.nth(0).locator('[data-testid=answer-why]').waitFor();
      await shot(page, 'puzzle-09-questions');

      const [dl] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid=export-attempt]').click(),
      ]);
      const file = join(mkdtempSync(join(tmpdir(), 'sagesim-attempt-')), dl.suggestedFilename());
      await dl.saveAs(file);
      const attempt = JSON.parse(readFileSync(file, 'utf8')).attempt;
      assert(
        attempt && attempt.solved === true && attempt.hints === 0 && attempt.solutionShown === false,
        `attempt: ${JSON.stringify(attempt)}`,
      );
      assert(
        attempt.answers.length === 2 && attempt.answers[0] === 0 && attempt.answers[1] === null,
        `answers recorded: ${JSON.stringify(attempt.answers)}`,
      );
      assert(typeof attempt.timeSpentSec === 'number', 'time spent recorded');
      const graded = spawnSync(
        'npx',
        ['tsx', 'src/cli/grade.ts', '--puzzle', 'scenarios/puzzles/d1/01-volume-too-small.json', file],
        { encoding: 'utf8' },
      );
      assert(
        graded.status === 0 && /,true,,0,false,/.test(graded.stdout),
        `the grader reads it: ${graded.stdout}${graded.stderr}`,
      );
    },
  },
  {
    name:
      'puzzle: a failure logged with its rule id shows the symptom, not the id, and the checklist does not spell ' +
      'out the fix, until revealed (d3/01)',
    async run({ page }) {
      await openPuzzle(page, 'd3/01-pending-approval.json');
      const before = await check(page);
      assert(before.includes('Not yet'), `as shipped the goal fails: ${before}`);
      const symptoms = await text(page, '[data-testid=symptoms]');
      assert(/PendingManualApproval/.test(symptoms), `the failure reason shows: ${symptoms}`);
      assert(!symptoms.includes('unapproved-model-deploy'), `no rule id in the symptoms or log lines: ${symptoms}`);
      const goal = await text(page, '[data-testid=puzzle-panel]');
      assert(
        /Churn models ends in the state the story needs/.test(goal) && !/ends Approved|not Approved/.test(goal),
        `the checklist does not spell out the fix: ${goal}`,
      );
      // Check ran the design to the end: its event log holds the endpoint's failure
      await page.getByRole('tab', { name: /Events/ }).click();
      await page.locator('[data-testid=event-log] .log-row').first().waitFor();
      const log = await text(page, '[data-testid=event-log]');
      assert(/Failed/.test(log) && !log.includes('unapproved-model-deploy'), `the event log hides the rule id: ${log}`);
      await shot(page, 'puzzle-11-symptoms-without-rule-id');
    },
  },
  {
    name: 'capstone: three faults at once; after the solution the debrief shows the par and the changes made',
    async run({ page }) {
      await openPuzzle(page, 'd4/15-incident-monday-morning.json');
      const before = await check(page);
      assert(before.includes('Not yet'), `as shipped the goal fails: ${before}`);
      assert((await page.locator('[data-testid=par]').count()) === 0, 'no par before solving');
      await page.getByRole('button', { name: 'Show solution' }).click();
      const after = await check(page);
      assert(after.includes('Solved'), `the reference meets the goal: ${after}`);
      await page.locator('[data-testid=par]').waitFor();
      const par = await text(page, '[data-testid=par]');
      assert(/Par 3\./.test(par) && /3 changes: par/.test(par), `the par and the changes made: ${par}`);
      await shot(page, 'puzzle-10-capstone-par');
    },
  },
  {
    name: 'puzzle maker: a sandbox design becomes a puzzle, tested, exported; the file runs with npm run sim --check',
    async run({ page }) {
      // The sandbox: a private-subnet training job with no route to ECR (opened as a plain file).
      const src = JSON.parse(
        readFileSync(new URL('../scenarios/puzzles/d4/04-no-route-to-ecr.json', import.meta.url), 'utf8'),
      );
      const sandbox = { format: src.format, title: 'Private training', nodes: src.nodes, edges: src.edges };
      await page.goto(ORIGIN);
      await page.getByRole('button', { name: /Blank canvas/ }).click();
      await page.locator('[data-testid=file-input]').setInputFiles({
        name: 'private.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(sandbox)),
      });
      await page.locator('.react-flow__node[data-id="train"]').waitFor();
      await page.getByRole('button', { name: 'File ▾' }).click();
      await page.getByRole('menuitem', { name: /Make a puzzle/ }).click();
      await page.locator('[data-testid=maker]').waitFor();
      await page.locator('#mk-title').fill('My first puzzle: no route to ECR');
      await page.locator('#mk-domain').selectOption('D4');
      await page
        .locator('#mk-story')
        .fill(
          'The risk team moved credit-model training into a private subnet last week. Since then every job ' +
            'fails within a minute, before it reads any data. The regulator wants the new model on Friday.',
        );
      await page.locator('[data-testid=capture-broken]').click();
      await page.locator('[data-testid=goal-picker]').waitFor({ timeout: 20_000 });
      await page.locator('[data-testid=goal-picker] label', { hasText: 'ecr-pull-blocked' }).click();
      await page.locator('#mk-state-train').check();
      for (const [i, h] of [
        'Which step of starting a job fails?',
        'A private subnet has no route to ECR.',
        'Add ECR interface endpoints (ecr.api and ecr.dkr).',
      ].entries()) {
        await page.getByLabel(`Hint ${i + 1}`).fill(h);
      }
      await shot(page, 'maker-01-goal');
      // Fix it on the canvas: two ECR endpoints in the subnet.
      for (const [i, service] of (['ecr.api', 'ecr.dkr'] as const).entries()) {
        const node = await dropEndpointInSubnet(page, i);
        await node.click({ position: { x: 24, y: 20 } });
        await page.locator(`#f-vpc-endpoint-${i + 1}-service`).selectOption(service);
        await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      }
      await page.getByRole('tab', { name: 'Puzzle maker' }).click();
      await page.locator('[data-testid=capture-fixed]').click();
      assert(
        (await text(page, '[data-testid=solution-summary]')).includes('add 2'),
        await text(page, '[data-testid=solution-summary]'),
      );
      await page.locator('[data-testid=maker-test]').click();
      await page.locator('[data-testid=maker-test-result]').waitFor({ timeout: 30_000 });
      const verdicts = await text(page, '[data-testid=maker-test-result]');
      assert(
        verdicts.includes('As built: fails the goal ✓') && verdicts.includes('With the solution: meets the goal ✓'),
        verdicts,
      );
      await page.getByRole('button', { name: 'Share link' }).click();
      assert((await page.locator('[data-testid=maker-link]').inputValue()).includes('#doc='), 'a share link');
      await page.locator('[data-testid=maker-test-result]').scrollIntoViewIfNeeded();
      await shot(page, 'maker-02-tested');
      const [dl] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid=maker-export]').click(),
      ]);
      const file = join(mkdtempSync(join(tmpdir(), 'sagesim-maker-')), dl.suggestedFilename());
      await dl.saveAs(file);
      const sim = (...args: string[]) =>
        spawnSync(process.execPath, ['dist-cli/sim.mjs', file, ...args], { encoding: 'utf8' });
      const asBuilt = sim('--check');
      assert(
        asBuilt.status === 3,
        `as built the exported puzzle fails its goal (exit 3), got ${asBuilt.status}: ` +
          `${asBuilt.stderr}${asBuilt.stdout}`,
      );
      const fixed = sim('--apply-solution', '--check');
      assert(
        fixed.status === 0,
        `with its solution it meets the goal (exit 0), got ${fixed.status}: ${fixed.stderr}${fixed.stdout}`,
      );
      const doc = JSON.parse(readFileSync(file, 'utf8'));
      assert(
        doc.mode === 'puzzle' &&
          doc.hints.length === 3 &&
          doc.locked.includes('train') &&
          doc.palette?.join() === 'vpc-endpoint',
        JSON.stringify({ mode: doc.mode, hints: doc.hints, locked: doc.locked, palette: doc.palette }),
      );
      // Play it: puzzle mode on the new puzzle.
      await page.getByRole('button', { name: 'Play it' }).click();
      await page.locator('[data-testid=puzzle-panel]').waitFor();
      assert(
        (await page.locator('.react-flow__node[data-id="vpc-endpoint-1"]').count()) === 0,
        'the played puzzle is the broken design',
      );
    },
  },
  {
    name: 'puzzle: Check runs on the live view (dots, states, incident markers at the end); a red dot opens its trace',
    options: { theme: 'dark' },
    async run({ page }) {
      await openPuzzle(page, 'd3/02-the-six-megabyte-wall.json');
      await page.waitForTimeout(300);
      assert((await page.locator('.lock-mark').count()) === 7, 'seven locks');
      const empty = await text(page, '[data-testid=palette-empty]');
      assert(empty.includes('This puzzle adds no new components'), `empty palette: ${empty}`);
      assert((await page.locator('.toast-dock .toast').count()) <= 1, 'one docked toast at a time');
      await assertUncovered(page, '.react-flow__minimap', 'the overview map');
      await page.keyboard.press('f');
      await page.waitForTimeout(300);
      await shot(page, 'puzzle-08-locks-dark');
      await page.keyboard.press('f');
      const verdict = await check(page);
      assert(verdict.includes('Not yet'), verdict);
      assert(
        (await page.locator('[data-testid=run-clock]').getAttribute('data-status')) === 'finished',
        'the live run finished',
      );
      await page.locator('[data-testid=incident-ocr-rt]').waitFor();
      await page.waitForTimeout(400);
      await assertUncovered(
        page,
        '[data-testid=traffic-legend]',
        'the lens legend',
        '.react-flow__node, [data-testid=incident-ocr-rt]',
      );
      await assertUncovered(page, '.react-flow__controls', 'the zoom controls');
      assert(/InService/.test(await page.locator('[data-testid=state-ocr-rt]').innerText()), 'state on the endpoint');
      const list = await text(page, '[data-testid=goal-checklist]');
      assert(list.includes('✗'), list);
      // the last frame of the traffic stays on the canvas, failures in red
      const dot = await findDot(page, 'red');
      assert(dot, 'red dots in the finished run');
      await page.keyboard.press('f');
      await page.waitForTimeout(400);
      await shot(page, 'puzzle-09-checked-live-dark');
      const dot2 = (await findDot(page, 'red'))!;
      await page.mouse.click(dot2.x, dot2.y);
      await page.locator('[data-testid=trace-waterfall]').waitFor();
      const wf = await text(page, '[data-testid=trace-waterfall]');
      // one status per rule and kind, from the catalog: real-time 413, serverless 400
      assert(/ocr-rt/.test(wf) ? /413/.test(wf) : /ocr-sls/.test(wf) && /400/.test(wf), wf);
      await shot(page, 'puzzle-10-trace-from-dot-dark');
    },
  },
];
