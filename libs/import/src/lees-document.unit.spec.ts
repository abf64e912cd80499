import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportFout } from './import-fout';
import { MAX_DOCUMENT_BYTES, herkenFormaat, leesDocument } from './lees-document';
import { verwijzingenIn } from './tekst/kamernummer';
import { normaliseer } from './tekst/normaliseer';
import { extraheerBijlage } from './tekst/extraheer-bijlage';
import { leesBrief } from './tekst/brief';

const MAP = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'import');
const bestand = (naam: string): Buffer => readFileSync(join(MAP, naam));

async function fout(bytes: Uint8Array): Promise<ImportFout> {
  try {
    await leesDocument(bytes);
  } catch (e) {
    if (e instanceof ImportFout) return e;
    throw e;
  }
  throw new Error('geen fout');
}

describe('Kamer numbers', () => {
  it.each([
    ['Kamerstukken II 2021/22, 35925-VI, nr. 96', '35925-VI-96', '2021/22'],
    ['Kamerstukken II 2021/22, 35925 VI, nr. 96', '35925-VI-96', '2021/22'],
    ['Kamerstuk 29 628, nr. 1107', '29628-1107', null],
    ['Kamerstukken II 2020-2021, 29.628 nr. 984', '29628-984', '2020/21'],
    ['Kamerstukken II, 2024/25, TZ202412, nr. 156', 'TZ202412-156', '2024/25'],
    ['TZ127734', 'TZ127734', null],
  ])('%s → %s', (tekst, nummer, jaar) => {
    const [v] = verwijzingenIn(tekst);
    expect(v.nummer).toBe(nummer);
    expect(v.vergaderjaar).toBe(jaar);
  });

  it('keeps an invalid number as the source gives it, without a valid number', () => {
    expect(verwijzingenIn('Kamerstukken II, 2024/25, TZ2024412, nr. 155.')[0]).toMatchObject({ nummer: null, nummerInBron: 'TZ2024412-155' });
    expect(verwijzingenIn('Kamerstukken II, 2024/25, 202412, nr. 156')[0]).toMatchObject({ nummer: null, nummerInBron: '202412-156' });
    expect(verwijzingenIn('Kamerstukken II, 2024/25, 2024D51189, RvW zaak 2024Z21536')[0]).toMatchObject({ nummer: null, nummerInBron: '2024D51189' });
  });
});

describe('normalisation', () => {
  it('removes Word artefacts, collects footnotes and maps text back to the original lines', () => {
    const t = normaliseer(['[bookmark: _Toc1]Motie inzake X', 'De motie van het lid A verzoekt iets.[footnoteRef:1] [1:  Kamerstukken II, 2024/25, 29628, nr. 1230]']);
    expect(t.alineas[0]).toMatchObject({ tekst: 'Motie inzake X', kop: true, inhoudsopgave: true, eersteRegel: 1 });
    expect(t.alineas[1].tekst).toBe('De motie van het lid A verzoekt iets.');
    expect(t.alineas[1].verwijzingen).toEqual([{ nummer: '1', offset: 37 }]);
    expect(t.voetnoten.get('1')?.tekst).toBe('Kamerstukken II, 2024/25, 29628, nr. 1230');
  });

  it('drops page furniture repeated on pages and joins a sentence across the page break', () => {
    const pagina = ['', 'Datum', '', '15 december 2022', '', 'Ons kenmerk', '', '4320197', ''];
    const t = normaliseer([
      'Een lange zin over de politie die doorloopt tot aan het einde van de pagina en daar eindigt met de motie',
      ...pagina,
      'Bisschop om te streven naar de norm.',
      ...pagina,
      'Nog een alinea.',
      ...pagina,
    ]);
    expect(t.alineas.map((a) => a.tekst)).toEqual(['Een lange zin over de politie die doorloopt tot aan het einde van de pagina en daar eindigt met de motie Bisschop om te streven naar de norm.', 'Nog een alinea.']);
    expect(t.alineas[0].regelBij(t.alineas[0].tekst.indexOf('Bisschop'))).toBe(11);
  });

  it('reads glued digit footnote markers and undoes hyphenation in wrapped PDF text', () => {
    const regels = ['Tijdens het debat heeft het lid Azarkan1 een motie inge-', 'diend over de app.', '', '1 Motie van het lid Azarkan, Kamerstuk 29 628, nr. 1105.'];
    const t = normaliseer([...Array.from({ length: 12 }, () => 'korte regel tekst'), '', ...regels]);
    const a = t.alineas.find((x) => x.tekst.includes('Azarkan'));
    expect(a?.tekst).toBe('Tijdens het debat heeft het lid Azarkan een motie ingediend over de app.');
    expect(t.voetnoten.get('1')?.tekst).toContain('nr. 1105'); expect(a?.verwijzingen.map((v) => v.nummer)).toEqual(['1']);
  });
});

