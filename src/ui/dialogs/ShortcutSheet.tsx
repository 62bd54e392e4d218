import { SHORTCUTS } from '../shortcuts';
import { useEditor } from '../state/context';
import { Modal } from './Modal';

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const show = (k: string) => k.replaceAll('Mod', mac ? '⌘' : 'Ctrl');

/** The `?` sheet: every keyboard shortcut. */
export function ShortcutSheet() {
  const editor = useEditor();
  return (
    <Modal title="Keyboard shortcuts" onClose={() => editor.setDialog(null)}>
      <table className="w-full">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys} className="border-b border-[var(--line)]">
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
