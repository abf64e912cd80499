import { stringify } from 'csv-stringify/browser/esm/sync';
import { neutraliseerFormule } from '../../../../libs/domain/src/shared/spreadsheet-formule';
import { ItemKort, STATUS_LABEL } from '../types';

/** What a row says in the table, and so in the CSV: the export is exactly what is shown. */
export function celwaarden(item: ItemKort): Record<string, string> {
  return {
    nummer: item.nummer,
    soort: item.soort,
    titel: item.titel,
    leden: item.leden.map((l) => (l.fractie ? `${l.naam} (${l.fractie})` : l.naam)).join(', '),
    bewindspersoon: item.bewindspersoon,
    thema: item.thema,
    status: STATUS_LABEL[item.status],
    termijn: item.termijn ? `${item.termijn.omschrijving}${item.termijn.datum ? ` (${item.termijn.datum})` : ''}` : '',
    achterstallig: item.achterstallig ? 'ja' : 'nee',
  };
}

/** The rows shown, as the CSV the liaison downloads; no cell in it can run as a formula in Excel. */
export function registerCsv(items: readonly ItemKort[]): string {
  return stringify(items.map(celwaarden), { header: true, columns: ['nummer', 'soort', 'titel', 'leden', 'bewindspersoon', 'thema', 'status', 'termijn', 'achterstallig'], bom: true, cast: { string: neutraliseerFormule } });
}
