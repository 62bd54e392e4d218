import { useEffect, useRef } from 'react';
import { ENDPOINT_KINDS } from '../../catalog/kinds';
import type { Kind } from '../../catalog/types';
import type { Fault } from '../../model/schema';
import type { FaultInput } from '../../worker/protocol';
import { useEditorState } from '../state/context';
import { useRun, useRunState } from './context';
import { clock } from './store';

type FaultSpec = Fault extends infer F ? (F extends Fault ? Omit<F, 'atSec' | 'node'> : never) : never;
interface Choice {
  label: string;
  hint: string;
  fault: FaultSpec;
}

/** A real-time endpoint's variants as written (the catalog default when absent). */
type VariantSpec = { name: string; weight: number; shadow?: boolean };

/**
 * UpdateEndpointWeightsAndCapacities choices for an endpoint with two or more production variants: all traffic to
 * one of them, or an even split.
 */
function weightChoices(variants: readonly VariantSpec[]): Choice[] {
  const prod = variants.filter((v) => !v.shadow);
  if (prod.length < 2) return [];
  const all = (name: string) => Object.fromEntries(prod.map((v) => [v.name, v.name === name ? 1 : 0]));
  return [
    ...prod.map((v) => ({
      label: `All traffic to ${v.name}`,
      hint: `UpdateEndpointWeightsAndCapacities: ${v.name} weight 1, the others 0`,
      fault: { kind: 'update-weights' as const, weights: all(v.name) },
    })),
    {
      label: 'Split traffic evenly',
      hint: 'UpdateEndpointWeightsAndCapacities: every production variant weight 1',
      fault: { kind: 'update-weights', weights: Object.fromEntries(prod.map((v) => [v.name, 1])) },
    },
  ];
}

/** The faults a node of a kind can take from its menu (a real-time endpoint's also depend on its `variants`). */
export function faultChoices(kind: Kind, variants: readonly VariantSpec[] = []): Choice[] {
  if (kind === 'training-job' || kind === 'tuning-job')
    return [
      {
        label: 'Spot interruption',
        hint: 'capacity reclaimed now; resumes from a checkpoint if it has one',
        fault: { kind: 'spot-interruption' },
      },
    ];
  if (kind === 'client')
    return [
      {
        label: 'Traffic spike',
        hint: '×5 for 5 minutes',
        fault: { kind: 'traffic-spike', factor: 5, durationSec: 300 },
      },
      {
        label: 'Large payloads',
        hint: '8 MB requests for 1 minute',
        fault: { kind: 'large-payloads', sizeMB: 8, durationSec: 60 },
      },
    ];
  if (kind === 'realtime-endpoint')
    return [
      { label: 'Data drift', hint: 'inputs shift (magnitude 0.3)', fault: { kind: 'data-drift', magnitude: 0.3 } },
      { label: 'Bias shift', hint: 'a group’s outcomes shift (0.3)', fault: { kind: 'bias-shift', magnitude: 0.3 } },
      {
        label: 'Deploy a faulty version',
        hint: 'UpdateEndpoint: the new model fails 20% of requests',
        fault: { kind: 'model-update', errorRate: 0.2 },
      },
      ...weightChoices(variants),
    ];
  if ((ENDPOINT_KINDS as readonly string[]).includes(kind))
    return [
      { label: 'Data drift', hint: 'inputs shift (magnitude 0.3)', fault: { kind: 'data-drift', magnitude: 0.3 } },
      { label: 'Bias shift', hint: 'a group’s outcomes shift (0.3)', fault: { kind: 'bias-shift', magnitude: 0.3 } },
    ];
  if (kind === 'model-registry')
    return [
      {
        label: 'Approve the latest version',
        hint: 'ModelApprovalStatus = Approved',
        fault: { kind: 'approve', status: 'Approved' },
      },
    ];
  if (kind === 'codepipeline')
    return [
      {
        label: 'Push to main',
        hint: 'a good change: builds, tests, deploys',
        fault: { kind: 'code-push', branch: 'main' },
      },
      {
        label: 'Push to main with an integration bug',
        hint: 'unit tests pass; 30% of its requests fail if it ships',
        fault: { kind: 'code-push', branch: 'main', defect: 'integration', errorRate: 0.3 },
      },
      {
        label: 'Push to a feature branch',
        hint: 'feature/wip, not meant to release',
        fault: { kind: 'code-push', branch: 'feature/wip', release: false },
      },
    ];
  if (kind === 's3-bucket')
    return [{ label: 'Data arrival', hint: '10 GB of new data lands', fault: { kind: 'data-arrival', sizeGB: 10 } }];
  return [];
}

/**
 * A node's context menu during (or before) a run: inject a fault at the current simulated time. The
 * worker fixes its time and the fault is recorded in the document's `faults`, so the file replays it.
 * Listens for right-clicks on canvas nodes (document-level, so the canvas needs no wiring).
 */
export function FaultMenu() {
  const run = useRun();
  const menu = useRunState((v) => v.faultMenu);
  const now = useRunState((v) => v.now);
  const doc = useEditorState((s) => s.doc);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onMenu = (e: MouseEvent) => {
      const el = (e.target as HTMLElement).closest?.('.react-flow__node');
      const id = el?.getAttribute('data-id');
      const kind = id ? doc.nodes.find((n) => n.id === id)?.kind : undefined;
      if (!id || !kind || !faultChoices(kind).length) return;
      e.preventDefault();
      run.openFaultMenu(id, e.clientX, e.clientY);
    };
    addEventListener('contextmenu', onMenu);
    return () => removeEventListener('contextmenu', onMenu);
  }, [run, doc]);
  useEffect(() => {
    if (!menu) return;
    const close = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) run.closeFaultMenu();
    };
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') run.closeFaultMenu();
    };
    addEventListener('pointerdown', close);
    addEventListener('keydown', esc);
    root.current?.querySelector<HTMLButtonElement>('[role=menuitem]')?.focus();
    return () => {
      removeEventListener('pointerdown', close);
      removeEventListener('keydown', esc);
    };
  }, [menu, run]);
  if (!menu) return null;
  const target = doc.nodes.find((n) => n.id === menu.node);
  const kind = target?.kind;
  const variants = Array.isArray(target?.props?.variants) ? (target.props.variants as VariantSpec[]) : [];
  const choices = kind ? faultChoices(kind, variants) : [];
  return (
    <div
      ref={root}
      role="menu"
      aria-label={`Inject a fault into ${menu.node}`}
      className="menu fault-menu"
      style={{
        position: 'fixed',
        left: Math.min(menu.x, innerWidth - 320),
        top: Math.min(menu.y, innerHeight - 60 - choices.length * 52),
      }}
    >
      <div className="fault-head">
        Inject at {clock(Math.floor(now) + (now > 0 ? 1 : 0))} into <b>{menu.node}</b>
      </div>
      {choices.map((c) => (
        <button
          key={c.label}
          type="button"
          role="menuitem"
          className="menu-item"
          onClick={() => run.inject({ ...c.fault, node: menu.node } as FaultInput)}
        >
          <span>{c.label}</span>
          <span className="fault-hint">{c.hint}</span>
        </button>
      ))}
    </div>
  );
}
