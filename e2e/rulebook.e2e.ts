/**
 * The rulebook switch (issue 12): "Exam sheet" / "AWS docs" beside the run controls, remembered per document
 * (it is the document's `rulebook` field), and the why? panel showing both views of a rule that differs.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ORIGIN, assert, savedDoc, shot, waitForWithin } from './lib';
import type { E2ETest } from './editor.e2e';

const waitFor = waitForWithin(15_000);

/** A training job in a private subnet with the S3 gateway and a logs endpoint but no ECR endpoints. */
function privateTraining(title = 'Private training'): string {
  const src = JSON.parse(
    readFileSync(new URL('../scenarios/puzzles/d4/04-no-route-to-ecr.json', import.meta.url), 'utf8'),
  );
  const nodes = src.nodes.filter((n: { id: string }) => n.id !== 'vpce-logs');
  return JSON.stringify({ format: src.format, title, nodes, edges: src.edges });
}

async function open(page: Page, text: string): Promise<void> {
  await page.goto(ORIGIN);
  // a first visit shows the start screen; with an autosave the last document opens instead
  const blank = page.getByRole('button', { name: /Blank canvas/ });
  await Promise.race([blank.waitFor(), page.locator('.react-flow__node').first().waitFor()]);
  if (await blank.isVisible()) await blank.click();
  await page.locator('[data-testid=file-input]').setInputFiles({
    name: 'private.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  // opening is asynchronous: wait for this document's title, not a node the autosaved one may share
  const title = (JSON.parse(text) as { title: string }).title;
  await waitFor(`"${title}" to open`, async () => (await page.locator('#doc-title').inputValue()) === title, 10_000);
  await page.locator('.react-flow__node[data-id="train"]').waitFor();
}

const pressed = async (page: Page, name: string) =>
  (await page.locator('[data-testid=rulebook-switch]').getByRole('button', { name }).getAttribute('aria-pressed')) ===
  'true';

async function runToEnd(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run to end' }).click();
  await waitFor(
    'the run to finish',
    async () => (await page.locator('[data-testid=run-clock]').getAttribute('data-status')) === 'finished',
  );
}

export const TESTS: E2ETest[] = [
  {
    name:
      'rulebook: the switch beside the run controls changes what fails, is remembered per document, and why? ' +
      'shows both views',
    async run({ page }) {
      await open(page, privateTraining());
      const sw = page.locator('[data-testid=rulebook-switch]');
      await sw.waitFor();
      const help = (await sw.getAttribute('title')) ?? '';
      assert(/Exam sheet/.test(help) && /AWS documentation/.test(help), `the switch explains itself: ${help}`);
      assert(await pressed(page, 'Exam sheet'), 'a new document follows the exam sheet');
      // Exam sheet: no ECR endpoints, no logs endpoint → the pull fails, logs do not reach CloudWatch
      await runToEnd(page);
      assert((await page.locator('[data-testid=state-train]').innerText()).includes('Failed'), 'sheet: the job fails');
      await page.locator('[data-testid=incident-train]').click();
      const why = page.locator('[data-testid=why-panel]');
      await why.waitFor();
      const rules = page.locator('[aria-label="Other incidents on this node"]');
      if (await rules.count()) await rules.selectOption('logs-unreachable');
      await page.locator('[data-testid=why-rulebooks]').waitFor();
      const books = await page.locator('[data-testid=why-rulebooks]').innerText();
      assert(/Exam sheet \(this run\)/.test(books) && /AWS docs/.test(books) && /never happens/.test(books), books);
      await shot(page, 'rulebook-01-sheet-why-both-views');
      // AWS docs: the platform pulls the image and ships the logs → the job completes
      await sw.getByRole('button', { name: 'AWS docs' }).click();
      await waitFor('AWS docs pressed', () => pressed(page, 'AWS docs'), 3000);
      await waitFor(
        'the autosaved document to remember aws',
        async () => ((await savedDoc(page)) as { rulebook?: string } | null)?.rulebook === 'aws',
        5000,
      );
      await runToEnd(page);
      await waitFor('the job to complete under AWS docs', async () =>
        (await page.locator('[data-testid=state-train]').innerText()).includes('Completed'),
      );
      assert(!(await page.locator('[data-testid=incident-train]').count()), 'aws: no incident on the job');
      await shot(page, 'rulebook-02-aws-completed');
      // one undoable edit of the document
      await page.getByRole('button', { name: 'Undo' }).click();
      await waitFor('undo back to the sheet', () => pressed(page, 'Exam sheet'), 3000);
      await page.getByRole('button', { name: 'Redo' }).click();
      await waitFor('redo to AWS docs', () => pressed(page, 'AWS docs'), 3000);
      // remembered per document: a reload restores it
      await page.reload();
      await page.locator('.react-flow__node[data-id="train"]').waitFor();
      await waitFor('AWS docs restored', () => pressed(page, 'AWS docs'), 5000);
      // another document keeps its own choice
      await open(page, privateTraining('Private training, second copy'));
      assert(await pressed(page, 'Exam sheet'), 'a different document starts on the exam sheet');
    },
  },
];
