import { neutraliseerFormule, zonderOngeldigeXmlTekens } from '@register/domain';
import { RegisterItem } from '@register/read-models';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export const EXPORT_FORMATEN = ['csv', 'xlsx'] as const;
export type ExportFormaat = (typeof EXPORT_FORMATEN)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormaat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const STATUS: Record<RegisterItem['status'], string> = {
  InBehandeling: 'In behandeling',
  DeelsAfgedaan: 'Deels afgedaan',
  Afgedaan: 'Afgedaan',
  Vervallen: 'Vervallen',
};

/** One exported row: what the register table shows, and the columns a spreadsheet user filters on. */
interface ExportRij {
  nummer: string;
  soort: string;
  titel: string;
  leden: string;
  bewindspersoon: string;
  ministerie: string;
  thema: string;
  status: string;
  termijn: string;
  termijndatum: string | null;
  achterstallig: string;
  datum: string;
  vergaderjaar: string;
  laatsteWijziging: string;
}

const KOLOMMEN: { sleutel: keyof ExportRij; kop: string; breedte: number; datum?: true }[] = [
  { sleutel: 'nummer', kop: 'Nummer', breedte: 16 },
  { sleutel: 'soort', kop: 'Soort', breedte: 11 },
  { sleutel: 'titel', kop: 'Titel', breedte: 60 },
  { sleutel: 'leden', kop: 'Leden', breedte: 30 },
  { sleutel: 'bewindspersoon', kop: 'Bewindspersoon', breedte: 32 },
  { sleutel: 'ministerie', kop: 'Ministerie', breedte: 12 },
  { sleutel: 'thema', kop: 'Thema', breedte: 24 },
  { sleutel: 'status', kop: 'Status', breedte: 15 },
  { sleutel: 'termijn', kop: 'Termijn', breedte: 30 },
  { sleutel: 'termijndatum', kop: 'Termijndatum', breedte: 13, datum: true },
  { sleutel: 'achterstallig', kop: 'Achterstallig', breedte: 13 },
  { sleutel: 'datum', kop: 'Datum', breedte: 12, datum: true },
  { sleutel: 'vergaderjaar', kop: 'Vergaderjaar', breedte: 12 },
  { sleutel: 'laatsteWijziging', kop: 'Laatst gewijzigd', breedte: 20 },
];

function exportRij(item: RegisterItem, peildatum: string): ExportRij {
  const open = item.status === 'InBehandeling' || item.status === 'DeelsAfgedaan';
  return {
    nummer: item.nummer,
    soort: item.soort,
    titel: item.titel,
    leden: item.leden.map((l) => (l.fractie ? `${l.naam} (${l.fractie})` : l.naam)).join(', '),
    bewindspersoon: item.bewindspersoon,
    ministerie: item.ministerie,
    thema: item.thema,
    status: STATUS[item.status],
    termijn: item.termijnOmschrijving ?? '',
    termijndatum: item.termijnDatum,
    achterstallig: open && item.termijnDatum !== null && item.termijnDatum < peildatum ? 'ja' : 'nee',
    datum: item.datum,
    vergaderjaar: item.vergaderjaar ?? '',
    laatsteWijziging: item.laatsteWijzigingOp.slice(0, 10),
  };
}

/**
 * The register's rows as a CSV (UTF-8 with BOM, so Excel reads the accents) or an XLSX workbook,
 * written while the rows are read: nothing holds the whole export, the response's backpressure
 * paces the reading. Every CSV cell that could start a formula is neutralised (neutraliseerFormule);
 * in the workbook every value is a text or a date cell, never a formula.
 */
export function registerExport(formaat: ExportFormaat, blokken: AsyncIterable<RegisterItem[]>, peildatum: string, kop: string): Readable {
  const rijen = async function* (): AsyncGenerator<ExportRij> {
    for await (const blok of blokken) for (const item of blok) yield exportRij(item, peildatum);
  };
  return formaat === 'csv' ? csv(rijen()) : xlsx(rijen(), kop);
}

function csv(rijen: AsyncIterable<ExportRij>): Readable {
  const uit = stringify({ header: true, bom: true, columns: KOLOMMEN.map((k) => ({ key: k.sleutel, header: k.kop })), cast: { string: neutraliseerFormule } });
  // pipeline destroys the output when reading fails half-way: the client sees a broken download, never a short file that looks whole.
  void pipeline(Readable.from(rijen), uit).catch(() => undefined);
  return uit;
}

/** Waits until the response can take more, or is gone (the client left: then there is no 'drain'). */
function ruimte(uit: PassThrough): Promise<void> {
  return new Promise((klaar) => {
    const verder = () => {
      uit.off('drain', verder);
      uit.off('close', verder);
      klaar();
    };
    uit.once('drain', verder);
    uit.once('close', verder);
  });
}

function xlsx(rijen: AsyncGenerator<ExportRij>, kop: string): Readable {
  const uit = new PassThrough();
  const werkmap = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: uit, useStyles: true, useSharedStrings: false });
  werkmap.creator = 'Register moties en toezeggingen';
  werkmap.title = kop;
  const blad = werkmap.addWorksheet('Register', { views: [{ state: 'frozen', ySplit: 1 }] });
  blad.columns = KOLOMMEN.map((k) => ({ key: k.sleutel, header: k.kop, width: k.breedte, ...(k.datum ? { style: { numFmt: 'd-m-yyyy' } } : {}) }));
  blad.getRow(1).font = { bold: true };
  blad.getRow(1).commit();
  void (async () => {
    let aantal = 0;
    for await (const rij of rijen) {
      // The client left: stop reading the register (the generator's finally runs) and building the workbook.
      if (uit.destroyed) {
        await rijen.return(undefined);
        return;
      }
      const cellen: Record<string, unknown> = { ...rij };
      for (const k of KOLOMMEN) {
        const waarde = rij[k.sleutel];
        // Dates as date cells (a spreadsheet sorts and filters them); everything else as text.
        cellen[k.sleutel] = k.datum && waarde ? new Date(`${waarde}T00:00:00Z`) : typeof waarde === 'string' ? zonderOngeldigeXmlTekens(waarde) : '';
      }
      blad.addRow(cellen).commit();
      // Let the response drain: the workbook writer has no backpressure of its own.
      if (++aantal % 200 === 0 && uit.writableNeedDrain) await ruimte(uit);
    }
    if (uit.destroyed) return;
    blad.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, aantal + 1), column: KOLOMMEN.length } };
    blad.commit();
    await werkmap.commit();
  })().catch((e: unknown) => uit.destroy(e instanceof Error ? e : new Error(String(e))));
  return uit;
}
