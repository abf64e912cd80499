import ical, { ICalEventTransparency } from 'ical-generator';
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

/**
 * The feed as iCalendar (RFC 5545, ical-generator): one all-day event per open item's termijn, its
 * UID the item's, its SEQUENCE the item's revision, so a client that fetches again moves a changed
 * termijn instead of adding one, and drops an item that is no longer open. Transparent: a termijn
 * does not make anyone busy.
 */
export function agendaFeed(naam: string, items: readonly AgendaItem[], webUrl: string): string {
  const kalender = ical({
    name: naam,
    description: 'Termijnen van open moties en toezeggingen uit het register moties en toezeggingen',
    prodId: { company: 'Rijksoverheid', product: 'Register moties en toezeggingen', language: 'NL' },
    // Clients that honour it look again every hour.
    ttl: 60 * 60,
  });
  for (const item of items) {
    const link = `${webUrl}/items/${item.itemId}`;
    const soort = item.soort === 'motie' ? 'Motie' : 'Toezegging';
    const gewijzigd = new Date(item.laatsteWijzigingOp);
    const termijn = item.termijnOmschrijving && item.termijnOmschrijving !== datumTekst(item.termijnDatum) ? `${datumTekst(item.termijnDatum)} (${item.termijnOmschrijving})` : datumTekst(item.termijnDatum);
    kalender.createEvent({
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
  return kalender.toString();
}

function ingekort(tekst: string, max: number): string {
  return tekst.length <= max ? tekst : `${tekst.slice(0, max - 1).trimEnd()}…`;
}
