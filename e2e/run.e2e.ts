import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ORIGIN, asDesign, assert, openDoc, savedDoc, shot, waitForWithin } from './lib';
import type { E2ETest } from './editor.e2e';

const root = new URL('..', import.meta.url).pathname;
const read = (rel: string) => readFileSync(new URL(`../${rel}`, import.meta.url), 'utf8');

const waitFor = waitForWithin(8000);

/**
 * Issue 11 item 1: the engine runs only in its worker. After a run, its static checks and a why? network report,
 * no script the page thread loaded holds engine code, and the engine worker's holds all of it. The markers are
 * messages only the engine writes: the run's core (src/engine/sim.ts), a module's run (inference/async.ts) and a
 * module's static check (inference/checks.ts), so a page that ran the checks or a run itself would be caught.
 */
const ENGINE_MARKERS = [
  'nothing in this run reacts to',
  'the request queue is full',
  'container log: listening on 0.0.0.0:',
];
async function pageThreadHasNoEngine(page: Page): Promise<void> {
  const workers = page.workers().map((w) => w.url());
  assert(workers.length > 0, 'an engine worker is running');
  const scripts = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((u) => /\.m?js(\?|$)/.test(u)),
  );
  const text = async (u: string) => (await fetch(u)).text();
  const onPage = scripts.filter((u) => !workers.includes(u));
  assert(onPage.length > 0, 'the page loaded its scripts');
  for (const u of onPage) {
    const t = await text(u);
    const found = ENGINE_MARKERS.filter((m) => t.includes(m));
    assert(!found.length, `the page thread loaded engine code (${found.join('; ')}): ${u}`);
  }
  const engine = [];
  for (const u of workers) {
    const t = await text(u);
    if (ENGINE_MARKERS.every((m) => t.includes(m))) engine.push(u);
  }
  assert(engine.length > 0, `no worker holds the engine: ${workers.join(', ')}`);
}

/** The 6 MB wall demo (one client, one real-time endpoint, 8 MB scans for two minutes from 00:10:00). */
const WALL = read('scenarios/demos/01-the-six-megabyte-wall.json');
/** The same, failing from the start: every request is 8 MB. */
const eightMB = () => {
  const d = JSON.parse(WALL);
  delete d.script;
  delete d.mode;
  d.faults = [];
  d.title = '8 MB payloads';
  d.nodes[0].props = { rps: 5, payloadMB: 8 };
  return JSON.stringify(d);
};

const clockText = (page: Page) => page.locator('[data-testid=run-clock] .run-clock-time').innerText();
const setSpeed = (page: Page, s: number) => page.locator('#run-speed').selectOption(String(s));
/** How many non-transparent pixels the traffic layer has drawn (and how many of them are red). */
const dotPixels = (page: Page) =>
  page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid=traffic-layer]')!;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let any = 0,
      red = 0,
      green = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3] < 200) continue;
      any++;
      if (d[i] > 180 && d[i + 1] < 80 && d[i + 2] < 90) red++;
      if (d[i + 1] > 130 && d[i] < 80 && d[i + 2] < 120) green++;
    }
    return { any, red, green };
  });

/** Page coordinates of a drawn dot of a colour (the centre of the first run of such pixels), or null. */
export const findDot = (page: Page, colour: 'red' | 'teal') =>
  page.evaluate((c) => {
    const cv = document.querySelector<HTMLCanvasElement>('[data-testid=traffic-layer]')!;
    const d = cv.getContext('2d')!.getImageData(0, 0, cv.width, cv.height).data;
    const r = cv.getBoundingClientRect(),
      k = cv.width / r.width,
      w = cv.width;
    for (let y = 0; y + 3 < cv.height; y += 2) {
      for (let x = 0; x + 3 < w; x += 2) {
        // the middle of a dot: the pixel, 3 px down and 3 px down-right are all of the colour
        let all = true;
        for (const i of [(y * w + x) * 4, ((y + 3) * w + x) * 4, ((y + 3) * w + x + 3) * 4]) {
          const ok =
            d[i + 3] > 200 &&
            (c === 'red'
              ? d[i] > 180 && d[i + 1] < 80 && d[i + 2] < 90
              : d[i] < 40 && d[i + 1] > 120 && d[i + 1] < 160 && d[i + 2] > 120 && d[i + 2] < 160);
          if (!ok) {
            all = false;
            break;
          }
        }
        if (all) return { x: r.left + (x + 1.5) / k, y: r.top + (y + 3) / k };
      }
    }
    return null;
  }, colour);

