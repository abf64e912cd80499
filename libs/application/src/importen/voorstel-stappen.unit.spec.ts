import { ImportStandaard, ItemState, VoorstelGegevens, evolve, initialState, leesItemEvent } from '@register/domain';
import { StoredEvent } from '@register/event-store';
import { titelGelijkenis, ledenOverlappen } from './gelijkenis';
import { laatsteStatusdatum, registratie, statusStap, vergaderjaarVan } from './voorstel-stappen';

const standaard = (datum: string): ImportStandaard => ({ datum, bewindspersoon: 'minister van JenV', ministerie: 'JenV', thema: 'Overig', referentie: 'Tweede halfjaarbericht politie 2022' });
const gegevens = (over: Partial<VoorstelGegevens> = {}): VoorstelGegevens => ({
  soort: 'motie', nummer: '29628-1107', nummerInBron: null, vergaderjaar: '2021/22', titel: 'Motie over bodycams', leden: [{ naam: 'Mutluer', fractie: 'PvdA' }],
  status: 'in-behandeling', rol: 'behandeld', regel: 1, bewijs: 'Ik zal uw Kamer informeren.', bewijsRegel: 1, thema: null, debat: null, datum: null, tekst: 'De stand van zaken.', afgedaanIn: null, zekerheid: 0.9, ...over,
});

let positie = 0n;
function stored(type: string, data: object, sleutel = 'elders'): StoredEvent {
  positie++;
  return { eventId: `e${positie}`, stream: 'motie-i', type, revision: Number(positie), position: positie, data: data as Record<string, unknown>, metadata: { eventId: '', commandId: '', correlationId: '', causationId: '', actor: 'x', recordedAt: '', schemaVersion: 2, idempotencyKeyId: sleutel } } as unknown as StoredEvent;
}

function item(events: StoredEvent[]): { state: ItemState; events: StoredEvent[] } {
  return { state: events.reduce((s, e) => { const ev = leesItemEvent(e); return ev ? evolve(s, ev) : s; }, initialState), events };
}

const geregistreerd = (datum: string, sleutel?: string) =>
  stored('MotieGeregistreerd', { itemId: 'i', soort: 'motie', nummer: '29628-1107', nummerBron: 'kamer', vergaderjaar: '2021/22', titel: 't', tekst: 't', datum, debat: 'd', leden: [], bewindspersoon: 'b', ministerie: 'JenV', thema: 'x', termijn: null }, sleutel);

describe('what accepting a proposal does', () => {
  it('changes the status only when the document is newer than every status the item has from elsewhere', () => {
    const open = item([geregistreerd('2022-07-07')]);
    expect(statusStap(gegevens(), standaard('2022-12-15'), open, new Set())?.stap).toBe('voortgang');
    expect(statusStap(gegevens({ status: 'afgedaan' }), standaard('2022-12-15'), open, new Set())?.wijziging).toMatchObject({ type: 'DoeAf', datum: '2022-12-15', wijze: { soort: 'halfjaarbericht', referentie: 'Tweede halfjaarbericht politie 2022' } });
    const later = item([geregistreerd('2022-07-07'), stored('MotieAfgedaan', { datum: '2023-06-30', wijze: { soort: 'kamerstuk', referentie: '29628-1200' }, toelichting: 'x' })]);
    // An older report read in after a newer one changes nothing.
    expect(statusStap(gegevens(), standaard('2022-12-15'), later, new Set())).toBeNull();
    expect(statusStap(gegevens({ status: 'afgedaan' }), standaard('2022-12-15'), later, new Set())).toBeNull();
    // The same report twice (another file of the same letter): nothing new.
    const gemeld = item([geregistreerd('2022-07-07'), stored('MotieVoortgangGerapporteerd', { datum: '2022-12-15', tekst: 'x' })]);
    expect(statusStap(gegevens(), standaard('2022-12-15'), gemeld, new Set())).toBeNull();
  });

  it('does not let the proposal’s own registration hide its status step', () => {
    const eigen = item([geregistreerd('2022-12-15', 'eigen-registratie')]);
    expect(laatsteStatusdatum(eigen.events, new Set(['eigen-registratie']))).toBeNull();
    expect(statusStap(gegevens({ status: 'afgedaan' }), standaard('2022-12-15'), eigen, new Set(['eigen-registratie']))?.stap).toBe('afdoening');
  });

  it('names a Kamerstuk as the place of afdoening when the document gives one', () => {
    const open = item([geregistreerd('2022-07-07')]);
    const stap = statusStap(gegevens({ status: 'afgedaan', afgedaanIn: 'Kamerstukken II 2022/23, 29628, nr. 1130' }), standaard('2022-12-15'), open, new Set());
    expect(stap?.wijziging).toMatchObject({ wijze: { soort: 'kamerstuk' } });
    expect(statusStap(gegevens({ status: null }), standaard('2022-12-15'), open, new Set())).toBeNull();
  });

  it('registers with the document’s defaults and never dates a debate after the report', () => {
    const r = registratie('i', gegevens({ datum: '2023-01-01', thema: 'Politiepersoneel' }), standaard('2022-12-15'));
    expect(r).toMatchObject({ type: 'RegistreerMotie', datum: '2022-12-15', thema: 'Politiepersoneel', ministerie: 'JenV', indieners: [{ naam: 'Mutluer', fractie: 'PvdA' }], debat: 'genoemd in Tweede halfjaarbericht politie 2022' });
    expect(registratie('i', gegevens({ soort: 'toezegging', nummer: null }), standaard('2022-12-15'))).toMatchObject({ type: 'RegistreerToezegging', nummer: null });
  });

  it('knows the parliamentary year and how alike two titles are', () => {
    expect(vergaderjaarVan('2022-07-07')).toBe('2021/22');
    expect(vergaderjaarVan('2022-09-20')).toBe('2022/23');
    expect(vergaderjaarVan('1999-10-01')).toBe('1999/00');
    expect(titelGelijkenis('Motie van het lid Mutluer over bodycams voor boa’s', 'motie over bodycams voor boa’s')).toBe(1);
    expect(titelGelijkenis('Motie over bodycams', 'Motie over gezichtsherkenning')).toBe(0);
    expect(ledenOverlappen([{ naam: 'Van Nispen' }], [{ naam: 'van Nispen' }])).toBe(true);
    expect(ledenOverlappen([{ naam: 'Michon-Derkzen' }], [{ naam: 'Boswijk' }])).toBe(false);
  });
});
