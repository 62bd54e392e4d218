/**
 * The run panel where it is narrowest (the inspector open at 1280×800, a 1024×768 classroom projector) and where it
 * is widest: every tab of the run panel on screen, clickable and reachable from the keyboard (a tab row that
 * overflowed hid the Traces tab), every control of the top bar on screen, and the Experiments table's Cost column
 * whole, with a visible cue and a way to the columns it hides (the table once ran under the lineage, its Cost
 * column cut). Measured from the element boxes, not from a picture.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { E2ETest } from './editor.e2e';
import { assert, openDoc, shot, waitForWithin } from './lib';

const read = (rel: string) => readFileSync(new URL(`../${rel}`, import.meta.url), 'utf8');
const waitFor = waitForWithin(15000);

/** Demo 06's three XGBoost runs, the last one registered: a table of three runs and a lineage. */
function threeRuns(): string {
  const d = JSON.parse(read('scenarios/demos/06-overfitting-told-with-curves.json'));
  delete d.script;
  delete d.mode;
  d.nodes.push({ id: 'registry', kind: 'model-registry', label: 'Churn models', position: { x: 900, y: 120 } });
  d.edges.push({ from: 'early', to: 'registry' });
  return JSON.stringify(d);
}

/**
 * What is wrong with the tab row and the top bar: a control off screen, outside its row, or under something (no
 * named helpers inside: the page has no `__name`, which tsx would add to them).
 */
const rowProblems = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const out: string[] = [];
    const list = document.querySelector<HTMLElement>('[data-testid=run-tablist]')!;
    if (list.scrollWidth > list.clientWidth + 1)
      out.push(`the tab row hides ${list.scrollWidth - list.clientWidth} px of tabs`);
    const row = list.getBoundingClientRect();
    const dock = document.querySelector('[data-testid=run-dock]')!.getBoundingClientRect();
    const boxes: [string, DOMRect, DOMRect[]][] = [];
    for (const t of list.querySelectorAll<HTMLElement>('[role=tab]'))
      boxes.push([`tab ${t.textContent?.trim()}`, t.getBoundingClientRect(), [row, dock]]);
    for (const el of document.querySelectorAll<HTMLElement>('.run-tabs > :not(.run-tablist):not(.run-tabs-gap)'))
      boxes.push([el.className, el.getBoundingClientRect(), [dock]]);
    const bar = document.querySelector<HTMLElement>('header.topbar')!;
    if (bar.scrollWidth > bar.clientWidth + 1)
      out.push(`the top bar overflows by ${bar.scrollWidth - bar.clientWidth}`);
    for (const b of bar.querySelectorAll<HTMLElement>('button, select'))
      if (b.getClientRects().length)
        boxes.push([`top bar ${b.getAttribute('aria-label') ?? b.textContent}`, b.getBoundingClientRect(), []]);
    for (const [name, r, outer] of boxes) {
      const all = [...outer, new DOMRect(0, 0, innerWidth, innerHeight)];
      if (
        all.some(
          (o) => r.left < o.left - 0.5 || r.right > o.right + 0.5 || r.top < o.top - 0.5 || r.bottom > o.bottom + 0.5,
        )
      )
        out.push(`${name} is outside its row or the screen: ${JSON.stringify(r)}`);
    }
    for (const t of list.querySelectorAll<HTMLElement>('[role=tab]')) {
      const r = t.getBoundingClientRect();
      const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      if (!top || (top !== t && !t.contains(top))) out.push(`tab ${t.textContent?.trim()} is under something`);
    }
    return out;
  });

/** The Experiments table's scroll box, its Cost cells and the lineage, as boxes. */
const experimentsBoxes = (page: Page) =>
  page.evaluate(() => {
    const box = document.querySelector<HTMLElement>('[data-testid=experiments-runs] .side-scroll-box')!;
    const table = box.querySelector('table')!;
    const col = [...table.querySelectorAll('thead th')].findIndex((th) => th.textContent === 'Cost');
    const cells = [...table.querySelectorAll<HTMLElement>('tr')].map((tr) => tr.children[col] as HTMLElement);
    const lineage = document.querySelector('[data-testid=lineage]')!.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    const covered = cells.filter((c) => {
      const r = c.getBoundingClientRect();
      const y = Math.min(r.bottom - 2, Math.max(r.top + 2, b.top + 2));
      const top = document.elementFromPoint(r.x + r.width / 2, y);
      return r.bottom > b.top && r.top < b.bottom && !!top && top !== c && !c.contains(top);
    });
    return {
      col,
      box: { left: b.left, right: b.right, top: b.top, bottom: b.bottom },
      cost: cells.map((c) => ({ left: c.getBoundingClientRect().left, right: c.getBoundingClientRect().right })),
      covered: covered.map((c) => c.textContent),
      overlapsLineage:
        b.left < lineage.right && lineage.left < b.right && b.top < lineage.bottom && lineage.top < b.bottom,
      hides: box.scrollWidth > box.clientWidth + 1,
      scrollLeft: box.scrollLeft,
      cueRight: !!document.querySelector('[data-testid=experiments-runs] .side-scroll-btn.is-right'),
      cueLeft: !!document.querySelector('[data-testid=experiments-runs] .side-scroll-btn.is-left'),
      screen: innerWidth,
    };
  });

