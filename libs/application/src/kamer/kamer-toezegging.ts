import { BusinessDate, KamerStand, Lid, Voorstel, VoorstelGegevens, VoorstelStatus, isBusinessDate, isToezeggingNummer } from '@register/domain';
import { canonicalJson } from '@register/event-store';
import { createHash } from 'node:crypto';
import { vergaderjaarVan } from '../importen/voorstel-stappen';
import { Ruw, code, entiteiten, kamerId, object, tekst } from './kamer-velden';

/*
 * A Toezegging of the Tweede Kamer's Gegevensmagazijn (OData v4, JSON), read into what the register
 * calls a proposal. Field names are the service's (see docs/ontwerp/kamer-koppeling.md, 1.1); what
 * is not there or has another type is read as absent, never guessed.
 */

/** The import batch of the Kamer link has this format: it is how the inbox tells its proposals apart. */
export const KAMER_FORMAAT = 'odata';

const MAX_TITEL = 200;
const MAX_TEKST = 10_000;
const MAX_NAAM = 200;

/** The address of a Kamer record in the Gegevensmagazijn: `<root>Toezegging(<Id>)`. */
export function kamerRecordUrl(basis: string, entiteit: string, id: string): string {
  return `${basis.replace(/\/?$/, '/')}${entiteit}(${id})`;
}

/** A page's entity that is not a record at all: the page is refused whole. */
export class OngeldigKamerRecordError extends Error {}

/** The fields of a Toezegging the link reads, as they came. */
export interface KamerToezegging {
  readonly id: string;
  readonly apiGewijzigdOp: string;
  readonly verwijderd: boolean;
  readonly nummer: string | null;
  readonly tekst: string;
  readonly status: string | null;
  readonly ministerie: string | null;
  readonly functie: string | null;
  readonly naam: string | null;
  readonly aanmaakdatum: string | null;
  readonly datumNakoming: string | null;
  readonly activiteit: { readonly soort: string | null; readonly onderwerp: string | null; readonly datum: string | null; readonly nummer: string | null } | null;
  readonly leden: readonly (Lid & { readonly id: string | null })[];
  readonly brieven: readonly { readonly id: string; readonly documentNummer: string | null; readonly titel: string | null; readonly kamerstuk: string | null }[];
}

/** Reads one entity of a Toezegging page; throws when it has no Id or no valid ApiGewijzigdOp (the page is then not trusted). */
export function leesKamerToezegging(ruw: unknown): KamerToezegging {
  const r = object(ruw);
  const id = r ? kamerId(r.Id) : null;
  if (!r || !id) throw new OngeldigKamerRecordError('een record zonder geldig Id');
  const apiGewijzigdOp = typeof r.ApiGewijzigdOp === 'string' ? normaliseerTijd(r.ApiGewijzigdOp) : null;
  if (!apiGewijzigdOp) throw new OngeldigKamerRecordError(`record ${id} zonder geldige ApiGewijzigdOp`);
  const activiteit = entiteiten(r.Activiteit)[0] ?? null;
  return {
    id,
    apiGewijzigdOp,
    verwijderd: r.Verwijderd === true,
    nummer: code(r.Nummer),
    tekst: tekst(r.Tekst, MAX_TEKST) ?? '',
    status: code(r.Status),
    ministerie: tekst(r.Ministerie, 200),
    functie: tekst(r.Functie, 200),
    naam: naamVan(r),
    aanmaakdatum: code(r.Aanmaakdatum),
    datumNakoming: code(r.DatumNakoming),
    activiteit: activiteit ? { soort: tekst(activiteit.Soort, 100), onderwerp: tekst(activiteit.Onderwerp), datum: code(activiteit.Datum), nummer: code(activiteit.Nummer) } : null,
    leden: entiteiten(r.ToegezegdAan)
      .slice(0, 50)
      .map((t) => {
        const persoon = entiteiten(t.Persoon)[0];
        const fractie = entiteiten(t.Fractie)[0];
        const naam = persoon ? [tekst(persoon.Initialen), tekst(persoon.Tussenvoegsel), tekst(persoon.Achternaam)].filter(Boolean).join(' ') : '';
        return { id: tekst(t.Persoon_Id) ?? tekst(persoon?.Id), naam: naam.slice(0, MAX_NAAM), fractie: fractie ? (tekst(fractie.Afkorting) ?? tekst(fractie.NaamNL))?.slice(0, 100) ?? null : null };
      })
      .filter((l) => l.naam !== ''),
    brieven: entiteiten(r.KamerbriefNakoming)
      .slice(0, 20)
      .map((d) => ({ id: code(d.Id, 64) ?? '', documentNummer: code(d.DocumentNummer), titel: tekst(d.Titel) ?? tekst(d.Onderwerp), kamerstuk: kamerstukVan(d) }))
      .filter((d) => d.id !== ''),
  };
}

