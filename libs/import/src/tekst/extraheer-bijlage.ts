/*
 * The annex extractor: from the normalised text of a halfjaarbericht (or its annex) to the moties and
 * toezeggingen it handles or mentions, with number, members, status and the sentence that shows it.
 *
 * The rules read the genre, not a particular letter:
 * - a motie is named by its members ("de motie van het lid X", "de moties van de leden A, B en C",
 *   "motie-X c.s.", "Kamerlid X heeft een motie ingediend") or only by a footnote that cites it ("Motie-X,
 *   Kamerstukken II …"); its number comes from the footnote attached to the mention, paired in order;
 * - a toezegging is a sentence in which the minister says what was promised ("heb ik toegezegd",
 *   "Conform mijn toezegging", "Zoals toegezegd") or the section it has as heading ("Toezegging inzake …");
 * - status: a closing sentence ("Ik beschouw de motie hiermee als afgedaan", "doe ik de motie af",
 *   "Hiermee doe ik de toezegging gestand") decides for the items it names; in a letter without such sections
 *   a sentence that reports completion ("zijn … betrokken", "Conform mijn toezegging licht ik toe")
 *   decides; otherwise the item is reported on and so still in behandeling.
 */

import { AanvullendeZaak, GelezenItem, GelezenLid, GelezenSoort, GelezenStatus } from '../bijlage';
import { MAX_ITEMS, MAX_TEKST, begrens, begrensItem, teVeelItems } from '../grenzen';
import { kalenderdatum, ongeldigeDatum } from './datum';
import { Verwijzing, verwijzingenIn, vergaderjaarIn } from './kamernummer';
import { GevondenLid, NAAM, NAMENLIJST, ledenSleutel, leesNamenlijst, netteNaam } from './leden';
import { Alinea, GenormaliseerdeTekst, Voetnoot } from './normaliseer';
import { celStatus, leesTabellen } from './tabel';
import { splitsZinnen } from './zinnen';

interface Zin {
  readonly alinea: Alinea;
  readonly start: number;
  readonly eind: number;
  readonly tekst: string;
  readonly sectie: Sectie;
  readonly verwijzingen: ReadonlyArray<{ nummer: string; offset: number }>;
}

interface Sectie {
  readonly kop: Alinea | null;
  readonly soorten: ReadonlySet<GelezenSoort>;
  readonly isItemSectie: boolean;
  readonly meervoud: boolean;
  readonly thema: string | null;
  readonly alineas: Alinea[];
}

interface Kandidaat {
  soort: GelezenSoort;
  nummer: string | null;
  nummerInBron: string | null;
  vergaderjaar: string | null;
  titel: string;
  leden: GelezenLid[];
  status: GelezenStatus | null;
  rol: 'behandeld' | 'genoemd';
  regel: number;
  bewijs: string;
  bewijsRegel: number;
  statusUitZin: boolean;
  debat: string | null;
  datum: string | null;
  afgedaanIn: string | null;
  sectie: Sectie;
  eersteAlinea: Alinea;
  volgorde: number;
  sectieItem: boolean;
  /** A section item that already took in the sentence that made the toezegging. */
  gevouwen: boolean;
  /** Its number came from that sentence (also when the sentence's footnote gave none): keep it. */
  nummerVast: boolean;
  /** A row of a table: its status comes from its own cells and group, never from a section's closing sentence. */
  uitTabel: boolean;
  /** Named in a sentence that refers back to it ("de eerdere motie …, die al als afgedaan is beschouwd"). */
  terloops: boolean;
  /** Its status came from a register field ("Status: Voldaan"). */
  veldStatus: boolean;
}

export interface Extractie {
  readonly items: GelezenItem[];
  readonly aanvullendeZaken: AanvullendeZaak[];
  readonly waarschuwingen: string[];
}

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const ITEM_KOP = /^(moties?|toezegging(?:en)?)(?:\s+(?:en|&)\s+(moties?|toezegging(?:en)?))?\b/i;
/** A numbered heading: "1. Motie van het lid …", "3.2 Toezegging …", "b) Motie …". */
const OPSOMMING = /^(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[a-z][.)]|[IVX]{1,4}\.)\s+(?=\p{Lu})/u;

function zonderOpsomming(kop: string): string {
  return kop.trim().replace(OPSOMMING, '');
}
const AFGEDAAN = [
  /\bals afgedaan\b/i,
  // "Met de indiening van het wetsvoorstel is de motie uitgevoerd", "De toezegging is hiermee nagekomen".
  /\b(?:is|zijn)\s+(?:de|het|deze)\s+(?:motie|moties|toezegging|toezeggingen)\s+(?:(?:hiermee|daarmee|hierbij|hiermede|nu|daarmee ook)\s+)?(?:uitgevoerd|nagekomen|afgehandeld|ingelost)\b/i,
  /\b(?:motie|moties|toezegging|toezeggingen)\s+(?:is|zijn)\s+(?:(?:hiermee|daarmee|hierbij|hiermede|nu|daarmee ook)\s+)?(?:uitgevoerd|nagekomen|afgehandeld|ingelost|afgerond|afgedaan)\b/i,
  /\bdoe ik\b[^.]*\b(?:motie|moties|toezegging|toezeggingen)\b[^.]*\baf\b/i,
  /\b(?:hiermee|daarmee|hierbij)\s+(?:is|zijn)\s+(?:de|het|deze)\b[^.]*\bafgedaan\b/i,
  /\b(?:is|zijn)\s+(?:hiermee|daarmee|hierbij)\s+afgedaan\b/i,
  /\b(?:doe|kom)\s+ik\b[^.]*\bgestand\b/i,
  /\brecht gedaan aan de motie/i,
];
const DEELS = [/\bdeels afgedaan\b/i, /\bgedeeltelijk (?:afgedaan|uitgevoerd)\b/i, /\bhet deel van de (?:motie|toezegging)\b[^.]*\bafgedaan\b/i];
/** A motie referred back to: "de eerdere motie van het lid X", "…, die in 2022 al als afgedaan is beschouwd". */
const TERUGVERWIJZING = /\beerdere\s+motie|\b(?:al|reeds|eerder)\b[^.]{0,60}\b(?:afgedaan|uitgevoerd)\b/i;
/** A register field with the status: "Status: Voldaan", "Stand van zaken: loopt". */
const STATUSVELD = /\b(?:Status|Stand(?: van zaken)?)\s*:\s*([^.;:]{2,40}?)(?=\s+\p{Lu}[\p{Ll} ]{2,20}:|[.;]|$)/u;
const DOCUMENTWOORD = /\b(?:brief|kamerbrief|verzamelbrief|halfjaarbericht|rapport|beleidsreactie|jaarverantwoording|jaarverslag|voortgangsbrief|nota)\b[^.]{0,40}$/i;

const MOTIE_VERMELDING = new RegExp(
  `\\b([Mm]oties?)(?:-|\\s+van\\s+(?:het\\s+|de\\s+)?(?:[Kk]amer)?(?:[Ll]id|[Ll]eden)\\s+|\\s+(?:van\\s+)?)(${NAMENLIJST})(?:\\s+c\\.s\\.)?`,
  'gu',
);
const KAMERLID = new RegExp(`\\b(?:[Kk]amerlid|[Hh]et lid|[Hh]et Kamerlid)\\s+(${NAAM})(?:\\s*\\(([^)]{1,24})\\))?`, 'u');
const VOETNOOT_MOTIE = new RegExp(
  `\\b[Mm]otie(?:-|\\s+(?:\\d{1,2}\\s+\\p{Ll}+\\s+\\d{4}\\s+)?van\\s+(?:het\\s+|de\\s+)?(?:[Ll]id|[Ll]eden)\\s+)(${NAMENLIJST})`,
  'gu',
);

