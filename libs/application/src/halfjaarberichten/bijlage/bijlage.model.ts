/** Everything an annex shows, in the order it shows it. Built once; every format renders this. */
export interface BijlageItem {
  readonly volgnummer: number;
  readonly itemId: string;
  readonly soort: 'motie' | 'toezegging';
  readonly nummer: string;
  readonly titel: string;
  /** "De motie van het lid Boswijk c.s. over ..." */
  readonly omschrijving: string;
  readonly leden: readonly { naam: string; fractie: string | null }[];
  /** Where it was filed or made: "Kamerstukken II 2024/25, 29628, nr. 1230" or the debate. */
  readonly vindplaats: string;
  readonly sectie: string;
  readonly tekst: string;
  readonly status: 'afgedaan' | 'deels-afgedaan' | 'in-behandeling';
  readonly statuszin: string;
  /** Table layout: "Afgedaan. De Kamer is op ... geïnformeerd ..." */
  readonly standVanZaken: string;
}

export interface BijlageZaak {
  readonly volgnummer: number;
  readonly zaakId: string;
  readonly sectie: string;
  readonly titel: string;
  readonly tekst: string;
}

export interface BijlageModel {
  readonly berichtId: string;
  readonly titel: string;
  readonly peildatum: string;
  readonly peildatumTekst: string;
  readonly status: 'Concept' | 'Verzonden';
  readonly verzondenOp: string | null;
  readonly kenmerk: string | null;
  readonly toezeggingen: readonly BijlageItem[];
  readonly moties: readonly BijlageItem[];
  readonly zaken: readonly BijlageZaak[];
  readonly secties: readonly { naam: string; items: readonly BijlageItem[]; zaken: readonly BijlageZaak[] }[];
  readonly telling: { readonly afgedaan: number; readonly deelsAfgedaan: number; readonly inBehandeling: number };
}

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** 2025-06-20 → "20 juni 2025". */
export function datumTekst(datum: string): string {
  const [j, m, d] = datum.split('-').map(Number);
  return `${d} ${MAANDEN[m - 1]} ${j}`;
}

/** The annex's wording for where an item was filed or made. */
export function vindplaats(item: { soort: string; nummer: string; nummerBron: string; vergaderjaar: string | null; debat: string; datum: string }): string {
  const jaar = item.vergaderjaar ? `Kamerstukken II ${item.vergaderjaar}, ` : 'Kamerstukken II, ';
  if (item.soort === 'motie') {
    const delen = item.nummer.split('-');
    const ondernummer = delen.pop();
    return `${jaar}${delen.join(' ')}, nr. ${ondernummer}`;
  }
  const tz = /^(TZ\d{6})-(\d+)$/.exec(item.nummer);
  if (tz) return `${jaar}${tz[1]}, nr. ${tz[2]}`;
  if (item.nummerBron === 'kamer') return `${jaar}${item.nummer}`;
  // The debate as the clerk wrote it often holds its date already ("commissiedebat politie van 19 december 2024").
  return /\d{4}/.test(item.debat) ? `Toegezegd: ${item.debat}` : `Toegezegd: ${item.debat}, ${datumTekst(item.datum)}`;
}

/** "De motie van het lid Boswijk c.s. over ..." as the budget annex words it. */
export function omschrijving(item: { soort: string; titel: string; leden: readonly { naam: string }[] }): string {
  if (item.soort !== 'motie' || /^(de )?motie/i.test(item.titel)) return item.titel;
  const namen = item.leden.map((l) => l.naam);
  const wie = namen.length === 0 ? '' : namen.length === 1 ? ` van het lid ${namen[0]}` : namen.length === 2 ? ` van de leden ${namen[0]} en ${namen[1]}` : ` van het lid ${namen[0]} c.s.`;
  return `De motie${wie} over ${item.titel.charAt(0).toLowerCase()}${item.titel.slice(1)}`;
}

export function statuszin(soort: 'motie' | 'toezegging', status: BijlageItem['status'], deel: string | null): string {
  const wat = soort === 'motie' ? 'de motie' : 'de toezegging';
  switch (status) {
    case 'afgedaan':
      return soort === 'motie' ? 'Ik beschouw de motie hiermee als afgedaan.' : 'Hiermee beschouw ik de toezegging als afgedaan.';
    case 'deels-afgedaan':
      return `Het deel van ${wat} dat ziet op ${deel} is hiermee afgedaan. Over de rest informeer ik uw Kamer in het volgende halfjaarbericht.`;
    case 'in-behandeling':
      return `${wat.charAt(0).toUpperCase()}${wat.slice(1)} is nog in behandeling. Ik informeer uw Kamer over de voortgang in het volgende halfjaarbericht.`;
  }
}
