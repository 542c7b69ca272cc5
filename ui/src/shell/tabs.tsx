import { useRef, type ReactNode } from 'react';

export interface Tab<K extends string> {
  key: K;
  label: string;
}

/** WAI-ARIA tabs: arrow keys move between tabs, the panel follows. */
export function Tabs<K extends string>({
  tabs,
  active,
  onChange,
  idPrefix,
  children,
}: {
  tabs: Tab<K>[];
  active: K;
  onChange: (k: K) => void;
  idPrefix: string;
  children: ReactNode;
}) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const move = (delta: number) => {
    const i = tabs.findIndex((t) => t.key === active);
    const next = tabs[(i + delta + tabs.length) % tabs.length];
    if (next) {
      onChange(next.key);
      refs.current[next.key]?.focus();
    }
  };
  return (
    <>
      <div role="tablist" className="tabs">
        {tabs.map((t) => (
          <button
            key={t.key}
            ref={(el) => {
              refs.current[t.key] = el;
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${t.key}`}
            aria-controls={`${idPrefix}-panel`}
            aria-selected={t.key === active}
            tabIndex={t.key === active ? 0 : -1}
            className={`tab${t.key === active ? ' is-active' : ''}`}
            onClick={() => onChange(t.key)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight') move(1);
              else if (e.key === 'ArrowLeft') move(-1);
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-tab-${active}`} className="tab-panel">
        {children}
      </div>
    </>
  );
}
