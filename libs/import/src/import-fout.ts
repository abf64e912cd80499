/**
 * Why a document could not be read, in Dutch for the clerk, with a stable code for programs and the
 * HTTP status the API answers with: 413 too large, 400 not a readable document of a supported kind,
 * 422 readable but nothing in it that the register can take (another language, no items, a
 * spreadsheet whose mapped columns hold formulas, more items than one document may propose).
 */
export type ImportFoutCode =
  | 'leeg-bestand'
  | 'te-groot'
  | 'onbekend-formaat'
  | 'beschadigd-bestand'
  | 'zip-bom'
  | 'pdf-wachtwoord'
  | 'pdf-beschadigd'
  | 'pdf-te-zwaar'
  | 'geen-tekst'
  | 'andere-taal'
  | 'geen-items'
  | 'kolommen-ontbreken'
  | 'formules-in-cellen'
  | 'te-veel-items';

const STATUS: Record<ImportFoutCode, 400 | 413 | 422> = {
  'leeg-bestand': 400,
  'te-groot': 413,
  'onbekend-formaat': 400,
  'beschadigd-bestand': 400,
  'zip-bom': 400,
  'pdf-wachtwoord': 400,
  'pdf-beschadigd': 400,
  'pdf-te-zwaar': 400,
  'geen-tekst': 422,
  'andere-taal': 422,
  'geen-items': 422,
  'kolommen-ontbreken': 422,
  'formules-in-cellen': 422,
  'te-veel-items': 422,
};

export class ImportFout extends Error {
  readonly status: 400 | 413 | 422;

  constructor(
    readonly code: ImportFoutCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportFout';
    this.status = STATUS[code];
  }
}