/** The members a text names as a motie's ("Motie van het lid X (D66) over …", "motie-X c.s."). */
function ledenUit(tekst: string): GelezenLid[] {
  MOTIE_VERMELDING.lastIndex = 0;
  const m = MOTIE_VERMELDING.exec(tekst);
  MOTIE_VERMELDING.lastIndex = 0;
  return m ? (leesNamenlijst(m[2], 0) ?? []).map((l) => ({ naam: l.naam, fractie: l.fractie })) : [];
}

function kopLedenVan(sectie: Sectie): GelezenLid[] {
  return sectie.isItemSectie && sectie.kop ? ledenUit(zonderOpsomming(sectie.kop.tekst)) : [];
}

function heeftStatus(tekst: string, patronen: readonly RegExp[]): boolean {
  return patronen.some((p) => p.test(tekst));
}

/** Abbreviations with a full stop ("jl.", "nr.") would stop the `[^.]` spans of the patterns. */
function zonderAfkortingen(tekst: string): string {
  return tekst.replace(/\b(jl|nr|c\.s|o\.a|dhr|ca|bijv|resp|art)\./gi, (_, w: string) => w.replace(/\./g, ''));
}

function sluitzinStatus(ruw: string): GelezenStatus | null {
  const tekst = zonderAfkortingen(ruw);
  if (heeftStatus(tekst, AFGEDAAN) && !/\bniet als afgedaan\b/i.test(tekst)) return 'afgedaan';
  if (heeftStatus(tekst, DEELS)) return 'deels-afgedaan';
  return null;
}

function eersteHoofdletter(s: string): string {
  const t = s.trim().replace(/\s+/g, ' ');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

function kort(s: string, max = 220): string {
  const t = s.trim().replace(/\s+/g, ' ');
  if (t.length <= max) return t;
  const knip = t.lastIndexOf(' ', max);
  return `${t.slice(0, knip > 40 ? knip : max)} …`;
}

/** The date in a debate ("commissiedebat van 3 april 2024"); a day that does not exist is null, with a warning. */
function datumUit(tekst: string, briefDatum: string | null, waarschuwingen: string[]): string | null {
  const m = new RegExp(`\\b(\\d{1,2})\\s+(${MAANDEN.join('|')})(?:\\s+(\\d{4})|\\s+(jl\\.|jongstleden))?`, 'i').exec(tekst);
  if (!m) return null;
  const maand = MAANDEN.indexOf(m[2].toLowerCase()) + 1;
  let jaar: number | null = m[3] ? Number(m[3]) : null;
  if (jaar === null && briefDatum) {
    const briefJaar = Number(briefDatum.slice(0, 4));
    const briefMaand = Number(briefDatum.slice(5, 7));
    jaar = maand <= briefMaand ? briefJaar : briefJaar - 1;
  }
  if (jaar === null) return null;
  const datum = kalenderdatum(jaar, maand, Number(m[1]));
  const melding = ongeldigeDatum(m[3] ? m[0] : `${m[1]} ${m[2]} ${jaar}`);
  if (!datum && !waarschuwingen.includes(melding)) waarschuwingen.push(melding);
  return datum;
}

function debatUit(tekst: string): string | null {
  const m =
    /\b(?:in|tijdens|bij)\s+(?:het|de)\s+((?:commissiedebat|tweeminutendebat|plenaire debat|wetgevingsoverleg|notaoverleg|vragenuur|begrotingsbehandeling|debat|schriftelijk overleg|mondelinge vragen)[^,.;()]*)/i.exec(
      tekst,
    ) ?? /\b((?:in\s+)?mijn\s+(?:brief|verzamelbrief|kamerbrief)(?:\s+\([^)]*\))?\s+van\s+\d{1,2}\s+\p{Ll}+(?:\s+\d{4}|\s+jl\.)?)/iu.exec(tekst);
  if (m) return kort(m[1].replace(/^in\s+/i, ''), 120);
  const h = /\(?(Handelingen\s+II\s+\d{4}\/\d{2},\s*nr\.\s*\d+(?:,\s*item\s+\d+)?)\)?/.exec(tekst);
  return h ? h[1] : null;
}

function overlapt(a: readonly GelezenLid[], b: readonly GelezenLid[]): boolean {
  const sleutels = new Set(a.map((l) => ledenSleutel(l.naam)));
  return b.some((l) => sleutels.has(ledenSleutel(l.naam)));
}

function zelfdeLeden(a: readonly GelezenLid[], b: readonly GelezenLid[]): boolean {
  const x = [...new Set(a.map((l) => ledenSleutel(l.naam)))].sort().join('|');
  const y = [...new Set(b.map((l) => ledenSleutel(l.naam)))].sort().join('|');
  return x === y;
}

function kopSoorten(kop: string): { soorten: Set<GelezenSoort>; meervoud: boolean } | null {
  const m = ITEM_KOP.exec(zonderOpsomming(kop));
  if (!m) return null;
  const soorten = new Set<GelezenSoort>();
  for (const w of [m[1], m[2]]) {
    if (!w) continue;
    soorten.add(/^motie/i.test(w) ? 'motie' : 'toezegging');
  }
  const meervoud = /^(moties|toezeggingen)$/i.test(m[1]) || (m[2] !== undefined && m[2] !== null);
  return { soorten, meervoud };
}

/** Sections: item headings ("Motie inzake …") and theme headings; sub-headings stay inside their section. */
function deelIn(tekst: GenormaliseerdeTekst): Sectie[] {
  const secties: Sectie[] = [];
  let thema: string | null = null;
  let huidige: Sectie = { kop: null, soorten: new Set(), isItemSectie: false, meervoud: false, thema: null, alineas: [] };
  secties.push(huidige);
  const alineas = tekst.alineas;
  for (let i = 0; i < alineas.length; i++) {
    const a = alineas[i];
    if (a.kop) {
      const item = kopSoorten(a.tekst);
      if (item) {
        huidige = { kop: a, soorten: item.soorten, isItemSectie: true, meervoud: item.meervoud, thema, alineas: [a] };
        secties.push(huidige);
        continue;
      }
      const volgendeIsKop = alineas[i + 1]?.kop === true;
      const isThema = tekst.heeftInhoudsopgave ? a.inhoudsopgave : !huidige.isItemSectie || volgendeIsKop;
      if (isThema) {
        thema = a.tekst.trim();
        huidige = { kop: a, soorten: new Set(), isItemSectie: false, meervoud: false, thema, alineas: [a] };
        secties.push(huidige);
        continue;
      }
    }
    huidige.alineas.push(a);
  }
  return secties;
}

type AlineaVerwijzing = { nummer: string; offset: number };

/**
 * The references of a paragraph with `van < offset <= tot`, in their order; by binary search when they are in offset
 * order (as the normaliser gives them), so a paragraph of 20 MB with many footnotes does not scan them per sentence.
 */
