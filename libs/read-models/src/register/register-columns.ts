import { RegisterItem } from './register-item.entity';

/** Column ↔ property of the register row, and which hold JSON. One list for both writers and the reader. */
export const REGISTER_KOLOMMEN: readonly { kolom: string; veld: keyof RegisterItem; json?: true }[] = [
  { kolom: 'item_id', veld: 'itemId' },
  { kolom: 'volgnummer', veld: 'volgnummer' },
  { kolom: 'soort', veld: 'soort' },
  { kolom: 'nummer', veld: 'nummer' },
  { kolom: 'nummer_sorteer', veld: 'nummerSorteer' },
  { kolom: 'nummer_bron', veld: 'nummerBron' },
  { kolom: 'vergaderjaar', veld: 'vergaderjaar' },
  { kolom: 'titel', veld: 'titel' },
  { kolom: 'tekst', veld: 'tekst' },
  { kolom: 'datum', veld: 'datum' },
  { kolom: 'debat', veld: 'debat' },
  { kolom: 'leden', veld: 'leden', json: true },
  { kolom: 'bewindspersoon', veld: 'bewindspersoon' },
  { kolom: 'ministerie', veld: 'ministerie' },
  { kolom: 'thema', veld: 'thema' },
  { kolom: 'behandelaar_naam', veld: 'behandelaarNaam' },
  { kolom: 'behandelaar_email', veld: 'behandelaarEmail' },
  { kolom: 'behandelaar_directie', veld: 'behandelaarDirectie' },
  { kolom: 'behandelaar_afdeling', veld: 'behandelaarAfdeling' },
  { kolom: 'status', veld: 'status' },
  { kolom: 'termijn_omschrijving', veld: 'termijnOmschrijving' },
  { kolom: 'termijn_datum', veld: 'termijnDatum' },
  { kolom: 'voortgang', veld: 'voortgang', json: true },
  { kolom: 'afdoening', veld: 'afdoening', json: true },
  { kolom: 'deel_afdoeningen', veld: 'deelAfdoeningen', json: true },
  { kolom: 'heropend_op', veld: 'heropendOp' },
  { kolom: 'vervallen_reden', veld: 'vervallenReden' },
  { kolom: 'koppelingen', veld: 'koppelingen', json: true },
  { kolom: 'revisie', veld: 'revisie' },
  { kolom: 'geregistreerd_op', veld: 'geregistreerdOp' },
  { kolom: 'laatste_wijziging_op', veld: 'laatsteWijzigingOp' },
  { kolom: 'laatste_wijziging', veld: 'laatsteWijziging' },
  { kolom: 'laatste_wijziging_door', veld: 'laatsteWijzigingDoor' },
  { kolom: 'vastgelegd_tot', veld: 'vastgelegdTot' },
  { kolom: 'gedateerd_tot', veld: 'gedateerdTot' },
  { kolom: 'vorig_licht', veld: 'vorigLicht', json: true },
  { kolom: 'vorig_vastgelegd_tot', veld: 'vorigVastgelegdTot' },
  { kolom: 'vorig_gedateerd_tot', veld: 'vorigGedateerdTot' },
];

export function naarKolommen(row: RegisterItem): unknown[] {
  return REGISTER_KOLOMMEN.map(({ veld, json }) => (json ? JSON.stringify(row[veld]) : row[veld]));
}

export function uitKolommen(record: Record<string, unknown>): RegisterItem {
  const row = new RegisterItem();
  for (const { kolom, veld, json } of REGISTER_KOLOMMEN) {
    const waarde = record[kolom];
    (row as unknown as Record<string, unknown>)[veld] = json && typeof waarde === 'string' ? JSON.parse(waarde) : veld === 'volgnummer' ? String(waarde) : waarde;
  }
  return row;
}
