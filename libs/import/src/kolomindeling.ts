/** Spreadsheet column mapping: register field → the column heading the clerk chose. */
export type Kolomindeling = Readonly<Record<string, string>>;
