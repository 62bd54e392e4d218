import { type ReactNode, useEffect, useRef } from 'react';

/** A modal dialog: focus moves in, Escape (handled globally) closes, the backdrop closes. */
export function Modal({
  title,
  onClose,
  children,
  wide,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const prev = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('button, [href], input, select, textarea')?.focus();
    return () => prev?.focus?.();
  }, []);
  return (
    <div
      className="backdrop"
      onPointerDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby="dialog-title"
        className={`dialog ${wide ? 'max-w-[980px]' : 'max-w-[620px]'}`}
      >
        <div className="mb-4 flex items-center gap-3">
          <h2 id="dialog-title" className="flex-1 text-xl font-bold">
            {title}
          </h2>
          <button type="button" className="btn-ghost" aria-label="Close" onClick={onClose}>
            ✕
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