function verwijzingenTussen(alle: readonly AlineaVerwijzing[]): (van: number, tot: number) => AlineaVerwijzing[] {
  const geordend = alle.every((v, i) => i === 0 || alle[i - 1].offset <= v.offset);
  if (!geordend) return (van, tot) => alle.filter((v) => v.offset > van && v.offset <= tot);
  return (van, tot) => {
    let laag = 0;
    let hoog = alle.length;
    while (laag < hoog) {
      const midden = (laag + hoog) >> 1;
      if (alle[midden].offset > van) hoog = midden;
      else laag = midden + 1;
    }
    const uit: AlineaVerwijzing[] = [];
    for (let i = laag; i < alle.length && alle[i].offset <= tot; i++) uit.push(alle[i]);
    return uit;
  };
}

export function extraheerBijlage(tekst: GenormaliseerdeTekst, briefDatum: string | null): Extractie {
  const waarschuwingen: string[] = [];
  const secties = deelIn(tekst);
  const zinnen: Zin[] = [];
  const zinnenVan = new Map<Sectie, Zin[]>();
  for (const sectie of secties) {
    const eigen: Zin[] = [];
    zinnenVan.set(sectie, eigen);
    for (const alinea of sectie.alineas) {
      if (alinea.kop || alinea.tabelrij) continue;
      const delen = splitsZinnen(alinea.tekst);
      const tussen = verwijzingenTussen(alinea.verwijzingen);
      delen.forEach((d, n) => {
        const van = n === 0 ? -1 : d.start;
        const tot = n === delen.length - 1 ? Number.MAX_SAFE_INTEGER : (delen[n + 1]?.start ?? d.eind);
        const verwijzingen = tussen(van, Math.max(d.eind, Math.min(tot - 1, d.eind + 2)));
        const zin: Zin = { alinea, start: d.start, eind: d.eind, tekst: d.tekst, sectie, verwijzingen };
        zinnen.push(zin);
        eigen.push(zin);
      });
    }
  }
  const zinIndex = new Map<Zin, number>(zinnen.map((z, i) => [z, i]));
  const voetnoot = (nummer: string): Voetnoot | undefined => tekst.voetnoten.get(nummer);
  const geclaimd = new Set<string>();
  const kandidaten: Kandidaat[] = [];
  let volgorde = 0;

  const regelVoor = (sectie: Sectie, alinea: Alinea, offset: number): number =>
    sectie.isItemSectie && sectie.kop ? sectie.kop.eersteRegel : alinea.regelBij(offset);

  type Verplicht = Omit<Kandidaat, 'volgorde' | 'status' | 'statusUitZin' | 'afgedaanIn' | 'sectieItem' | 'gevouwen' | 'nummerVast' | 'uitTabel' | 'terloops' | 'veldStatus'>;
  const nieuw = (k: Verplicht & Partial<Kandidaat>): Kandidaat => {
    const kandidaat: Kandidaat = {
      status: null,
      statusUitZin: false,
      afgedaanIn: null,
      sectieItem: false,
      gevouwen: false,
      nummerVast: false,
      uitTabel: false,
      terloops: false,
      veldStatus: false,
      ...k,
      volgorde: volgorde++,
    };
    kandidaten.push(kandidaat);
    return kandidaat;
  };

  const motieVerwijzingen = (nummer: string): Verwijzing[] => {
    const v = voetnoot(nummer);
    if (!v) return [];
    return verwijzingenIn(v.tekst).filter((r) => r.soort === 'kamerstuk');
  };

  const voegMotieToe = (zin: Zin, offset: number, leden: GelezenLid[], verwijzing: Verwijzing | null, titel: string, vergaderjaar: string | null, onderwerp: string | null = null): void => {
    const sectie = zin.sectie;
    const nummer = verwijzing?.nummer ?? null;
    const inBron = verwijzing?.nummerInBron ?? null;
    const moties = kandidaten.filter((k) => k.soort === 'motie');
    let bestaand: Kandidaat | undefined;
    if (inBron) {
      bestaand = moties.find((k) => k.nummerInBron === inBron && (k.leden.length === 0 || leden.length === 0 || overlapt(k.leden, leden)));
      if (!bestaand && leden.length > 0) {
        const zonder = moties.filter((k) => k.nummerInBron === null && overlapt(k.leden, leden) && (!tekstHeeftItemSecties || k.sectie === sectie));
        bestaand = zonder.find((k) => zelfdeLeden(k.leden, leden)) ?? zonder[zonder.length - 1];
      }
    } else if (leden.length > 0) {
      const passend = moties.filter((k) => overlapt(k.leden, leden) && (!tekstHeeftItemSecties || k.sectie === sectie));
      const gelijk = passend.filter((k) => zelfdeLeden(k.leden, leden));
      bestaand = (gelijk.length > 0 ? gelijk : passend)[(gelijk.length > 0 ? gelijk : passend).length - 1];
      // "de motie van het lid X inzake Y" with a subject of its own is another motie of the same member.
      if (bestaand && onderwerp && woordOverlap(onderwerp, `${bestaand.titel} ${bestaand.bewijs}`) < 0.5) bestaand = undefined;
    }
    if (bestaand) {
      if (bestaand.nummerInBron === null && inBron) {
        bestaand.nummer = nummer;
        bestaand.nummerInBron = inBron;
        bestaand.vergaderjaar = bestaand.vergaderjaar ?? vergaderjaar;
      }
      for (const l of leden) if (!bestaand.leden.some((b) => ledenSleutel(b.naam) === ledenSleutel(l.naam))) bestaand.leden.push(l);
      bestaand.leden = bestaand.leden.map((b) => (b.fractie ? b : (leden.find((l) => ledenSleutel(l.naam) === ledenSleutel(b.naam) && l.fractie) ?? b)));
      if (bestaand.debat === null) bestaand.debat = debatUit(zin.tekst);
      pasZinStatusToe(bestaand, zin);
      return;
    }
    if (inBron && moties.some((k) => k.nummerInBron === inBron)) {
      waarschuwingen.push(`Nummer ${inBron} staat in de tekst bij twee verschillende moties (regel ${zin.alinea.regelBij(offset)}); controleer welke het juiste nummer heeft.`);
    }
    if (verwijzing?.probleem) waarschuwingen.push(`Regel ${zin.alinea.regelBij(offset)}: ${verwijzing.probleem}.`);
    const debat = debatUit(zin.tekst);
    const k = nieuw({
      soort: 'motie',
      nummer,
      nummerInBron: inBron,
      vergaderjaar: vergaderjaar ?? verwijzing?.vergaderjaar ?? null,
      titel,
      leden,
      rol: 'behandeld',
      regel: regelVoor(sectie, zin.alinea, offset),
      bewijs: zin.tekst,
      bewijsRegel: zin.alinea.regelBij(zin.start),
      debat,
      datum: datumUit(debat ?? '', briefDatum, waarschuwingen),
      sectie,
      eersteAlinea: zin.alinea,
      // Referred back to in a paragraph that already handles another item: a mention in passing.
      terloops: TERUGVERWIJZING.test(zonderAfkortingen(zin.tekst)) && kandidaten.some((x) => x.eersteAlinea === zin.alinea),
    });
    pasZinStatusToe(k, zin);
  };

  const tekstHeeftItemSecties = secties.some((s) => s.isItemSectie);

  // Tables ("Omschrijving | Vindplaats | Stand van zaken"): every row is an item of its own.
  const sectieVan = new Map<Alinea, Sectie>();
  for (const sectie of secties) for (const a of sectie.alineas) sectieVan.set(a, sectie);
  for (const rij of leesTabellen(tekst.alineas)) {
    const sectie = sectieVan.get(rij.alinea);
    if (!sectie) continue;
    const oms = rij.omschrijving;
    const nummers = [...verwijzingenIn(rij.vindplaats), ...verwijzingenIn(oms)];
    const soort: GelezenSoort | null = /^moties?\b/i.test(oms)
      ? 'motie'
      : /^toezegging|\btoegezegd\b|\bzeg(?:t|gen|de|den)\b[^.]*\btoe\b/i.test(oms) || nummers.some((v) => v.soort === 'toezegging')
        ? 'toezegging'
        : rij.groepSoort;
    if (!soort) continue;
    const v = nummers.find((x) => (soort === 'toezegging' ? x.soort === 'toezegging' : x.soort === 'kamerstuk')) ?? (soort === 'toezegging' ? (nummers[0] ?? null) : null);
    const eigen = celStatus(rij.stand) ?? sluitzinStatus(rij.stand);
    const status = eigen ?? rij.groepStatus;
    const regel = rij.alinea.eersteRegel;
    if (v?.probleem) waarschuwingen.push(`Regel ${regel}: ${v.probleem}.`);
    const debat = rij.vindplaats && !/^kamerstuk/i.test(rij.vindplaats) ? rij.vindplaats.replace(/\s*\(\s*TZ[^)]*\)\s*$/, '').trim() || null : null;
    const k = nieuw({
      soort,
      nummer: v?.nummer ?? null,
      nummerInBron: v?.nummerInBron ?? null,
      vergaderjaar: v?.vergaderjaar ?? null,
      titel: kort(oms.replace(/[.\s]+$/, '')),
      leden: soort === 'motie' ? ledenUit(oms) : lidInZin(`${oms} ${rij.vindplaats}`),
      rol: 'behandeld',
      regel,
      bewijs: rij.stand || oms,
      bewijsRegel: regel,
      debat,
      datum: datumUit(debat ?? '', briefDatum, waarschuwingen),
      sectie,
      eersteAlinea: rij.alinea,
      uitTabel: true,
    });
    k.status = status;
    k.statusUitZin = status !== null;
    if (status === 'afgedaan' || status === 'deels-afgedaan') k.afgedaanIn = rij.stand || 'dit document';
    if (kandidaten.length > MAX_ITEMS) throw teVeelItems(kandidaten.length, true);
  }

  /** Completion reported in the sentence itself; only in letters without item sections (there the closing sentence decides). */
  const pasZinStatusToe = (k: Kandidaat, zin: Zin): void => {
    if (zin.sectie.isItemSectie) return;
    const status = sluitzinStatus(zin.tekst);
    const tekst = zonderAfkortingen(zin.tekst);
    const voltooid =
      k.soort === 'motie'
        ? /\b(?:zijn|is)\b(?:(?!\b(?:wordt|worden|zal|zullen|kan|kunnen)\b)[^.]){0,160}?\b(?:betrokken|verwerkt|uitgevoerd|gerealiseerd)\b/i.test(tekst)
        : /^(?:conform|overeenkomstig)\s+(?:mijn|de)\s+toezegging\b[^.]*?\b(?:licht|informeer|stuur|zend|bied|doe)\s+ik\b/i.test(tekst) &&
          !/\b(?:zal|zullen)\b|stand van zaken|voortgang/i.test(tekst);
    const uitkomst: GelezenStatus | null = status ?? (voltooid ? 'afgedaan' : null);
    if (uitkomst && (k.status === null || uitkomst === 'afgedaan')) {
      k.status = uitkomst;
      k.statusUitZin = true;
      k.bewijs = zin.tekst;
      k.bewijsRegel = zin.alinea.regelBij(zin.start);
    }
  };

  const motieTitel = (zin: Zin, lijstEind: number, leden: readonly GelezenLid[], sectie: Sectie): string => {
    const rest = zin.alinea.tekst.slice(lijstEind, zin.eind).replace(/^\s*c\.s\.?/, '');
    const namen = leden.map((l) => l.naam).join(', ').replace(/, ([^,]*)$/, ' en $1');
    const over = /^\s*,?\s*((?:over|inzake|om|betreffende|ten aanzien van)\b[^]*?)(?:,\s*(?:die|dat|waarin|welke)\b|\s+(?:is|werd|wordt)\s+ingediend|$)/i.exec(rest);
    if (over && over[1].trim().length > 8) return kort(`Motie ${namen} ${over[1]}`.replace(/[.,;:]+$/, ''));
    const verzoek = /\b(?:verzoek(?:t|en)|vraagt|vragen)\s+(?:zij\s+)?(?:de regering|het kabinet)?\s*(?:om\s+)?([^]*)$/i.exec(zin.tekst);
    if (verzoek && verzoek[1].trim().length > 8) return kort(`Motie ${namen}: ${verzoek[1]}`.replace(/[.,;:]+$/, ''));
    if (sectie.isItemSectie && sectie.kop) return zonderOpsomming(sectie.kop.tekst);
    return kort(`Motie ${namen}: ${zin.tekst}`.replace(/[.,;:]+$/, ''));
  };

  /** The footnote references a mention may use: after it in its sentence, not yet used by another item. */
  const vrijeVerwijzingen = (zin: Zin, vanaf: number, tot: number): Array<{ nummer: string; offset: number }> =>
    zin.verwijzingen.filter((v) => v.offset >= vanaf && v.offset <= tot && !geclaimd.has(v.nummer));

  const volgendeZin = (zin: Zin): Zin | undefined => {
    const z = zinnen[(zinIndex.get(zin) ?? zinnen.length) + 1];
    return z && z.alinea === zin.alinea ? z : undefined;
  };

  for (const zin of zinnen) {
    const alineaTekst = zin.alinea.tekst;
    const zinTekst = alineaTekst.slice(zin.start, zin.eind);
    // "Toegezegd aan: het lid X" is a field of the toezegging before it, not a new one.
    const zonderVelden = zinTekst.replace(/\bToegezegd aan\s*:/g, 'Aan:');
    let motieGevonden = false;

    // 1. Moties named with their members.
    const vermeldingen = [...zinTekst.matchAll(MOTIE_VERMELDING)];
    vermeldingen.forEach((m, n) => {
      const begin = zin.start + (m.index ?? 0);
      const lijstBegin = begin + m[0].indexOf(m[2], m[1].length);
      const leden = leesNamenlijst(m[2], lijstBegin);
      if (!leden) return;
      motieGevonden = true;
      const meervoud = /^moties$/i.test(m[1]);
      const lijstEind = lijstBegin + m[2].length;
      const volgendeBegin = n + 1 < vermeldingen.length ? zin.start + (vermeldingen[n + 1].index ?? 0) : zin.eind + 3;
      const refs = vrijeVerwijzingen(zin, lijstBegin, volgendeBegin);
      const perLid = leden.length > 1 && refs.length >= leden.length && refs.slice(0, leden.length).every((r, i) => r.offset >= leden[i].eind - 1 && (i + 1 >= leden.length || r.offset <= leden[i + 1].start));
      const schoneLeden = (lijst: readonly GevondenLid[]): GelezenLid[] => lijst.map((l) => ({ naam: l.naam, fractie: l.fractie }));
      const jaar = vergaderjaarIn(zinTekst.replace(/\d{4}\s*-\s*\d{4}\s*(?=\w)/g, ''));
      if (perLid) {
        leden.forEach((lid, i) => {
          geclaimd.add(refs[i].nummer);
          const v = motieVerwijzingen(refs[i].nummer)[0] ?? null;
          voegMotieToe(zin, lid.start, [{ naam: lid.naam, fractie: lid.fractie }], v, motieTitel(zin, lijstEind, [lid], zin.sectie), null);
        });
        return;
      }
      let verwijzingen: Verwijzing[] = [];
      const eerste = refs[0];
      if (eerste) {
        verwijzingen = motieVerwijzingen(eerste.nummer);
        if (verwijzingen.length > 0) geclaimd.add(eerste.nummer);
      }
      if (verwijzingen.length === 0) {
        const inline = verwijzingenIn(alineaTekst.slice(lijstEnd(lijstEind), volgendeBegin)).filter((v) => v.soort === 'kamerstuk');
        if (inline.length > 0) verwijzingen = inline.slice(0, meervoud ? inline.length : 1);
      }
      if (verwijzingen.length === 0 && !eerste) {
        const volgende = volgendeZin(zin);
        const ref = volgende?.verwijzingen.find((v) => !geclaimd.has(v.nummer));
        if (volgende && ref && !MOTIE_VERMELDING.test(volgende.tekst) && !DOCUMENTWOORD.test(alineaTekst.slice(volgende.start, ref.offset))) {
          const v = motieVerwijzingen(ref.nummer);
          if (v.length > 0) {
            verwijzingen = v.slice(0, 1);
            geclaimd.add(ref.nummer);
          }
        }
        MOTIE_VERMELDING.lastIndex = 0;
      }
      const titel = motieTitel(zin, lijstEind, leden, zin.sectie);
      const onderwerp = /^\s*(?:c\.s\.)?\s*,?\s*(?:over|inzake|betreffende)\s+([^,.;]+)/i.exec(alineaTekst.slice(lijstEind, zin.eind))?.[1] ?? null;
      if (meervoud && leden.length > 1 && verwijzingen.length >= leden.length) {
        leden.forEach((lid, i) => voegMotieToe(zin, lid.start, schoneLeden([lid]), verwijzingen[i], motieTitel(zin, lijstEind, [lid], zin.sectie), jaar));
      } else if (meervoud && leden.length === 1 && verwijzingen.length > 1) {
        for (const v of verwijzingen) voegMotieToe(zin, leden[0].start, schoneLeden(leden), v, titel, jaar);
      } else if (meervoud && leden.length > 1) {
        leden.forEach((lid, i) => voegMotieToe(zin, lid.start, schoneLeden([lid]), verwijzingen[i] ?? null, motieTitel(zin, lijstEind, [lid], zin.sectie), jaar));
      } else {
        voegMotieToe(zin, leden[0].start, schoneLeden(leden), verwijzingen[0] ?? null, titel, jaar, onderwerp);
      }
    });

    // 2. "Kamerlid X heeft een motie ingediend", "Ook het Kamerlid X heeft verzocht …" (with the Kamerstuk in a footnote).
    if (!motieGevonden) {
      const lid = KAMERLID.exec(zinTekst);
      const motieWoord = /\b(?:een|de|haar|zijn|die|deze)\s+(?:door uw Kamer aangenomen\s+)?motie\b|\bmotie\s+ingediend\b/i.test(zinTekst);
      const verzoek = /\bheeft\b[^.]*\bverzocht\b/i.test(zinTekst) && zin.sectie.soorten.has('motie');
      if (lid && (motieWoord || verzoek)) {
        const naam = lid[1];
        const leden = leesNamenlijst(naam, 0);
        if (leden) {
          const lidOffset = zin.start + (lid.index ?? 0);
          const refs = vrijeVerwijzingen(zin, lidOffset, zin.eind + 3);
          let v: Verwijzing | null = null;
          for (const r of refs) {
            const gevonden = motieVerwijzingen(r.nummer)[0];
            if (gevonden) {
              v = gevonden;
              geclaimd.add(r.nummer);
              break;
            }
          }
          if (!v) v = verwijzingenIn(zinTekst.slice(lid.index ?? 0)).find((r) => r.soort === 'kamerstuk') ?? null;
          if (verzoek && !motieWoord && !v) {
            // A request without a Kamerstuk is no motie.
          } else {
            motieGevonden = true;
            const lijst = [{ naam: netteNaam(leden[0].naam), fractie: lid[2]?.trim() ?? null }];
            const jaar = vergaderjaarIn(zinTekst.replace(/\d{4}\s*-\s*\d{4}/g, ''));
            voegMotieToe(zin, lidOffset + lid[0].indexOf(naam), lijst, v, motieTitel(zin, lidOffset + lid[0].length, lijst, zin.sectie), jaar);
          }
        }
      }
    }

    // 3. Moties cited only in a footnote of this sentence ("Motie-Azarkan, Kamerstukken II 2019-2020, 29.628 nr. 957").
    for (const ref of zin.verwijzingen) {
      if (geclaimd.has(ref.nummer)) continue;
      const v = voetnoot(ref.nummer);
      if (!v || !/\bmotie/i.test(v.tekst)) continue;
      const stukken = v.tekst.split(/;|\s+en\s+(?=[Mm]otie)/);
      let gebruikt = false;
      for (const stuk of stukken) {
        VOETNOOT_MOTIE.lastIndex = 0;
        const m = VOETNOOT_MOTIE.exec(stuk);
        const nummers = verwijzingenIn(stuk).filter((r) => r.soort === 'kamerstuk');
        if (!m || nummers.length === 0) continue;
        const leden = leesNamenlijst(m[1], 0);
        if (!leden) continue;
        gebruikt = true;
        const zinVoor = alineaTekst.slice(zin.start, ref.offset);
        const titel = kort(eersteHoofdletter(zinVoor.replace(/[.,;:]+$/, '')));
        voegMotieToe(zin, ref.offset, leden.map((l) => ({ naam: l.naam, fractie: l.fractie })), nummers[0], titel, nummers[0].vergaderjaar ?? vergaderjaarIn(stuk));
      }
      if (gebruikt) geclaimd.add(ref.nummer);
    }

    // 4. Toezeggingen the minister names as such.
    const sluit = sluitzinStatus(zinTekst) !== null;
    const toezegging =
      !sluit &&
      (/\btoegezegd\b/i.test(zonderVelden) || /^(?:conform|overeenkomstig|volgens)\s+(?:mijn|de)\s+toezegging\b/i.test(zinTekst) || /\bzeg(?:t|de)\b[^.]*\btoe\b/.test(zinTekst)) &&
      !/\b(?:gedane|diverse|alle|openstaande)\s+toezeggingen\b/i.test(zinTekst);
    if (toezegging) {
      const trefwoord = /toegezegd|toezegging|zeg(?:t|de)/i.exec(zinTekst);
      const trefOffset = zin.start + (trefwoord?.index ?? 0);
      const aanvullend = /\b(?:verder|tevens|eveneens|daarnaast|ook)\b[^.]*\btoegezegd\b/i.test(zinTekst);
      const sectieItem = kandidaten.find((k) => k.sectieItem && k.sectie === zin.sectie && k.soort === 'toezegging' && !k.gevouwen);
      let verwijzing: Verwijzing | null = null;
      let heeftNoot = false;
      for (const r of vrijeVerwijzingen(zin, trefOffset - 200, zin.eind + 3)) {
        const v = voetnoot(r.nummer);
        if (!v) continue;
        heeftNoot = true;
        geclaimd.add(r.nummer);
        verwijzing = verwijzingenIn(v.tekst)[0] ?? null;
        break;
      }
      if (!heeftNoot) {
        // A register list gives the number in the sentence itself: "Toezegging (TZ202310-045): De minister zegt toe …".
        const inline = verwijzingenIn(zinTekst).find((r) => r.soort === 'toezegging');
        if (inline) {
          verwijzing = inline;
          heeftNoot = true;
        }
      }
      const titel = toezeggingTitel(zinTekst.replace(/^Toezegging\s*(?:\([^)]*\))?\s*:\s*/i, ''));
      const debat = debatUit(zinTekst);
      if (sectieItem && !aanvullend) {
        if (heeftNoot && sectieItem.nummerInBron === null) {
          sectieItem.nummer = verwijzing?.nummer ?? null;
          sectieItem.nummerInBron = verwijzing?.nummerInBron ?? null;
          sectieItem.vergaderjaar = verwijzing?.vergaderjaar ?? null;
          if (verwijzing?.probleem) waarschuwingen.push(`Regel ${zin.alinea.regelBij(trefOffset)}: ${verwijzing.probleem}.`);
        }
        sectieItem.gevouwen = true;
        sectieItem.nummerVast = sectieItem.nummerVast || heeftNoot;
        sectieItem.bewijs = zin.tekst;
        sectieItem.bewijsRegel = zin.alinea.regelBij(zin.start);
        sectieItem.debat = sectieItem.debat ?? debat;
        sectieItem.datum = sectieItem.datum ?? datumUit(debat ?? zinTekst, briefDatum, waarschuwingen);
      } else {
        if (verwijzing?.probleem) waarschuwingen.push(`Regel ${zin.alinea.regelBij(trefOffset)}: ${verwijzing.probleem}.`);
        const k = nieuw({
          soort: 'toezegging',
          nummer: verwijzing?.nummer ?? null,
          nummerInBron: verwijzing?.nummerInBron ?? null,
          vergaderjaar: verwijzing?.vergaderjaar ?? vergaderjaarIn(zinTekst.replace(/\d{4}\s*-\s*\d{4}/g, '')),
          titel,
          leden: lidInZin(zinTekst),
          rol: 'behandeld',
          regel: regelVoor(zin.sectie, zin.alinea, trefOffset),
          bewijs: zin.tekst,
          bewijsRegel: zin.alinea.regelBij(zin.start),
          debat,
          datum: datumUit(debat ?? zinTekst, briefDatum, waarschuwingen),
          sectie: zin.sectie,
          eersteAlinea: zin.alinea,
        });
        pasZinStatusToe(k, zin);
      }
    }

    // Register fields of the item just read: "Status: Voldaan", "Toegezegd aan: het lid Agema (PVV)".
    let laatste: Kandidaat | undefined;
    const zinRegel = zin.alinea.regelBij(zin.start);
    for (let i = kandidaten.length - 1; i >= 0 && !laatste; i--) {
      const k = kandidaten[i];
      if (k.sectie === zin.sectie && !k.uitTabel && k.bewijsRegel <= zinRegel) laatste = k;
    }
    const veld = STATUSVELD.exec(zinTekst);
    const veldwaarde = veld ? (celStatus(veld[1]) ?? (/^(?:openstaand|lopend)/i.test(veld[1]) ? 'in-behandeling' : null)) : null;
    if (veld && veldwaarde && laatste && !laatste.veldStatus) {
      laatste.status = veldwaarde;
      laatste.statusUitZin = true;
      laatste.veldStatus = true;
      laatste.bewijs = `Status: ${veld[1].trim()}`;
      laatste.bewijsRegel = zin.alinea.regelBij(zin.start + (veld.index ?? 0));
      if (veldwaarde !== 'in-behandeling') laatste.afgedaanIn = 'dit document';
    }
    const aan = /\bToegezegd aan\s*:\s*(?:het lid|de leden|mevrouw|de heer)?\s*([^:]{2,60}?)(?=\s+\p{Lu}[\p{Ll} ]{2,20}:|[.;]|$)/u.exec(zinTekst);
    if (aan && laatste && laatste.soort === 'toezegging' && laatste.leden.length === 0) {
      laatste.leden = (leesNamenlijst(aan[1], 0) ?? []).map((l) => ({ naam: l.naam, fractie: l.fractie }));
    }

    // A toezegging section gets its item as soon as its first sentence is read.
    if (zin.sectie.isItemSectie && zin.sectie.soorten.has('toezegging') && zin.sectie.kop && !kandidaten.some((k) => k.sectieItem && k.sectie === zin.sectie && k.soort === 'toezegging')) {
      const kop = zin.sectie.kop;
      const k = nieuw({
        soort: 'toezegging',
        nummer: null,
        nummerInBron: null,
        vergaderjaar: null,
        titel: zonderOpsomming(kop.tekst),
        leden: lidInZin(zinTekst),
        rol: 'behandeld',
        regel: kop.eersteRegel,
        bewijs: zonderOpsomming(kop.tekst),
        bewijsRegel: kop.eersteRegel,
        debat: debatUit(zinTekst),
        datum: datumUit(debatUit(zinTekst) ?? '', briefDatum, waarschuwingen),
        sectie: zin.sectie,
        eersteAlinea: zin.alinea,
        sectieItem: true,
      });
      // Move it before the items this first sentence produced, so it stays the section's main toezegging.
      kandidaten.splice(kandidaten.indexOf(k), 1);
      const eersteInSectie = kandidaten.findIndex((x) => x.sectie === zin.sectie);
      kandidaten.splice(eersteInSectie < 0 ? kandidaten.length : eersteInSectie, 0, k);
      if (toezegging) {
        // The sentence that made this toezegging also belongs to the section item: fold it in.
        const los = kandidaten.filter((x) => x.sectie === zin.sectie && x.soort === 'toezegging' && !x.sectieItem && x.bewijs === zin.tekst);
        if (los.length > 0 && !/\b(?:verder|tevens|eveneens|daarnaast|ook)\b[^.]*\btoegezegd\b/i.test(zinTekst)) {
          const l = los[0];
          k.nummer = l.nummer;
          k.nummerInBron = l.nummerInBron;
          k.vergaderjaar = l.vergaderjaar;
          k.bewijs = l.bewijs;
          k.bewijsRegel = l.bewijsRegel;
          k.debat = l.debat;
          k.datum = l.datum;
          k.nummerVast = l.nummerInBron !== null || zin.verwijzingen.length > 0;
          k.gevouwen = true;
          kandidaten.splice(kandidaten.indexOf(l), 1);
        }
      }
    }
    // Items are only added from here on (a fold replaces one by another): past the maximum, stop reading.
    if (kandidaten.length > MAX_ITEMS) throw teVeelItems(kandidaten.length, true);
  }

  function lijstEnd(n: number): number {
    return n;
  }

  // Section items: a motie section without a named motie is itself the motie; numbers for toezegging sections.
  for (const sectie of secties) {
    if (!sectie.isItemSectie || !sectie.kop) continue;
    const inSectie = kandidaten.filter((k) => k.sectie === sectie && !k.uitTabel);
    const eersteBody = sectie.alineas.find((a) => !a.kop && !a.tabelrij);
    // "1. Motie van het lid X (fractie) over …": the heading names the motie and its members.
    const kopLeden = ledenUit(zonderOpsomming(sectie.kop.tekst));
    const kopMotieOntbreekt = kopLeden.length > 0 && !inSectie.some((k) => k.soort === 'motie' && overlapt(k.leden, kopLeden));
    if (sectie.soorten.has('motie') && (!inSectie.some((k) => k.soort === 'motie') || kopMotieOntbreekt) && eersteBody) {
      let v: Verwijzing | null = null;
      for (const r of eersteBody.verwijzingen) {
        if (geclaimd.has(r.nummer)) continue;
        const gevonden = motieVerwijzingen(r.nummer)[0];
        if (gevonden) {
          v = gevonden;
          geclaimd.add(r.nummer);
          break;
        }
      }
      if (!v && !/\b(?:de|deze)\s+motie\b/i.test(eersteBody.tekst)) continue;
      const k = nieuw({
        soort: 'motie',
        nummer: v?.nummer ?? null,
        nummerInBron: v?.nummerInBron ?? null,
        vergaderjaar: v?.vergaderjaar ?? null,
        titel: zonderOpsomming(sectie.kop.tekst),
        leden: kopLeden,
        rol: 'behandeld',
        regel: sectie.kop.eersteRegel,
        bewijs: zonderOpsomming(sectie.kop.tekst),
        bewijsRegel: sectie.kop.eersteRegel,
        debat: null,
        datum: null,
        sectie,
        eersteAlinea: eersteBody,
      });
      kandidaten.splice(kandidaten.indexOf(k), 1);
      const plek = kandidaten.findIndex((x) => x.sectie === sectie);
      kandidaten.splice(plek < 0 ? kandidaten.findIndex((x) => x.regel > sectie.kop!.eersteRegel) : plek, 0, k);
    }
    const item = kandidaten.find((k) => k.sectie === sectie && k.sectieItem && k.soort === 'toezegging');
    if (item && item.nummerInBron === null && !item.nummerVast) {
      const alleRefs = sectie.alineas.flatMap((a) => a.verwijzingen).filter((r) => !geclaimd.has(r.nummer));
      const tz = alleRefs.map((r) => ({ r, v: verwijzingenIn(voetnoot(r.nummer)?.tekst ?? '').find((x) => x.soort === 'toezegging') })).find((x) => x.v);
      let gekozen: { r: { nummer: string }; v: Verwijzing } | null = tz?.v ? { r: tz.r, v: tz.v } : null;
      if (!gekozen && eersteBody) {
        for (const r of eersteBody.verwijzingen) {
          if (geclaimd.has(r.nummer)) continue;
          const tekstNoot = voetnoot(r.nummer)?.tekst ?? '';
          if (/handelingen/i.test(tekstNoot)) break;
          const v = verwijzingenIn(tekstNoot)[0];
          if (v) gekozen = { r, v };
          break;
        }
      }
      if (gekozen) {
        geclaimd.add(gekozen.r.nummer);
        item.nummer = gekozen.v.nummer;
        item.nummerInBron = gekozen.v.nummerInBron;
        item.vergaderjaar = gekozen.v.vergaderjaar;
        if (gekozen.v.probleem) waarschuwingen.push(`Regel ${item.regel}: ${gekozen.v.probleem}.`);
      }
    }
  }

  // Status from closing sentences, per section; and which moties a section only mentions in passing.
  for (const sectie of secties) {
    const inSectie = kandidaten.filter((k) => k.sectie === sectie && !k.uitTabel && !k.veldStatus);
    if (inSectie.length === 0) continue;
    const sectieZinnen = zinnenVan.get(sectie) ?? [];
    let meervoudigeAfsluiting = false;
    for (const zin of sectieZinnen) {
      const status = sluitzinStatus(zin.tekst);
      if (!status) continue;
      const soorten = new Set<GelezenSoort>();
      if (/\bmoties?\b/i.test(zin.tekst)) soorten.add('motie');
      if (/\btoezegging(?:en)?\b/i.test(zin.tekst)) soorten.add('toezegging');
      if (soorten.size === 0) for (const k of inSectie) soorten.add(k.soort);
      const meervoud = /\b(?:moties|toezeggingen|beide|genoemde|twee|drie|alle)\b/i.test(zin.tekst);
      if (meervoud) meervoudigeAfsluiting = true;
      const genoemdeLeden = [...zin.tekst.matchAll(MOTIE_VERMELDING)].flatMap((m) => leesNamenlijst(m[2], 0) ?? []);
      MOTIE_VERMELDING.lastIndex = 0;
      let doelen = inSectie.filter((k) => soorten.has(k.soort));
      if (genoemdeLeden.length > 0) doelen = doelen.filter((k) => overlapt(k.leden, genoemdeLeden));
      else if (!meervoud) {
        // Outside item sections a paragraph handles its own item: a closing sentence there closes that one.
        const hier = sectie.isItemSectie ? [] : doelen.filter((k) => k.eersteAlinea === zin.alinea && !k.terloops);
        doelen = (hier.length > 0 ? hier : doelen).slice(0, 1);
      }
      if (!sectie.isItemSectie) doelen = doelen.filter((k) => k.eersteAlinea.index <= zin.alinea.index);
      for (const k of doelen) {
        if (k.status === 'afgedaan' && status !== 'afgedaan') continue;
        k.status = status;
        k.statusUitZin = true;
        k.bewijs = zin.tekst;
        k.bewijsRegel = zin.alinea.regelBij(zin.start);
        const brief = /\b(?:in|bij)\s+(?:een|de|mijn)\s+(brief\s+van\s+[^.]*?)(?:\.|$)/i.exec(zin.tekst);
        const noot = zin.verwijzingen.map((v) => voetnoot(v.nummer)?.tekst).find((t) => t && verwijzingenIn(t).length > 0);
        k.afgedaanIn = brief ? kort(brief[1], 140) : noot && /brief/i.test(zin.tekst) ? noot : 'dit document';
      }
    }
    if (sectie.isItemSectie) {
      const eersteBody = sectie.alineas.find((a) => !a.kop);
      for (const k of inSectie) {
        if (k.soort !== 'motie' || k.sectieItem || kopLedenVan(sectie).some((l) => overlapt([l], k.leden))) continue;
        const vroeg = eersteBody !== undefined && k.eersteAlinea.index === eersteBody.index;
        if (!vroeg && !sectie.meervoud && !meervoudigeAfsluiting && k.status === null) k.rol = 'genoemd';
      }
    }
  }

  for (const k of kandidaten) {
    if (k.terloops) k.rol = 'genoemd';
    if (k.rol === 'behandeld' && k.status === null) k.status = 'in-behandeling';
    if (k.rol === 'genoemd') k.status = null;
  }
  for (const k of kandidaten) {
    if (k.soort !== 'toezegging' || !k.nummerInBron) continue;
    const zelfde = kandidaten.filter((x) => x.soort === 'toezegging' && x.nummerInBron === k.nummerInBron);
    if (zelfde[0] === k && zelfde.length > 1) {
      waarschuwingen.push(`Toezeggingnummer ${k.nummerInBron} staat bij ${zelfde.length} verschillende toezeggingen (regels ${zelfde.map((x) => x.regel).join(', ')}); het register neemt een nummer maar één keer aan.`);
    }
  }

  if (kandidaten.length > MAX_ITEMS) throw teVeelItems(kandidaten.length);
  // Joined once per section, not once per item: a section of 2 MB with 200 moties would be 400 MB of strings.
  const sectieTeksten = new Map<Sectie, string>();
  const sectieTekstVan = (sectie: Sectie): string => {
    let t = sectieTeksten.get(sectie);
    if (t === undefined) {
      t = begrens(sectie.alineas.map((a) => a.tekst).join('\n'), MAX_TEKST);
      sectieTeksten.set(sectie, t);
    }
    return t;
  };
  const items: GelezenItem[] = kandidaten.map((k) => {
    const sectieTekst = k.sectie.isItemSectie ? sectieTekstVan(k.sectie) : k.eersteAlinea.tekst;
    let zekerheid = 0.45;
    if (k.nummer) zekerheid += 0.25;
    if (k.statusUitZin) zekerheid += 0.2;
    if (k.leden.length > 0 || k.soort === 'toezegging') zekerheid += 0.05;
    if (k.rol === 'genoemd') zekerheid = Math.min(zekerheid, 0.4);
    if (k.nummerInBron && !k.nummer) zekerheid -= 0.1;
    return begrensItem({
      soort: k.soort,
      nummer: k.nummer,
      nummerInBron: k.nummerInBron,
      vergaderjaar: k.vergaderjaar,
      titel: k.titel,
      leden: k.leden,
      status: k.status,
      rol: k.rol,
      regel: k.regel,
      bewijs: k.bewijs,
      bewijsRegel: k.bewijsRegel,
      thema: k.sectie.isItemSectie ? k.sectie.thema : (k.sectie.kop?.tekst.trim() ?? null),
      debat: k.debat,
      datum: k.datum,
      tekst: sectieTekst,
      afgedaanIn: k.status === 'afgedaan' || k.status === 'deels-afgedaan' ? k.afgedaanIn : null,
      zekerheid: Math.round(Math.max(0.1, Math.min(0.95, zekerheid)) * 100) / 100,
    });
  });

  return { items, aanvullendeZaken: aanvullendeZakenIn(tekst, secties, kandidaten), waarschuwingen };
}

