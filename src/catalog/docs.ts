import { EDGE_PAIRS } from './edges';
import { GROUP_LABELS, KIND_DEFS } from './kinds';
import { PRICES, PRICE_SOURCES } from './prices';
import { INSTANCE_SOURCES } from './instances';
import { RULES } from './rules';
import type { PropDef, RuleSummary } from './types';

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const DOMAINS = {
  D1: 'D1 · Data preparation',
  D2: 'D2 · Model development',
  D3: 'D3 · Deployment and orchestration',
  D4: 'D4 · Monitoring and security',
} as const;

/**
 * The rule index (src/catalog/rule-index.json): each rule's id, domain, severity, title and display from its entry in
 * rules.ts, one rule a line, in catalog order. The page's first screen reads it through `rule-index.ts`.
 */
export function renderRuleIndex(): string {
  const rows = RULES.map((r) => {
    const s: RuleSummary = { id: r.id, domain: r.domain, severity: r.severity, title: r.title };
    if (r.display) s.display = r.display;
    return `  ${JSON.stringify(s)}`;
  });
  return `[\n${rows.join(',\n')}\n]\n`;
}

/** The rule catalog as Markdown (docs/rules.md). */
export function renderRulesDoc(): string {
  const out = [
    '# Rule catalog',
    '',
    '_Generated from `src/catalog/rules.ts` by `npx tsx scripts/gen-docs.ts`; do not edit by hand._',
    '',
    'Each rule is a fact of the exam cheat sheet turned into behaviour. The id is what reports, puzzle goals ' +
      'and tests use.',
    '`static` rules are also reported as findings before a run.',
    'Each rule says how it behaves under the `aws` rulebook (file field `rulebook`, runner flag `--rulebook`), ' +
      'which follows AWS documentation where it differs from the sheet.',
    '',
  ];
  for (const [d, title] of Object.entries(DOMAINS)) {
    out.push(`## ${title}`, '');
    for (const r of RULES.filter((x) => x.domain === d)) {
      out.push(
        `### \`${r.id}\` — ${r.title}`,
        '',
        `**${r.severity}**${r.static ? ' · static finding' : ''} · engine area: ` +
          `${r.area}${r.http ? ` · HTTP ${r.http}` : ''}${
            r.httpByKind
              ? ` (${Object.entries(r.httpByKind)
                  .map(([k, v]) => `${v} on ${k}`)
                  .join(', ')})`
              : ''
          }`,
        '',
        `- **The sheet:** ${r.sheet}`,
        `- **Trigger:** ${r.trigger}`,
        `- **In the run:** ${r.inRun}`,
        `- **Message:** \`${r.message}\``,
        `- **Fix:** ${r.fix}`,
      );
      if (r.docs) out.push(`- **AWS docs:** ${r.docs}`);
      out.push(`- **Under the AWS docs rulebook:** ${r.aws ?? 'behaves the same.'}`);
      out.push('');
    }
  }
  return `${out.join('\n')}\n`;
}

const propType = (p: PropDef): string => {
  switch (p.type) {
    case 'enum':
      return p.options.map((o) => `"${o}"`).join(' \\| ') + (p.nullable ? ' \\| null' : '');
    case 'number':
      return [
        'number',
        p.integer ? ' (integer)' : '',
        p.unit ? ` ${p.unit}` : '',
        p.min !== undefined ? `, ≥ ${p.min}` : '',
        p.max !== undefined ? `, ≤ ${p.max}` : '',
        p.nullable ? ', or null' : '',
      ].join('');
    case 'ref':
      return `id of a ${p.refKinds.join(' / ')} or null`;
    case 'string-list':
      return p.options ? `list of ${p.options.map((o) => `"${o}"`).join(' \\| ')}` : 'list of strings';
    case 'autoscaling':
      return 'null or { min, max, targetInvocationsPerInstance }';
    case 'variants':
      return '[{ name, weight, shadow? }]';
    case 'deployment':
      return (
        'null or { type: "all-at-once" \\| "canary" \\| "linear", sizePercent, waitIntervalSec, ' +
        'terminationWaitSec?, rollbackAlarms? }'
      );
    default:
      return `${p.type}${'nullable' in p && p.nullable ? ' or null' : ''}`;
  }
};

/** Kinds, props, edges and prices as Markdown (docs/kinds.md). */
export function renderKindsDoc(): string {
  const out = [
    '# Kinds, props and edges',
    '',
    '_Generated from `src/catalog/` by `npx tsx scripts/gen-docs.ts`; do not edit by hand._',
    '',
  ];
  for (const [g, label] of Object.entries(GROUP_LABELS)) {
    out.push(`## ${label}`, '');
    for (const k of KIND_DEFS.filter((x) => x.group === g)) {
      out.push(`### \`${k.kind}\` — ${k.label}`, '', k.description, '');
      if (k.parents.length)
        out.push(
          `Parent: ${k.parents.map((p) => `\`${p}\``).join(' or ')}` +
            `${k.parentRequired ? ' (required)' : ' (optional)'}.${k.container ? ' A container.' : ''}`,
          '',
        );
      else if (k.container) out.push('A container.', '');
      const props = Object.entries(k.props);
      if (props.length) {
        out.push('| prop | type | default | meaning |', '|---|---|---|---|');
        for (const [name, p] of props)
          out.push(`| \`${name}\` | ${esc(propType(p))} | \`${esc(JSON.stringify(p.default))}\` | ${esc(p.help)} |`);
        out.push('');
      }
    }
  }
  out.push(
    '## Edges',
    '',
    'An edge means what its pair of kinds says. Pairs not listed are refused.',
    '',
    '| from | to | label | meaning |',
    '|---|---|---|---|',
  );
  for (const e of EDGE_PAIRS)
    out.push(
      `| ${e.from.join(', ')} | ${e.to.join(', ')} | ${e.label} | ` +
        `${esc(e.meaning)}${e.samePipeline ? ' (both in one pipeline)' : ''} |`,
    );
  out.push('', '## Prices', '', '| item | value |', '|---|---|');
  for (const [k, v] of Object.entries(PRICES)) out.push(`| \`${k}\` | ${v} |`);
  out.push('', 'Sources:', '', ...[...PRICE_SOURCES, ...INSTANCE_SOURCES].map((s) => `- ${s.what}: ${s.url}`), '');
  return `${out.join('\n')}\n`;
}