describe('annex rules', () => {
  const extraheer = (regels: string[]) => extraheerBijlage(normaliseer(regels), null);

  it('pairs "de moties van de leden A, B en C" with the footnote numbers in order and reads the closing sentence', () => {
    const e = extraheer([
      'Motie inzake handhaving',
      'De moties van de leden Jansen, De Boer en El Amrani verzoeken de regering iets te doen.[footnoteRef:1] [1:  Kamerstukken II, 2024/25, 34324, nr. 26; Kamerstukken II, 2024/25, 34324, nr. 20; Kamerstukken II, 2024/25, 29279, nr. 944]',
      'Ik beschouw hiermee de genoemde moties als afgedaan.',
    ]);
    expect(e.items.map((i) => [i.nummer, i.leden[0].naam, i.status, i.regel])).toEqual([
      ['34324-26', 'Jansen', 'afgedaan', 1],
      ['34324-20', 'De Boer', 'afgedaan', 1],
      ['29279-944', 'El Amrani', 'afgedaan', 1],
    ]);
  });

  it('makes a toezegging section one item with its TZ number, in behandeling without a closing sentence', () => {
    const e = extraheer(['Toezegging inzake de monitor', 'In het commissiedebat van 3 april 2024 heb ik toegezegd de Kamer te informeren.[footnoteRef:2] [2:  Kamerstukken II, 2023/24, TZ202404, nr. 12]', 'De monitor verschijnt in het najaar.']);
    expect(e.items).toHaveLength(1);
    expect(e.items[0]).toMatchObject({ soort: 'toezegging', nummer: 'TZ202404-12', status: 'in-behandeling', datum: '2024-04-03' });
  });

  it('proposes a motie cited in passing in another item’s section as genoemd', () => {
    const e = extraheer([
      'Motie inzake zedenzaken',
      'Naar aanleiding van een motie van de leden Kuiper en Smit wordt u halfjaarlijks geïnformeerd.[footnoteRef:1] [1:  Kamerstukken II, 2021/22, 31015, nr. 249]',
      'De cijfers staan hieronder.',
      'Dankzij de motie-Klaver c.s.[footnoteRef:2] is de capaciteit uitgebreid. [2:  Kamerstukken II, 2019/20, 35300, nr. 11]',
    ]);
    expect(e.items.map((i) => [i.nummer, i.rol, i.status])).toEqual([
      ['31015-249', 'behandeld', 'in-behandeling'],
      ['35300-11', 'genoemd', null],
    ]);
  });

  it('reads the letter’s date, kenmerk and onderwerp', () => {
    expect(leesBrief(['Datum 15 december 2022', 'Onderwerp Tweede halfjaarbericht Politie 2022', '', 'Ons kenmerk', '4320197'])).toEqual({ datum: '2022-12-15', kenmerk: '4320197', onderwerp: 'Tweede halfjaarbericht Politie 2022' });
  });
});

