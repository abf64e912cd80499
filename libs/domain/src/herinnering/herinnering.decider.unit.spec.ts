import { deciderSpecification } from '../../../../test/support/decider-specification';
import { HerinneringCommand, HerinneringState, decideHerinnering, evolveHerinnering, initialHerinneringState, magVersturen } from './herinnering.decider';
import { HerinneringAlVerstuurdError, HerinneringAlVoorbereidError, HerinneringAnderBerichtError, HerinneringGeweigerdError, HerinneringNietVoorbereidError } from './herinnering.errors';
import { HerinneringEvent, HerinneringVoorbereidData } from './herinnering.events';

const voorbereid: HerinneringVoorbereidData = {
  herinneringId: 'h1',
  soort: 'behandelaar',
  periode: '2026-12-03',
  datum: '2026-12-03',
  dagen: 30,
  ontvanger: { email: 'a.jansen@minjenv.nl', naam: 'A. Jansen' },
  bewindspersoon: null,
  onderwerp: 'Termijnen: 1 over de termijn',
  messageId: '<h1@register>',
  inhoud: { achterstallig: [], binnenkort: [], aantalAchterstallig: 1, aantalBinnenkort: 0 },
};
const opgesteld: HerinneringEvent = { feit: 'HerinneringVoorbereid', data: voorbereid };
const verstuur = (messageId = '<h1@register>', hervat = false): HerinneringCommand => ({ type: 'RegistreerVerstuurd', data: { messageId, smtpAntwoord: '250 OK', hervat } });
const mislukt = (blijvend: boolean, poging = 1): HerinneringEvent => ({ feit: 'HerinneringMislukt', data: { herinneringId: 'h1', reden: blijvend ? '550 onbekend' : 'ECONNREFUSED', blijvend, poging } });
const verstuurd: HerinneringEvent = { feit: 'HerinneringVerstuurd', data: { herinneringId: 'h1', messageId: '<h1@register>', smtpAntwoord: '250 OK', poging: 1, hervat: false } };

const spec = deciderSpecification<HerinneringCommand, HerinneringEvent, HerinneringState>({
  decide: decideHerinnering,
  evolve: evolveHerinnering,
  initialState: initialHerinneringState,
});

describe('reminder decider', () => {
  it('records what the mail says before it is sent', () => spec.given([]).when({ type: 'BereidVoor', data: voorbereid }).then([opgesteld]));

  it('prepares a reminder once: a second run sends what the first recorded', () => spec.given([opgesteld]).when({ type: 'BereidVoor', data: voorbereid }).thenThrows(HerinneringAlVoorbereidError));

  it('never prepares again what was sent', () => spec.given([opgesteld, verstuurd]).when({ type: 'BereidVoor', data: voorbereid }).thenThrows(HerinneringAlVerstuurdError));

  it('records the send with the attempt it took', () => spec.given([opgesteld]).when(verstuur()).then([verstuurd]));

  it('counts the attempts after failures that may pass', () =>
    spec
      .given([opgesteld, mislukt(false, 1), mislukt(false, 2)])
      .when(verstuur('<h1@register>', true))
      .then([{ feit: 'HerinneringVerstuurd', data: { herinneringId: 'h1', messageId: '<h1@register>', smtpAntwoord: '250 OK', poging: 3, hervat: true } }]));

  it('records a failure with its attempt', () => spec.given([opgesteld, mislukt(false, 1)]).when({ type: 'RegistreerMislukt', data: { reden: 'ETIMEDOUT', blijvend: false } }).then([{ feit: 'HerinneringMislukt', data: { herinneringId: 'h1', reden: 'ETIMEDOUT', blijvend: false, poging: 2 } }]));

  it('keeps whether a failed attempt may have been delivered', () => {
    const staat = [opgesteld, { feit: 'HerinneringMislukt' as const, data: { herinneringId: 'h1', reden: 'ETIMEDOUT', blijvend: false, poging: 1, onzeker: true } }].reduce(evolveHerinnering, initialHerinneringState);
    expect(staat).toMatchObject({ status: 'Mislukt', onzeker: true });
    expect([opgesteld, mislukt(false)].reduce(evolveHerinnering, initialHerinneringState)).toMatchObject({ status: 'Mislukt', onzeker: false });
  });

  it('refuses a send that was not prepared', () => spec.given([]).when(verstuur()).thenThrows(HerinneringNietVoorbereidError));

  it('refuses a second send', () => spec.given([opgesteld, verstuurd]).when(verstuur()).thenThrows(HerinneringAlVerstuurdError));

  it('refuses another message than the one prepared', () => spec.given([opgesteld]).when(verstuur('<ander@register>')).thenThrows(HerinneringAnderBerichtError));

  it('does not try again what the server refused for good', () => spec.given([opgesteld, mislukt(true)]).when(verstuur()).thenThrows(HerinneringGeweigerdError, /550 onbekend/));

  it('says when a mail may go out', () => {
    const staat = (events: HerinneringEvent[]) => events.reduce(evolveHerinnering, initialHerinneringState);
    expect(magVersturen(staat([]))).toBe(false);
    expect(magVersturen(staat([opgesteld]))).toBe(true);
    expect(magVersturen(staat([opgesteld, mislukt(false)]))).toBe(true);
    expect(magVersturen(staat([opgesteld, mislukt(true)]))).toBe(false);
    expect(magVersturen(staat([opgesteld, verstuurd]))).toBe(false);
  });

  it('replays a history in any state without throwing', () => {
    const staat = [verstuurd, mislukt(false), opgesteld, mislukt(true), verstuurd, mislukt(false)].reduce(evolveHerinnering, initialHerinneringState);
    expect(staat.status).toBe('Verstuurd');
  });
});