const STOPWOORDEN = new Set(['de', 'het', 'een', 'van', 'over', 'en', 'in', 'op', 'te', 'voor', 'met', 'aan', 'bij', 'naar', 'om', 'die', 'dat', 'motie', 'inzake']);

function woorden(s: string): Set<string> {
  return new Set(s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9 ]+/g, ' ').split(/\s+/).filter((w) => w.length > 1 && !STOPWOORDEN.has(w)));
}

/** Share of the words of `a` that also occur in `b`. */
function woordOverlap(a: string, b: string): number {
  const x = woorden(a);
  const y = woorden(b);
  if (x.size === 0) return 1;
  return [...x].filter((w) => y.has(w)).length / x.size;
}

function toezeggingTitel(zin: string): string {
  const na = /\btoegezegd\b\s*,?\s*(?:aan uw Kamer\s+|uw Kamer\s+)?(?:om\s+|dat\s+)?([^]*)$/i.exec(zin);
  if (na && na[1].replace(/[.\s]+$/, '').length > 12) return kort(eersteHoofdletter(na[1].replace(/[.\s]+$/, '')));
  const die = zin.search(/\s+die\s+ik\b[^.]*\btoegezegd\b/i);
  if (die > 0) {
    const np = /\b((?:de|het|een)\s+.*)$/i.exec(zin.slice(0, die).split(',').pop() ?? '');
    if (np) return kort(eersteHoofdletter(np[1]));
  }
  const conform = /^(?:conform|overeenkomstig|volgens|zoals)\s+(?:mijn\s+|de\s+)?(?:toezegging|toegezegd)\b[^,]*?,?\s+((?:licht|informeer|stuur|zend|bied|geef|ga|kom|zal)\b[^]*)$/i.exec(zin);
  if (conform) return kort(eersteHoofdletter(conform[1].replace(/[.\s]+$/, '')));
  return kort(eersteHoofdletter(zin.replace(/[.\s]+$/, '')));
}

