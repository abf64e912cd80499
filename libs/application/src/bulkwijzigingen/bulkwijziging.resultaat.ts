import { BulkItem, BulkOpdracht, BulkSoort, BulkwijzigingBeslotenData, BulkwijzigingState, OvergeslagenItem, Uitkomst } from '@register/domain';
import { StoredEvent } from '@register/event-store';

/** An item of a bulk change with what became of it (null while the change is still running). */
export interface BulkItemResultaat extends BulkItem {
  readonly uitkomst: Uitkomst | null;
  readonly code: string | null;
  readonly melding: string | null;
  readonly revisie: number | null;
  readonly positie: string | null;
}

/** A bulk change as its own stream tells it: the decision, and per item the outcome. */
export interface BulkResultaat {
  readonly id: string;
  readonly soort: BulkSoort;
  readonly status: 'in-uitvoering' | 'afgerond';
  readonly opdracht: BulkOpdracht;
  readonly beslotenDoor: string;
  readonly beslotenOp: string;
  readonly afgerondOp: string | null;
  readonly items: readonly BulkItemResultaat[];
  readonly overgeslagen: readonly OvergeslagenItem[];
  readonly aantalOvergeslagen: number;
  readonly telling: { readonly uitgevoerd: number; readonly alGedaan: number; readonly geweigerd: number };
  /** The last position this change wrote: wait for it (minimalePositie) to see every item changed in the register. */
  readonly positie: string;
}

/**
 * What a bulk change would do, before it does it; `eerder` when this very request was decided
 * before. `id`: the one it gets when carried out with the preview's Idempotency-Key; null without a key.
 */
export interface BulkVoorbeeld {
  readonly id: string | null;
  readonly soort: BulkSoort;
  readonly opdracht: BulkOpdracht;
  readonly items: readonly BulkItem[];
  readonly overgeslagen: readonly OvergeslagenItem[];
  readonly aantalOvergeslagen: number;
  readonly eerder: { readonly status: 'in-uitvoering' | 'afgerond'; readonly beslotenDoor: string; readonly beslotenOp: string } | null;
}

/**
 * The result from the stream's events alone, so every request for the same change (the first, a
 * retry, a concurrent twin, a GET) answers the very same thing.
 */
export function resultaatVan(state: Exclude<BulkwijzigingState, { status: 'Nieuw' }>, events: readonly StoredEvent[]): BulkResultaat {
  const besluit: BulkwijzigingBeslotenData = state.besluit;
  const besloten = events.find((e) => e.type === 'BulkwijzigingBesloten')!;
  const afgerond = events.find((e) => e.type === 'BulkwijzigingAfgerond');
  const uitkomsten = state.status === 'Afgerond' ? state.uitkomsten : [];
  const items = besluit.items.map((item, i): BulkItemResultaat => {
    const u = uitkomsten[i];
    return { ...item, uitkomst: u?.uitkomst ?? null, code: u?.code ?? null, melding: u?.melding ?? null, revisie: u?.revisie ?? null, positie: u?.positie ?? null };
  });
  const tel = (uitkomst: Uitkomst) => uitkomsten.filter((u) => u.uitkomst === uitkomst).length;
  return {
    id: besluit.bulkwijzigingId,
    soort: besluit.opdracht.soort,
    status: state.status === 'Afgerond' ? 'afgerond' : 'in-uitvoering',
    opdracht: besluit.opdracht,
    beslotenDoor: besloten.metadata.actor,
    beslotenOp: besloten.metadata.recordedAt,
    afgerondOp: afgerond?.metadata.recordedAt ?? null,
    items,
    overgeslagen: besluit.overgeslagen,
    aantalOvergeslagen: besluit.aantalOvergeslagen,
    telling: { uitgevoerd: tel('uitgevoerd'), alGedaan: tel('al-gedaan'), geweigerd: tel('geweigerd') },
    positie: events[events.length - 1].position.toString(),
  };
}
