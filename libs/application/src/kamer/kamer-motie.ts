import { BusinessDate, KamerStand, Lid, Voorstel, VoorstelGegevens, isKamerstukNummer } from '@register/domain';
import { canonicalJson } from '@register/event-store';
import { createHash } from 'node:crypto';
import { OngeldigKamerRecordError, nederlandseDatum, normaliseerTijd } from './kamer-toezegging';
import { Ruw, code, entiteiten, kamerId, object, tekst } from './kamer-velden';

/*
 * A Besluit (a decision of the Kamer, here: a vote on a motie) of the Gegevensmagazijn, read into a
 * proposal to register the adopted motie. The Kamerstuk number is the dossier's number, its
 * toevoeging and the motie document's volgnummer ("Kamerstuk: vervalt, het volgnummer staat
 * voortaan bij Document"). Field names are the service's (docs/ontwerp/kamer-koppeling.md, 1.1).
 */

/** The dossiers TK_DOSSIERS names: number and toevoeging ("35925-VI"), as the register writes them. */
export function leesDossiers(waarde: string | undefined): Set<string> {
  return new Set((waarde ?? '').split(',').map((d) => d.trim().toUpperCase()).filter(Boolean));
}

export interface KamerBesluit {
  readonly id: string;
  readonly apiGewijzigdOp: string;
  readonly verwijderd: boolean;
  /** BesluitSoort: "Stemmen - aangenomen", "Stemmen - verworpen", … */
  readonly soort: string | null;
  /** "Besluit" once taken; "Voorstel" and the like before. */
  readonly status: string | null;
  /** The day of the vote (the agenda point's activity). */
  readonly stemdatum: BusinessDate | null;
  readonly zaken: readonly KamerMotieZaak[];
}

export interface KamerMotieZaak {
  readonly id: string;
  readonly nummer: string | null;
  readonly titel: string | null;
  readonly onderwerp: string | null;
  readonly vergaderjaar: string | null;
  /** `<dossier>[-<toevoeging>]-<volgnummer>`, from the motie's own document; null when it cannot be made. */
  readonly kamerstuk: string | null;
  /** The dossier it belongs to ("35925-VI"). */
  readonly dossier: string | null;
  readonly indieners: readonly Lid[];
}

/** A dossier as the register writes it: number, and its toevoeging after a dash (null and "" are none). */
function dossierVan(d: Ruw | undefined): string | null {
  // An Int32 in the schema; a number written as text is read too.
  const nummer = typeof d?.Nummer === 'string' && /^\d{1,6}$/.test(d.Nummer) ? Number(d.Nummer) : d?.Nummer;
  if (typeof nummer !== 'number' || !Number.isInteger(nummer) || nummer <= 0 || nummer > 999_999) return null;
  const toevoeging = code(d!.Toevoeging, 10);
  return `${nummer}${toevoeging ? `-${toevoeging.toUpperCase()}` : ''}`;
}

/** The motie's own document: of a kind starting with "Motie", the newest. */
function motieDocument(zaak: Ruw): Ruw | undefined {
  return entiteiten(zaak.Document)
    .filter((d) => typeof d.Soort === 'string' && d.Soort.startsWith('Motie') && typeof d.Volgnummer === 'number')
    .sort((a, b) => String(b.Datum ?? '').localeCompare(String(a.Datum ?? '')))[0];
}

function zaakVan(z: Ruw): KamerMotieZaak | null {
  const id = kamerId(z.Id);
  if (!id || z.Soort !== 'Motie') return null;
  const document = motieDocument(z);
  const dossier = dossierVan(entiteiten(document?.Kamerstukdossier)[0]) ?? dossierVan(entiteiten(z.Kamerstukdossier)[0]);
  const volgnummer = document?.Volgnummer;
  const kandidaat = dossier && typeof volgnummer === 'number' && Number.isInteger(volgnummer) && volgnummer > 0 ? `${dossier}-${volgnummer}` : null;
  const actoren = entiteiten(z.ZaakActor);
  const lid = (a: Ruw): Lid => ({ naam: tekst(a.ActorNaam, 200) ?? '', fractie: tekst(a.ActorFractie, 100) });
  const indieners = [...actoren.filter((a) => a.Relatie === 'Indiener'), ...actoren.filter((a) => a.Relatie === 'Medeindiener')].map(lid).filter((l) => l.naam !== '').slice(0, 50);
  return {
    id,
    nummer: code(z.Nummer),
    titel: tekst(z.Titel, 500),
    onderwerp: tekst(z.Onderwerp, 2000),
    vergaderjaar: code(z.Vergaderjaar, 9),
    kamerstuk: kandidaat && isKamerstukNummer(kandidaat) ? kandidaat : null,
    dossier,
    indieners,
  };
}

/** Reads one entity of a Besluit page; throws when it has no Id or no valid ApiGewijzigdOp (the page is then not trusted). */
export function leesKamerBesluit(ruw: unknown): KamerBesluit {
  const r = object(ruw);
  const id = r ? kamerId(r.Id) : null;
  if (!r || !id) throw new OngeldigKamerRecordError('een record zonder geldig Id');
  const apiGewijzigdOp = typeof r.ApiGewijzigdOp === 'string' ? normaliseerTijd(r.ApiGewijzigdOp) : null;
  if (!apiGewijzigdOp) throw new OngeldigKamerRecordError(`record ${id} zonder geldige ApiGewijzigdOp`);
  const activiteit = entiteiten(entiteiten(r.Agendapunt)[0]?.Activiteit)[0];
  return {
    id,
    apiGewijzigdOp,
    verwijderd: r.Verwijderd === true,
    soort: code(r.BesluitSoort, 100),
    status: code(r.Status),
    stemdatum: nederlandseDatum(code(activiteit?.Datum) ?? null),
    zaken: entiteiten(r.Zaak)
      .slice(0, 20)
      .map(zaakVan)
      .filter((z): z is KamerMotieZaak => z !== null),
  };
}

