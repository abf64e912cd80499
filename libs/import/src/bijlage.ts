/*
 * What reading a document yields: the moties and toezeggingen it handles or mentions, the
 * aanvullende zaken, and warnings. This is the contract between the readers (this library) and the
 * inbox (the application layer), and the `bijlage-lezen --json` output is its public subset.
 */

export type GelezenSoort = 'motie' | 'toezegging';
export type GelezenStatus = 'afgedaan' | 'deels-afgedaan' | 'in-behandeling';
/** `behandeld`: the document reports on the item; `genoemd`: it only refers to it in passing. */
export type GelezenRol = 'behandeld' | 'genoemd';

export interface GelezenLid {
  readonly naam: string;
  readonly fractie: string | null;
}

export interface GelezenItem {
  readonly soort: GelezenSoort;
  /** A valid Kamer number (`29628-1230`, `35925-VI-96`, `TZ202412-156`), or null. */
  readonly nummer: string | null;
  /** The number exactly as the source wrote it, also when it is not valid; null when it gave none. */
  readonly nummerInBron: string | null;
  /** `2021/22`, or null. */
  readonly vergaderjaar: string | null;
  readonly titel: string;
  readonly leden: readonly GelezenLid[];
  readonly status: GelezenStatus | null;
  readonly rol: GelezenRol;
  /** 1-based line in `GelezenDocument.regels` where the item starts (a spreadsheet: its row). */
  readonly regel: number;
  /** The sentence that shows the status (or, without one, the line that names the item). */
  readonly bewijs: string;
  /** 1-based line of `bewijs`. */
  readonly bewijsRegel: number;
  /** The section heading the item stands under (a theme), or null. */
  readonly thema: string | null;
  /** The debate or vindplaats ("tweeminutendebat Politie 28 mei 2025", "Kamerstukken II 2021/22, 35925-VI, nr. 96"), or null. */
  readonly debat: string | null;
  /** The business date of the debate or motion (JJJJ-MM-DD) where the text gives one, or null. */
  readonly datum: string | null;
  /** The item's own text in this document (its section), for the register's progress trail. */
  readonly tekst: string;
  /** Where the document says it was done (a Kamerstuk, a letter), when afgedaan; else null. */
  readonly afgedaanIn: string | null;
  /** 0..1: how sure the reader is of kind, number and status together. */
  readonly zekerheid: number;
}

export interface AanvullendeZaak {
  readonly titel: string;
  readonly regel: number;
}

/** What the letter says about itself, where it says it. */
export interface Brief {
  /** The letter's date (JJJJ-MM-DD), e.g. from "Datum 15 december 2022"; null when not found. */
  readonly datum: string | null;
  readonly kenmerk: string | null;
  readonly onderwerp: string | null;
}

export type DocumentFormaat = 'txt' | 'docx' | 'pdf' | 'xlsx' | 'csv';

export interface GelezenDocument {
  readonly formaat: DocumentFormaat;
  /** The text the reader produced, one entry per line; `regel` numbers index it from 1. */
  readonly regels: readonly string[];
  readonly brief: Brief;
  readonly items: readonly GelezenItem[];
  readonly aanvullendeZaken: readonly AanvullendeZaak[];
  readonly waarschuwingen: readonly string[];
}

/** The `bijlage-lezen --json` output, exactly as the issue specifies it. */
export interface BijlageJson {
  readonly items: ReadonlyArray<{
    soort: GelezenSoort;
    nummer: string | null;
    nummerInBron: string | null;
    vergaderjaar: string | null;
    titel: string;
    leden: GelezenLid[];
    status: GelezenStatus | null;
    rol: GelezenRol;
    regel: number;
    bewijs: string;
  }>;
  readonly aanvullendeZaken: ReadonlyArray<{ titel: string; regel: number }>;
  readonly waarschuwingen: readonly string[];
}

export function alsBijlageJson(document: GelezenDocument): BijlageJson {
  return {
    items: document.items.map((i) => ({
      soort: i.soort,
      nummer: i.nummer,
      nummerInBron: i.nummerInBron,
      vergaderjaar: i.vergaderjaar,
      titel: i.titel,
      leden: i.leden.map((l) => ({ naam: l.naam, fractie: l.fractie })),
      status: i.status,
      rol: i.rol,
      regel: i.regel,
      bewijs: i.bewijs,
    })),
    aanvullendeZaken: document.aanvullendeZaken.map((z) => ({ titel: z.titel, regel: z.regel })),
    waarschuwingen: [...document.waarschuwingen],
  };
}