function lidInZin(ruw: string): GelezenLid[] {
  const zin = ruw.replace(/\bmoties?\s+van\s+(?:het\s+|de\s+)?(?:lid|leden)\b/gi, 'motie');
  const m = new RegExp(`\\b(?:[Kk]amerlid|van (?:het )?lid|het lid)\\s+(${NAAM})`, 'u').exec(zin);
  if (!m) return [];
  const leden = leesNamenlijst(m[1], 0);
  return leden ? [{ naam: leden[0].naam, fractie: null }] : [];
}

/** The heading that opens the part of a letter with its other subjects. */
const OVERIGE_KOP = /^(?:overige?\s+(?:onderwerpen|zaken|punten)|aanvullende\s+zaken|overig)\s*$/i;
/** The letterhead's labels ("Onderwerp …", "Datum …", "Kenmerk …"): the letter's own data, never a subject it reports on. */
const BRIEFKOP = /^(?:datum|onderwerp|betreft|kenmerk|ons kenmerk|uw kenmerk|uw brief|bijlagen?|aan|contactpersoon|inlichtingen|doorkiesnummer|stand per)\b/i;
/** The parts of a letter around its subjects. */
const GEEN_ONDERWERP = /^(?:inleiding|aanleiding|leeswijzer|samenvatting|tot slot|afsluiting|slot|voetnoten|noten|geachte)\b/i;

