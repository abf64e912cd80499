/**
 * The fields of a register row that the register's filters and sorts read (see filterVelden), and
 * what names the row and its stream: all the time travel needs of a row to filter and sort it.
 * (Checked against RegisterItem where the row is made, in register-row.ts.)
 */
export const LICHTE_VELDEN = [
  'itemId',
  'revisie',
  'soort',
  'status',
  'bewindspersoon',
  'ministerie',
  'behandelaarDirectie',
  'behandelaarEmail',
  'thema',
  'leden',
  'termijnDatum',
  'nummerSorteer',
  'datum',
  'titel',
  'laatsteWijzigingOp',
] as const;