/**
 * The full MLOps loop (S3 → EventBridge → pipeline → registry → approval → Lambda → endpoint → monitor → drift →
 * retraining).
 */
const LOOP = read('scenarios/sandbox/full-mlops-loop.json');

export const TESTS: E2ETest[] = [
  {
    name: 'run: a training job mounting FSx for Lustre shows the mount against a File-mode copy from S3',
    async run({ page }) {
      // d1/20 solved: 57 GB of photos served by an FSx for Lustre file system in the job's subnet
      const d = JSON.parse(read('scenarios/puzzles/d1/20-a-million-little-pictures.json'));
      const fix = d.solution;
      asDesign(d);
      d.nodes.push(...fix.addNodes);
      d.edges = [
        ...d.edges.filter((e: { from: string; to: string }) => !(e.from === 'photos' && e.to === 'train')),
        ...fix.addEdges,
      ];
      await openDoc(page, JSON.stringify(d), 'mounted.json');
      await page.getByRole('button', { name: 'Run to end' }).click();
      const chip = page.locator('[data-testid=mlops-train]');
      await waitFor('the job’s mounted input on the canvas', async () =>
        /mounted in 5 s/.test(await chip.innerText().catch(() => '')),
      );
      assert(/S3 copy 9\.7 min/.test(await chip.innerText()), `chip: ${await chip.innerText()}`);
      await chip.click();
      const table = page.locator('[data-testid=mounted-input]');
      await table.waitFor();
      const text = await table.innerText();
      assert(/5 s mount/.test(text) && /9\.7 min download/.test(text), `table: ${text.slice(0, 200)}`);
      await shot(page, 'run-16-mounted-input');
    },
  },
  {
    name:
      'run: an Inference Recommender job shows its load-test table; the Cost panel lists right-sizing; a budget ' +
      'limit is edited',
    async run({ page }) {
      const d = JSON.parse(read('scenarios/puzzles/d4/21-the-card-scoring-bill.json'));
      asDesign(d);
      await openDoc(page, JSON.stringify(d), 'sizing.json');
      await page.getByRole('button', { name: 'Run to end' }).click();
      const chip = page.locator('[data-testid=mlops-sizing]');
      await waitFor('the job’s recommendation on the canvas', async () =>
        /ml\.c5\.large × 3/.test(await chip.innerText().catch(() => '')),
      );
      await chip.click();
      const table = page.locator('[data-testid=recommendations]');
      await table.waitFor();
      const text = await table.innerText();
      assert(/recommended: ml\.c5\.large × 3/.test(text), `table caption: ${text.slice(0, 120)}`);
      assert((await table.locator('tbody tr').count()) === 4, 'one row per instance type tested');
      await shot(page, 'run-15-inference-recommender');
      await page.getByRole('tab', { name: 'Cost' }).click();
      const sizing = page.locator('[data-testid=right-sizing]');
      await sizing.waitFor();
      assert(
        /3 × ml\.g4dn\.xlarge averaged [\d.]+% utilization per core/.test(await sizing.innerText()),
        'right-sizing line',
      );
      // nothing selected: the inspector edits the budget's limit, and the Cost panel follows
      await page.locator('.react-flow__pane').click({ position: { x: 12, y: 12 } });
      const limit = page.locator('#budget-0');
      await limit.waitFor();
      await limit.fill('25');
      await waitFor('the budget line follows', async () =>
        /of \$25\.00/.test(
          await page
            .locator('[data-testid=budgets]')
            .innerText()
            .catch(() => ''),
        ),
      );
      await waitFor('the edited limit is saved', async () => {
        const saved = (await savedDoc(page)) as { budgets?: { limitUSD: number }[] } | null;
        return saved?.budgets?.[0]?.limitUSD === 25;
      });
    },
  },
  {
    name: 'run: a CodePipeline release shows its stages on the canvas chip and its stage table in the details',
    async run({ page }) {
      await openDoc(page, read('scenarios/sandbox/sagemaker-projects-build-deploy.json'), 'projects.json');
      await page.getByRole('button', { name: 'Run to end' }).click();
      const deploy = page.locator('[data-testid=mlops-model-deploy]');
      await waitFor('the deploy pipeline’s stages on the canvas', async () =>
        /✓ DeployProd/.test(await deploy.innerText().catch(() => '')),
      );
      const build = page.locator('[data-testid=mlops-model-build]');
      await waitFor('the build pipeline stopped at Build by its unit test', async () =>
        /✕ Build/.test(await build.innerText().catch(() => '')),
      );
      await deploy.click();
      const table = page.locator('[data-testid=release-stages]');
      await table.waitFor();
      const rows = await table.locator('tbody tr').allInnerTexts();
      assert(rows.length === 6, `six stages: ${rows.join(' | ')}`);
      assert(/^TestStaging\s+✓ Succeeded/.test(rows[3]) && /e2e passed/.test(rows[3]), `TestStaging row: ${rows[3]}`);
      assert(/^ApproveDeployment\s+✓ Succeeded/.test(rows[4]), `approval row: ${rows[4]}`);
      await shot(page, 'run-16-codepipeline-stages');
    },
  },
  {
    name: 'run: a training job’s Charts tab shows its learning curves (the early-stopped run keeps round 45)',
    async run({ page }) {
      const d = JSON.parse(read('scenarios/demos/06-overfitting-told-with-curves.json'));
      delete d.script;
      delete d.mode;
      await openDoc(page, JSON.stringify(d), 'curves.json');
      await page.getByRole('button', { name: 'Run to end' }).click();
      await page.locator('.react-flow__node[data-id="early"]').click();
      await page.getByRole('tab', { name: /Charts/ }).click();
      const curves = page.locator('[data-testid=learning-curves]');
      await curves.waitFor({ timeout: 15000 });
      const title = await curves.locator('.chart-title').innerText();
      assert(/65 rounds run/.test(title) && /model kept from round 45/.test(title), `curves title: ${title}`);
      assert((await curves.locator('canvas').count()) > 0, 'the curves are drawn');
      await page.locator('.react-flow__node[data-id="deep"]').click({ position: { x: 8, y: 8 } });
      await waitFor('the deep run’s curves', async () =>
        /600 rounds run/.test(await curves.locator('.chart-title').innerText()),
      );
      await shot(page, 'run-14-learning-curves');
    },
  },
  {
    name: 'run: a CloudWatch dashboard’s Charts tab draws one small chart per widget (the empty one draws none)',
    async run({ page }) {
      const d = JSON.parse(read('scenarios/puzzles/d4/26-the-dashboard-that-stayed-green.json'));
      asDesign(d);
      d.durationSec = 1200;
      await openDoc(page, JSON.stringify(d), 'dashboard.json');
      await page.getByRole('button', { name: 'Run to end' }).click();
      await page.locator('.react-flow__node[data-id="oncall"]').click();
      await page.getByRole('tab', { name: /Charts/ }).click();
      const widgets = page.locator('[data-testid=dashboard-widgets]');
      await widgets.waitFor({ timeout: 15000 });
      await waitFor('two widget charts drawn', async () => (await widgets.locator('canvas').count()) >= 2);
      const titles = await widgets.locator('.chart-title').allInnerTexts();
      assert(
        titles.length === 2 &&
          titles.some((t) => /fraud · ModelLatency Average \(ms\) · AWS\/SageMaker/.test(t)) &&
          titles.some((t) => /fraud · Invocations Sum/.test(t)),
        `widget titles: ${titles.join(' | ')}`,
      );
      await shot(page, 'run-16-dashboard-widgets');
    },
  },
  {
    name: 'run: a starter plays; dots and counters move; the clock advances',
    async run({ page }) {
      await page.goto(ORIGIN);
      await page.getByRole('button', { name: /fraud/i }).first().click();
      await page.locator('.react-flow__node').first().waitFor();
      await setSpeed(page, 100);
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await waitFor(
        'an endpoint InService',
        async () => (await page.locator('.run-state', { hasText: 'InService' }).count()) > 0,
        15000,
      );
      await waitFor('counters on the canvas', async () => (await page.locator('.run-counters').count()) > 1);
      const c1 = await page.locator('.run-counters').first().innerText();
      await waitFor('dots on the canvas', async () => (await dotPixels(page)).green > 20);
      await page.waitForTimeout(1200);
      const c2 = await page.locator('.run-counters').first().innerText();
      assert(c1 !== c2 || (await clockText(page)) !== '00:00:00', `counters did not move: ${c1}`);
      await shot(page, 'run-01-starter-playing');
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      await waitFor(
        'paused',
        async () => (await page.locator('[data-testid=run-clock]').getAttribute('data-status')) === 'paused',
      );
      const t = await clockText(page);
      await page.waitForTimeout(500);
      assert(t === (await clockText(page)), 'the clock stops when paused');
    },
  },
  {
    name: 'run: step advances exactly one event and the log shows which',
    async run({ page }) {
      await openDoc(page, WALL, 'wall.json');
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await waitFor('the step row', async () => (await page.locator('.log-step').count()) === 1);
      const first = await page.locator('.log-step').first().innerText();
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await waitFor('a second step row', async () => (await page.locator('.log-step').count()) === 2);
      const second = await page.locator('.log-step').nth(1).innerText();
      assert(/Step: /.test(first) && /Step: /.test(second), `${first} / ${second}`);
      assert(first !== second, 'two steps processed two events');
      await shot(page, 'run-02-step');
    },
  },
  {
    name:
      'run: 8 MB payloads to a real-time endpoint: red dots, the incident, why? with the fix, a trace; fix it ' +
      'and run green',
    async run({ page }) {
      await openDoc(page, eightMB(), '8mb.json');
      await setSpeed(page, 30);
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await page.locator('[data-testid=incident-ep]').waitFor({ timeout: 20000 });
      await waitFor('red dots', async () => (await dotPixels(page)).red > 20, 10000);
      await shot(page, 'run-03-red-dots-incident');
      await page.locator('[data-testid=incident-ep]').click();
      const why = page.locator('[data-testid=why-panel]');
      await why.waitFor();
      const text = await why.innerText();
      assert(text.includes('payload-too-large') && /6 MB/.test(text) && /async/i.test(text), text);
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      await shot(page, 'run-04-why-panel');
      // a failed-request dot on the edge opens a sampled request of that outcome on that endpoint
      // a pause can land between two failed requests on the edge; play on a moment and pause again (at most 5 times)
      let dot = await findDot(page, 'red');
      for (let i = 0; !dot && i < 5; i++) {
        await page.getByRole('button', { name: 'Play', exact: true }).click();
        await page.waitForTimeout(400);
        await page.getByRole('button', { name: 'Pause', exact: true }).click();
        dot = await findDot(page, 'red');
      }
      assert(dot, 'a red dot is drawn while paused');
      await page.mouse.click(dot.x, dot.y);
      await page.locator('[data-testid=trace-waterfall]').waitFor();
      const fromDot = await page.locator('[data-testid=trace-waterfall]').innerText();
      assert(/413/.test(fromDot) && /rejected/.test(fromDot) && /to ep/.test(fromDot), fromDot);
      assert(
        (await page.getByRole('tab', { name: 'Traces' }).getAttribute('aria-selected')) === 'true',
        'the traces tab is open',
      );
      await shot(page, 'run-04b-trace-from-dot');
      await page.getByRole('tab', { name: 'Why?' }).click();
      await page.getByRole('button', { name: /See a request/ }).click();
      await page.locator('[data-testid=trace-waterfall]').waitFor();
      const wf = await page.locator('[data-testid=trace-waterfall]').innerText();
      assert(/413/.test(wf) && /rejected/.test(wf), wf);
      await shot(page, 'run-05-trace-waterfall');
      // fix: the client sends 2 MB; the run restarts (the architecture changed) and stays green
      await page.locator('.react-flow__node[data-id="app"]').click();
      await page.locator('#f-app-payloadMB').fill('2');
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      await waitFor('the run restarted', async () => (await clockText(page)) === '00:00:00');
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await waitFor(
        'traffic flows',
        async () =>
          /rps/.test(
            await page
              .locator('[data-testid=counters-ep]')
              .innerText()
              .catch(() => ''),
          ),
        20000,
      );
      await page.waitForTimeout(1500);
      assert(!(await page.locator('[data-testid=incident-ep]').count()), 'no incident after the fix');
      const dots = await dotPixels(page);
      assert(dots.green > 20 && dots.red < dots.green / 10, JSON.stringify(dots));
      await shot(page, 'run-06-fixed-green');
    },
  },
  {
    name: 'run: why? on a blocked image pull draws the network path the worker computed, and where it stops',
    async run({ page }) {
      // private training without its ECR interface endpoints: the image pull has no route
      const d = JSON.parse(read('scenarios/sandbox/private-training.json'));
      d.nodes = d.nodes.filter((n: { id: string }) => n.id !== 'ep-ecr-api' && n.id !== 'ep-ecr-dkr');
      d.edges = (d.edges ?? []).filter(
        (e: { from: string; to: string }) => ![e.from, e.to].some((x) => x.startsWith('ep-ecr-')),
      );
      d.title = 'No ECR endpoints';
      await openDoc(page, JSON.stringify(d), 'no-ecr.json');
      await setSpeed(page, 100);
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await page.locator('[data-testid=incident-train]').waitFor({ timeout: 20000 });
      await page.locator('[data-testid=incident-train]').click();
      const net = page.locator('[data-testid=why-network]');
      await net.waitFor();
      const text = await net.innerText();
      // the catalog's services for ecr-pull-blocked, each with its path; the panel says where it stops
      assert(/ecr\.api/.test(text) && /ecr\.dkr/.test(text) && /stops here/.test(text), text);
      assert(/priv/.test(text), `the path starts in the subnet: ${text}`);
      await shot(page, 'run-05b-why-network-path');
      await pageThreadHasNoEngine(page);
    },
  },
  {
    name: 'run: why? on a security group that drops HTTPS draws both groups on the path; the inspector edits the rules',
    async run({ page }) {
      // puzzle d4/24 as a plain design: the interface endpoints' group lets HTTPS in only from on-premises
      const d = JSON.parse(read('scenarios/puzzles/d4/24-locked-down-locked-out.json'));
      asDesign(d);
      await openDoc(page, JSON.stringify(d), 'sg.json');
      await page.getByRole('button', { name: 'Run to end' }).click();
      await page.locator('[data-testid=incident-train]').waitFor({ timeout: 20000 });
      await page.locator('[data-testid=incident-train]').click();
      const net = page.locator('[data-testid=why-network]');
      await net.waitFor();
      const text = await net.innerText();
      // the path goes through the job's group and the endpoints' group, and stops there
      assert(/job-sg/.test(text) && /vpce-sg/.test(text) && /stops here/.test(text), text);
      assert(/TCP 443/.test(text), `the missing rule is named: ${text}`);
      await shot(page, 'run-16-why-security-group');
      // the inspector edits the group's rule lines (generated from the catalog's string-list prop)
      await page.locator('.react-flow__node[data-id="vpce-sg"]').click();
      const inspector = page.locator('aside[aria-label=Inspector]');
      await waitFor('the security group in the inspector', async () =>
        /Inbound rules/.test(await inspector.innerText().catch(() => '')),
      );
      const values = await inspector
        .locator('textarea, input')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      assert(
        values.some((v) => v.includes('tcp 443 from 172.16.0.0/12')),
        `the rule line is shown: ${values.join(' | ')}`,
      );
    },
  },
  {
    name: 'run: the log filters by severity, rule and text; a row selects its node',
    async run({ page }) {
      await openDoc(page, WALL, 'wall.json');
      await page.getByRole('button', { name: 'Run to end' }).click();
      await waitFor(
        'finished',
        async () => (await page.locator('[data-testid=run-clock]').getAttribute('data-status')) === 'finished',
        15000,
      );
      const rows = page.locator('.log-row');
      await page.getByLabel('group repeats').uncheck(); // every entry on its own row
      await waitFor('log rows', async () => (await rows.count()) > 5);
      await page.getByRole('button', { name: /^i/ }).filter({ hasText: /\d/ }).first().click(); // info off
      await page.locator('.chip-warning').click(); // warnings off
      await waitFor(
        'only errors',
        async () =>
          (await page.locator('.log-row:not(.log-error)').count()) === 0 &&
          (await page.locator('.log-error').count()) > 0,
      );
      await page.locator('select[aria-label=Rule]').selectOption('payload-too-large');
      await waitFor(
        'only that rule',
        async () =>
          await page
            .locator('.log-row')
            .evaluateAll((els) => els.every((e) => e.getAttribute('data-rule') === 'payload-too-large')),
      );
      await page.locator('input[aria-label="Search the log"]').fill('so far');
      await waitFor(
        'text filter',
        async () =>
          (await page.locator('.log-row').count()) >= 1 &&
          (await page.locator('.log-row').evaluateAll((els) => els.every((e) => e.textContent!.includes('so far')))),
      );
      await shot(page, 'run-07-log-filters');
      const rowAt = await page.locator('.log-row .log-t').first().innerText();
      await page.locator('.log-row').first().click();
      await page.locator('.react-flow__node[data-id="ep"].selected').waitFor();
      // a request rule's row opens a sampled request that hit it, on that endpoint
      await page.locator('[data-testid=trace-waterfall]').waitFor();
      const wf = await page.locator('[data-testid=trace-waterfall]').innerText();
      assert(/413/.test(wf) && /to ep/.test(wf), wf);
      const at = /at (\d\d:\d\d:\d\d)/.exec(wf)?.[1] ?? '';
      assert(at <= rowAt, `the trace is of a request at or before the row (${at} vs ${rowAt})`);
      await shot(page, 'run-07b-trace-from-log-row');
      await page.getByRole('tab', { name: /Events/ }).click();
      const count = await page.locator('[data-testid=log-count]').innerText();
      assert(/logged/.test(count), count);
    },
  },
  {
    name: 'run: while it plays, the log follows its newest row; scrolled up it stays put; follow brings it back',
    async run({ page }) {
      await openDoc(page, eightMB(), 'eight.json'); // every request is rejected and logged
      await setSpeed(page, 30);
      await page.getByRole('tab', { name: /Events/ }).click();
      await page.getByLabel('group repeats').uncheck(); // every entry on its own row: the log grows all the time
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      const log = page.locator('[data-testid=event-log]');
      const at = () =>
        log.evaluate((e) => {
          const tops = [...e.querySelectorAll<HTMLElement>('.log-row')].map((r) => parseFloat(r.style.top));
          return {
            top: e.scrollTop,
            atEnd: e.scrollTop + e.clientHeight >= e.scrollHeight - 2,
            // the newest row is rendered (the rows are absolutely placed in a box as tall as all of them)
            newestShown: tops.length > 0 && Math.max(...tops) + 2 * (tops[1] - tops[0] || 1) >= e.scrollHeight,
            long: e.scrollHeight > 3 * e.clientHeight,
          };
        });
      await waitFor('a log three boxes long', async () => (await at()).long, 20_000);
      for (let i = 0; i < 3; i++) {
        const s = await at();
        assert(s.atEnd && s.newestShown, `following: ${JSON.stringify(s)}`);
        await page.waitForTimeout(400);
      }
      await log.evaluate((e) => (e.scrollTop = 0));
      await waitFor('follow turned off', async () => !(await page.getByLabel('follow').isChecked()));
      await page.waitForTimeout(1200); // rows keep arriving
      const still = await at();
      assert(still.top === 0 && !still.atEnd, `scrolled up, it moved: ${JSON.stringify(still)}`);
      assert(
        (await log
          .locator('.log-row')
          .first()
          .evaluate((r) => (r as HTMLElement).style.top)) === '0px',
        'the oldest rows are shown',
      );
      await page.getByLabel('follow').check();
      await waitFor('back at the newest row', async () => {
        const s = await at();
        return s.atEnd && s.newestShown;
      });
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
    },
  },
  {
    name: 'run: inject a spot interruption from the node menu; the job restarts; the fault is in the file',
    async run({ page }) {
      const doc = {
        format: 'sagesim/architecture@1',
        title: 'Spot training',
        seed: 3,
        durationSec: 7200,
        nodes: [
          { id: 'data', kind: 's3-bucket', props: { datasetGB: 20 } },
          { id: 'train', kind: 'training-job', props: { spot: true, checkpointS3Uri: 's3://ckpt/train' } },
        ],
        edges: [{ from: 'data', to: 'train' }],
      };
      await openDoc(page, JSON.stringify(doc), 'spot.json');
      await setSpeed(page, 30);
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await waitFor(
        'the job trains',
        async () =>
          /Training/.test(
            await page
              .locator('[data-testid=state-train]')
              .innerText()
              .catch(() => ''),
          ),
        20000,
      );
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      await page.locator('.react-flow__node[data-id="train"]').click({ button: 'right' });
      await page.getByRole('menuitem', { name: /Spot interruption/ }).click();
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await waitFor(
        'the fault in the log',
        async () => (await page.locator('.log-row', { hasText: 'spot-interruption on train' }).count()) > 0,
        15000,
      );
      await waitFor(
        'the job restarts',
        async () =>
          (await page.locator('.log-row', { hasText: /Interrupted/ }).count()) > 0 &&
          /Starting|Downloading|Training/.test(
            await page
              .locator('[data-testid=state-train]')
              .innerText()
              .catch(() => ''),
          ),
        20000,
      );
      const saved = (await savedDoc(page)) as unknown as { faults?: { kind: string; node: string; atSec: number }[] };
      assert(
        saved.faults?.length === 1 && saved.faults[0].kind === 'spot-interruption' && saved.faults[0].node === 'train',
        JSON.stringify(saved.faults),
      );
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      await shot(page, 'run-08-spot-interruption');
    },
  },
  {
    name: 'run: the exported report equals the runner’s, byte for byte (file and seed)',
    async run({ page }) {
      await openDoc(page, WALL, 'wall.json');
      const seed = page.locator('input[aria-label=Seed]');
      await seed.fill('7');
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      const [dl] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export report' }).click(),
      ]);
      const fromPage = readFileSync((await dl.path())!, 'utf8');
      const dir = mkdtempSync(join(tmpdir(), 'sagesim-'));
      const file = join(dir, 'wall.json');
      writeFileSync(file, WALL);
      const cli = execFileSync(process.execPath, ['dist-cli/sim.mjs', file, '--json', '--seed', '7'], {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      });
      assert(fromPage === cli, `report differs from the CLI (${fromPage.length} vs ${cli.length} bytes)`);
      assert(JSON.parse(cli).seed === 7, 'seed 7 used');
    },
  },
  {
    name:
      'run: MLOps while it runs: pipeline execution and step, registry versions, monitor runs, events along the ' +
      'chain',
    async run({ page }) {
      await openDoc(page, LOOP, 'loop.json');
      await page.keyboard.press('f');
      await setSpeed(page, 30);
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await page.getByRole('radio', { name: 'Control plane' }).click();
      // S3 arrival at 00:01:00 → EventBridge → pipeline, drawn as it happens
      const recent = page.locator('[data-testid=recent-flows]');
      await waitFor(
        'the S3 event on its way',
        async () => /raw-data → on-upload/.test(await recent.innerText().catch(() => '')),
        15000,
      );
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      const t = await clockText(page);
      assert(t >= '00:01:00' && t < '00:01:30', `drawn at the moment it happens (clock ${t})`);
      assert(await findDot(page, 'teal'), 'an event pulse is drawn on the canvas');
      await waitFor('the execution on the pipeline', async () =>
        /#1 Executing/.test(
          await page
            .locator('[data-testid=mlops-training-pipeline]')
            .innerText()
            .catch(() => ''),
        ),
      );
      await shot(page, 'run-09-s3-event-chain');
      // on through approval (00:50:00), drift (01:40:00) and the hourly monitor's violation (02:00:00) to the
      // retraining
      await setSpeed(page, 1000);
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await waitFor(
        'the approval deploys',
        async () => /UpdateEndpoint registry\/1/.test(await recent.innerText().catch(() => '')),
        20000,
      );
      await waitFor('registry v1 approved', async () =>
        /v1 ✓ Approved/.test(await page.locator('[data-testid=mlops-registry]').innerText()),
      );
      await waitFor(
        'the violation starts retraining',
        async () =>
          /#2 Executing/.test(
            await page
              .locator('[data-testid=mlops-training-pipeline]')
              .innerText()
              .catch(() => ''),
          ),
        20000,
      );
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      const mon = await page.locator('[data-testid=mlops-drift-monitor]').innerText();
      assert(/2 runs/.test(mon) && /1 violation/.test(mon) && /Violations/.test(mon), `monitor: ${mon}`);
      const pipe = await page.locator('[data-testid=mlops-training-pipeline]').innerText();
      assert(/▸ (prepare|train)/.test(pipe), `the running step: ${pipe}`);
      assert(
        /events?/.test(await page.locator('[data-testid=mlops-on-violation]').innerText()),
        'the rule counts its events',
      );
      assert(
        /1 invocation/.test(await page.locator('[data-testid=mlops-deployer]').innerText()),
        'the Lambda counts its invocations',
      );
      await shot(page, 'run-10-retraining');
      // the registry in full
      await page.locator('[data-testid=mlops-registry]').click();
      const detail = page.locator('[data-testid=mlops-detail]');
      await detail.waitFor();
      assert((await detail.locator('tr[data-status=Approved]').count()) === 1, 'one approved version');
      assert(
        /registry\/1/.test(await detail.innerText()) && /train:v1/.test(await detail.innerText()),
        await detail.innerText(),
      );
      await page.getByRole('button', { name: 'on registry' }).click();
      await page.waitForTimeout(500);
      await shot(page, 'run-11-registry-versions');
      await page.locator('[data-testid=mlops-drift-monitor]').click();
      await waitFor(
        'the monitor runs',
        async () =>
          (await detail.locator('tr[data-result=violation]').count()) === 1 &&
          (await detail.locator('tr[data-result=ok]').count()) === 1,
      );
    },
  },
  {
    name:
      'run: the run panel resizes from its top edge (kept), collapses to its tabs; the canvas keeps most of the ' +
      'height',
    options: { theme: 'dark' },
    async run({ page }) {
      await openDoc(page, WALL, 'wall.json');
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      const dock = page.locator('[data-testid=run-dock]');
      await page.locator('.run-pane').waitFor();
      const flow = async () => (await page.locator('.react-flow').boundingBox())!.height;
      assert((await flow()) >= 0.55 * 720, `the canvas keeps ≥ 55% of 720 px: ${await flow()}`);
      const toggle = page.locator('[data-testid=dock-toggle]');
      const tb = (await toggle.boundingBox())!,
        db = (await dock.boundingBox())!;
      assert(
        tb.x >= db.x && tb.x + tb.width <= Math.min(1280, db.x + db.width) && tb.width >= 24,
        `the collapse button is whole: ${JSON.stringify(tb)} in ${JSON.stringify(db)}`,
      );
      const h0 = db.height;
      const edge = (await page.locator('[data-testid=dock-resize]').boundingBox())!;
      await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
      await page.mouse.down();
      await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2 - 100, { steps: 6 });
      await page.mouse.up();
      const h1 = (await dock.boundingBox())!.height;
      assert(Math.abs(h1 - h0 - 100) <= 3, `dragging the top edge 100 px up grows the panel by 100 px: ${h0} → ${h1}`);
      await shot(page, 'run-12-dock-resized-dark');
      await toggle.click();
      assert((await page.locator('.run-pane').count()) === 0, 'collapsed to the tab row');
      const hc = (await dock.boundingBox())!.height;
      assert(hc < 56, `only the tab row: ${hc}`);
      await shot(page, 'run-13-dock-collapsed-dark');
      await page.reload();
      await page.locator('.react-flow__node').first().waitFor();
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await page.locator('.run-pane').waitFor();
      const h2 = (await dock.boundingBox())!.height;
      assert(Math.abs(h2 - h1) <= 2, `the height is kept across a reload: ${h1} vs ${h2}`);
      await page.locator('[data-testid=dock-resize]').dblclick();
      assert((await flow()) >= 0.55 * 720, 'double-click: back to the default');
    },
  },
  {
    name: 'run: the Cost panel compares purchase options (Savings Plan utilisation, break-even, spot) after a run',
    async run({ page }) {
      await openDoc(page, read('scenarios/sandbox/purchase-options.json'), 'purchase-options.json');
      await page.getByRole('button', { name: 'Run to end' }).click();
      await page.getByRole('tab', { name: 'Cost' }).click();
      const plan = page.locator('[data-testid=savings-plan]');
      await waitForWithin(120_000)('the run’s own plan figures', async () =>
        /committed \$0\.6000/.test(await plan.innerText().catch(() => '')),
      );
      const sizing = await page.locator('[data-testid=plan-sizing]').innerText();
      assert(/^Under-sized: steady usage beyond the commitment is billed on demand/.test(sizing), sizing);
      const breakEven = await page.locator('[data-testid=break-even]').innerText();
      assert(/steady usage of \$0\.1500\/h on demand \(36% of the commitment used\)/.test(breakEven), breakEven);
      const retrain = await page.locator('.cost-table tr', { hasText: 'Nightly retrain' }).innerText();
      assert(/resumes from its S3 checkpoints/.test(retrain), retrain);
      await shot(page, 'run-17-purchase-options');
    },
  },
];
