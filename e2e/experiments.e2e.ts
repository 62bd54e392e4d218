/**
 * The run panel's Experiments tab (issue 16, skill S2.3.3): the training jobs of a run compared side by side
 * (hyperparameters, training vs validation loss, the validation metric, time, cost; the best run marked) and the
 * lineage of each model trained, from the dataset to its model package — an unversioned dataset flagged.
 */
import { readFileSync } from 'node:fs';
import { assert, openDoc, shot, waitForWithin } from './lib';
import type { E2ETest } from './editor.e2e';

const read = (rel: string) => readFileSync(new URL(`../${rel}`, import.meta.url), 'utf8');
const waitFor = waitForWithin(15000);

export const TESTS: E2ETest[] = [
  {
    name: 'experiments: the Experiments tab compares three training runs and shows a package’s lineage',
    async run({ page }) {
      // demo 06's three XGBoost runs, the last one registering its model from an unversioned bucket
      const d = JSON.parse(read('scenarios/demos/06-overfitting-told-with-curves.json'));
      delete d.script;
      delete d.mode;
      d.nodes.find((n: { id: string }) => n.id === 'churn').props.versioning = 'Off';
      d.nodes.push({ id: 'registry', kind: 'model-registry', label: 'Churn models', position: { x: 900, y: 120 } });
      d.edges.push({ from: 'early', to: 'registry' });
      await openDoc(page, JSON.stringify(d), 'experiments.json');
      await page.getByRole('tab', { name: /Experiments/ }).click();
      // the tab's panel loads when first opened
      await waitFor('before a run the tab says what to do', async () =>
        /Run the design/.test(await page.locator('.run-pane').innerText()),
      );
      await page.getByRole('button', { name: 'Run to end' }).click();
      const table = page.locator('[data-testid=experiments-table]');
      await table.waitFor({ timeout: 15000 });
      await waitFor('three completed runs', async () => {
        const rows = await table.locator('tbody tr').allInnerTexts();
        return rows.length === 3 && rows.every((r) => /Completed/.test(r));
      });
      const rows = await table.locator('tbody tr').allInnerTexts();
      assert(/maxDepth=12/.test(rows[0]) && /numRound=600/.test(rows[0]), `hyperparameters: ${rows[0]}`);
      assert(/earlyStoppingRounds=20/.test(rows[2]), `early stopping shown: ${rows[2]}`);
      for (const r of rows) assert(/auc 0\.\d+/.test(r) && /\$\d/.test(r) && /min/.test(r), `figures: ${r}`);
      const best = await table.locator('tr.is-best').innerText();
      assert(/Early|early/.test(best), `the early-stopped run scores best: ${best}`);
      const lineage = page.locator('[data-testid=lineage]');
      await waitFor('the package in the lineage', async () => /model package/i.test(await lineage.innerText()));
      const text = await lineage.innerText();
      assert(/s3:\/\/churn\/ · S3ETag only \(versioning Off\)/.test(text), `unpinned dataset: ${text}`);
      assert(/registry\/1/.test(text) && /early:v1/.test(text), `model and package: ${text}`);
      assert((await lineage.locator('.is-unpinned').count()) > 0, 'the unversioned dataset is flagged');
      // a taller panel (↑ on its top edge) shows the whole table and lineage at once
      await page.locator('[data-testid=dock-resize]').focus();
      for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowUp');
      await shot(page, 'experiments-01-table-and-lineage');
    },
  },
];