/** The person as the Kamer names them: "Titulatuur Voornaam Tussenvoegsel Achternaam", else the record's Naam. */
function naamVan(r: Ruw): string | null {
  const delen = [r.Titulatuur, r.Voornaam ?? r.Initialen, r.Tussenvoegsel, r.Achternaam].map((d) => tekst(d, 100)).filter(Boolean);
  return (delen.length > 1 ? delen.join(' ') : tekst(r.Naam, 200))?.slice(0, 200) ?? null;
}

/** `<dossier>[-<toevoeging>]-<volgnummer>` of a letter that is a Kamerstuk. */
function kamerstukVan(document: Ruw): string | null {
  const dossier = entiteiten(document.Kamerstukdossier)[0];
  const volgnummer = document.Volgnummer;
  if (!dossier || typeof dossier.Nummer !== 'number' || typeof volgnummer !== 'number' || volgnummer <= 0) return null;
  const toevoeging = tekst(dossier.Toevoeging);
  return `${dossier.Nummer}${toevoeging ? `-${toevoeging}` : ''}-${volgnummer}`;
}

/**
 * An OData DateTimeOffset as one comparable string: UTC, seven decimals ("2023-08-29T11:23:41.8713166Z").
 * The service writes a varying number of decimals and sometimes an offset; a JS Date would keep
 * milliseconds only and lose the order of records a tenth of a millisecond apart. Null: not a time.
 */
export function normaliseerTijd(waarde: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?(Z|[+-]\d{2}:\d{2})$/.exec(waarde.trim());
  if (!m) return null;
  const [, j, mnd, d, u, mi, s, fractie = '', zone] = m;
  const offsetMinuten = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  // Not Date.UTC: it reads years below 100 as 19xx, and the service writes "no date" as year 1.
  const utc = new Date(0);
  utc.setUTCFullYear(Number(j), Number(mnd) - 1, Number(d));
  utc.setUTCHours(Number(u), Number(mi), Number(s), 0);
  // A month 13 or an hour 25 would roll over into another moment: such a time is no time.
  const klopt = utc.getUTCFullYear() === Number(j) && utc.getUTCMonth() === Number(mnd) - 1 && utc.getUTCDate() === Number(d) && utc.getUTCHours() === Number(u) && utc.getUTCMinutes() === Number(mi) && utc.getUTCSeconds() === Number(s);
  if (!klopt || Math.abs(offsetMinuten) > 14 * 60 || (zone !== 'Z' && Number(zone.slice(4, 6)) > 59)) return null;
  const ms = utc.getTime() - offsetMinuten * 60_000;
  if (!Number.isFinite(ms) || Number(j) < 1) return null;
  const seconden = new Date(ms).toISOString().slice(0, 19);
  return `${seconden}.${fractie.padEnd(7, '0')}Z`;
}

/** A normalised time moved back by whole minutes (the overlap a run reads again). */
export function minuutVroeger(tijd: string, minuten: number): string {
  const ms = Date.parse(`${tijd.slice(0, 19)}Z`) - minuten * 60_000;
  return `${new Date(ms).toISOString().slice(0, 19)}${tijd.slice(19)}`;
}

/** The day in the Netherlands a Kamer time falls on; null for none or the service's "no date" (year 1). */
export function nederlandseDatum(waarde: string | null): BusinessDate | null {
  const tijd = waarde ? normaliseerTijd(waarde) : null;
  if (!tijd || tijd < '1900') return null;
  const dag = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.parse(`${tijd.slice(0, 23)}Z`)));
  return isBusinessDate(dag) ? dag : null;
}

