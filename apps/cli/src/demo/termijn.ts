/**
 * From a termijn as a letter words it to the date it runs out ("Termijn verloopt op"), for the demo
 * register. The letters never give a date for "voor de zomer"; the register needs one to say what is
 * overdue. The rule, on the Kamer's calendar (Y is the year the wording names, else the year of the
 * reference date; a period that has already passed on that date means the next one):
 *
 * | wording                                                   | runs out on                       |
 * | --------------------------------------------------------- | --------------------------------- |
 * | "voor <dag> <maand> Y"                                    | that day                          |
 * | "voor de zomer (van Y)", "medio Y"                        | 1 July Y (the summer recess)      |
 * | "(in het) voorjaar (van) Y"                               | 30 June Y                         |
 * | "na de zomer"                                             | 30 September Y                    |
 * | "(in het) najaar (van Y)", "dit najaar"                   | 31 December Y                     |
 * | "(voor) eind(e) (van) Y", "voor het einde van dit jaar"   | 31 December Y                     |
 * | "begin Y"                                                 | 31 March Y                        |
 * | "het eerste / tweede kwartaal van Y"                      | the quarter's last day            |
 * | "in het eerste halfjaarbericht (politie) van Y"           | 1 July Y                          |
 * | "in het tweede halfjaarbericht (politie) van Y"           | 1 January Y+1                     |
 * | "in het eerstvolgende / volgende halfjaarbericht"         | the first 1 January or 1 July at least a month after the reference date |
 *
 * Halfjaarberichten go to the Kamer before the summer and before the new year, so a report runs out
 * on the peildata of the Eerste Kamer's rappel (1 January, 1 July). A report is sent in the weeks
 * before its peildatum (the seeds: 20 June, 15 December), so "the next report" said in those weeks
 * (or in the report itself) is the one after it. The reference date is the day the words were said:
 * the letter's date, or the toezegging's own date when the letter quotes it.
 * Anything else has no date (null): the register then shows the wording and never calls it overdue.
 */
const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

const iso = (jaar: number, maand: number, dag: number) => `${jaar}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;

export function termijnDatum(omschrijving: string, referentie: string): string | null {
  const tekst = omschrijving.toLowerCase().replace(/\s+/g, ' ').trim();
  const ref = { jaar: Number(referentie.slice(0, 4)), datum: referentie };
  const genoemd = /\b(20\d{2})\b/.exec(tekst);
  /** The named year, or the reference year; a period already over on the reference date moves a year on. */
  const jaarVoor = (maand: number, dag: number) => {
    if (genoemd) return Number(genoemd[1]);
    return iso(ref.jaar, maand, dag) < ref.datum ? ref.jaar + 1 : ref.jaar;
  };
  const opDag = (maand: number, dag: number) => iso(jaarVoor(maand, dag), maand, dag);

  const dag = /\bvoor (\d{1,2}) (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) (20\d{2})\b/.exec(tekst);
  if (dag) return iso(Number(dag[3]), MAANDEN.indexOf(dag[2]) + 1, Number(dag[1]));

  if (/\b(eerst)?volgende? halfjaarbericht/.test(tekst)) {
    const vroegst = new Date(Date.parse(`${ref.datum}T00:00:00Z`) + 31 * 86_400_000).toISOString().slice(0, 10);
    return [iso(ref.jaar, 7, 1), iso(ref.jaar + 1, 1, 1), iso(ref.jaar + 1, 7, 1)].find((peildatum) => peildatum >= vroegst)!;
  }
  const bericht = /\b(eerste|tweede) halfjaarbericht\b/.exec(tekst);
  if (bericht && genoemd) return bericht[1] === 'eerste' ? iso(Number(genoemd[1]), 7, 1) : iso(Number(genoemd[1]) + 1, 1, 1);

  const kwartaal = /\b(eerste|tweede|derde|vierde) kwartaal\b/.exec(tekst);
  if (kwartaal) {
    const q = ['eerste', 'tweede', 'derde', 'vierde'].indexOf(kwartaal[1]) + 1;
    const [maand, laatste] = [[3, 31], [6, 30], [9, 30], [12, 31]][q - 1];
    return opDag(maand, laatste);
  }
  if (/\bvoor de zomer\b|\bmedio\b/.test(tekst)) return opDag(7, 1);
  if (/\bna de zomer\b/.test(tekst)) return opDag(9, 30);
  if (/\bvoorjaar\b/.test(tekst)) return opDag(6, 30);
  if (/\bnajaar\b/.test(tekst)) return opDag(12, 31);
  if (/\beind(e)?\b/.test(tekst)) return opDag(12, 31);
  if (/\bbegin 20\d{2}\b/.test(tekst)) return opDag(3, 31);
  return null;
}
