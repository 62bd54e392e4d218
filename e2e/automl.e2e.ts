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
];
