import type { Page } from 'playwright-core';
import type { E2ETest } from './editor.e2e';
import { ORIGIN, assert, dragKind, nodeCentre, savedDoc, shot } from './lib';

async function waitFor(what: string, fn: () => Promise<boolean>, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) { if (await fn()) return; await new Promise((r) => setTimeout(r, 80)); }
  throw new Error(`timed out waiting for ${what}`);
}
const text = (page: Page, sel: string) => page.locator(sel).innerText();

/** Open a shipped puzzle from the start screen's puzzle picker. */
async function openPuzzle(page: Page, file: string): Promise<void> {
  await page.goto(ORIGIN);
  await page.getByRole('button', { name: /Puzzles: fix a broken architecture/ }).click();
  await page.locator(`.pz-pick[data-file="${file}"]`).click();
  await page.locator('[data-testid=puzzle-panel]').waitFor();
}

async function check(page: Page): Promise<string> {
  await page.locator('[data-testid=check]').click();
  await waitFor('the check to finish', async () => !(await text(page, '[data-testid=verdict]')).startsWith('Running'), 30_000);
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
      assert(await page.locator('.badge').count() === 0, 'no finding badges in a puzzle');
      assert(await page.locator('[data-testid=findings]').count() === 0, 'no findings panel in a puzzle');
      await shot(page, 'puzzle-02-opened');

      const verdict = await check(page);
      assert(verdict.includes('Not yet'), `as shipped the goal fails: ${verdict}`);
      const list = await text(page, '[data-testid=goal-checklist]');
      assert(list.includes('✗') && list.includes('node train is Failed'), `the checklist crosses the failed criteria: ${list}`);
      assert((await text(page, '[data-testid=symptoms]')).toLowerCase().includes('ecr'), 'the symptom names the pull');
      await shot(page, 'puzzle-03-checked-failing');

      await page.getByRole('button', { name: /Show a hint/ }).click();
      assert(await page.locator('[data-testid=hints] li').count() === 1, 'one hint revealed');

      // A locked node refuses deletion, with the reason.
      await page.locator('.react-flow__node[data-id="train"]').click();
      await page.keyboard.press('Delete');
      await page.locator('.toast', { hasText: 'locked by the puzzle' }).first().waitFor();
      assert(await page.locator('.react-flow__node[data-id="train"]').count() === 1, 'the locked job is still there');
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
      assert(await page.locator('[data-testid=hints] li').count() === 1, 'the revealed hint is kept');
      await page.getByRole('button', { name: 'All puzzles' }).click();
      await page.locator('.pz-pick[data-file="d4/04-no-route-to-ecr.json"] .pz-pick-ok').waitFor();
      await shot(page, 'puzzle-06-progress-after-reload');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Leave puzzle' }).click();
      await waitFor('the sandbox back', async () => (await savedDoc(page))?.nodes.some((n) => n.id === 'kms-key-1') ?? false);
      assert(await page.locator('[data-testid=puzzle-panel]').count() === 0, 'puzzle mode left');
    },
  },
  {
    name: 'puzzle: solve by dragging the missing pieces in from the palette',
    async run({ page }) {
      await openPuzzle(page, 'd4/04-no-route-to-ecr.json');
      const palette = await page.locator('.palette-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
      assert(palette.length === 1 && palette[0] === 'vpc-endpoint', `the palette is limited: ${palette}`);
      const logs = await nodeCentre(page, 'vpce-logs');
      for (const [i, service] of (['ecr.api', 'ecr.dkr'] as const).entries()) {
        await dragKind(page, 'vpc-endpoint', { x: logs.x - 60 + i * 40, y: logs.y + 40 + i * 12 });
        const node = page.locator(`.react-flow__node[data-id="vpc-endpoint-${i + 1}"]`);
        await node.waitFor();
        await waitFor('the endpoint in the subnet', async () => (await savedDoc(page))?.nodes.find((n) => n.id === `vpc-endpoint-${i + 1}`)?.parent === 'priv');
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
];
