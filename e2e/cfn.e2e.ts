import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { E2ETest } from './editor.e2e';
import { ORIGIN, assert, savedDoc, shot, waitForWithin } from './lib';

const fixture = (name: string) => readFileSync(new URL(`../test/fixtures/cfn/${name}`, import.meta.url));

const waitFor = waitForWithin(6000);

async function blank(page: Page): Promise<void> {
  await page.goto(ORIGIN);
  await page.getByRole('button', { name: /Blank canvas/ }).click();
}

const yamlText = (page: Page) => page.locator('[data-testid=cfn-yaml]').innerText();

export const TESTS: E2ETest[] = [
  {
    name:
      'CloudFormation: open a template from the File menu (a parameter asked for), view it as CloudFormation, ' +
      'follow edits',
    async run({ page }) {
      await blank(page);
      await page.getByRole('button', { name: 'File ▾' }).click();
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByRole('menuitem', { name: 'Open CloudFormation…' }).click(),
      ]);
      await chooser.setFiles({
        name: 'conditions.yaml',
        mimeType: 'application/yaml',
        buffer: fixture('conditions.yaml'),
      });
      const dialog = page.getByRole('dialog', { name: 'Parameters of "conditions.yaml"' });
      await dialog.waitFor();
      assert((await dialog.innerText()).includes('decides condition IsProduction'), 'the dialog says why it asks');
      await dialog.locator('select').selectOption('production');
      await dialog.getByRole('button', { name: 'Open template' }).click();
      await page.locator('.react-flow__node[data-id="endpoint"]').waitFor();
      await page.locator('.react-flow__node[data-id="quality-schedule"]').waitFor();
      await waitFor('production: a real-time endpoint watched by the monitor (autosaved)', async () => {
        const doc = await savedDoc(page);
        return (
          doc?.nodes.find((n) => n.id === 'endpoint')?.kind === 'realtime-endpoint' &&
          doc.edges.some((e) => e.from === 'endpoint' && e.to === 'quality-schedule')
        );
      });

      await page.getByRole('button', { name: 'View as CloudFormation' }).click();
      const view = page.locator('[data-testid=cfn-yaml]');
      await view.waitFor();
      const first = await yamlText(page);
      assert(first.includes('Type: AWS::SageMaker::Endpoint'), 'the endpoint is a resource');
      assert(first.includes('Type: AWS::SageMaker::MonitoringSchedule'), 'so is the monitor');
      assert(/EndpointName: !GetAtt \w+\.EndpointName/.test(first), 'the monitor references the endpoint');
      assert((await page.locator('[data-testid=cfn-yaml] .yaml-tag').count()) > 3, 'short tags are highlighted');
      await shot(page, 'cfn-01-view-as-cloudformation');

      // Copy puts the template on the clipboard
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
      await page.getByRole('button', { name: 'Copy', exact: true }).click();
      await page.getByRole('button', { name: 'Copied' }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert(copied.startsWith("AWSTemplateFormatVersion: '2010-09-09'"), `clipboard: ${copied.slice(0, 80)}`);
      assert(copied.includes('Type: AWS::SageMaker::MonitoringSchedule'), 'the clipboard holds the whole template');

      // follows edits: a new title is the Description; deleting the monitor removes its resources
      await page.locator('#doc-title').fill('Churn in production');
      await page.locator('#doc-title').press('Enter');
      await waitFor('the description to follow the title', async () =>
        (await yamlText(page)).includes('Description: Churn in production'),
      );
      await page.locator('.react-flow__node[data-id="quality-schedule"]').click();
      await page.keyboard.press('Delete');
      await waitFor(
        'the monitor to leave the template',
        async () => !(await yamlText(page)).includes('MonitoringSchedule'),
      );

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download' }).click(),
      ]);
      assert(download.suggestedFilename().endsWith('.template.yaml'), `download name ${download.suggestedFilename()}`);
      const saved = readFileSync((await download.path())!, 'utf8');
      assert(saved.includes('Description: Churn in production'), 'the download is the template as edited');
      assert(!saved.includes('MonitoringSchedule'), 'without the deleted monitor');
      await page.getByRole('button', { name: 'Close CloudFormation view' }).click();
      await page.getByRole('button', { name: 'View as CloudFormation' }).waitFor();
    },
  },
  {
    name:
      'CloudFormation: a real template (aws-samples deployment guardrails) dropped, its stage asked for, opens ' +
      'with its canary',
    async run({ page }) {
      await blank(page);
      const text = readFileSync(
        new URL('../test/fixtures/cfn/real/deployment-guardrails.yml', import.meta.url),
        'utf8',
      );
      const dt = await page.evaluateHandle((t) => {
        const d = new DataTransfer();
        d.items.add(new File([t], 'endpoint-config-template.yml', { type: 'application/yaml' }));
        return d;
      }, text);
      await page.locator('[data-testid=canvas]').dispatchEvent('drop', { dataTransfer: dt });
      const dialog = page.getByRole('dialog', { name: 'Parameters of "endpoint-config-template.yml"' });
      await dialog.waitFor();
      assert((await dialog.innerText()).includes('decides condition IsProduction'), 'the dialog says why it asks');
      await dialog.locator('input').first().fill('prod');
      await dialog.getByRole('button', { name: 'Open template' }).click();
      await page.locator('.react-flow__node[data-id="endpoint500-errors"]').waitFor();
      await waitFor('the canary with its rollback alarm (autosaved)', async () => {
        const doc = await savedDoc(page);
        const ep = doc?.nodes.find((n) => n.id === 'endpoint');
        const dep = ep?.props?.deployment as { type?: string; rollbackAlarms?: string[] } | undefined;
        return dep?.type === 'canary' && dep.rollbackAlarms?.[0] === 'endpoint500-errors';
      });
      await page.locator('.react-flow__node[data-id="endpoint"]').click();
      await page.waitForTimeout(300);
      await shot(page, 'cfn-03-real-template-canary');
    },
  },
  {
    name: 'CloudFormation: a template dropped on the canvas opens; what is not simulated is listed',
    async run({ page }) {
      await blank(page);
      // the template's security group is simulated now (a node); a log group is not, and is listed
      const text = fixture('private-vpc-endpoints.yaml').toString('utf8') + '  Logs:\n    Type: AWS::Logs::LogGroup\n';
      const dt = await page.evaluateHandle((t) => {
        const d = new DataTransfer();
        d.items.add(new File([t], 'private-vpc-endpoints.yaml', { type: 'application/yaml' }));
        return d;
      }, text);
      await page.locator('[data-testid=canvas]').dispatchEvent('drop', { dataTransfer: dt });
      await page.locator('.react-flow__node[data-id="endpoint"]').waitFor();
      await waitFor(
        'the endpoint in the private subnet (autosaved)',
        async () => (await savedDoc(page))?.nodes.find((n) => n.id === 'endpoint')?.parent === 'private-subnet',
      );
      const banner = await page.locator('[data-testid=banner]').innerText();
      assert(banner.includes('AWS::Logs::LogGroup'), `banner lists the log group: ${banner}`);
      assert(
        (await savedDoc(page))?.nodes.some((n) => n.kind === 'security-group') === true,
        'the security group is a node of the design',
      );
      await waitFor('the ecr-pull-blocked finding', async () =>
        (
          await page
            .locator('[data-testid=findings]')
            .innerText()
            .catch(() => '')
        )
          .toLowerCase()
          .includes('ecr'),
      );
      await page.waitForTimeout(300);
      await shot(page, 'cfn-02-dropped-template');

      // a template with an unknown intrinsic is refused with its line and column; the design stays as it was
      const bad = await page.evaluateHandle(() => {
        const d = new DataTransfer();
        const t = 'Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Frob x\n';
        d.items.add(new File([t], 'bad.yaml', { type: 'application/yaml' }));
        return d;
      });
      await page.locator('[data-testid=canvas]').dispatchEvent('drop', { dataTransfer: bad });
      await waitFor('the refusal in the banner', async () =>
        (await page.locator('[data-testid=banner]').innerText()).includes(
          'line 5, column 18: unknown intrinsic function tag !Frob (at Resources.A.Properties.TopicName)',
        ),
      );
      assert(
        (await page.locator('[data-testid=banner]').innerText()).includes('your work is unchanged'),
        'the banner says the design is kept',
      );
      assert(await page.locator('.react-flow__node[data-id="endpoint"]').isVisible(), 'the design is still there');
    },
  },
];