describe('readers and bad input', () => {
  it('recognises formats by content', () => {
    expect(herkenFormaat(bestand('bijlage.pdf'))).toBe('pdf');
    expect(herkenFormaat(bestand('bijlage.docx'))).toBe('docx');
    expect(herkenFormaat(bestand('register-formules.xlsx'))).toBe('xlsx');
    expect(herkenFormaat(bestand('register.csv'))).toBe('csv');
    expect(herkenFormaat(bestand('000_a667fa4859d422a8.txt'))).toBe('txt');
  });

  it('reads a DOCX with footnotes', async () => {
    const d = await leesDocument(bestand('bijlage.docx'));
    expect(d.items.map((i) => [i.soort, i.nummer, i.status])).toEqual([
      ['motie', '31293-712', 'afgedaan'],
      ['toezegging', 'TZ202402-31', 'in-behandeling'],
    ]);
  });

  it('reads a PDF in a worker, with superscript footnotes and page furniture', async () => {
    const d = await leesDocument(bestand('bijlage.pdf'));
    expect(d.formaat).toBe('pdf');
    expect(d.items.map((i) => [i.soort, i.nummer, i.status])).toEqual([
      ['motie', '27923-470', 'afgedaan'],
      ['toezegging', null, 'in-behandeling'],
    ]);
    expect(d.brief.datum).toBe('2024-06-12');
  });

  it('reads CSV and XLSX with default headings; formulas give their cached result, = cells stay text', async () => {
    const csv = await leesDocument(bestand('register.csv'));
    expect(csv.items.map((i) => [i.soort, i.nummer, i.status])).toEqual([
      ['motie', '36410-VIII-12', 'afgedaan'],
      ['toezegging', 'TZ202402-31', 'in-behandeling'],
      ['motie', null, 'in-behandeling'],
    ]);
    expect(csv.items[2].titel).toBe('=HYPERLINK("http://x")');
    const xlsx = await leesDocument(bestand('register-formules.xlsx'));
    expect(xlsx.items[1]).toMatchObject({ nummer: 'TZ202402-31', regel: 3 });
    expect(xlsx.waarschuwingen.join(' ')).toContain('formule');
  });

  it('uses a column mapping and names missing columns', async () => {
    const d = await leesDocument(bestand('register-formules.xlsx'), { kolommen: { titel: 'Omschrijving', nummer: 'Kamerstuk' } });
    expect(d.items).toHaveLength(2);
    await expect(leesDocument(bestand('register.csv'), { kolommen: { titel: 'Bestaat niet' } })).rejects.toMatchObject({ code: 'kolommen-ontbreken', status: 422 });
  });

  it.each([
    ['wachtwoord.pdf', 'pdf-wachtwoord', 400],
    ['beschadigd.pdf', 'pdf-beschadigd', 400],
    ['zipbom.docx', 'zip-bom', 400],
    ['alleen-formules.xlsx', 'formules-in-cellen', 422],
  ])('%s → %s', async (naam, code, status) => {
    expect(await fout(bestand(naam))).toMatchObject({ code, status });
  });

  it('refuses empty, too large, binary junk and text in another language', async () => {
    expect(await fout(new Uint8Array())).toMatchObject({ code: 'leeg-bestand', status: 400 });
    expect(await fout(new Uint8Array(MAX_DOCUMENT_BYTES + 1))).toMatchObject({ code: 'te-groot', status: 413 });
    expect(await fout(Uint8Array.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x10]))).toMatchObject({ code: 'onbekend-formaat' });
    const engels = 'The minister informed the House of the progress of the motion and the commitments that were made in the debate. '.repeat(5);
    expect(await fout(Buffer.from(engels))).toMatchObject({ code: 'andere-taal', status: 422 });
    expect(await fout(Buffer.from('Dit is een gewone brief van de gemeente over het onderhoud van de weg en de stoep in de wijk, die voor de zomer klaar is en waar u van op de hoogte wordt gehouden door ons.'))).toMatchObject({ code: 'geen-items' });
  });
});
