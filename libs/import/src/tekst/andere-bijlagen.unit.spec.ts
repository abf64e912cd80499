/* Rules for annex shapes other ministries use: tables, register lists, numbered headings, other status phrasings. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { leesDocument } from '../lees-document';
import { extraheerBijlage } from './extraheer-bijlage';
import { verwijzingenIn } from './kamernummer';
import { normaliseer, tabelCellen } from './normaliseer';
import { celStatus, groepStatusUit } from './tabel';

const extraheer = (regels: string[]) => extraheerBijlage(normaliseer(regels), null);
const kort = (e: ReturnType<typeof extraheer>) => e.items.map((i) => [i.soort, i.nummer, i.status, i.rol, i.regel]);

describe('tables', () => {
  it('recognises rows with tab- or pipe-separated cells, not a single tab after an enumerator', () => {
    expect(tabelCellen('Motie X\tKamerstuk 29 984, nr. 1\tLoopt')).toEqual(['Motie X', 'Kamerstuk 29 984, nr. 1', 'Loopt']);
    expect(tabelCellen('| Motie X | Kamerstuk 29 984, nr. 1 | Loopt |')).toEqual(['Motie X', 'Kamerstuk 29 984, nr. 1', 'Loopt']);
    expect(tabelCellen('1) \thandhaving bij verboden demonstraties,')).toBeNull();
  });

  it('reads group headings and stand-van-zaken cells as status', () => {
    expect(['Afgerond', 'Niet afgerond', 'Niet-afgeronde toezeggingen', 'Openstaande moties', 'Primair onderwijs'].map(groepStatusUit)).toEqual([
      'afgedaan',
      'in-behandeling',
      'in-behandeling',
      'in-behandeling',
      null,
    ]);
    expect(['Afgedaan met de brief van 3 mei.', 'Loopt; volgt in 2025.', 'Deels voldaan', 'De brief volgt.'].map(celStatus)).toEqual([
      'afgedaan',
      'in-behandeling',
      'deels-afgedaan',
      null,
    ]);
  });

  it('makes every row an item, its number from the vindplaats, its status from its cell or else its group', () => {
    const e = extraheer([
      'Tabel 1 Aangenomen moties',
      'Afgerond',
      'Omschrijving\tVindplaats\tStand van zaken',
      'Motie van het lid Jansen over bruggen\tKamerstuk 29 984, nr. 1087\tDe brief is op 3 mei verzonden (Kamerstuk 29 984, nr. 1102).',
      'Niet afgerond',
      'Omschrijving\tVindplaats\tStand van zaken',
      'Motie van de leden De Boer en Pieters over sluizen\tKamerstuk 31 409, nr. 420\tDe uitvoering loopt.',
      'Tabel 2 Toezeggingen',
      'Niet afgerond',
      'Omschrijving | Vindplaats | Stand van zaken',
      'De minister zegt toe de Kamer te informeren over geluid. | Commissiedebat Luchtvaart, 7 februari 2024 (TZ202402-055) | Afgedaan met de brief van 1 juni 2024.',
    ]);
    expect(kort(e)).toEqual([
      ['motie', '29984-1087', 'afgedaan', 'behandeld', 4],
      ['motie', '31409-420', 'in-behandeling', 'behandeld', 7],
      ['toezegging', 'TZ202402-055', 'afgedaan', 'behandeld', 11],
    ]);
    expect(e.items[1].leden.map((l) => l.naam)).toEqual(['De Boer', 'Pieters']);
    expect(e.items[2].debat).toBe('Commissiedebat Luchtvaart, 7 februari 2024');
  });

  it('presents a Word table as rows', async () => {
    const d = await leesDocument(readFileSync(join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'import', 'andere', 'fin-begroting-tabel-2025.docx')));
    expect(d.regels[3]).toBe('Omschrijving | Vindplaats | Stand van zaken');
    expect(d.items.map((i) => [i.nummer, i.status, i.regel])[0]).toEqual(['36200-IX-17', 'afgedaan', 5]);
  });
});

describe('register lists, numbered headings and other phrasings', () => {
  it('reads "Toezegging (TZ…): De minister zegt toe …" with its Status and Toegezegd-aan fields', () => {
    const e = extraheer([
      'Curatieve zorg',
      '',
      'Toezegging (TZ202310-045): De minister zegt toe de Kamer te informeren over de pilot.',
      'Toegezegd aan: het lid Agema (PVV)',
      'Status: Deels voldaan',
      '',
      'Toezegging (TZ202311-012): De staatssecretaris zegt toe een brief te sturen.',
      'Toegezegd aan: het lid Dijk (SP)',
      'Status: Voldaan',
      '',
      'Toezegging (TZ202312-078): De minister zegt toe te overleggen.',
      'Status: Openstaand',
    ]);
    expect(kort(e)).toEqual([
      ['toezegging', 'TZ202310-045', 'deels-afgedaan', 'behandeld', 3],
      ['toezegging', 'TZ202311-012', 'afgedaan', 'behandeld', 7],
      ['toezegging', 'TZ202312-078', 'in-behandeling', 'behandeld', 11],
    ]);
    expect(e.items[0].leden).toEqual([{ naam: 'Agema', fractie: 'PVV' }]);
    expect(e.items[0].titel).toBe('De minister zegt toe de Kamer te informeren over de pilot');
  });

  it('takes "1. Motie van het lid X (fractie) over …" as an item heading with its members', () => {
    const e = extraheer([
      '1. Motie van het lid Paternotte (D66) over het lerarentekort',
      'De motie verzoekt de regering een plan op te stellen.[footnoteRef:1] [1:  Kamerstukken II 2022/23, 36 200-VIII, nr. 54.]',
      'Met de toezending van het plan is de motie uitgevoerd.',
      '2. Toezegging over de ouderbijdrage',
      'In het commissiedebat van 4 juli 2023 is toegezegd de Kamer te informeren. Deze toezegging is nog niet afgerond.',
    ]);
    expect(kort(e)).toEqual([
      ['motie', '36200-VIII-54', 'afgedaan', 'behandeld', 1],
      ['toezegging', null, 'in-behandeling', 'behandeld', 4],
    ]);
    expect(e.items[0]).toMatchObject({ titel: 'Motie van het lid Paternotte (D66) over het lerarentekort', leden: [{ naam: 'Paternotte', fractie: 'D66' }] });
  });

  it('reads "het lid X c.s. heeft met een motie (36600-XIV-45)", "is hiermee uitgevoerd" and a motie referred back to', () => {
    const e = extraheer([
      'Visserij',
      'Het lid Omtzigt c.s. heeft met een motie (36600-XIV-45) verzocht een commissie in te stellen. De motie wordt nog uitgevoerd.',
      '',
      'De motie van het lid Holman (NSC) over sanering (Kamerstuk 36 600-XIV, nr. 61) verzoekt iets. Met de regeling is de motie hiermee uitgevoerd. Daarmee is ook invulling gegeven aan de eerdere motie van het lid Bisschop (Kamerstuk 35 925-XIV, nr. 110), die in 2022 al als afgedaan is beschouwd.',
    ]);
    expect(kort(e)).toEqual([
      ['motie', '36600-XIV-45', 'in-behandeling', 'behandeld', 2],
      ['motie', '36600-XIV-61', 'afgedaan', 'behandeld', 4],
      ['motie', '35925-XIV-110', null, 'genoemd', 4],
    ]);
  });

  it('keeps an Eerste Kamer paper as written, without a register number, and warns', () => {
    const [v] = verwijzingenIn('de motie (Kamerstukken I 2023/24, 36 410 XIV, G)');
    expect(v).toMatchObject({ soort: 'kamerstuk', nummer: null, nummerInBron: '36410-XIV-G', vergaderjaar: '2023/24' });
    expect(v.probleem).toMatch(/Eerste Kamer/);
    expect(verwijzingenIn('Kamerstukken I 2023/24, 36 200, nr. 12')[0]).toMatchObject({ nummer: null, nummerInBron: '36200-12' });
  });
});

describe('aanvullende zaken', () => {
  it('never takes the letterhead ("Onderwerp …") or the introduction as one; finds those under "Overige onderwerpen"', () => {
    const e = extraheer([
      'Datum 15 december 2025',
      'Onderwerp Tweede halfjaarbericht politie 2025',
      '',
      'Dit is de inleiding van de brief.',
      '',
      'Inleiding',
      '',
      'Hierin staat wat volgt.',
      '',
      'Handhaving',
      '',
      'De motie van het lid Boswijk verzoekt de regering iets te doen. Hiermee beschouw ik de motie als afgedaan.',
      '',
      'Overige onderwerpen',
      '',
      'Update vogelgriep',
      '',
      'Sinds oktober zijn twaalf bedrijven besmet.',
    ]);
    // Short lines make this text hard-wrapped, where a heading stands between blank lines.
    expect(e.aanvullendeZaken).toEqual([{ titel: 'Update vogelgriep', regel: 16 }]);
  });
});
