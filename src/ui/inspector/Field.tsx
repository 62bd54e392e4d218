import type { ReactNode } from 'react';

/** A labelled form row: label (with unit), the control, the catalog's help text and any error. */
export function Field({
  id,
  label,
  unit,
  help,
  error,
  children,
}: {
  id: string;
  label: string;
  unit?: string;
  help?: string;
  error?: string | null;
  children: ReactNode;
}) {
  return (
    <div className="mb-3">
      <label htmlFor={id} className="mb-1 flex items-baseline justify-between gap-2 text-[14px] font-semibold">
        <span>{label}</span>
        {unit && <span className="text-[13px] font-normal text-[var(--muted)]">{unit}</span>}
      </label>
      {children}
      {error && (
        <p role="alert" className="mt-1 text-[13px] font-medium text-[var(--err)]">
          {error}
        </p>
      )}
      {help && (
        <p id={`${id}-help`} className="mt-1 text-[13px] leading-snug text-[var(--muted)]">
          {help}
        </p>
      )}
    </div>
  );
}
