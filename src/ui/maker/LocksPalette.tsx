import { KIND_DEFS } from '../../catalog/kinds';
import type { Kind } from '../../catalog/types';
import type { ArchDoc } from '../../model/schema';
import type { Draft } from './build';
import type { MakerStore } from './store';

/** Which nodes the player may not delete or move out, and which kinds they may add. */
export function LocksPalette({ store, draft, broken }: { store: MakerStore; draft: Draft; broken: ArchDoc }) {
  const lock = (id: string, on: boolean) =>
    store.edit({ locked: on ? [...draft.locked, id] : draft.locked.filter((x) => x !== id) });
  const pal = draft.palette;
  const kind = (k: Kind, on: boolean) =>
    store.edit({ palette: on ? [...(pal ?? []), k] : (pal ?? []).filter((x) => x !== k) });
  return (
    <>
      <p className="mk-sub">
        Locked components{' '}
        <button type="button" className="mk-link" onClick={() => store.edit({ locked: broken.nodes.map((n) => n.id) })}>
          all
        </button>{' '}
        ·{' '}
        <button type="button" className="mk-link" onClick={() => store.edit({ locked: [] })}>
          none
        </button>
      </p>
      <div className="mk-grid" data-testid="locks">
        {broken.nodes.map((n) => (
          <label key={n.id} className="mk-check">
            <input
              type="checkbox"
              checked={draft.locked.includes(n.id)}
              onChange={(e) => lock(n.id, e.target.checked)}
            />
            <span className="truncate">{n.label ?? n.id}</span>
          </label>
        ))}
      </div>
      <p className="mk-sub">The player may add</p>
      <label className="mk-check">
        <input
          type="checkbox"
          checked={pal === null}
          onChange={(e) => store.edit({ palette: e.target.checked ? null : [] })}
        />
        <span>any component</span>
      </label>
      {pal !== null && (
        <div className="mk-grid mk-kinds" data-testid="palette-kinds">
          {KIND_DEFS.map((k) => (
            <label key={k.kind} className="mk-check">
              <input type="checkbox" checked={pal.includes(k.kind)} onChange={(e) => kind(k.kind, e.target.checked)} />
              <span className="truncate">{k.label}</span>
            </label>
          ))}
        </div>
      )}
    </>
  );
}
