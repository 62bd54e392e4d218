import { useMemo, useState } from 'react';
import { GROUP_LABELS, KIND_DEFS } from '../../catalog/kinds';
import type { Group, KindDef } from '../../catalog/types';
import { useEditorState } from '../state/context';
import { PaletteItem } from './PaletteItem';

const ORDER: Group[] = ['D1', 'D2', 'D3', 'D4', 'NET'];

const matches = (k: KindDef, q: string) => !q || `${k.label} ${k.kind} ${k.description}`.toLowerCase().includes(q);

/** The palette: every kind, grouped by exam domain, with search. Drag onto the canvas or press Enter. */
export function Palette() {
  const [query, setQuery] = useState('');
  const allowed = useEditorState((s) => s.doc.palette);
  const q = query.trim().toLowerCase();
  const groups = useMemo(
    () =>
      ORDER.map((g) => ({
        g,
        kinds: KIND_DEFS.filter((k) => k.group === g && (!allowed || allowed.includes(k.kind)) && matches(k, q)),
      })).filter((x) => x.kinds.length),
    [q, allowed],
  );

  return (
    <nav className="flex h-full flex-col" aria-label="Components">
      <div className="border-b border-[var(--line)] p-3">
        <label
          htmlFor="palette-search"
          className="mb-1 block text-[13px] font-semibold uppercase tracking-wide text-[var(--muted)]"
        >
          Components
        </label>
        <input
          id="palette-search"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Search (e.g. endpoint, KMS)"
          className="field w-full"
        />
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-2 pb-4">
        {groups.map(({ g, kinds }) => (
          <section key={g} aria-labelledby={`pal-${g}`} className="mt-3">
            <h2
              id={`pal-${g}`}
              className="px-2 pb-1 text-[13px] font-semibold uppercase tracking-wide text-[var(--muted)]"
            >
              {GROUP_LABELS[g]}
            </h2>
            <ul>
              {kinds.map((k) => (
                <PaletteItem key={k.kind} def={k} />
              ))}
            </ul>
          </section>
        ))}
        {!groups.length && (
          <p className="p-3 text-[var(--muted)]" data-testid="palette-empty">
            {allowed && allowed.length === 0 && !q
              ? 'This puzzle adds no new components — fix it with what is on the canvas.'
              : `Nothing matches “${query}”.`}
          </p>
        )}
      </div>
      <p className="border-t border-[var(--line)] p-3 text-[13px] text-[var(--muted)]">
        Drag onto the canvas, or focus and press Enter. Drop inside a subnet or pipeline to put it there.
      </p>
    </nav>
  );
}
