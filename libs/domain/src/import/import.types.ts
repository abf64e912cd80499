import { BusinessDate } from '../shared/business-date';
import { Lid, Soort } from '../item/item.types';

/** The status a document gives an item, in the register's words. */
export type VoorstelStatus = 'afgedaan' | 'deels-afgedaan' | 'in-behandeling';

/** What a document says about one item, as the reader found it (and, once accepted, as the clerk settled it). */
export interface VoorstelGegevens {
  readonly soort: Soort;
  readonly nummer: string | null;
  /** The number exactly as the document wrote it. */
  readonly nummerInBron: string | null;
  readonly vergaderjaar: string | null;
  readonly titel: string;
  readonly leden: readonly Lid[];
  readonly status: VoorstelStatus | null;
  /** `behandeld`: the document reports on it; `genoemd`: it refers to it in passing. */
  readonly rol: 'behandeld' | 'genoemd';
  readonly regel: number;
  readonly bewijs: string;
  readonly bewijsRegel: number;
  readonly thema: string | null;
  readonly debat: string | null;
  readonly datum: BusinessDate | null;
  readonly tekst: string;
  readonly afgedaanIn: string | null;
  readonly zekerheid: number;
}

/** The register item a proposal was matched to when it was read in, and how sure that match is. */
export interface VoorstelMatch {
  readonly itemId: string;
  readonly nummer: string;
  readonly titel: string;
  /** 0..1 */
  readonly score: number;
  /** `kamer`: the item an earlier proposal of the same Kamer record was accepted or merged into. */
  readonly op: 'nummer' | 'titel-en-leden' | 'kamer';
}

export interface Voorstel {
  /** Stable within its batch ("1", "2", …): ids of accepted items and their events derive from it. */
  readonly voorstelId: string;
  readonly gegevens: VoorstelGegevens;
  readonly match: VoorstelMatch | null;
  readonly waarschuwingen: readonly string[];
  /** A proposal from the Tweede Kamer's open data: the record it came from. */
  readonly kamer?: KamerHerkomst;
  /** A correction of the registration the source asks for (the Kamer changed the text of a toezegging the register took from it). */
  readonly correcties?: { readonly tekst?: string };
  /** What this proposal says itself over the batch's defaults (a Kamer record has its own date and bewindspersoon). */
  readonly standaard?: Partial<Pick<ImportStandaard, 'datum' | 'bewindspersoon' | 'referentie'>>;
}

/** The Kamer's entity sets the link reads: a Toezegging, or the Besluit (vote) that adopted a motie. */
export type KamerEntiteit = 'Toezegging' | 'Besluit';
/** The link's feeds, each with its own watermark. */
/** `controle`: the register's own TZ numbers the Kamer was asked about (its watermark: when it last asked). */
export type KamerFeed = 'toezegging' | 'besluit' | 'controle';

/** The Kamer record behind a proposal, and which version of it. */
export interface KamerHerkomst {
  readonly entiteit: KamerEntiteit;
  /** The record's Id in the Gegevensmagazijn. */
  readonly id: string;
  /** Hash of the fields that matter: a change of GewijzigdOp alone is no new version. */
  readonly versie: string;
  readonly apiGewijzigdOp: string;
  /** The Kamer's own status word (Openstaand, Afgedaan, …), or null. */
  readonly status: string | null;
}

/** What the link knows of one Kamer record, version by version: so a record read again is not proposed again. */
export interface KamerStand {
  readonly kamerId: string;
  readonly entiteit: KamerEntiteit;
  readonly versie: string;
  readonly nummer: string | null;
  /** The number as the register writes it (a padded TZ serial without its zeros); null when it is none the register takes. */
  readonly registerNummer?: string | null;
  readonly status: string | null;
  /** The Dutch day the Kamer says it was fulfilled (DatumNakoming), if any. */
  readonly datumNakoming?: string | null;
  readonly ministerie: string | null;
  readonly verwijderd: boolean;
  readonly apiGewijzigdOp: string;
  /** The proposal this version made, if it made one. */
  readonly voorstelId: string | null;
  /** Hash of the Kamer's text of this version: a correction is proposed only when the Kamer's own text changed. */
  readonly tekstHash?: string;
}

export interface ImportBron {
  /** Absent in events of before the Kamer link: a document. */
  readonly soort?: 'document' | 'tweede-kamer';
  readonly bestandsnaam: string;
  readonly formaat: string;
  /** Hex SHA-256 of the uploaded bytes: the batch's identity. */
  readonly sha256: string;
  readonly bytes: number;
}

/** What the document does not say and the clerk gave at upload, or what was read from the letter. */
export interface ImportStandaard {
  /** The report's date: the business date of every status change it proposes. */
  readonly datum: BusinessDate;
  readonly bewindspersoon: string;
  readonly ministerie: string;
  /** Used when an item stands under no section heading. */
  readonly thema: string;
  /** How the register names the document in an afdoening ("Tweede halfjaarbericht politie 2022 (kenmerk 4320197)"). */
  readonly referentie: string;
}

/** `besloten`: a clerk's acceptance or merge is recorded and its register steps are under way. */
/**
 * `vervangen`: a newer version of the same Kamer record took its place before anyone decided;
 * `ingetrokken`: the Kamer deleted the record, or it is no longer this ministry's, before anyone decided.
 */
export type Afhandeling = 'open' | 'besloten' | 'aanvaard' | 'samengevoegd' | 'afgewezen' | 'vervangen' | 'ingetrokken';

/** What a clerk decided for a proposal, recorded before any register step runs, so that one decision wins. */
export interface VoorstelBesluit {
  readonly afhandeling: 'aanvaard' | 'samengevoegd';
  /** The item it lands on: one the register holds, or the id it is registered under. */
  readonly itemId: string;
  readonly registreren: boolean;
  readonly gegevens: VoorstelGegevens;
  readonly gewijzigdeVelden: readonly string[];
}

/** The fields a clerk may change before accepting. */
export const WIJZIGBARE_VOORSTELVELDEN = ['soort', 'nummer', 'vergaderjaar', 'titel', 'leden', 'status', 'thema', 'debat', 'datum', 'tekst'] as const;
export type WijzigbaarVoorstelveld = (typeof WIJZIGBARE_VOORSTELVELDEN)[number];
export type VoorstelWijzigingen = Partial<Pick<VoorstelGegevens, WijzigbaarVoorstelveld>>;
