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

/** The owner inside the ministry. */
export interface Behandelaar {
  readonly naam: string;
  readonly email: string;
  readonly directie: string;
  readonly afdeling: string | null;
}

export const behandelaarNl = (b: Behandelaar) => `${b.naam}, ${b.directie}${b.afdeling ? ` (${b.afdeling})` : ''}`;

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
  readonly behandelaar: Behandelaar | null;
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
  readonly bron?: string;
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

/** Loose, as the API's domain check; the API says exactly what is wrong. */
export const emailControle = (w: string) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(w) ? undefined : 'moet een e-mailadres zijn, zoals j.devries@example.org');

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

/** A document read into the inbox, as the list of imports shows it. */
export interface ImportSamenvatting {
  readonly batchId: string;
  readonly bestandsnaam: string;
  readonly formaat: 'txt' | 'docx' | 'pdf' | 'xlsx' | 'csv' | 'odata';
  readonly sha256: string;
  readonly bytes: number;
  readonly ingelezenDoor: string;
  readonly ingelezenOp: string;
  /** The report's date: the business date of what it proposes. */
  readonly datum: string;
  readonly referentie: string;
  readonly aantal: number;
  readonly open: number;
}

export type VoorstelStatus = 'afgedaan' | 'deels-afgedaan' | 'in-behandeling';
export type Afhandeling = 'open' | 'besloten' | 'aanvaard' | 'samengevoegd' | 'afgewezen' | 'vervangen' | 'ingetrokken';

/** What the reader found for one item; `regel` and `bewijsRegel` are 1-based lines of the import's `regels`. */
export interface VoorstelGegevens {
  readonly soort: 'motie' | 'toezegging';
  readonly nummer: string | null;
  readonly nummerInBron: string | null;
  readonly vergaderjaar: string | null;
  readonly titel: string;
  readonly leden: readonly Lid[];
  readonly status: VoorstelStatus | null;
  readonly rol: 'behandeld' | 'genoemd';
  readonly regel: number;
  readonly bewijs: string;
  readonly bewijsRegel: number;
  readonly thema: string | null;
  readonly debat: string | null;
  readonly datum: string | null;
  readonly tekst: string;
  readonly afgedaanIn: string | null;
  readonly zekerheid: number;
}

export interface Voorstel {
  /** `<batchId>.<n>`: the proposal's address in the API. */
  readonly id: string;
  readonly batchId: string;
  readonly voorstelId: string;
  readonly soortVoorstel: 'registratie' | 'statuswijziging';
  readonly gegevens: VoorstelGegevens;
  readonly match: { readonly itemId: string; readonly nummer: string; readonly titel: string; readonly score: number; readonly op: 'nummer' | 'titel-en-leden' | 'kamer' } | null;
  readonly waarschuwingen: readonly string[];
  /** A correction of the registration the source asks for (the Kamer changed the text). */
  readonly correcties: { readonly tekst?: string } | null;
  /** From the Tweede Kamer's open data: the record it came from. */
  readonly kamer: { readonly entiteit: string; readonly id: string; readonly status: string | null; readonly url: string } | null;
  readonly afhandeling: Afhandeling;
  readonly itemId: string | null;
  readonly reden: string | null;
  readonly stappen: readonly string[];
  readonly gewijzigdeVelden: readonly string[];
  readonly afgehandeldDoor: string | null;
  readonly afgehandeldOp: string | null;
}

export interface ImportDetail extends ImportSamenvatting {
  readonly brief: { readonly datum: string | null; readonly kenmerk: string | null; readonly onderwerp: string | null };
  readonly waarschuwingen: readonly string[];
  readonly aanvullendeZaken: readonly { readonly titel: string; readonly regel: number }[];
  readonly alBekend: number;
  readonly voorstellen: readonly Voorstel[];
  /** The document's text by line: `regels[0]` is line 1. */
  readonly regels: readonly string[];
  readonly positie: string;
}

export interface Ingelezen {
  readonly batchId: string;
  /** False when this very document was read before: nothing new was proposed. */
  readonly nieuw: boolean;
  readonly voorstellen: number;
  readonly alBekend: number;
  readonly positie: string;
}

export interface AfhandelingAntwoord {
  readonly id: string;
  readonly afhandeling: Exclude<Afhandeling, 'open'>;
  readonly itemId: string | null;
  readonly stappen: readonly string[];
  readonly positie: string;
}

export interface BulkAanvaarding {
  readonly aanvaard: readonly AfhandelingAntwoord[];
  readonly mislukt: readonly { readonly id: string; readonly code: string; readonly melding: string }[];
  readonly positie: string;
}