/** "Ministerie van Justitie en Veiligheid", "justitie en veiligheid " and "Justitie en Veiligheid" are one ministry. */
export function zelfdeMinisterie(a: string, b: string): boolean {
  return ministerieKern(a) === ministerieKern(b);
}

/** A ministry's name without case, spacing or "Ministerie van": how two spellings are found to be one. */
export function ministerieKern(m: string): string {
  return m.trim().toLocaleLowerCase('nl').replace(/^ministerie\s+van\s+/, '').replace(/\s+/g, ' ');
}

/** Whether the record concerns this ministry: by its Ministerie, or where that is empty, by its bewindspersoon's function. */
export function isVanMinisterie(t: KamerToezegging, ministerie: string): boolean {
  if (t.ministerie) return zelfdeMinisterie(t.ministerie, ministerie);
  const functie = t.functie?.match(/\bvan\s+(.+)$/i)?.[1];
  return functie ? zelfdeMinisterie(functie, ministerie) : false;
}

/** The Kamer's status words in the register's: null for open (or unknown), which proposes no status. */
export function registerStatus(kamerStatus: string | null): VoorstelStatus | null {
  switch (kamerStatus?.toLocaleLowerCase('nl')) {
    case 'afgedaan':
    case 'voldaan':
      return 'afgedaan';
    case 'deels afgedaan':
    case 'deels voldaan':
      return 'deels-afgedaan';
    default:
      return null;
  }
}

/**
 * The register's form of a Kamer TZ number. The Kamer may pad the serial (`TZ202504-057`); the
 * register holds each number in one spelling only, without leading zeros (`TZ202504-57`), so the
 * padded and the plain form are the same toezegging.
 */
export function registerTzNummer(nummer: string | null): string | null {
  if (!nummer) return null;
  // Only the Kamer's own forms: the register's internal numbers (INT-…) are never the Kamer's.
  const m = /^TZ(\d{6})-0*([1-9]\d{0,4})$/i.exec(nummer.trim()) ?? /^TZ(\d{4,8})()$/i.exec(nummer.trim());
  if (!m) return null;
  const kandidaat = m[2] ? `TZ${m[1]}-${m[2]}` : `TZ${m[1]}`;
  return isToezeggingNummer(kandidaat) ? kandidaat : null;
}

/** The fields whose change is a new version; GewijzigdOp alone is not. */
export function versieVan(t: KamerToezegging): string {
  const inhoud = {
    nummer: t.nummer,
    tekst: t.tekst,
    status: t.status,
    ministerie: t.ministerie,
    functie: t.functie,
    datumNakoming: nederlandseDatum(t.datumNakoming),
    brieven: t.brieven.map((b) => b.id).sort(),
    leden: t.leden.map((l) => l.id ?? l.naam).sort(),
    verwijderd: t.verwijderd,
  };
  return createHash('sha256').update(canonicalJson(inhoud)).digest('hex').slice(0, 32);
}

export function kamerStandVan(t: KamerToezegging, voorstelId: string | null): KamerStand {
  return {
    kamerId: t.id,
    entiteit: 'Toezegging',
    versie: versieVan(t),
    nummer: t.nummer,
    registerNummer: registerTzNummer(t.nummer),
    status: t.status,
    datumNakoming: nederlandseDatum(t.datumNakoming),
    ministerie: t.ministerie,
    verwijderd: t.verwijderd,
    apiGewijzigdOp: t.apiGewijzigdOp,
    voorstelId,
    tekstHash: tekstHash(t.tekst),
  };
}

/** A text's fingerprint, to tell whether the Kamer changed its text (and whether the register still holds the Kamer's). */
export function tekstHash(tekst: string): string {
  return createHash('sha256').update(tekst.trim()).digest('hex').slice(0, 32);
}

/** The register's name of the bewindspersoon: the function, as the register writes it ("minister van Justitie en Veiligheid"). */
function bewindspersoonVan(t: KamerToezegging, ministerie: string): string {
  const functie = t.functie ?? `minister van ${ministerie}`;
  return (functie.charAt(0).toLocaleLowerCase('nl') + functie.slice(1)).slice(0, 200);
}

