import { useMemo, useState } from 'react';
import { shareHash } from '../../model/share';
import { useEditor, useUi } from '../state/context';
import { Modal } from './Modal';

/** A link carrying the whole document (compressed in the URL fragment: it never reaches a server). */
export function ShareDialog() {
  const editor = useEditor();
  const ui = useUi();
  const doc = editor.getState().doc;
  const r = useMemo(() => shareHash(doc), [doc]);
  const [copied, setCopied] = useState(false);
  const url = r.ok ? `${location.origin}${location.pathname}${r.hash}` : '';
  return (
    <Modal title="Share link" onClose={() => ui.setDialog(null)}>
      {r.ok ? (
        <>
          <p className="mb-2 text-[var(--muted)]">
            Anyone who opens this link gets a copy of this architecture ({url.length.toLocaleString('en')} characters).
          </p>
          <label htmlFor="share-url" className="sr-only">
            Share link
          </label>
          <textarea
            id="share-url"
            readOnly
            rows={4}
            className="field w-full font-mono text-[13px]"
            value={url}
            data-testid="share-url"
            onFocus={(e) => e.target.select()}
          />
          <button
            type="button"
            className="btn mt-3"
            onClick={() =>
              void navigator.clipboard?.writeText(url).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {copied ? 'Copied' : 'Copy link'}
          </button>
        </>
      ) : (
        <p role="alert" className="text-[var(--err)]">
          {r.reason}
        </p>
      )}
    </Modal>
  );
}
