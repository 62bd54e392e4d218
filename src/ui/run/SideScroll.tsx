import { type ReactNode, useEffect, useRef, useState } from 'react';

/** Which sides of a box scrolled sideways still hide content. */
export interface Hidden {
  left: boolean;
  right: boolean;
}

/** What a sideways scroller hides, from its scroll position and sizes (a pixel of rounding is not hidden). */
export function hiddenSides(scrollLeft: number, scrollWidth: number, clientWidth: number): Hidden {
  return { left: scrollLeft > 1, right: scrollLeft + clientWidth < scrollWidth - 1 };
}

/** The two cues: the side that hides columns, which way the button scrolls, what it says. */
const CUES = [
  { side: 'left', dir: -1, glyph: '‹', label: 'Scroll left', title: 'Scroll left' },
  {
    side: 'right',
    dir: 1,
    glyph: '›',
    label: 'More columns: scroll right',
    title: 'More columns: scroll right (or focus the table and press →)',
  },
] as const;

/**
 * A wide table in a narrow panel: it scrolls sideways, and says so — the hidden side fades and carries a button
 * (‹ or ›) that scrolls by most of a screen; the box itself takes the keyboard focus (← → scroll it).
 */
export function SideScroll({
  label,
  className,
  testId,
  hidden: hide = false,
  children,
}: {
  label: string;
  className?: string;
  testId?: string;
  /** Keep it in the layout's place but not shown (nothing to scroll). */
  hidden?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState<Hidden>({ left: false, right: false });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const h = hiddenSides(el.scrollLeft, el.scrollWidth, el.clientWidth);
      setHidden((o) => (o.left === h.left && o.right === h.right ? o : h));
    };
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    ro?.observe(el);
    if (el.firstElementChild) ro?.observe(el.firstElementChild);
    return () => {
      el.removeEventListener('scroll', measure);
      ro?.disconnect();
    };
  }, []);
  const by = (dir: 1 | -1) => {
    const el = ref.current;
    if (el) el.scrollBy({ left: dir * Math.max(80, el.clientWidth * 0.7), behavior: 'smooth' });
  };
  return (
    <div
      className={`side-scroll ${hidden.left ? 'more-left' : ''} ${hidden.right ? 'more-right' : ''}`}
      data-testid={testId}
      hidden={hide}
    >
      <div
        ref={ref}
        className={`side-scroll-box ${className ?? ''}`}
        role="region"
        aria-label={label}
        tabIndex={hidden.left || hidden.right ? 0 : -1}
      >
        {children}
      </div>
      {CUES.filter((c) => hidden[c.side]).map((c) => (
        <button
          key={c.side}
          type="button"
          className={`side-scroll-btn is-${c.side}`}
          tabIndex={-1}
          aria-label={c.label}
          title={c.title}
          onClick={() => by(c.dir)}
        >
          {c.glyph}
        </button>
      ))}
    </div>
  );
}
