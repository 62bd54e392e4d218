/**
 * Issue 15's definition of done: the start screen, a built design, a run, a puzzle and the presenter at
 * 1440×900 and 1280×720, re-taken on every run of the suite (e2e/screenshots/screen-*.png) and checked for
 * what a person would see wrong: a control off screen or overflowing the top bar, a connection dot under
 * something, components on top of each other, a component's name cut (the harness fails on any console error).
 */
import type { Page } from 'playwright-core';
import type { E2ETest } from './editor.e2e';
import { ORIGIN, assert, coveredDots, shot, waitForWithin } from './lib';

const waitFor = waitForWithin(10_000);

/** What is wrong on the screen as it is: overflow, covered dots, overlapping components, cut names. */
async function screenIsClean(page: Page, what: string): Promise<void> {
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    const bar = document.querySelector('header.topbar');
    if (bar && bar.scrollWidth > bar.clientWidth)
      out.push(`the top bar overflows by ${bar.scrollWidth - bar.clientWidth} px`);
    if (document.documentElement.scrollWidth > innerWidth) out.push('the page scrolls sideways');
    const boxes = [...document.querySelectorAll('.react-flow__node-arch-node')].map((n) => ({
      id: n.getAttribute('data-id'),
      r: n.getBoundingClientRect(),
    }));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r,
          b = boxes[j].r;
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
          out.push(`${boxes[i].id} overlaps ${boxes[j].id}`);
      }
    for (const t of document.querySelectorAll<HTMLElement>('.react-flow__node .node-title'))
      if (t.scrollWidth > t.clientWidth + 1 || t.scrollHeight > t.clientHeight + 1)
        out.push(`name cut: ${t.textContent}`);
    return out;
  });
  problems.push(...(await coveredDots(page)));
  assert(problems.length === 0, `${what}: ${problems.join('; ')}`);
}

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
];

export const TESTS: E2ETest[] = SIZES.map((size) => ({
  name:
    `screens at ${size.width}×${size.height}: start, a built design, a run, a puzzle, the presenter — nothing ` +
    `cut or covered`,
  options: size,
  async run({ page }) {
    const tag = `${size.width}`;
    // the start screen of a first visit
    await page.goto(ORIGIN);
    await page.getByRole('button', { name: /Blank canvas/ }).waitFor();
    await page.waitForTimeout(300);
    await shot(page, `screen-1-start-${tag}`);
    await screenIsClean(page, 'start screen');
    // a built design: the fraud-scoring starter
    await page
      .getByRole('button', { name: /fraud scoring/i })
      .first()
      .click();
    await page.locator('.react-flow__node[data-id="fraud-ep"]').waitFor();
    await waitFor('the toast to go', async () => (await page.locator('.toast').count()) === 0);
    await shot(page, `screen-2-design-${tag}`);
    await screenIsClean(page, 'built design');
    // a run of it, paused after a few simulated minutes
    await page.locator('#run-speed').selectOption('100');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await waitFor(
      'traffic on the endpoint',
      async () => (await page.locator('[data-testid=counters-fraud-ep]').count()) > 0,
    );
    await page.waitForTimeout(1500);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.waitForTimeout(400);
    await shot(page, `screen-3-run-${tag}`);
    await screenIsClean(page, 'run');
    // a puzzle, as the picker opens it
    await page.getByRole('button', { name: 'File ▾' }).click();
    await page.getByRole('menuitem', { name: 'Puzzles…' }).click();
    await page.locator('[data-testid=puzzle-picker] .pz-pick').first().click();
    await page.locator('[data-testid=puzzle-panel]').waitFor();
    await page.waitForTimeout(600);
    await shot(page, `screen-4-puzzle-${tag}`);
    await screenIsClean(page, 'puzzle');
    // the presenter on a classroom demo, at its last step
    await page.getByRole('button', { name: 'File ▾' }).click();
    await page.getByRole('menuitem', { name: 'Classroom demos…' }).click();
    await page.locator('button[data-file="03-private-subnet-to-green.json"]').click();
    await page.locator('[data-testid=presenter]').waitFor();
    await waitFor('the first step to pause', async () =>
      (await page.locator('.pr-clock').innerText()).includes('paused'),
    );
    await page.waitForTimeout(400);
    await shot(page, `screen-5-presenter-${tag}`);
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.pr-diagram .node-title, .pr-caption, .pr-head')]
        .filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5)
        .map((e) => e.className),
    );
    assert(cut.length === 0, `presenter: off screen: ${cut.join(', ')}`);
  },
}));
