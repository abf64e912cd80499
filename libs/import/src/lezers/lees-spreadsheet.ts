/*
 * Register spreadsheets (XLSX via exceljs, CSV via csv-parse) with a column mapping: register field → the
 * column heading the clerk chose. Without a mapping the usual Dutch headings are recognised. Formulas are
 * never evaluated: a formula cell contributes its cached result, if Excel stored one. Cell text that starts
 * with = + - @ is data and stays text.
 */

import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { GelezenDocument, GelezenItem, GelezenLid, GelezenSoort, GelezenStatus } from '../bijlage';
import { MAX_ITEMS, begrensItem, teVeelItems } from '../grenzen';
import { ImportFout } from '../import-fout';
import { kalenderdatum, ongeldigeDatum } from '../tekst/datum';
import { isGeldigNummer, verwijzingenIn, vergaderjaarIn } from '../tekst/kamernummer';
import type { Kolomindeling } from '../kolomindeling';

export const VELDEN = ['soort', 'nummer', 'vergaderjaar', 'titel', 'leden', 'fractie', 'status', 'datum', 'debat', 'tekst', 'thema', 'afgedaanIn'] as const;
export type Veld = (typeof VELDEN)[number];

/** Headings recognised without a mapping (compared lower-case, without punctuation). */
export const STANDAARD_KOPPEN: Readonly<Record<Veld, readonly string[]>> = {
  soort: ['soort', 'type', 'categorie', 'motie of toezegging', 'motie toezegging'],
  nummer: ['nummer', 'kamerstuk', 'kamerstuknummer', 'tz nummer', 'tznummer', 'referentie', 'kenmerk'],
  vergaderjaar: ['vergaderjaar', 'zittingsjaar'],
  titel: ['titel', 'omschrijving', 'korte titel', 'onderwerp'],
  leden: ['indieners', 'indiener', 'leden', 'kamerlid', 'kamerleden', 'lid'],
  fractie: ['fractie', 'partij'],
  status: ['status', 'stand', 'afgedaan'],
  datum: ['datum', 'datum motie', 'datum toezegging', 'datum debat'],
  debat: ['debat', 'vindplaats', 'bron'],
  tekst: ['tekst', 'toelichting', 'stand van zaken', 'voortgang'],
  thema: ['thema', 'beleidsterrein', 'onderwerp thema'],
  afgedaanIn: ['afgedaan in', 'afgedaan met', 'afdoening'],
};

interface Cel {
  readonly tekst: string;
  readonly formule: boolean;
  readonly zonderUitkomst: boolean;
}

function normKop(s: string): string {
  return s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, ' ').trim();
}

function celUitExcel(waarde: ExcelJS.CellValue): Cel {
  if (waarde === null || waarde === undefined) return { tekst: '', formule: false, zonderUitkomst: false };
  if (waarde instanceof Date) return { tekst: waarde.toISOString().slice(0, 10), formule: false, zonderUitkomst: false };
  if (typeof waarde === 'object') {
    if ('formula' in waarde || 'sharedFormula' in waarde) {
      const uitkomst = (waarde as { result?: unknown }).result;
      if (uitkomst === undefined || uitkomst === null || (typeof uitkomst === 'object' && !(uitkomst instanceof Date))) return { tekst: '', formule: true, zonderUitkomst: true };
      return { tekst: uitkomst instanceof Date ? uitkomst.toISOString().slice(0, 10) : String(uitkomst), formule: true, zonderUitkomst: false };
    }
    if ('richText' in waarde) return { tekst: waarde.richText.map((r) => r.text).join(''), formule: false, zonderUitkomst: false };
    if ('text' in waarde) return { tekst: String(waarde.text), formule: false, zonderUitkomst: false };
    if ('error' in waarde) return { tekst: '', formule: false, zonderUitkomst: false };
  }
  return { tekst: String(waarde), formule: false, zonderUitkomst: false };
}

async function rijenUitXlsx(bytes: Uint8Array): Promise<Cel[][]> {
  const boek = new ExcelJS.Workbook();
  try {
    await boek.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    // exceljs's and jszip's messages are English and technical: the clerk gets what to do instead.
    throw new ImportFout('beschadigd-bestand', 'Het Excel-bestand is beschadigd of geen geldig XLSX-bestand en kan niet worden gelezen. Open het in Excel, sla het opnieuw op als .xlsx en probeer het nog eens.');
  }
  const blad = boek.worksheets.find((w) => w.actualRowCount > 0);
  if (!blad) throw new ImportFout('geen-items', 'Het Excel-bestand bevat geen gevulde werkbladen.');
  const rijen: Cel[][] = [];
  const breedte = blad.columnCount;
  for (let r = 1; r <= blad.rowCount; r++) {
    const rij = blad.getRow(r);
    const cellen: Cel[] = [];
    for (let k = 1; k <= breedte; k++) cellen.push(celUitExcel(rij.getCell(k).value));
    rijen.push(cellen);
  }
  return rijen;
}

