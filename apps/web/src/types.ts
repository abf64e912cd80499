/** The API's answers as the pages use them (see /api/docs for the full description). */
export interface Lid {
  readonly naam: string;
  readonly fractie: string | null;
}

export interface Wijze {
  readonly soort: 'kamerstuk' | 'halfjaarbericht' | 'brief-ander-ministerie';
  readonly referentie: string;
  readonly ministerie?: string;
}

/** An item as the register lists it (`weergave=kort`): no texts, progress, afdoening or links. */
export interface ItemKort {
  readonly itemId: string;
  readonly soort: 'motie' | 'toezegging';
  readonly nummer: string;
  readonly nummerBron: 'kamer' | 'intern';
  readonly vergaderjaar: string | null;
  readonly titel: string;
  readonly datum: string;
  readonly leden: readonly Lid[];
  readonly bewindspersoon: string;
  readonly ministerie: string;
  readonly thema: string;
  readonly status: 'InBehandeling' | 'DeelsAfgedaan' | 'Afgedaan' | 'Vervallen';
  readonly termijn: { readonly omschrijving: string; readonly datum: string | null } | null;
  readonly achterstallig: boolean;
  readonly revisie: number;
  readonly laatsteWijziging: { readonly op: string; readonly event: string; readonly door: string };
}

export interface Item extends ItemKort {
  readonly tekst: string;
  readonly debat: string;
  readonly voortgang: readonly { readonly datum: string; readonly tekst: string }[];
  readonly afdoening: { readonly datum: string; readonly wijze: Wijze; readonly toelichting: string } | null;
  readonly deelAfdoeningen: readonly { readonly datum: string; readonly deel: string; readonly bewijs: Wijze }[];
  readonly heropendOp: string | null;
  readonly vervallenReden: string | null;
  readonly koppelingen: readonly { readonly relatie: string; readonly doelItemId: string; readonly doelNummer: string }[];
  readonly geregistreerdOp: string;
}

/** A page of the register, asked for in the short view. */
export interface ItemPagina {
  readonly items: ItemKort[];
  readonly totaal: number;
  readonly pagina: number;
  readonly perPagina: number;
  readonly peildatum: string;
  readonly positie: string;
}

export interface OpdrachtAntwoord {
  readonly itemId?: string;
  readonly berichtId?: string;
  readonly nummer?: string;
  readonly revisie: number;
  readonly positie: string;
}

export interface HistorieEvent {
  readonly revisie: number;
  readonly positie: string;
  readonly event: string;
  readonly vastgelegdOp: string;
  readonly door: string;
  readonly datum?: string;
  readonly samenvatting: string;
  readonly reden?: string;
  readonly wijzigingen?: readonly { readonly veld: string; readonly oud: unknown; readonly nieuw: unknown }[];
}

export const STATUS_LABEL: Record<Item['status'], string> = {
  InBehandeling: 'In behandeling',
  DeelsAfgedaan: 'Deels afgedaan',
  Afgedaan: 'Afgedaan',
  Vervallen: 'Vervallen',
};

export const isOpen = (item: ItemKort) => item.status === 'InBehandeling' || item.status === 'DeelsAfgedaan';

export function datumNl(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return iso.length === 10
    ? d.toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    : d.toLocaleString('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function vandaag(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
