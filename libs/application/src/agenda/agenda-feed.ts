import ical, { ICalCalendar, ICalEventTransparency } from 'ical-generator';
import { datumTekst } from '../halfjaarberichten/bijlage/bijlage.model';

/** An open item with a termijn date, as the feed shows it. */
export interface AgendaItem {
  readonly itemId: string;
  readonly soort: 'motie' | 'toezegging';
  readonly nummer: string;
  readonly titel: string;
  readonly bewindspersoon: string;
  readonly termijnDatum: string;
  readonly termijnOmschrijving: string | null;
  readonly behandelaarNaam: string | null;
  readonly behandelaarDirectie: string | null;
  readonly revisie: number;
  /** The last change's moment (ISO): DTSTAMP and LAST-MODIFIED, so a feed fetched twice is the same. */
  readonly laatsteWijzigingOp: string;
}

/** The domain of every event's UID: the item's id at it, the same in every feed and every fetch. */
const UID_DOMEIN = 'moties-toezeggingen.register';

export function agendaUid(itemId: string): string {
  return `termijn-${itemId}@${UID_DOMEIN}`;
}

/** Events written between two turns of the event loop. */
const PER_BEURT = 250;

/**
 * The feed as iCalendar (RFC 5545, ical-generator): one all-day event per open item's termijn, its
 * UID the item's, its SEQUENCE the item's revision, so a client that fetches again moves a changed
 * termijn instead of adding one, and drops an item that is no longer open. Transparent: a termijn
 * does not make anyone busy.
 *
 * The library writes each event; the lines are folded here, a few hundred events per turn of the
 * event loop. ical-generator's own folding makes a TextEncoder per character and took 6 s for 5,000
 * events on this machine, all of it on the event loop; the folding below gives the same bytes
 * (checked in the unit test) in a fraction of that.
 */
export async function agendaFeed(naam: string, items: readonly AgendaItem[], webUrl: string): Promise<string> {
  const kalender = ical({
    // ical-generator writes the calendar's name as given: a line break in a filter typed by a user
    // would start a property (or an event) of its own. Events' texts it escapes itself.
    name: eenRegel(naam),
    description: 'Termijnen van open moties en toezeggingen uit het register moties en toezeggingen',
    prodId: { company: 'Rijksoverheid', product: 'Register moties en toezeggingen', language: 'NL' },
    // Clients that honour it look again every hour.
    ttl: 60 * 60,
  });
  // The calendar without events, cut before its end: the events go in there.
  const leeg = vouw(kalender.toString());
  const einde = leeg.lastIndexOf('END:VCALENDAR');
  const delen: string[] = [leeg.slice(0, einde)];
  for (let i = 0; i < items.length; i++) {
    delen.push(vouw(afspraak(kalender, items[i], webUrl).toString()));
    if ((i + 1) % PER_BEURT === 0) await new Promise((r) => setImmediate(r));
  }
  delen.push(leeg.slice(einde));
  return delen.join('');
}

function afspraak(kalender: ICalCalendar, item: AgendaItem, webUrl: string) {
  const link = `${webUrl}/items/${item.itemId}`;
  const soort = item.soort === 'motie' ? 'Motie' : 'Toezegging';
  const gewijzigd = new Date(item.laatsteWijzigingOp);
  const termijn = item.termijnOmschrijving && item.termijnOmschrijving !== datumTekst(item.termijnDatum) ? `${datumTekst(item.termijnDatum)} (${item.termijnOmschrijving})` : datumTekst(item.termijnDatum);
  return kalender.createEvent({
    id: agendaUid(item.itemId),
    start: new Date(`${item.termijnDatum}T00:00:00Z`),
    allDay: true,
    summary: `Termijn ${item.nummer}: ${ingekort(item.titel, 120)}`,
    description: [
      `${soort} ${item.nummer}: ${item.titel}`,
      `Termijn: ${termijn}`,
      `Bewindspersoon: ${item.bewindspersoon}`,
      `Behandelaar: ${item.behandelaarNaam ? `${item.behandelaarNaam}${item.behandelaarDirectie ? ` (${item.behandelaarDirectie})` : ''}` : 'nog niet toegewezen'}`,
      '',
      link,
    ].join('\n'),
    url: link,
    stamp: gewijzigd,
    lastModified: gewijzigd,
    sequence: item.revisie,
    transparency: ICalEventTransparency.TRANSPARENT,
  });
}

/** RFC 5545 §3.1: lines of at most 75 octets, continued on a line that starts with a space; as ical-generator folds. */
export function vouw(tekst: string): string {
  return tekst
    .split('\r\n')
    .map((regel) => {
      let uit = '';
      let octetten = 0;
      for (const teken of regel) {
        const code = teken.codePointAt(0)!;
        const grootte = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
        octetten += grootte;
        if (octetten > 74) {
          uit += '\r\n ';
          octetten = grootte;
        }
        uit += teken;
      }
      return uit;
    })
    .join('\r\n');
}

/** Every control character (C0, DEL) and line or paragraph separator as a space. */
function eenRegel(tekst: string): string {
  return [...tekst].map((t) => (/[\p{Cc}\u2028\u2029]/u.test(t) ? ' ' : t)).join('');
}

function ingekort(tekst: string, max: number): string {
  return tekst.length <= max ? tekst : `${tekst.slice(0, max - 1).trimEnd()}…`;
}