/** Adopted: a decision taken ("Besluit") whose kind is an adoption, by vote or without one. */
export function isAangenomen(b: KamerBesluit): boolean {
  return b.status === 'Besluit' && isAangenomenSoort(b.soort);
}

/** A BesluitSoort that adopts: by vote ("Stemmen - aangenomen…") or without one. */
export function isAangenomenSoort(soort: string | null): boolean {
  return !!soort && (soort.startsWith('Stemmen - aangenomen') || soort === 'Stemmen - zonder stemming aannemen');
}

/** The motie of this decision the register answers for: the first in one of TK_DOSSIERS. */
export function motieInDossiers(b: KamerBesluit, dossiers: ReadonlySet<string>): KamerMotieZaak | null {
  return b.zaken.find((z) => z.dossier !== null && dossiers.has(z.dossier)) ?? null;
}

/** "2024-2025" → "2024/25". */
export function registerVergaderjaar(vergaderjaar: string | null): string | null {
  const m = /^(\d{4})-(\d{4})$/.exec(vergaderjaar ?? '');
  return m && Number(m[2]) === Number(m[1]) + 1 ? `${m[1]}/${m[2].slice(2)}` : null;
}

export function besluitVersie(b: KamerBesluit, zaak: KamerMotieZaak | null): string {
  const inhoud = { soort: b.soort, status: b.status, verwijderd: b.verwijderd, stemdatum: b.stemdatum, zaak: zaak && { id: zaak.id, kamerstuk: zaak.kamerstuk, titel: zaak.titel, indieners: zaak.indieners } };
  return createHash('sha256').update(canonicalJson(inhoud)).digest('hex').slice(0, 32);
}

export function besluitStandVan(b: KamerBesluit, zaak: KamerMotieZaak | null, voorstelId: string | null): KamerStand {
  return {
    kamerId: b.id,
    entiteit: 'Besluit',
    versie: besluitVersie(b, zaak),
    nummer: zaak?.kamerstuk ?? zaak?.nummer ?? null,
    registerNummer: zaak?.kamerstuk ?? null,
    status: b.soort,
    datumNakoming: null,
    ministerie: null,
    verwijderd: b.verwijderd,
    apiGewijzigdOp: b.apiGewijzigdOp,
    voorstelId,
  };
}

/** What the register proposes from an adopted motie in one of this ministry's dossiers. */
export function motieVoorstelVan(b: KamerBesluit, zaak: KamerMotieZaak, vandaag: BusinessDate, voorstelId: string): Voorstel {
  const waarschuwingen: string[] = [];
  if (!zaak.kamerstuk) waarschuwingen.push('Uit de Kamer-gegevens volgt geen Kamerstuknummer (dossier en volgnummer van het motiedocument): vul het in voor het aanvaarden.');
  if (zaak.indieners.length === 0) waarschuwingen.push('De Kamer noemt geen indiener: vul die in voor het aanvaarden.');
  let datum = b.stemdatum ?? nederlandseDatum(b.apiGewijzigdOp);
  if (datum && datum > vandaag) {
    waarschuwingen.push(`De stemdatum ${datum} bij de Kamer ligt na vandaag; vandaag geldt.`);
    datum = vandaag;
  }
  const vergaderjaar = registerVergaderjaar(zaak.vergaderjaar);
  if (!vergaderjaar) waarschuwingen.push(`Het vergaderjaar "${zaak.vergaderjaar ?? ''}" van de Kamer is onleesbaar: vul het in.`);
  const titel = zaak.titel ?? zaak.onderwerp ?? `Motie ${zaak.kamerstuk ?? zaak.nummer ?? zaak.id}`;
  const gegevens: VoorstelGegevens = {
    soort: 'motie',
    nummer: zaak.kamerstuk,
    nummerInBron: zaak.kamerstuk ?? zaak.nummer,
    vergaderjaar,
    titel: titel.slice(0, 500),
    leden: zaak.indieners,
    status: null,
    rol: 'behandeld',
    regel: 0,
    bewijs: `Tweede Kamer, besluit over motie ${zaak.kamerstuk ?? zaak.nummer ?? zaak.id}: ${b.soort ?? ''}${b.stemdatum ? ` (${b.stemdatum})` : ''}`.slice(0, 1000),
    bewijsRegel: 0,
    thema: null,
    debat: datum ? `Stemmingen ${datum}` : 'Stemmingen',
    datum,
    tekst: (zaak.onderwerp ?? titel).slice(0, 10_000),
    afgedaanIn: null,
    zekerheid: zaak.kamerstuk && zaak.indieners.length > 0 && vergaderjaar ? 1 : 0.5,
  };
  return {
    voorstelId,
    gegevens,
    match: null,
    waarschuwingen,
    kamer: { entiteit: 'Besluit', id: b.id, versie: besluitVersie(b, zaak), apiGewijzigdOp: b.apiGewijzigdOp, status: b.soort },
    standaard: { datum: datum ?? vandaag, referentie: `Tweede Kamer, motie ${zaak.kamerstuk ?? zaak.nummer ?? zaak.id}` },
  };
}
