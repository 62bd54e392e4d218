import type { Page } from 'playwright-core';
import type { E2ETest } from './editor.e2e';
import { ORIGIN, assert, shot, waitForWithin } from './lib';

const waitFor = waitForWithin(10_000);
const caption = (page: Page) => page.locator('[data-testid=presenter-caption]').innerText();
const step = (page: Page) => page.locator('[data-testid=presenter-step]').innerText();
/** The run has reached the step's time and paused there. */
const paused = (page: Page) =>
  waitFor('the run to pause at the step', async () => (await page.locator('.pr-clock').innerText()).includes('paused'));

export const TESTS: E2ETest[] = [
  {
    name:
      'presenter: → and ← step the narration, the run pauses at each step, a question comes before its answer, ' +
      'Esc leaves',
    async run({ page }) {
      await page.goto(ORIGIN);
      await page.getByRole('button', { name: 'Classroom demos' }).click();
      await page.locator('[data-testid=demo-picker] li').first().waitFor();
      await shot(page, 'presenter-01-demo-picker');
      await page.locator('button[data-file="01-the-six-megabyte-wall.json"]').click();
      await page.locator('[data-testid=presenter]').waitFor();
      await paused(page);
      assert((await step(page)).includes('Step 1 /'), await step(page));
      assert((await caption(page)).includes('half a megabyte'), await caption(page));
      await page.keyboard.press('ArrowRight');
      await paused(page);
      assert((await step(page)).includes('Step 2 /'), await step(page));
      await waitFor('requests served by 5 minutes', async () =>
        (await page.locator('[data-testid=presenter-live]').innerText()).includes('ok'),
      );
      await shot(page, 'presenter-02-narration');
      await page.keyboard.press('ArrowRight');
      await paused(page);
      const q = await caption(page);
      assert(
        q.toLowerCase().includes('what happens next?') && q.includes('8 MB scanned contracts'),
        `the question: ${q}`,
      );
      assert(
        !(await page.locator('[data-testid=presenter-live]').innerText()).includes('failed'),
        'nothing failed before the answer',
      );
      // a show of hands: count per option, then reveal the answer
      await page.locator('[data-testid=poll]').waitFor();
      assert((await page.locator('[data-testid=poll] .pr-option').count()) === 4, 'four options to vote on');
      await page.locator('[data-testid=poll-option-0]').click();
      await page.locator('[data-testid=poll-option-0]').click();
      await page.locator('[data-testid=poll-option-2]').click();
      assert((await page.locator('[data-testid=poll-count-0]').innerText()).startsWith('2'), 'two hands counted');
      await page.locator('[data-testid=poll-reveal]').click();
      assert((await page.locator('[data-testid=poll] .pr-option.is-answer').count()) === 1, 'the answer is marked');
      assert(
        (await page.locator('[data-testid=poll] .pr-option.is-answer').innerText()).includes('413'),
        'the right answer is the 413 rejection',
      );
      await shot(page, 'presenter-03-question');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await paused(page);
      const a = await caption(page);
      assert(a.includes('HTTP 413'), `the answer: ${a}`);
      await waitFor('failed requests in the live figures', async () =>
        (await page.locator('[data-testid=presenter-live]').innerText()).includes('failed'),
      );
      await shot(page, 'presenter-04-answer');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await paused(page);
      assert((await caption(page)).toLowerCase().includes('what happens next?'), 'back to the question');
      // The editor's shortcuts do not fire while presenting.
      await page.keyboard.press('Delete');
      await page.keyboard.press('Escape');
      await waitFor('presenter closed', async () => (await page.locator('[data-testid=presenter]').count()) === 0);
      assert((await page.locator('.react-flow__node[data-id="ep"]').count()) === 1, 'the demo is on the canvas');
      await page.locator('[data-testid=present]').waitFor();
    },
  },
  {
    name:
      'presenter: at 1280×720 on the last step nothing is cut (the close button, the incident cards) and node ' +
      'names are not clipped',
    async run({ page }) {
      await page.goto(ORIGIN);
      await page.getByRole('button', { name: 'Classroom demos' }).click();
      await page.locator('button[data-file="03-private-subnet-to-green.json"]').click();
      await page.locator('[data-testid=presenter]').waitFor();
      await paused(page);
      const total = Number(/\/ (\d+)/.exec(await step(page))![1]);
      for (let i = 1; i < total; i++) {
        await page.keyboard.press('ArrowRight');
        await page.waitForTimeout(60);
      }
      await waitFor('the last step', async () => (await step(page)).includes(`Step ${total} / ${total}`));
      await paused(page);
      await page.waitForTimeout(500);
      const vw = page.viewportSize()!.width;
      const close = (await page.getByRole('button', { name: 'Leave presenter mode' }).boundingBox())!;
      assert(
        close.x >= 0 && close.x + close.width <= vw,
        `the close button is inside the viewport (${close.x}+${close.width} of ${vw})`,
      );
      for (const el of await page.locator('.pr-inc, .pr-live, .pr-caption, .pr-head').all()) {
        const b = await el.boundingBox();
        assert(
          b && b.x + b.width <= vw + 0.5,
          `${await el.getAttribute('class')} is inside the viewport (right edge ${b && b.x + b.width})`,
        );
      }
      const clipped = await page
        .locator('.pr-diagram .node-title')
        .evaluateAll((els) =>
          els
            .filter((e) => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1)
            .map((e) => e.textContent),
        );
      assert(clipped.length === 0, `node names clipped: ${clipped.join(', ')}`);
      assert(
        await page
          .locator('.pr-diagram .node-title')
          .evaluateAll((els) => els.every((e) => getComputedStyle(e).textOverflow !== 'ellipsis')),
        'no ellipsis on node names',
      );
      await shot(page, 'presenter-05-last-step-1280');
    },
  },
];