function rijenUitCsv(bytes: Uint8Array): Cel[][] {
  const tekst = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  const eerste = tekst.split(/\r?\n/, 1)[0] ?? '';
  const scheiding = [';', '\t', ','].sort((a, b) => eerste.split(b).length - eerste.split(a).length)[0];
  let records: string[][];
  try {
    records = parse(tekst, { delimiter: scheiding, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (e) {
    const regel = (e as { lines?: unknown }).lines;
    throw new ImportFout('beschadigd-bestand', `Het CSV-bestand kan niet worden gelezen${typeof regel === 'number' ? ` (rond regel ${regel})` : ''}: controleer de scheidingstekens en aanhalingstekens.`);
  }
  return records.map((r) => r.map((t) => ({ tekst: t, formule: false, zonderUitkomst: false })));
}

function zoekKolommen(kop: readonly string[], kolommen: Kolomindeling | undefined): Map<Veld, number> {
  const genormd = kop.map(normKop);
  const indeling = new Map<Veld, number>();
  if (kolommen) {
    const onbekend = Object.keys(kolommen).filter((v) => !(VELDEN as readonly string[]).includes(v));
    if (onbekend.length > 0) throw new ImportFout('kolommen-ontbreken', `Onbekend veld in de kolomindeling: ${onbekend.join(', ')}. Velden: ${VELDEN.join(', ')}.`);
    const ontbreekt: string[] = [];
    for (const [veld, naam] of Object.entries(kolommen)) {
      const i = genormd.indexOf(normKop(naam));
      if (i < 0) ontbreekt.push(`${veld} = "${naam}"`);
      else indeling.set(veld as Veld, i);
    }
    if (ontbreekt.length > 0) throw new ImportFout('kolommen-ontbreken', `Deze kolommen staan niet in de kopregel: ${ontbreekt.join(', ')}. Gevonden: ${kop.filter(Boolean).join(', ')}.`);
  }
  for (const veld of VELDEN) {
    if (indeling.has(veld)) continue;
    const i = genormd.findIndex((k, n) => STANDAARD_KOPPEN[veld].includes(k) && ![...indeling.values()].includes(n));
    if (i >= 0) indeling.set(veld, i);
  }
  if (!indeling.has('titel') || (!indeling.has('soort') && !indeling.has('nummer'))) {
    throw new ImportFout(
      'kolommen-ontbreken',
      `De kolommen voor titel en voor soort of nummer ontbreken. Gevonden koppen: ${kop.filter(Boolean).join(', ') || '(geen)'}. Geef een kolomindeling op, bijvoorbeeld --kolom titel="Omschrijving".`,
    );
  }
  return indeling;
}

function statusUit(tekst: string): GelezenStatus | null {
  const t = normKop(tekst);
  if (t === '') return null;
  if (/deels|gedeeltelijk/.test(t)) return 'deels-afgedaan';
  if (/^(afgedaan|afgerond|gereed|voldaan|ja)$/.test(t) || /^afgedaan\b/.test(t)) return 'afgedaan';
  if (/behandeling|openstaand|lopend|open|nee/.test(t)) return 'in-behandeling';
  return null;
}

function ledenUit(tekst: string, fractie: string): GelezenLid[] {
  const fracties = fractie.split(/\s*[,;/]\s*/).filter(Boolean);
  return tekst
    .split(/\s*[,;]\s*|\s+en\s+/)
    .map((n) => n.replace(/\bc\.s\.?$/, '').trim())
    .filter(Boolean)
    .map((naam, i) => {
      const m = /^(.*?)\s*\(([^)]+)\)$/.exec(naam);
      return m ? { naam: m[1], fractie: m[2] } : { naam, fractie: fracties[i] ?? (fracties.length === 1 ? fracties[0] : null) };
    });
}

/** `2024-02-14…` or `14-02-2024` (also with / or .); a day that does not exist gives `ongeldig`. */
function datumUit(tekst: string): { datum: string | null; ongeldig: boolean } {
  const t = tekst.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  const nl = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  const delen = iso ? [iso[1], iso[2], iso[3]] : nl ? [nl[3], nl[2], nl[1]] : null;
  if (!delen) return { datum: null, ongeldig: false };
  const datum = kalenderdatum(Number(delen[0]), Number(delen[1]), Number(delen[2]));
  return { datum, ongeldig: datum === null };
}

export async function leesSpreadsheet(bytes: Uint8Array, formaat: 'xlsx' | 'csv', kolommen?: Kolomindeling): Promise<GelezenDocument> {
  const rijen = formaat === 'xlsx' ? await rijenUitXlsx(bytes) : rijenUitCsv(bytes);
  const kopIndex = rijen.findIndex((r) => r.some((c) => c.tekst.trim() !== ''));
  if (kopIndex < 0) throw new ImportFout('geen-items', 'Het bestand bevat geen rijen.');
  const kop = rijen[kopIndex].map((c) => c.tekst.trim());
  const indeling = zoekKolommen(kop, kolommen);
  const waarschuwingen: string[] = [];
  const data = rijen.slice(kopIndex + 1);

  for (const [veld, k] of indeling) {
    const gevuld = data.filter((r) => r[k] && (r[k].tekst !== '' || r[k].formule));
    if (gevuld.length > 0 && gevuld.every((r) => r[k].formule && r[k].zonderUitkomst)) {
      throw new ImportFout('formules-in-cellen', `De kolom "${kop[k]}" (${veld}) bevat alleen formules zonder opgeslagen uitkomst; formules worden niet uitgerekend. Sla het bestand op met waarden.`);
    }
  }
  const formulecellen = data.flatMap((r, n) => [...indeling.values()].filter((k) => r[k]?.formule).map((k) => `${kop[k]} rij ${kopIndex + n + 2}`));
  if (formulecellen.length > 0) {
    waarschuwingen.push(`${formulecellen.length} cel(len) bevatten een formule; de opgeslagen uitkomst is gebruikt, niets is uitgerekend (${formulecellen.slice(0, 5).join('; ')}${formulecellen.length > 5 ? ' …' : ''}).`);
  }

  const regels = rijen.map((r) => r.map((c) => c.tekst).join(' | '));
  const titelKolom = indeling.get('titel');
  const nummerKolom = indeling.get('nummer');
  const aantal = data.filter((r) => (titelKolom !== undefined && (r[titelKolom]?.tekst ?? '').trim() !== '') || (nummerKolom !== undefined && (r[nummerKolom]?.tekst ?? '').trim() !== '')).length;
  if (aantal > MAX_ITEMS) throw teVeelItems(aantal);
  const items: GelezenItem[] = [];
  data.forEach((rij, n) => {
    const regel = kopIndex + n + 2;
    const waarde = (veld: Veld): string => {
      const k = indeling.get(veld);
      return k === undefined ? '' : (rij[k]?.tekst ?? '').trim();
    };
    const titel = waarde('titel');
    if (titel === '' && waarde('nummer') === '') return;
    for (const veld of indeling.keys()) {
      if (/^[=+\-@]/.test(waarde(veld))) waarschuwingen.push(`Rij ${regel}: de cel ${veld} begint met "${waarde(veld)[0]}"; als tekst overgenomen, niet uitgevoerd.`);
    }
    const bron = waarde('nummer');
    const gevonden = verwijzingenIn(bron)[0];
    const direct = bron.replace(/\s+/g, '').replace(/,?nr\.?/i, '-');
    const nummer = isGeldigNummer(bron) ? bron : isGeldigNummer(direct) ? direct : (gevonden?.nummer ?? null);
    const soortTekst = normKop(waarde('soort'));
    const soort: GelezenSoort = /toezeg/.test(soortTekst) ? 'toezegging' : /motie/.test(soortTekst) ? 'motie' : /^tz/i.test(bron) ? 'toezegging' : 'motie';
    if (bron && !nummer) waarschuwingen.push(`Rij ${regel}: "${bron}" is geen geldig Kamer- of toezeggingnummer.`);
    const status = statusUit(waarde('status'));
    const datum = datumUit(waarde('datum'));
    if (datum.ongeldig) waarschuwingen.push(`Rij ${regel}: ${ongeldigeDatum(waarde('datum'))}`);
    items.push(begrensItem({
      soort,
      nummer,
      nummerInBron: bron === '' ? null : (gevonden?.nummerInBron ?? bron),
      vergaderjaar: vergaderjaarIn(waarde('vergaderjaar')) ?? gevonden?.vergaderjaar ?? null,
      titel: titel || bron,
      leden: ledenUit(waarde('leden'), waarde('fractie')),
      status: status ?? 'in-behandeling',
      rol: 'behandeld',
      regel,
      bewijs: regels[regel - 1],
      bewijsRegel: regel,
      thema: waarde('thema') || null,
      debat: waarde('debat') || null,
      datum: datum.datum,
      tekst: waarde('tekst'),
      afgedaanIn: waarde('afgedaanIn') || null,
      zekerheid: nummer ? 0.9 : 0.6,
    }));
  });
  if (items.length === 0) throw new ImportFout('geen-items', 'Het bestand bevat onder de kopregel geen rijen met een titel of nummer.');
  return { formaat, regels, brief: { datum: null, kenmerk: null, onderwerp: null }, items, aanvullendeZaken: [], waarschuwingen };
}