const CASES: { width: number; height: number; inspector: boolean; keys?: boolean }[] = [
  { width: 1280, height: 800, inspector: true, keys: true },
  { width: 1024, height: 768, inspector: true },
  { width: 1024, height: 768, inspector: false },
  { width: 1920, height: 1080, inspector: true },
];

export const TESTS: E2ETest[] = CASES.map((c) => ({
  name:
    `layout at ${c.width}×${c.height}, inspector ${c.inspector ? 'open' : 'closed'}: every run tab on screen and ` +
    `reachable${c.keys ? ' (← → Home End)' : ''}; the Experiments table's Cost column whole, hidden columns cued`,
  options: { width: c.width, height: c.height, theme: c.width === 1024 && !c.inspector ? 'dark' : 'light' },
  async run({ page }) {
    const tag = `${c.width}-${c.inspector ? 'inspector' : 'no-inspector'}`;
    await openDoc(page, threeRuns(), 'three-runs.json');
    const inspector = page.locator('.panel-right');
    if ((await inspector.isVisible()) !== c.inspector) {
      await page.locator('.react-flow__pane').click({ position: { x: 8, y: 8 } });
      await page.keyboard.press(']');
    }
    await waitFor(`the inspector ${c.inspector ? 'open' : 'closed'}`, async () =>
      c.inspector ? inspector.isVisible() : inspector.isHidden(),
    );
    await page.getByRole('button', { name: 'Run to end' }).click();
    await page.getByRole('tab', { name: /Events/ }).click();
    const problems = await rowProblems(page);
    assert(problems.length === 0, problems.join('; '));
    // every tab answers a click
    for (const name of ['Events', 'Why?', 'Charts', 'Cost', 'Experiments', 'Traces']) {
      const tab = page.getByRole('tab', { name: new RegExp(`^${name.replace('?', '\\?')}`) });
      await tab.click();
      assert((await tab.getAttribute('aria-selected')) === 'true', `${name} selected by a click`);
    }
    if (c.keys) {
      const selected = () => page.locator('[role=tab][aria-selected=true]').getAttribute('data-tab');
      const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.tab);
      await page.getByRole('tab', { name: /^Events/ }).focus();
      for (const [key, want] of [
        ['End', 'traces'],
        ['ArrowRight', 'events'],
        ['ArrowLeft', 'traces'],
        ['ArrowLeft', 'experiments'],
        ['Home', 'events'],
        ['ArrowRight', 'why'],
      ] as const) {
        await page.keyboard.press(key);
        assert((await selected()) === want && (await focused()) === want, `${key} → ${want}: ${await selected()}`);
      }
    }
    await page.getByRole('tab', { name: /^Experiments/ }).click();
    const table = page.locator('[data-testid=experiments-table]');
    await waitFor('three completed runs', async () => {
      const rows = await table.locator('tbody tr').allInnerTexts();
      return rows.length === 3 && rows.every((r) => /Completed/.test(r));
    });
    await waitFor('the lineage', async () => /model package/i.test(await page.getByTestId('lineage').innerText()));
    assert((await rowProblems(page)).length === 0, `after the run: ${(await rowProblems(page)).join('; ')}`);
    // the "Opened …" toast is over the panel for its 3.5 s on purpose; the layout is measured without it
    await waitFor('the toasts gone', async () => (await page.locator('.toast').count()) === 0);
    const b = await experimentsBoxes(page);
    assert(b.col >= 0 && b.cost.length === 4, `a Cost column with a header and three cells: ${b.col}`);
    for (const r of b.cost)
      assert(
        r.left >= b.box.left - 0.5 && r.right <= b.box.right + 0.5 && r.right <= b.screen,
        `the Cost column is cut: ${JSON.stringify(r)} in ${JSON.stringify(b.box)}`,
      );
    assert(b.covered.length === 0, `Cost cells under something: ${b.covered.join(', ')}`);
    assert(!b.overlapsLineage, 'the table runs under the lineage');
    await shot(page, `layout-${tag}-experiments`);
    if (b.hides) {
      // what the table hides is cued (› on the right edge) and reachable: by the cue, then by the keyboard
      assert(b.cueRight && !b.cueLeft, `the cue on the right only: ${JSON.stringify(b)}`);
      await page.locator('[data-testid=experiments-runs] .side-scroll-btn.is-right').click();
      await waitFor('the table scrolled by the cue', async () => (await experimentsBoxes(page)).scrollLeft > 40);
      await waitFor('the cue on the left too', async () => (await experimentsBoxes(page)).cueLeft);
      await page.locator('[data-testid=experiments-runs] .side-scroll-box').focus();
      for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowRight');
      const last = page.locator('[data-testid=experiments-table] thead th').last();
      await waitFor('the last column in view', async () => {
        const [r, box] = await Promise.all([
          last.boundingBox(),
          page.locator('[data-testid=experiments-runs] .side-scroll-box').boundingBox(),
        ]);
        return !!r && !!box && r.x + r.width <= box.x + box.width + 1;
      });
      await waitFor('no cue on the right at the end', async () => !(await experimentsBoxes(page)).cueRight);
    } else assert(!b.cueRight && !b.cueLeft, 'no cue when nothing is hidden');
  },
}));
