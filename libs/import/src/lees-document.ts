import { DocumentFormaat, GelezenDocument } from './bijlage';
import { ImportFout } from './import-fout';
import { leesDocx } from './lezers/lees-docx';
import { leesPdf } from './lezers/lees-pdf';
import { leesSpreadsheet } from './lezers/lees-spreadsheet';
import { controleerZip, isZip } from './lezers/zip-controle';
import { leesBrief } from './tekst/brief';
import { extraheerBijlage } from './tekst/extraheer-bijlage';
import { normaliseer } from './tekst/normaliseer';
import { isNederlands } from './tekst/taal';

/** The largest document the readers accept; the API answers 413 above it. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export type { Kolomindeling } from './kolomindeling';
import type { Kolomindeling } from './kolomindeling';

export interface LeesOpties {
  /** For XLSX and CSV: which column holds which field (see the library README). */
  readonly kolommen?: Kolomindeling;
}

/** What the bytes are, by content: `%PDF-`, a zip holding Word or Excel parts, else UTF-8 text or CSV. */
export function herkenFormaat(bytes: Uint8Array): DocumentFormaat {
  if (bytes.length === 0) throw new ImportFout('leeg-bestand', 'Het bestand is leeg.');
  const kop = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (kop.trimStart().startsWith('%PDF-') || kop.slice(0, 1024).includes('%PDF-')) return 'pdf';
  if (isZip(bytes)) {
    const namen = controleerZip(bytes);
    if (namen.has('word/document.xml')) return 'docx';
    if (namen.has('xl/workbook.xml')) return 'xlsx';
    throw new ImportFout('onbekend-formaat', 'Het bestand is een zip-archief, maar geen Word- (DOCX) of Excel-document (XLSX).');
  }
  const tekst = decodeerTekst(bytes);
  return lijktCsv(tekst) ? 'csv' : 'txt';
}

function decodeerTekst(bytes: Uint8Array): string {
  let tekst: string;
  try {
    tekst = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportFout('onbekend-formaat', 'Het bestand is geen PDF, Word, Excel, CSV of tekst in UTF-8; het kan niet worden gelezen.');
  }
  const stuurtekens = [...tekst.slice(0, 100_000)].filter((c) => {
    const code = c.charCodeAt(0);
    return code < 9 || (code > 13 && code < 32) || code === 127;
  }).length;
  if (stuurtekens > 0) throw new ImportFout('onbekend-formaat', 'Het bestand bevat binaire gegevens en is geen tekst, PDF, Word- of Excel-document.');
  return tekst.replace(/^\uFEFF/, '');
}

/** Delimited rows with a stable number of fields and a header: a spreadsheet export, not a letter. */
export function lijktCsv(tekst: string): boolean {
  const regels = tekst.split(/\r?\n/).filter((r) => r.trim() !== '').slice(0, 20);
  if (regels.length < 2) return false;
  for (const scheiding of [';', ',', '\t']) {
    const velden = regels.map((r) => r.split(scheiding).length);
    if (velden[0] >= 3 && velden.filter((v) => v === velden[0]).length >= Math.ceil(regels.length * 0.8) && regels[0].length < 500) return true;
  }
  return false;
}

/** From the lines a reader produced to what it proposes. */
export function leesRegels(regels: readonly string[], formaat: DocumentFormaat): GelezenDocument {
  const geheel = regels.join('\n');
  if (geheel.trim() === '') throw new ImportFout('geen-tekst', 'Het document bevat geen leesbare tekst (misschien is het een scan zonder tekstlaag).');
  if (!isNederlands(geheel)) throw new ImportFout('andere-taal', 'Het document is niet in het Nederlands geschreven; de lezer herkent alleen Nederlandse bijlagen.');
  const briefWaarschuwingen: string[] = [];
  const brief = leesBrief(regels, briefWaarschuwingen);
  const extractie = extraheerBijlage(normaliseer(regels), brief.datum);
  if (extractie.items.length === 0 && extractie.aanvullendeZaken.length === 0) {
    throw new ImportFout('geen-items', 'In het document staan geen moties, toezeggingen of aanvullende zaken die de lezer herkent.');
  }
  return { formaat, regels: [...regels], brief, ...extractie, waarschuwingen: [...briefWaarschuwingen, ...extractie.waarschuwingen] };
}

/**
 * Reads a document of any supported kind — recognised by its content, not its name — and extracts
 * what it proposes. Throws ImportFout with a Dutch message when it cannot. Writes nothing.
 */
export async function leesDocument(bytes: Uint8Array, opties: LeesOpties = {}): Promise<GelezenDocument> {
  if (bytes.length === 0) throw new ImportFout('leeg-bestand', 'Het bestand is leeg.');
  if (bytes.length > MAX_DOCUMENT_BYTES) throw new ImportFout('te-groot', 'Het bestand is groter dan 20 MB.');
  const formaat = herkenFormaat(bytes);
  switch (formaat) {
    case 'pdf':
      return leesRegels(await leesPdf(bytes), 'pdf');
    case 'docx':
      return leesRegels(await leesDocx(bytes), 'docx');
    case 'xlsx':
    case 'csv':
      return leesSpreadsheet(bytes, formaat, opties.kolommen);
    case 'txt':
      return leesRegels(decodeerTekst(bytes).split(/\r?\n/), 'txt');
    default: {
      const nooit: never = formaat;
      throw new ImportFout('onbekend-formaat', `Onbekend formaat ${String(nooit)}.`);
    }
  }
}