function eersteZin(tekst: string): string {
  const zin = /^(.+?[.!?])(\s|$)/s.exec(tekst)?.[1] ?? tekst;
  const kort = zin.replace(/\s+/g, ' ').trim();
  return kort.length <= MAX_TITEL ? kort : `${kort.slice(0, MAX_TITEL - 1)}…`;
}

/** What the register proposes from one version of a Toezegging of this ministry; `vandaag` bounds its dates. */
export function voorstelVan(t: KamerToezegging, ministerie: string, vandaag: BusinessDate, voorstelId: string): Voorstel {
  const waarschuwingen: string[] = [];
  const nummer = registerTzNummer(t.nummer);
  if (t.nummer && !nummer) waarschuwingen.push(`"${t.nummer}" is geen geldig nummer voor een toezegging; het voorstel heeft geen nummer.`);
  if (!t.nummer) waarschuwingen.push('De Kamer gaf deze toezegging geen nummer.');
  let datum = nederlandseDatum(t.activiteit?.datum ?? null) ?? nederlandseDatum(t.aanmaakdatum);
  if (datum && datum > vandaag) {
    waarschuwingen.push(`De datum ${datum} bij de Kamer ligt na vandaag; vandaag geldt.`);
    datum = vandaag;
  }
  const status = registerStatus(t.status);
  if (t.status && !status && t.status.toLocaleLowerCase('nl') !== 'openstaand') waarschuwingen.push(`De Kamer noemt de status "${t.status}"; die neemt het register niet over: beoordeel het item zelf.`);
  const nakoming = nederlandseDatum(t.datumNakoming);
  // The day it was done: the Kamer's nakoming; without one (or one that cannot be), the day the Kamer recorded the change.
  const gewijzigd = nederlandseDatum(t.apiGewijzigdOp);
  const afgedaanOp = nakoming && nakoming <= vandaag ? nakoming : gewijzigd && gewijzigd <= vandaag ? gewijzigd : vandaag;
  if (status && !(nakoming && nakoming <= vandaag)) waarschuwingen.push(`De Kamer noemt geen (bruikbare) datum van nakoming; de datum waarop zij de wijziging vastlegde (${afgedaanOp}) geldt.`);
  const statusDatum = status ? (datum && afgedaanOp < datum ? datum : afgedaanOp) : (datum ?? vandaag);
  const brief = t.brieven[0];
  const afgedaanIn = brief ? `${brief.kamerstuk ? `Kamerstuk ${brief.kamerstuk}, ` : ''}Kamerbrief ${brief.documentNummer ?? brief.id}${brief.titel ? `: ${brief.titel}` : ''}`.slice(0, 500) : null;
  const a = t.activiteit;
  const debat = a ? [a.soort, a.onderwerp].filter(Boolean).join(' ') + (datum || a.nummer ? ` (${[datum, a.nummer].filter(Boolean).join(', ')})` : '') : null;
  const gegevens: VoorstelGegevens = {
    soort: 'toezegging',
    nummer,
    nummerInBron: t.nummer,
    vergaderjaar: datum ? vergaderjaarVan(datum) : null,
    titel: eersteZin(t.tekst) || `Toezegging ${t.nummer ?? t.id}`,
    leden: t.leden.slice(0, 50).map((l) => ({ naam: l.naam, fractie: l.fractie })),
    status,
    rol: 'behandeld',
    regel: 0,
    bewijs: `Tweede Kamer, toezegging ${t.nummer ?? t.id}: ${t.status ?? 'zonder status'}${afgedaanIn ? ` (${afgedaanIn})` : ''}`.slice(0, 1000),
    bewijsRegel: 0,
    thema: null,
    debat: debat ? debat.slice(0, 500) : null,
    datum,
    tekst: t.tekst.slice(0, MAX_TEKST),
    afgedaanIn,
    zekerheid: nummer ? 1 : 0.5,
  };
  return {
    voorstelId,
    gegevens,
    match: null,
    waarschuwingen,
    kamer: { entiteit: 'Toezegging', id: t.id, versie: versieVan(t), apiGewijzigdOp: t.apiGewijzigdOp, status: t.status },
    standaard: { datum: statusDatum, bewindspersoon: bewindspersoonVan(t, ministerie), referentie: `Tweede Kamer, toezegging ${t.nummer ?? t.id}` },
  };
}
