import { useState } from 'react';
import type { BooleanProp, EnumProp, NumberProp, RefProp, StringProp } from '../../catalog/types';
import { kindDef } from '../../catalog/kinds';
import { useEditorState } from '../state/context';
import { Field } from './Field';
import { useProp } from './useProp';

export interface FieldProps<P> {
  nodeId: string;
  name: string;
  def: P;
  value: unknown;
}
const fid = (nodeId: string, name: string) => `f-${nodeId}-${name}`;

/**
 * Text typed into a field: while the field has focus, what was typed (the document may hold a normalised or no
 * value yet); otherwise the document's value (so undo shows at once). Spread `bind` on the input.
 */
function useDraft(value: string) {
  const [draft, setDraft] = useState<string | null>(null);
  return {
    text: draft ?? value,
    setText: (t: string) => setDraft(t),
    bind: {
      onFocus: () => setDraft(value),
    },
    /** Leaving the field: show the document's value again. */
    leave: () => setDraft(null),
  };
}

export function NumberField({ nodeId, name, def, value }: FieldProps<NumberProp>) {
  const p = useProp(nodeId, name);
  const shown = value === null || value === undefined ? '' : String(value);
  const d = useDraft(shown);
  const id = fid(nodeId, name);
  const range = [def.min !== undefined ? `min ${def.min}` : '', def.max !== undefined ? `max ${def.max}` : '']
    .filter(Boolean)
    .join(', ');
  return (
    <Field
      id={id}
      label={def.label}
      unit={[def.unit, range].filter(Boolean).join(' · ')}
      help={def.help}
      error={p.error}
    >
      <input
        id={id}
        {...d.bind}
        className="field w-full"
        inputMode="decimal"
        value={d.text}
        placeholder={def.nullable ? 'none' : undefined}
        aria-describedby={`${id}-help`}
        onChange={(e) => {
          d.setText(e.target.value);
          const t = e.target.value.trim();
          if (t === '' && def.nullable) {
            p.set(null);
            return;
          }
          const v = Number(t);
          if (t === '' || !Number.isFinite(v)) p.setError('Enter a number.');
          else p.set(v);
        }}
        onBlur={() => {
          d.leave();
          p.done();
        }}
      />
    </Field>
  );
}

export function TextField({ nodeId, name, def, value }: FieldProps<StringProp>) {
  const p = useProp(nodeId, name);
  const shown = typeof value === 'string' ? value : '';
  const d = useDraft(shown);
  const id = fid(nodeId, name);
  return (
    <Field id={id} label={def.label} help={def.help} error={p.error}>
      <input
        id={id}
        {...d.bind}
        className="field w-full"
        value={d.text}
        placeholder={def.nullable ? 'none' : undefined}
        aria-describedby={`${id}-help`}
        onChange={(e) => {
          d.setText(e.target.value);
          p.set(e.target.value === '' && def.nullable ? null : e.target.value);
        }}
        onBlur={() => {
          d.leave();
          p.done();
        }}
      />
    </Field>
  );
}

export function EnumField({ nodeId, name, def, value }: FieldProps<EnumProp>) {
  const p = useProp(nodeId, name);
  const id = fid(nodeId, name);
  return (
    <Field id={id} label={def.label} help={def.help} error={p.error}>
      <select
        id={id}
        className="field w-full"
        value={value === null ? '' : String(value)}
        aria-describedby={`${id}-help`}
        onChange={(e) => {
          p.set(e.target.value === '' ? null : e.target.value);
          p.done();
        }}
      >
        {def.nullable && <option value="">none</option>}
        {def.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function BoolField({ nodeId, name, def, value }: FieldProps<BooleanProp>) {
  const p = useProp(nodeId, name);
  const id = fid(nodeId, name);
  return (
    <div className="mb-3">
      <label htmlFor={id} className="flex items-center gap-2 text-[14px] font-semibold">
        <input
          id={id}
          type="checkbox"
          className="h-5 w-5 accent-[var(--accent)]"
          checked={value === true}
          aria-describedby={`${id}-help`}
          onChange={(e) => {
            p.set(e.target.checked);
            p.done();
          }}
        />
        {def.label}
      </label>
      {p.error && (
        <p role="alert" className="mt-1 text-[13px] text-[var(--err)]">
          {p.error}
        </p>
      )}
      <p id={`${id}-help`} className="mt-1 text-[13px] leading-snug text-[var(--muted)]">
        {def.help}
      </p>
    </div>
  );
}

/** A reference to another node (a KMS key, an IAM role): picked from the nodes of the right kinds. */
export function RefField({ nodeId, name, def, value }: FieldProps<RefProp>) {
  const p = useProp(nodeId, name);
  const nodes = useEditorState((s) => s.doc.nodes);
  const options = nodes.filter((n) => def.refKinds.includes(n.kind));
  const id = fid(nodeId, name);
  const kinds = def.refKinds.map((k) => kindDef(k).label).join(' or ');
  return (
    <Field id={id} label={def.label} help={def.help} error={p.error}>
      <select
        id={id}
        className="field w-full"
        value={typeof value === 'string' ? value : ''}
        aria-describedby={`${id}-help`}
        onChange={(e) => {
          p.set(e.target.value || null);
          p.done();
        }}
      >
        <option value="">{options.length ? 'none (AWS default)' : `none — add a ${kinds} first`}</option>
        {options.map((n) => (
          <option key={n.id} value={n.id}>
            {n.label ? `${n.label} (${n.id})` : n.id}
          </option>
        ))}
      </select>
    </Field>
  );
}
