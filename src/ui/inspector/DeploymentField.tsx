import type { DeploymentProp } from '../../catalog/types';
import type { Deployment } from '../../model/props';
import { Field } from './Field';
import type { FieldProps } from './fields';
import { useProp } from './useProp';
import { useSyncedState } from '../state/synced';

const DEFAULT: Deployment = { type: 'canary', sizePercent: 10, waitIntervalSec: 300, rollbackAlarms: [] };
const TYPES: Deployment['type'][] = ['all-at-once', 'canary', 'linear'];

/**
 * A real-time endpoint's deployment guardrails: traffic shifting (all at once, canary, linear), the step size, the
 * baking period, the wait before the old fleet is terminated, and the ids of the auto-rollback alarms.
 */
export function DeploymentField({ nodeId, name, def, value }: FieldProps<DeploymentProp>) {
  const p = useProp(nodeId, name);
  const [d, setD] = useSyncedState((value ?? null) as Deployment | null);
  const [alarms, setAlarms] = useSyncedState(
    (((value ?? null) as Deployment | null)?.rollbackAlarms ?? []).join(', '),
    value,
  );
  const id = `f-${nodeId}-${name}`;
  const update = (patch: Partial<Deployment>) => {
    const next = { ...(d ?? DEFAULT), ...patch };
    setD(next);
    p.set(next);
  };
  const num = (k: 'sizePercent' | 'waitIntervalSec' | 'terminationWaitSec', label: string, max: number) => (
    <label className="flex flex-col text-[13px]">
      <span className="text-[var(--muted)]">{label}</span>
      <input
        type="number"
        aria-label={label}
        className="field w-full"
        value={d?.[k] ?? ''}
        min={0}
        max={max}
        onChange={(e) => update({ [k]: e.target.value === '' ? undefined : Number(e.target.value) })}
        onBlur={p.done}
      />
    </label>
  );
  return (
    <Field id={id} label={def.label} help={def.help} error={p.error}>
      <label className="mb-2 flex items-center gap-2 text-[14px]">
        <input
          id={id}
          type="checkbox"
          className="h-5 w-5 accent-[var(--accent)]"
          checked={!!d}
          onChange={(e) => {
            const next = e.target.checked ? DEFAULT : null;
            setD(next);
            p.set(next);
            p.done();
          }}
        />
        Guardrails on (otherwise all traffic shifts at once, no baking)
      </label>
      {d && (
        <div className="grid grid-cols-2 gap-2">
          <label className="flex flex-col text-[13px]">
            <span className="text-[var(--muted)]">Traffic shifting</span>
            <select
              aria-label="Traffic shifting"
              className="field w-full"
              value={d.type}
              onChange={(e) => {
                update({ type: e.target.value as Deployment['type'] });
                p.done();
              }}
            >
              {TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
          {num('sizePercent', d.type === 'linear' ? 'Step %' : 'Canary %', 50)}
          {num('waitIntervalSec', 'Baking (s)', 3600)}
          {num('terminationWaitSec', 'Termination wait (s)', 3600)}
          <label className="col-span-2 flex flex-col text-[13px]">
            <span className="text-[var(--muted)]">Auto-rollback alarms (cloudwatch ids, comma-separated)</span>
            <input
              aria-label="Auto-rollback alarms"
              className="field w-full font-mono"
              value={alarms}
              onChange={(e) => {
                setAlarms(e.target.value);
                update({
                  rollbackAlarms: e.target.value
                    .split(',')
                    .map((s) => s.trim())
                    .filter(Boolean),
                });
              }}
              onBlur={p.done}
            />
          </label>
        </div>
      )}
    </Field>
  );
}
