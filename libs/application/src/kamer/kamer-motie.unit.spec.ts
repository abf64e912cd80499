import { kamerBesluit } from '../../../../test/support/gegevensmagazijn';
import { isAangenomen, leesDossiers, leesKamerBesluit, motieInDossiers, registerVergaderjaar } from './kamer-motie';

describe('Kamer Besluit on a motie', () => {
  it('makes the Kamerstuk number from the motie document’s dossier, toevoeging and volgnummer', () => {
    const b = leesKamerBesluit(kamerBesluit(1));
    expect(b.zaken.map((z) => [z.dossier, z.kamerstuk])).toEqual([['35925-VI', '35925-VI-1']]);
    // No toevoeging (null or empty), and the dossier taken from the zaak when the document has none.
    const zonder = leesKamerBesluit(kamerBesluit(2, {}, { Kamerstukdossier: { Nummer: 29628, Toevoeging: '' }, Document: [{ Id: 'd', Soort: 'Motie', Volgnummer: 1230 }] }));
    expect(zonder.zaken[0]).toMatchObject({ dossier: '29628', kamerstuk: '29628-1230' });
    // A newer "Motie (gewijzigd/nader)" is the motie's own document.
    const gewijzigd = leesKamerBesluit(kamerBesluit(3, {}, { Document: [{ Id: 'a', Soort: 'Motie', Volgnummer: 10, Datum: '2024-12-01T00:00:00+01:00', Kamerstukdossier: { Nummer: 29628 } }, { Id: 'b', Soort: 'Motie (gewijzigd/nader)', Volgnummer: 14, Datum: '2024-12-09T00:00:00+01:00', Kamerstukdossier: { Nummer: 29628 } }] }));
    expect(gewijzigd.zaken[0].kamerstuk).toBe('29628-14');
    // No motie document: no number, never a guess.
    expect(leesKamerBesluit(kamerBesluit(4, {}, { Document: [] })).zaken[0]).toMatchObject({ dossier: '35925-VI', kamerstuk: null });
  });

  it('counts as adopted only a decision taken by an adoption', () => {
    const met = (velden: Record<string, unknown>) => isAangenomen(leesKamerBesluit(kamerBesluit(1, velden)));
    expect(met({})).toBe(true);
    expect(met({ BesluitSoort: 'Stemmen - aangenomen, met algemene stemmen' })).toBe(true);
    expect(met({ BesluitSoort: 'Stemmen - zonder stemming aannemen' })).toBe(true);
    for (const soort of ['Stemmen - verworpen', 'Stemmen - aangehouden', 'Stemmen - uitstellen', 'Ingediend', null]) expect(met({ BesluitSoort: soort })).toBe(false);
    expect(met({ Status: 'Voorstel' })).toBe(false);
    expect(met({ Status: 'Concept voorstel' })).toBe(false);
  });

  it('reads TK_DOSSIERS as the register writes dossiers, and finds the motie in one of them', () => {
    const dossiers = leesDossiers(' 29628 , 35925-vi,');
    expect([...dossiers]).toEqual(['29628', '35925-VI']);
    expect(motieInDossiers(leesKamerBesluit(kamerBesluit(1)), dossiers)?.kamerstuk).toBe('35925-VI-1');
    expect(motieInDossiers(leesKamerBesluit(kamerBesluit(1)), leesDossiers('35925'))).toBeNull();
  });

  it('writes the vergaderjaar as the register does', () => {
    expect(registerVergaderjaar('2024-2025')).toBe('2024/25');
    expect(registerVergaderjaar('1999-2000')).toBe('1999/00');
    for (const fout of ['2024-2026', '2024/25', '', null]) expect(registerVergaderjaar(fout)).toBeNull();
  });
});
