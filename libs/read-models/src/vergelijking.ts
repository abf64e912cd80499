import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

/** The read-model tables compared by a verified rebuild, with their primary keys. */
const TABELLEN: readonly { naam: string; sleutel: readonly string[] }[] = [
  { naam: 'register_items', sleutel: ['item_id'] },
  { naam: 'register_item_leden', sleutel: ['item_id', 'positie'] },
  { naam: 'register_tellingen', sleutel: ['groep', 'waarde', 'naam', 'directie', 'termijn_datum'] },
  { naam: 'halfjaarberichten', sleutel: ['bericht_id'] },
  { naam: 'open_verloop', sleutel: ['item_id', 'revisie'] },
  { naam: 'open_verloop_maanden', sleutel: ['maand'] },
  { naam: 'import_batches', sleutel: ['batch_id'] },
  { naam: 'herinneringen', sleutel: ['herinnering_id'] },
  { naam: 'kamer_stand', sleutel: ['kamer_id'] },
  { naam: 'kamer_onbekend', sleutel: ['nummer'] },
  { naam: 'herinnering_items', sleutel: ['herinnering_id', 'item_id'] },
  { naam: 'openbare_wijzigingen', sleutel: ['positie'] },
];

export interface TabelVerschil {
  readonly tabel: string;
  readonly rijenLive: number;
  readonly rijenHerbouwd: number;
  readonly alleenLive: string[];
  readonly alleenHerbouwd: string[];
  readonly anders: string[];
}

/** Row checksums of one table, keyed by primary key (search vectors aside: they are derived from the row). */
async function checksums(ds: DataSource, tabel: string, sleutel: readonly string[]): Promise<Map<string, string>> {
  const rows = (await ds.query(`SELECT * FROM ${tabel}`)) as Record<string, unknown>[];
  const uit = new Map<string, string>();
  for (const row of rows) {
    const { zoekvector: _z, ...rest } = row;
    const waarden = Object.keys(rest)
      .sort()
      .map((k) => `${k}=${rest[k] === null ? '∅' : String(rest[k])}`)
      .join('\u0001');
    uit.set(sleutel.map((k) => String(row[k])).join('/'), createHash('sha256').update(waarden).digest('hex'));
  }
  return uit;
}

/** Compares the live read models with a freshly rebuilt copy, table by table, row by row. */
export async function vergelijkLeesmodellen(live: DataSource, herbouwd: DataSource, maxGenoemd = 20): Promise<TabelVerschil[]> {
  const verschillen: TabelVerschil[] = [];
  for (const { naam, sleutel } of TABELLEN) {
    const [a, b] = await Promise.all([checksums(live, naam, sleutel), checksums(herbouwd, naam, sleutel)]);
    const alleenLive = [...a.keys()].filter((k) => !b.has(k));
    const alleenHerbouwd = [...b.keys()].filter((k) => !a.has(k));
    const anders = [...a.keys()].filter((k) => b.has(k) && a.get(k) !== b.get(k));
    verschillen.push({ tabel: naam, rijenLive: a.size, rijenHerbouwd: b.size, alleenLive: alleenLive.slice(0, maxGenoemd), alleenHerbouwd: alleenHerbouwd.slice(0, maxGenoemd), anders: anders.slice(0, maxGenoemd) });
  }
  return verschillen;
}

export function heeftVerschillen(verschillen: readonly TabelVerschil[]): boolean {
  return verschillen.some((v) => v.alleenLive.length + v.alleenHerbouwd.length + v.anders.length > 0 || v.rijenLive !== v.rijenHerbouwd);
}
