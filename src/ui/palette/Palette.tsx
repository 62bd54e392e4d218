import { useMemo, useRef, useState } from 'react';
import { GROUP_LABELS, KIND_DEFS } from '../../catalog/kinds';
import type { Group, KindDef } from '../../catalog/types';
import { useEditorState } from '../state/context';
import { PaletteItem } from './PaletteItem';

const ORDER: Group[] = ['D1', 'D2', 'D3', 'D4', 'NET'];

const matches = (k: KindDef, q: string) => !q || `${k.label} ${k.kind} ${k.description}`.toLowerCase().includes(q);

/** How long typed letters keep adding to one type-ahead search (ms). */
const TYPEAHEAD_MS = 700;

/**
 * The palette: every kind, grouped by exam domain, with search. A listbox: ↑/↓ move, Home/End jump, typing
 * letters jumps to the next component whose name starts with them, Enter adds; or drag onto the canvas.
 */
export function Palette() {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const typed = useRef({ text: '', at: 0 });
  const list = useRef<HTMLDivElement>(null);
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
  const flat = useMemo(() => groups.flatMap((g) => g.kinds), [groups]);
  const current = Math.min(active, Math.max(0, flat.length - 1));

  const focusAt = (i: number) => {
    const n = Math.max(0, Math.min(flat.length - 1, i));
    setActive(n);
    list.current?.querySelectorAll<HTMLElement>('[role=option]')[n]?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const move: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: flat.length - 1,
      PageDown: current + 8,
      PageUp: current - 8,
    };
    if (e.key in move) {
      e.preventDefault();
      e.stopPropagation();
      if (e.key === 'ArrowUp' && current === 0) document.getElementById('palette-search')?.focus();
      else focusAt(move[e.key]);
      return;
    }
    if (e.key.length === 1 && /\S/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      e.stopPropagation();
      const now = performance.now();
      const t = typed.current;
      t.text = now - t.at < TYPEAHEAD_MS ? t.text + e.key.toLowerCase() : e.key.toLowerCase();
      t.at = now;
      // a repeated single letter cycles through the names that start with it
      const start = t.text.length === 1 ? current + 1 : current;
      for (let k = 0; k < flat.length; k++) {
        const i = (start + k) % flat.length;
        if (flat[i].label.toLowerCase().startsWith(t.text)) return focusAt(i);
      }
    }
  };

  let index = 0;
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
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && flat.length) {
              e.preventDefault();
              focusAt(0);
            }
          }}
          placeholder="Search components"
          title="Search by name, kind or what it does (e.g. endpoint, KMS)"
          className="field w-full"
        />
      </div>
      <div
        ref={list}
        role="listbox"
        aria-label="Components: arrows move, Enter adds"
        className="min-h-0 flex-1 overflow-y-auto px-2 pb-4"
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          const i = [...(list.current?.querySelectorAll('[role=option]') ?? [])].indexOf(e.target as Element);
          if (i >= 0 && i !== current) setActive(i);
        }}
      >
        {groups.map(({ g, kinds }) => (
          <ul key={g} role="group" aria-labelledby={`pal-${g}`} className="mt-3">
            <li
              role="presentation"
              id={`pal-${g}`}
              className="px-2 pb-1 text-[13px] font-semibold uppercase tracking-wide text-[var(--muted)]"
            >
              {GROUP_LABELS[g]}
            </li>
            {kinds.map((k) => (
              <PaletteItem key={k.kind} def={k} active={index++ === current} />
            ))}
          </ul>
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
        Drag onto the canvas, or pick with ↑ ↓ and press Enter. Drop inside a subnet or pipeline to put it there.
      </p>
    </nav>
  );
}
