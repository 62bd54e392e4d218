import { ACTIONS, GESTURES } from '../actions/registry';
import { useUi } from '../state/context';
import { Modal } from './Modal';

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const show = (k: string) => k.replaceAll('Mod', mac ? '⌘' : 'Ctrl');

/** The rows of the `?` sheet: every key action of the registry, then the pointer gestures. */
export const SHEET_ROWS: readonly { id: string; keys: string; label: string }[] = [
  ...ACTIONS.map((a) => ({ id: a.name, keys: a.keys, label: a.label })),
  ...GESTURES.map((g) => ({ id: g.keys, keys: g.keys, label: g.label })),
];

/** The `?` sheet: every keyboard shortcut, generated from the action registry. */
export function ShortcutSheet() {
  const ui = useUi();
  return (
    <Modal title="Keyboard shortcuts" onClose={() => ui.setDialog(null)}>
      <table className="w-full">
        <tbody>
          {SHEET_ROWS.map((s) => (
            <tr key={s.id} className="border-b border-[var(--line)]">
              <td className="py-2 pr-4">
                <kbd>{show(s.keys)}</kbd>
              </td>
              <td className="py-2">{s.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