function aanvullendeZakenIn(tekst: GenormaliseerdeTekst, secties: readonly Sectie[], kandidaten: readonly Kandidaat[]): AanvullendeZaak[] {
  const zaken: AanvullendeZaak[] = [];
  const alineas = tekst.alineas;
  // A list introduced as "aanvullende zaken" (or under such a heading): each entry is one.
  for (let i = 0; i < alineas.length; i++) {
    const a = alineas[i];
    if (!/\baanvullende zaken\b|\boverige onderwerpen\b/i.test(a.tekst) || a.tekst.length > 400) continue;
    if (!(a.kop || /:\s*$/.test(a.tekst))) continue;
    for (let j = i + 1; j < alineas.length; j++) {
      const regel = alineas[j].tekst.trim();
      const m = /^(?:\d{1,2}[.)]|[a-z][.)]|[-•·–*])\s+(.{3,200})$/.exec(regel);
      if (!m) break;
      zaken.push({ titel: m[1].replace(/[;,.]+$/, '').trim(), regel: alineas[j].eersteRegel });
    }
  }
  // A theme section with text of its own and no motie or toezegging in it: in an annex of item sections, or in any
  // letter once a heading "Overige onderwerpen" / "Aanvullende zaken" has opened the part that holds them.
  const metItemSecties = secties.some((s) => s.isItemSectie);
  const titels = new Set(zaken.map((z) => z.titel));
  const metKandidaten = new Set(kandidaten.map((k) => k.sectie));
  let onderOverige = false;
  secties.forEach((s, i) => {
    if (s.isItemSectie) {
      onderOverige = false;
      return;
    }
    if (!s.kop) return;
    const titel = s.kop.tekst.trim();
    if (OVERIGE_KOP.test(titel)) {
      onderOverige = true;
      return;
    }
    const body = s.alineas.filter((a) => !a.kop);
    if (body.length === 0 || metKandidaten.has(s)) return;
    if (i === 0 || /^(tabel|bijlage)\b/i.test(titel) || BRIEFKOP.test(titel) || GEEN_ONDERWERP.test(titel)) return;
    if (!metItemSecties && !onderOverige) return;
    if (titels.has(titel)) return;
    titels.add(titel);
    zaken.push({ titel, regel: s.kop.eersteRegel });
  });
  return zaken;
}
