import type { ReactNode } from 'react';
import type { Kind } from '../catalog/types';

/**
 * Icons per kind, drawn in the style of the AWS architecture icons: a rounded square in the
 * service category's colour with a simple white glyph. Inline SVG, no icon package (small bundle).
 */
const C = {
  ml: '#01A88D',
  storage: '#7AA116',
  compute: '#ED7100',
  analytics: '#8C4FFF',
  integration: '#E7157B',
  network: '#8C4FFF',
  security: '#DD344C',
  general: '#5A6B86',
} as const;

const line = (d: string) => <path d={d} />;
const circ = (cx: number, cy: number, r: number, fill = false) => (
  <circle cx={cx} cy={cy} r={r} fill={fill ? '#fff' : 'none'} />
);

const ICONS: Record<Kind, { color: string; glyph: ReactNode }> = {
  client: {
    color: C.general,
    glyph: (
      <>
        {circ(12, 8, 3.5)}
        {line('M5 20c0-4 3-6.5 7-6.5s7 2.5 7 6.5')}
      </>
    ),
  },
  's3-bucket': {
    color: C.storage,
    glyph: (
      <>
        <ellipse cx={12} cy={7} rx={7} ry={2.2} fill="none" />
        {line('M5 7l1.6 11a2 2 0 0 0 2 1.8h6.8a2 2 0 0 0 2-1.8L19 7')}
      </>
    ),
  },
  'data-source': {
    color: C.analytics,
    glyph: (
      <>
        <ellipse cx={12} cy={6} rx={6} ry={2.4} fill="none" />
        {line('M6 6v12c0 1.3 2.7 2.4 6 2.4s6-1.1 6-2.4V6M6 12c0 1.3 2.7 2.4 6 2.4s6-1.1 6-2.4')}
      </>
    ),
  },
  'ecr-repository': { color: C.compute, glyph: line('M4 8l8-4 8 4v8l-8 4-8-4ZM4 8l8 4 8-4M12 12v8') },
  'data-wrangler': {
    color: C.ml,
    glyph: (
      <>
        {line('M4 7h16M4 12h16M4 17h16')}
        {circ(9, 7, 1.8, true)}
        {circ(15, 12, 1.8, true)}
        {circ(8, 17, 1.8, true)}
      </>
    ),
  },
  'processing-job': {
    color: C.ml,
    glyph: (
      <>
        {circ(12, 12, 3.5)}
        {line('M12 3v3M12 18v3M3 12h3M18 12h3M5.6 5.6l2.1 2.1M16.3 16.3l2.1 2.1M5.6 18.4l2.1-2.1M16.3 7.7l2.1-2.1')}
      </>
    ),
  },
  'feature-store': {
    color: C.ml,
    glyph: (
      <>
        <rect x={4} y={5} width={16} height={14} rx={1.5} fill="none" />
        {line('M4 10h16M4 14.5h16M10 5v14')}
      </>
    ),
  },
  'kinesis-stream': {
    color: C.analytics,
    glyph: (
      <>
        {/* parallel shards flowing right, the Kinesis streams family */}
        {line('M4 7h11M4 12h14M4 17h11')}
        {line('M15 5l2.5 2-2.5 2M18 10l2.5 2-2.5 2M15 15l2.5 2-2.5 2')}
      </>
    ),
  },
  firehose: {
    color: C.analytics,
    glyph: (
      <>
        {/* a nozzle filling a bucket of records: buffered delivery */}
        {line('M4 6h7l3 3h6')}
        {line('M14 9v3')}
        {line('M9 14h10l-1.2 6H10.2Z')}
      </>
    ),
  },
  'file-system': {
    color: C.storage,
    glyph: (
      <>
        {/* a folder over a mount line with three clients: a shared file system */}
        {line('M4 6h5l1.5 2H20v6H4Z')}
        {line('M12 14v3M6 17h12M6 17v2M12 17v2M18 17v2')}
      </>
    ),
  },
  'ground-truth': {
    color: C.ml,
    glyph: (
      <>
        {line('M3.5 11.5V4h7.5l9.5 9.5-7.5 7.5Z')}
        {circ(7.5, 8, 1.4, true)}
      </>
    ),
  },
  'ai-service': {
    color: C.ml,
    glyph: (
      <>
        {/* a ready-made brain: a head outline with a spark, the managed AI services' own icon family */}
        {line('M9 20v-3.2A6 6 0 1 1 17.5 12l1.5 2.5h-1.8V17a2 2 0 0 1-2 2H13v1')}
        {line('M11 8.5l1 2 2 .6-2 .7-1 2-1-2-2-.7 2-.6z')}
      </>
    ),
  },
  'autopilot-job': {
    color: C.ml,
    glyph: (
      <>
        {/* a leaderboard: three ranked bars with a spark over the winner (AutoML picks the best candidate) */}
        {line('M5 19h14')}
        {line('M7 19v-5M12 19V9M17 19v-7')}
        {line('M12 3.5l.8 1.6 1.7.5-1.7.6-.8 1.6-.8-1.6-1.7-.6 1.7-.5z')}
      </>
    ),
  },
  'jumpstart-model': {
    color: C.ml,
    glyph: (
      <>
        {/* a pretrained model off the shelf: a cube with a launch arrow */}
        {line('M12 4l7 4v8l-7 4-7-4V8z')}
        {line('M5 8l7 4 7-4M12 12v8')}
        {line('M15.5 3.5h4v4M19.5 3.5l-4 4')}
      </>
    ),
  },
  'training-job': {
    color: C.ml,
    glyph: (
      <>
        {line('M6 7l6 5-6 5M18 7l-6 5 6 5M6 7v10M18 7v10')}
        {circ(6, 7, 1.8, true)}
        {circ(6, 17, 1.8, true)}
        {circ(12, 12, 1.8, true)}
        {circ(18, 7, 1.8, true)}
        {circ(18, 17, 1.8, true)}
      </>
    ),
  },
  'tuning-job': {
    color: C.ml,
    glyph: (
      <>
        {line('M7 4v16M12 4v16M17 4v16')}
        <rect x={5} y={13} width={4} height={3} rx={0.8} fill="#fff" />
        <rect x={10} y={7} width={4} height={3} rx={0.8} fill="#fff" />
        <rect x={15} y={11} width={4} height={3} rx={0.8} fill="#fff" />
      </>
    ),
  },
  'realtime-endpoint': { color: C.ml, glyph: line('M13.5 3L5.5 13.5h6L10.5 21l8-10.5h-6Z') },
  'serverless-endpoint': {
    color: C.ml,
    glyph: line('M7 18.5a4 4 0 0 1-.6-8 5.6 5.6 0 0 1 10.8 1.4 3.4 3.4 0 0 1-.2 6.6Z'),
  },
  'async-endpoint': {
    color: C.ml,
    glyph: (
      <>
        {circ(12, 12, 8)}
        {line('M12 7.5V12l3.2 2.2')}
      </>
    ),
  },
  'batch-transform': { color: C.ml, glyph: line('M4 8l8-4 8 4-8 4ZM4 12l8 4 8-4M4 16l8 4 8-4') },
  'multi-model-endpoint': {
    color: C.ml,
    glyph: (
      <>
        <rect x={4} y={4} width={7} height={7} rx={1} fill="none" />
        <rect x={13} y={4} width={7} height={7} rx={1} fill="none" />
        <rect x={4} y={13} width={7} height={7} rx={1} fill="none" />
        <rect x={13} y={13} width={7} height={7} rx={1} fill="#fff" />
      </>
    ),
  },
  'model-registry': {
    color: C.ml,
    glyph: (
      <>
        <rect x={5} y={3.5} width={14} height={17} rx={1.5} fill="none" />
        {line('M9 12l2.2 2.2L15.5 10M9 7h6')}
      </>
    ),
  },
  pipeline: {
    color: C.ml,
    glyph: (
      <>
        {line('M6.5 12L11 7M6.5 12l4.5 5M13 7l4.5 5M13 17l4.5-5')}
        {circ(5, 12, 2)}
        {circ(12, 6, 2)}
        {circ(12, 18, 2)}
        {circ(19, 12, 2)}
      </>
    ),
  },
  'condition-step': {
    color: C.ml,
    glyph: (
      <>
        {line('M12 3l9 9-9 9-9-9Z')}
        {line('M10 10a2 2 0 1 1 2.8 1.8c-.6.3-.8.7-.8 1.4')}
        {circ(12, 15.8, 0.6, true)}
      </>
    ),
  },
  'callback-step': { color: C.ml, glyph: line('M9 7L4 12l5 5M4 12h11a4.5 4.5 0 0 0 0-9h-2') },
  codepipeline: {
    // AWS developer tools are blue; the glyph: three stages in a row joined by arrows (source → build → deploy)
    color: '#3F48CC',
    glyph: (
      <>
        {circ(5, 12, 2.2)}
        {circ(12, 12, 2.2)}
        {circ(19, 12, 2.2)}
        {line('M7.2 12h2.6M14.2 12h2.6M8.6 10.6l1.2 1.4-1.2 1.4M15.6 10.6l1.2 1.4-1.2 1.4')}
      </>
    ),
  },
  eventbridge: {
    color: C.integration,
    glyph: (
      <>
        {circ(12, 12, 2.6)}
        {line('M12 3v5M12 16v5M3 12h5M16 12h5M9.5 5.5L12 3l2.5 2.5M9.5 18.5L12 21l2.5-2.5')}
      </>
    ),
  },
  lambda: { color: C.compute, glyph: line('M6.5 4H10l7 16h2.5M13 11l-5.5 9H5') },
  sqs: {
    color: C.integration,
    glyph: (
      <>
        <rect x={3} y={7} width={18} height={10} rx={2} fill="none" />
        {line('M8 7v10M12 7v10M16 7v10')}
      </>
    ),
  },
  sns: { color: C.integration, glyph: line('M6 16.5V11a6 6 0 0 1 12 0v5.5l1.5 2h-15ZM10 20.5a2 2 0 0 0 4 0') },
  cloudwatch: { color: C.integration, glyph: line('M3 16l5-6 4 3 5-7 4 4M3 20h18') },
  'model-monitor': {
    color: C.ml,
    glyph: (
      <>
        {line('M2.5 12S6 6 12 6s9.5 6 9.5 6S18 18 12 18s-9.5-6-9.5-6Z')}
        {circ(12, 12, 2.8)}
      </>
    ),
  },
  clarify: { color: C.ml, glyph: line('M12 4v16M7 20h10M5 8h14M5 8l-2.5 6h5ZM19 8l-2.5 6h5Z') },
  vpc: {
    color: C.network,
    glyph: (
      <>
        {line('M7 18a4 4 0 0 1-.6-8 5.6 5.6 0 0 1 10.8 1.4A3.4 3.4 0 0 1 17 18Z')}
        <rect x={9.5} y={12} width={5} height={4} rx={0.6} fill="#fff" />
        {line('M10.5 12v-1.2a1.5 1.5 0 0 1 3 0V12')}
      </>
    ),
  },
  subnet: {
    color: C.network,
    glyph: <rect x={4} y={4} width={16} height={16} rx={2} fill="none" strokeDasharray="3 2.2" />,
  },
  'vpc-endpoint': { color: C.network, glyph: line('M3.5 12H14M10 8l4 4-4 4M16.5 4.5h3v15h-3') },
  // a brick wall with a gap: a firewall that lets some traffic through
  'security-group': {
    color: C.network,
    glyph: (
      <>
        {line('M3.5 5.5h17v13h-17z')}
        {line('M3.5 9.8h17M3.5 14.2h17M9 5.5v4.3M15 5.5v4.3M6 9.8v4.4M12 9.8v4.4M18 9.8v4.4M9 14.2v4.3M15 14.2v4.3')}
      </>
    ),
  },
  'kms-key': {
    color: C.security,
    glyph: (
      <>
        {circ(8, 12, 4)}
        {line('M12 12h9M18 12v3.5M21 12v2.5')}
      </>
    ),
  },
  'iam-role': {
    color: C.security,
    glyph: (
      <>
        <rect x={4.5} y={3} width={15} height={18} rx={2} fill="none" />
        {circ(12, 10, 2.6)}
        {line('M8 17.5c.6-2 2-3 4-3s3.4 1 4 3')}
      </>
    ),
  },
  macie: {
    color: C.security,
    glyph: (
      <>
        {circ(10.5, 10.5, 6)}
        {line('M15 15l5.5 5.5M8 10.5h5')}
      </>
    ),
  },
  cloudtrail: {
    color: C.integration,
    glyph: (
      <>
        {line('M4 19c4-1 5-5 8-7s5-5 8-7')}
        {circ(4, 19, 1.6, true)}
        {circ(12, 12, 1.6, true)}
        {circ(20, 5, 1.6, true)}
      </>
    ),
  },
  // a shield with a bar: an organization guardrail that denies
  scp: {
    color: C.security,
    glyph: (
      <>
        {line('M12 3l7 3v5c0 4.5-3 8-7 10-4-2-7-5.5-7-10V6z')}
        {line('M8.5 12h7')}
      </>
    ),
  },
  // a coin with a dollar sign under a calendar bar: a commitment of dollars per hour over a term
  'savings-plan': {
    color: C.general,
    glyph: (
      <>
        {circ(12, 13, 8)}
        {line('M14.5 10c-.5-1-1.4-1.4-2.5-1.4-1.4 0-2.5.7-2.5 1.9 0 2.6 5 1.4 5 4 0 1.2-1.1 1.9-2.5 1.9-1.1 0-2-.4-2.5-1.4')}
        {line('M12 7.4v1.2M12 16.4v1.2M7 3h10')}
      </>
    ),
  },
  // four panels, two with a line chart: a dashboard of metric widgets
  'cloudwatch-dashboard': {
    color: C.integration,
    glyph: (
      <>
        {line('M3 4h8v7H3ZM13 4h8v7h-8ZM3 13h8v7H3ZM13 13h8v7h-8Z')}
        {line('M4.5 9l2-2 1.5 1 2-2.5M14.5 18l2-2.5 1.5 1 2-2.5')}
      </>
    ),
  },
  // a gauge with its needle: a load test that measures latency against cost
  'inference-recommender': {
    color: C.ml,
    glyph: (
      <>
        {line('M4 17a8 8 0 0 1 16 0')}
        {line('M12 17l4-5')}
        {circ(12, 17, 1.4, true)}
        {line('M6.5 11.5l1 1M12 8.5v1.5M17.5 11.5l-1 1')}
      </>
    ),
  },
};

export const kindColor = (kind: Kind): string => ICONS[kind].color;

/** The icon of a kind, `size` px square. Decorative: the label beside it names the kind. */
export function KindIcon({ kind, size = 32 }: { kind: Kind; size?: number }) {
  const icon = ICONS[kind];
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false" className="shrink-0">
      <rect width={32} height={32} rx={6} fill={icon.color} />
      <g
        transform="translate(4 4)"
        fill="none"
        stroke="#fff"
        strokeWidth={1.7}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        {icon.glyph}
      </g>
    </svg>
  );
}
