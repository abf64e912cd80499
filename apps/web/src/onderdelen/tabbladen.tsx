import { KeyboardEvent, ReactNode, useRef } from 'react';

export interface Tabblad {
  readonly id: string;
  readonly label: string;
}

interface Props {
  /** Names the row of tabs for a screen reader: "Onderdelen van dit halfjaarbericht". */
  readonly label: string;
  readonly tabbladen: readonly Tabblad[];
  readonly actief: string;
  readonly onKies: (id: string) => void;
}

export const tabId = (id: string) => `tab-${id}`;
export const paneelId = (id: string) => `paneel-${id}`;

/**
 * A row of tabs after the WAI-ARIA pattern: Tab reaches the chosen tab only, the arrow keys (and Home,
 * End) move between tabs and show the one they land on, Tab again goes into its panel.
 */
export function Tabbladen({ label, tabbladen, actief, onKies }: Props) {
  const rij = useRef<HTMLDivElement>(null);
  const naar = (index: number) => {
    const tab = tabbladen[(index + tabbladen.length) % tabbladen.length];
    onKies(tab.id);
    rij.current?.querySelector<HTMLElement>(`#${tabId(tab.id)}`)?.focus();
  };
  const toets = (e: KeyboardEvent, index: number) => {
    const stap = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabbladen.length - 1 }[e.key];
    if (stap === undefined) return;
    e.preventDefault();
    naar(stap);
  };
  return (
    <div ref={rij} role="tablist" aria-label={label} className="tabbladen">
      {tabbladen.map((t, index) => (
        <button
          key={t.id}
          id={tabId(t.id)}
          type="button"
          role="tab"
          aria-selected={t.id === actief}
          aria-controls={paneelId(t.id)}
          tabIndex={t.id === actief ? 0 : -1}
          className="tabbladen__tab"
          onClick={() => onKies(t.id)}
          onKeyDown={(e) => toets(e, index)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

/** A tab's panel. It stays in the page when another tab is shown (hidden), so input in it is kept. */
export function Tabpaneel({ id, actief, children }: { id: string; actief: string; children: ReactNode }) {
  return (
    <div id={paneelId(id)} role="tabpanel" aria-labelledby={tabId(id)} tabIndex={0} hidden={id !== actief} className="tabpaneel">
      {children}
    </div>
  );
}
