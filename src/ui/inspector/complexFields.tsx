import type { AutoscalingProp, StringListProp, VariantsProp } from '../../catalog/types';
import type { Autoscaling, Variant } from '../../model/props';
import { Field } from './Field';
import type { FieldProps } from './fields';
import { useProp } from './useProp';
import { useSyncedState } from '../state/synced';

/** Keep a local copy of a structured value while it is being edited; resync when the document changes. */
function useLocal<T>(value: T) {
  return useSyncedState(value);
}

export function ListField({ nodeId, name, def, value }: FieldProps<StringListProp>) {
  const p = useProp(nodeId, name);
  const list = Array.isArray(value) ? (value as string[]) : [];
  const [text, setText] = useLocal(list.join('\n'));
  const id = `f-${nodeId}-${name}`;
  return (
    <Field id={id} label={def.label} unit="one per line" help={def.help} error={p.error}>
      <textarea
        id={id}
        rows={Math.min(6, Math.max(2, list.length + 1))}
        className="field w-full font-mono text-[14px]"
        value={text}
        aria-describedby={`${id}-help`}
        onChange={(e) => {
          setText(e.target.value);
          p.set(
            e.target.value
              .split('\n')
              .map((s) => s.trim())
              .filter(Boolean),
          );
        }}
        onBlur={p.done}
      />
    </Field>
  );
}

const AS_DEFAULT: Autoscaling = { min: 1, max: 4, targetInvocationsPerInstance: 1000 };

export function AutoscalingField({ nodeId, name, def, value }: FieldProps<AutoscalingProp>) {
  const p = useProp(nodeId, name);
  const [a, setA] = useLocal((value ?? null) as Autoscaling | null);
  const id = `f-${nodeId}-${name}`;
  const update = (patch: Partial<Autoscaling>) => {
    const next = { ...(a ?? AS_DEFAULT), ...patch };
    setA(next);
    p.set(next);
  };
  const num = (k: 'min' | 'max' | 'targetInvocationsPerInstance', label: string) => (
    <label className="flex flex-col text-[13px]">
      <span className="text-[var(--muted)]">{label}</span>
      <input
        type="number"
        className="field w-full"
        value={a?.[k] ?? ''}
        min={k === 'min' ? 0 : 1}
        onChange={(e) => update({ [k]: Number(e.target.value) })}
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
          checked={!!a}
          onChange={(e) => {
            const next = e.target.checked ? AS_DEFAULT : null;
            setA(next);
            p.set(next);
            p.done();
          }}
        />
        Target tracking on
      </label>
      {a && (
        <div className="grid grid-cols-3 gap-2">
          {num('min', 'Min')}
          {num('max', 'Max')}
          {num('targetInvocationsPerInstance', 'Target / inst / min')}
        </div>
      )}
    </Field>
  );
}

export function VariantsField({ nodeId, name, def, value }: FieldProps<VariantsProp>) {
  const p = useProp(nodeId, name);
  const [vs, setVs] = useLocal((Array.isArray(value) ? value : def.default) as Variant[]);
  const commit = (next: Variant[]) => {
    setVs(next);
    p.set(next);
  };
  const edit = (i: number, patch: Partial<Variant>) => commit(vs.map((v, j) => (j === i ? { ...v, ...patch } : v)));
  const id = `f-${nodeId}-${name}`;
  return (
    <Field id={id} label={def.label} help={def.help} error={p.error}>
      <table className="w-full text-[13px]" id={id}>
        <thead>
          <tr className="text-left text-[var(--muted)]">
            <th className="font-normal">Name</th>
            <th className="font-normal">Weight</th>
            <th className="font-normal">Shadow</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {vs.map((v, i) => (
            <tr key={i}>
              <td className="pr-1">
                <input
                  aria-label={`Variant ${i + 1} name`}
                  className="field w-full"
                  value={v.name}
                  onChange={(e) => edit(i, { name: e.target.value })}
                  onBlur={p.done}
                />
              </td>
              <td className="pr-1">
                <input
                  aria-label={`Variant ${i + 1} weight`}
                  type="number"
                  min={0}
                  step={0.1}
                  className="field w-20"
                  value={v.weight}
                  onChange={(e) => edit(i, { weight: Number(e.target.value) })}
                  onBlur={p.done}
                />
              </td>
              <td className="text-center">
                <input
                  aria-label={`Variant ${i + 1} shadow`}
                  type="checkbox"
                  className="h-5 w-5"
                  checked={!!v.shadow}
                  onChange={(e) => edit(i, { shadow: e.target.checked || undefined })}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="btn-ghost px-2"
                  aria-label={`Remove variant ${v.name}`}
                  disabled={vs.length < 2}
                  onClick={() => commit(vs.filter((_, j) => j !== i))}
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="btn mt-2"
        disabled={vs.length >= 10}
        onClick={() => commit([...vs, { name: uniqueName(vs), weight: 1 }])}
      >
        Add variant
      </button>
    </Field>
  );
}

function uniqueName(vs: Variant[]): string {
  for (let i = vs.length + 1; ; i++) if (!vs.some((v) => v.name === `variant-${i}`)) return `variant-${i}`;
}
