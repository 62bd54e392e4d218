import { readFileSync } from 'node:fs';
import { asDesign, launch, openDoc, openPage, startPreview, stopPreview, waitFor } from './e2e/lib';
const preview = await startPreview();
const browser = await launch();
try {
  for (const [w, h] of [[1280, 800], [1920, 1080]]) {
    const { page, problems } = await openPage(browser, { width: w, height: h });
    const d = JSON.parse(readFileSync('scenarios/puzzles/d4/28-the-discount-that-raised-the-bill.json', 'utf8'));
    asDesign(d);
    await openDoc(page, JSON.stringify(d), 'plan.json');
    await page.getByRole('button', { name: 'Run to end' }).click();
    await page.getByRole('tab', { name: 'Cost' }).click();
    const sizing = page.locator('[data-testid=plan-sizing]');
    await waitFor('final plan figures', async () => /Over-sized/.test(await sizing.innerText().catch(() => '')) &&
      !/estimate so far/.test(await page.locator('[data-testid=savings-plan]').innerText().catch(() => 'estimate so far')), 120000);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `/tmp/sv17/cost-${w}.png` });
    await page.locator('.cost').evaluate((e) => e.scrollTo(0, e.scrollHeight));
    await page.waitForTimeout(200);
    await page.screenshot({ path: `/tmp/sv17/cost-${w}-end.png` });
    console.log(w, (await page.locator('[data-testid=purchase-options]').innerText()).slice(0, 600));
    console.log('problems', problems);
    await page.context().close();
  }
} finally {
  await browser.close();
  stopPreview(preview);
}
