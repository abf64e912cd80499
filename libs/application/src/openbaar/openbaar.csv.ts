import { neutraliseerFormule } from '@register/domain';
import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { OpenbaarItemKortDto } from './openbaar.dto';
import { STATUS_TEKST } from './openbaar.paginas';

/** The public CSV's columns: the list's fields and the item's page. Named here, not borrowed from the clerks' export. */
const KOLOMMEN: { kop: string; waarde: (i: OpenbaarItemKortDto) => string }[] = [
  { kop: 'Nummer', waarde: (i) => i.nummer },
  { kop: 'Soort', waarde: (i) => i.soort },
  { kop: 'Titel', waarde: (i) => i.titel },
  { kop: 'Datum', waarde: (i) => i.datum },
  { kop: 'Vergaderjaar', waarde: (i) => i.vergaderjaar ?? '' },
  { kop: 'Leden', waarde: (i) => i.leden.map((l) => (l.fractie ? `${l.naam} (${l.fractie})` : l.naam)).join(', ') },
  { kop: 'Bewindspersoon', waarde: (i) => i.bewindspersoon },
  { kop: 'Ministerie', waarde: (i) => i.ministerie },
  { kop: 'Thema', waarde: (i) => i.thema },
  { kop: 'Status', waarde: (i) => STATUS_TEKST[i.status] ?? i.status },
  { kop: 'Termijn', waarde: (i) => i.termijn?.omschrijving ?? '' },
  { kop: 'Termijndatum', waarde: (i) => i.termijn?.datum ?? '' },
  { kop: 'Achterstallig', waarde: (i) => (i.achterstallig ? 'ja' : 'nee') },
  { kop: 'Adres', waarde: (i) => i.url },
];

/**
 * UTF-8 with BOM (Excel reads the accents), written while it is read; every cell that could start a
 * formula (=, +, -, @, tab, CR) is neutralised. A failure half-way breaks the download rather than
 * ending it short.
 */
export function openbaarCsv(blokken: AsyncIterable<OpenbaarItemKortDto[]>): Readable {
  const uit = stringify({ header: true, bom: true, columns: KOLOMMEN.map((k) => k.kop), cast: { string: neutraliseerFormule } });
  const rijen = async function* () {
    for await (const blok of blokken) for (const i of blok) yield KOLOMMEN.map((k) => k.waarde(i));
  };
  void pipeline(Readable.from(rijen()), uit).catch(() => undefined);
  return uit;
}
