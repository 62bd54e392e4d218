import { readFileSync } from 'node:fs';
import { asDesign, assert, openDoc, shot, waitForWithin } from './lib';
import type { E2ETest } from './editor.e2e';

const read = (rel: string) => readFileSync(new URL(`../${rel}`, import.meta.url), 'utf8');
const waitFor = waitForWithin(15000);

export const TESTS: E2ETest[] = [
  {
    name: 'automl: an Autopilot job shows its leaderboard and the explainability report’s top features',
    async run({ page }) {
      // d2/23 with its solution (24 candidates in three hours), as a sandbox design
      const d = JSON.parse(read('scenarios/puzzles/d2/23-the-overnight-leaderboard.json'));
      asDesign(d);
      d.nodes.find((n: { id: string }) => n.id === 'automl').props.maxCandidates = 24;
      await openDoc(page, JSON.stringify(d), 'automl.json');
      await page.getByRole('button', { name: 'Run to end' }).click();
      const chip = page.locator('[data-testid=mlops-automl]');
      await waitFor('the job’s best candidate on the canvas', async () =>
        /24\/24 candidates/.test(await chip.innerText().catch(() => '')),
      );
      await chip.click();
      const board = page.locator('[data-testid=automl-leaderboard]');
      await board.waitFor();
      const text = await board.innerText();
      assert(
        /24 of 24 candidates \(HYPERPARAMETER_TUNING, objective AUC\)/.test(text),
        `caption: ${text.slice(0, 120)}`,
      );
      assert((await board.locator('tbody tr').count()) === 10, 'the top ten candidates');
      assert(/★ 1/.test(await board.locator('tbody tr').first().innerText()), 'the best candidate first');
      const shap = page.locator('[data-testid=automl-explainability]');
      const features = await shap.innerText();
      assert(/tenure_months/.test(features), `explainability report: ${features.slice(0, 160)}`);
      assert((await shap.locator('tbody tr').count()) === 5, 'five features');
      await shot(page, 'automl-01-leaderboard');
    },
  },
  {
    name: 'automl: the inspector shows a JumpStart model’s fine-tuning and a bucket’s data format; fixed, it completes',
    async run({ page }) {
      // d2/27 as a sandbox design: instruction tuning on a CSV export
      const d = JSON.parse(read('scenarios/puzzles/d2/27-the-fine-tune-that-never-trained.json'));
      asDesign(d);
      await openDoc(page, JSON.stringify(d), 'fine-tune.json');
      await page.locator('.react-flow__node[data-id="llama"]').click();
      const method = page.locator('#f-llama-fineTune');
      await method.waitFor();
      assert((await method.inputValue()) === 'instruction-tuning', 'the model’s fine-tuning method');
      assert((await page.locator('#f-llama-fineTuneInstanceType').inputValue()) === 'ml.g5.12xlarge', 'instance');
      assert((await page.locator('#f-llama-fineTuneMinutes').inputValue()) === '90', 'minutes');
      await shot(page, 'automl-02-fine-tune-inspector');
      await page.locator('.react-flow__node[data-id="tickets"]').click();
      const format = page.locator('#f-tickets-dataFormat');
      await format.waitFor();
      assert((await format.inputValue()) === 'csv', 'the export’s data format');
      await format.selectOption('jsonl-prompt-completion');
      await page.getByRole('button', { name: 'Run to end' }).click();
      const llama = page.locator('.react-flow__node[data-id="llama"]');
      await waitFor('the fine-tuning job completes', async () =>
        /Completed/.test(await llama.innerText().catch(() => '')),
      );
      await shot(page, 'automl-03-fine-tuned');
    },
  },
  {
    name: 'automl: an Autopilot model’s lineage in the Experiments tab runs from the dataset to the endpoint',
    async run({ page }) {
      // d2/26 with its solution: the best candidate registered, approved at 23:00 and deployed by the Lambda
      const d = JSON.parse(read('scenarios/puzzles/d2/26-the-candidate-nobody-could-approve.json'));
      asDesign(d);
      d.edges.push({ from: 'automl', to: 'registry' });
      await openDoc(page, JSON.stringify(d), 'automl-lineage.json');
      await page.getByRole('tab', { name: /Experiments/ }).click();
      await waitFor('before a run the tab says what to do', async () =>
        /Run the design/.test(await page.locator('.run-pane').innerText()),
      );
      await page.getByRole('button', { name: 'Run to end' }).click();
      const lineage = page.locator('[data-testid=lineage]');
      await waitFor('the endpoint closes the chain', async () =>
        /Claims scoring/.test(await lineage.innerText().catch(() => '')),
      );
      const roles = await lineage.locator('.lineage-role').allInnerTexts();
      assert(
        roles.join(' → ') === 'Dataset → Autopilot job → Best candidate → Model package → Endpoint',
        `the chain: ${roles.join(' → ')}`,
      );
      const text = await lineage.innerText();
      assert(/automl:v1 · registered as registry\/1/.test(text), `model and package: ${text}`);
      assert(/Approved · F1 0\.\d+/.test(text), `the package's status and objective: ${text}`);
      // no training job to compare: the lineage takes the whole panel
      assert((await page.locator('[data-testid=experiments-table]').isVisible()) === false, 'no empty table');
      await page.locator('[data-testid=dock-resize]').focus();
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp');
      await shot(page, 'automl-02-lineage');
    },
  },
];
