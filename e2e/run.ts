/**
 * `npm run test:e2e`: serve the production build (vite preview), run every browser test in Debian's
 * Chromium through playwright-core, save screenshots to e2e/screenshots/, exit non-zero on any failure.
 */
import { mkdirSync } from 'node:fs';
import { launch, openPage, shot, SHOTS, startPreview, stopPreview } from './lib';
import { TESTS as DEFECTS } from './defects.e2e';
import { TESTS as EDITOR } from './editor.e2e';
import { TESTS as PRESENTER } from './presenter.e2e';
import { TESTS as PUZZLE } from './puzzle.e2e';
import { TESTS as RUN } from './run.e2e';
import { TESTS as RULEBOOK } from './rulebook.e2e';
import { TESTS as CFN } from './cfn.e2e';
import { TESTS as ROBUST } from './robust.e2e';
import { TESTS as EXPERIMENTS } from './experiments.e2e';
import { TESTS as SCREENS } from './screens.e2e';
import { TESTS as AUTOML } from './automl.e2e';
import { TESTS as LAYOUT } from './layout.e2e';

const TESTS = [
  ...EDITOR,
  ...PUZZLE,
  ...RUN,
  ...RULEBOOK,
  ...PRESENTER,
  ...CFN,
  ...ROBUST,
  ...DEFECTS,
  ...SCREENS,
  ...EXPERIMENTS,
  ...AUTOML,
  ...LAYOUT,
];

mkdirSync(SHOTS, { recursive: true });
const only = process.argv[2];
const server = await startPreview();
const browser = await launch();
let failed = 0;
try {
  for (const t of TESTS) {
    if (only && !t.name.includes(only)) continue;
    const w = await openPage(browser, t.options);
    const t0 = performance.now();
    try {
      await t.run(w);
      const problems = w.problems.filter((p) => !t.allow?.some((a) => p.includes(a)));
      if (problems.length) throw new Error(`browser problems:\n  ${problems.join('\n  ')}`);
      console.log(`✓ ${t.name} (${Math.round(performance.now() - t0)} ms)`);
    } catch (e) {
      failed++;
      console.log(`✗ ${t.name}\n  ${(e as Error).message}`);
      await shot(w.page, `FAILED-${t.name.replace(/\W+/g, '-')}`).catch(() => {});
    } finally {
      await w.page.context().close();
    }
  }
} finally {
  await browser.close();
  stopPreview(server);
}
console.log(failed ? `${failed} browser test(s) failed` : 'all browser tests passed');
process.exit(failed ? 1 : 0);
