import Ajv from 'ajv';
import { parse } from 'csv-parse/sync';
import mammoth from 'mammoth';
import { TestApp, motie, startTestApp, toezegging } from './support/app';

jest.setTimeout(60_000);

/**
 * The Eerste Kamer's rappel over HTTP, on the embedded default and (e2e-postgres) with the read
 * models in PostgreSQL: the two lists per bewindspersoon checked against the register for a
 * peildatum, the moves of a termijn counted from the item's stream, every format read back, and
 * the answer recorded through the ordinary termijn command showing up on the next rappel.
 */
const MINISTER = 'minister van Justitie en Veiligheid';
const STAATSSECRETARIS = 'staatssecretaris van Justitie en Veiligheid';
const PEILDATUM = '2026-01-01';
const VOLGENDE = '2026-07-01';

interface RappelItem {
  itemId: string;
  nummer: string;
  titel: string;
  status: string;
  termijn: { omschrijving: string; datum: string };
  revisie: number;
  verschuivingen: { op: string; van: { omschrijving: string; datum: string | null }; reden: string }[];
}
interface Groep {
  bewindspersoon: string;
  ministeries: string[];
  verstreken: RappelItem[];
  komend: RappelItem[];
  zonderTermijndatum: number;
}
interface Rappel {
  peildatum: string;
  volgendePeildatum: string;
  bewindspersoon: string | null;
  positie: string;
  bewindspersonen: Groep[];
}

/** Collects a response body as bytes, whatever its content type. */
function binair(res: NodeJS.ReadableStream, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** OpenAPI 3.0's `nullable` as a union with null, and every object with properties closed (as test/openapi.e2e-spec.ts reads it). */
function strikt(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strikt);
  if (value === null || typeof value !== 'object') return value;
  const { nullable, ...rest } = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([n, p]) => [n, strikt(p)])) : strikt(v)])) as Record<string, unknown>;
  const gesloten = rest.type === 'object' && rest.properties && rest.additionalProperties === undefined ? { ...rest, additionalProperties: false } : rest;
  return nullable ? { anyOf: [{ type: 'null' }, gesloten] } : gesloten;
}

describe('rappel', () => {
  let t: TestApp;
  let positie = '0';
  const id: Record<string, { itemId: string; nummer: string }> = {};

  const rappel = async (query: string, als = t.as('liaison')) => (await als.get(`/api/rappel?${query}&minimalePositie=${positie}`).expect(200)).body as Rappel;
  const bestand = async (query: string) => {
    const res = await t.as('liaison').get(`/api/rappel?${query}&minimalePositie=${positie}`).buffer(true).parse(binair as never).expect(200);
    return { body: res.body as Buffer, type: String(res.headers['content-type']), disposition: String(res.headers['content-disposition']) };
  };
  const groep = (r: Rappel, naam: string) => r.bewindspersonen.find((b) => b.bewindspersoon === naam);
  const nummers = (items: readonly RappelItem[] | undefined) => (items ?? []).map((i) => i.nummer);
  const ok = async (req: Promise<{ body: { positie: string } }>) => {
    positie = (await req).body.positie;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const tz = async (naam: string, nummer: string, termijn: { omschrijving: string; datum: string | null } | null, extra: Record<string, unknown> = {}) => {
      const res = await t.http.post('/api/toezeggingen').send(toezegging({ nummer, titel: `Toezegging ${naam}`, termijn: termijn ?? undefined, ...extra })).expect(201);
      id[naam] = { itemId: res.body.itemId, nummer: res.body.nummer };
      positie = res.body.positie;
    };
    const m = async (naam: string, nummer: string, termijn: { omschrijving: string; datum: string | null } | null, extra: Record<string, unknown> = {}) => {
      const res = await t.http.post('/api/moties').send(motie({ nummer, titel: `Motie ${naam}`, termijn: termijn ?? undefined, ...extra })).expect(201);
      id[naam] = { itemId: res.body.itemId, nummer: res.body.nummer };
      positie = res.body.positie;
    };
    await tz('verstreken', 'TZ202501-1', { omschrijving: 'na de zomer', datum: '2025-10-01' });
    await tz('verschoven', 'TZ202501-2', { omschrijving: 'voor de zomer', datum: '2025-06-30' });
    await tz('dagVoorPeildatum', 'TZ202501-3', { omschrijving: 'eind 2025', datum: '2025-12-31' });
    await tz('opPeildatum', 'TZ202501-4', { omschrijving: 'in het volgende halfjaarbericht', datum: PEILDATUM });
    await tz('opVolgendePeildatum', 'TZ202501-5', { omschrijving: 'voor de zomer van 2026', datum: VOLGENDE });
    await tz('afgedaan', 'TZ202501-6', { omschrijving: 'voor 1 mei', datum: '2025-05-01' });
    await tz('vervallen', 'TZ202501-7', { omschrijving: 'voor 1 mei', datum: '2025-05-01' });
    await tz('zonderDatum', 'TZ202501-8', { omschrijving: 'zo snel mogelijk', datum: null });
    await m('zonderTermijn', '29628-1301', null);
    await m('deelsAfgedaan', '29628-1302', { omschrijving: 'in september', datum: '2025-09-01' });
    await m('eerstGeenTermijn', '29628-1303', null);
    await tz('formule', 'TZ202501-9', { omschrijving: 'voor de kerst', datum: '2025-11-01' }, { titel: '=HYPERLINK("http://aanvaller.example/","Klik")', bewindspersoon: STAATSSECRETARIS });
    await tz('staatssecretarisKomend', 'TZ202501-10', { omschrijving: 'voorjaar 2026', datum: '2026-04-01' }, { bewindspersoon: STAATSSECRETARIS, leden: [{ naam: 'Van Nispen', fractie: 'SP' }, { naam: 'Mutluer', fractie: 'GL-PvdA' }] });

    // Two moves of one termijn; a first termijn on an item that had none is no move.
    await ok(t.http.post(`/api/items/${id.verschoven.itemId}/termijn`).send({ datum: '2025-06-20', termijn: { omschrijving: 'eind 2025', datum: '2025-12-01' }, reden: 'Het WODC-onderzoek loopt uit' }).expect(200));
    await ok(t.http.post(`/api/items/${id.verschoven.itemId}/termijn`).send({ datum: '2025-11-20', termijn: { omschrijving: 'voorjaar 2026', datum: '2026-03-01' }, reden: 'Consultatie duurt langer' }).expect(200));
    await ok(t.http.post(`/api/items/${id.eerstGeenTermijn.itemId}/termijn`).send({ datum: '2025-06-20', termijn: { omschrijving: 'na de zomer', datum: '2025-09-15' }, reden: 'Termijn afgesproken' }).expect(200));
    const wijze = { soort: 'kamerstuk', referentie: 'Kamerstukken II 2024/25, 29628, nr. 1260' };
    await ok(t.http.post(`/api/items/${id.afgedaan.itemId}/afdoening`).send({ datum: '2025-06-20', wijze, toelichting: 'Afgedaan met de brief.' }).expect(200));
    await ok(t.http.post(`/api/items/${id.vervallen.itemId}/verval`).send({ datum: '2025-06-20', reden: 'Ingetrokken' }).expect(200));
    await ok(t.http.post(`/api/items/${id.deelsAfgedaan.itemId}/deelafdoening`).send({ datum: '2025-06-20', deel: 'het onderzoek', bewijs: wijze }).expect(200));
  });

  afterAll(async () => {
    await t.close();
  });

  it('lists per bewindspersoon the open items overdue on the peildatum and those due before the next one, as the register has them', async () => {
    const r = await rappel(`peildatum=${PEILDATUM}`);
    expect(r).toMatchObject({ peildatum: PEILDATUM, volgendePeildatum: VOLGENDE, bewindspersoon: null });
    expect(r.bewindspersonen.map((b) => b.bewindspersoon)).toEqual([MINISTER, STAATSSECRETARIS]);

    // Against the register itself: every open item with a termijn date, split by the two dates.
    const register = (await t.as('liaison').get(`/api/items?status=open&weergave=kort&perPagina=200&minimalePositie=${positie}`).expect(200)).body.items as { nummer: string; bewindspersoon: string; termijn: { datum: string | null } | null }[];
    for (const b of r.bewindspersonen) {
      const eigen = register.filter((i) => i.bewindspersoon === b.bewindspersoon && i.termijn?.datum);
      expect(nummers(b.verstreken).sort()).toEqual(eigen.filter((i) => i.termijn!.datum! < PEILDATUM).map((i) => i.nummer).sort());
      expect(nummers(b.komend).sort()).toEqual(eigen.filter((i) => i.termijn!.datum! >= PEILDATUM && i.termijn!.datum! < VOLGENDE).map((i) => i.nummer).sort());
      expect(b.zonderTermijndatum).toBe(register.filter((i) => i.bewindspersoon === b.bewindspersoon && !i.termijn?.datum).length);
    }

    // And by name: oldest termijn first; the boundaries; closed and undated items absent.
    const minister = groep(r, MINISTER)!;
    expect(nummers(minister.verstreken)).toEqual([id.deelsAfgedaan.nummer, id.eerstGeenTermijn.nummer, id.verstreken.nummer, id.dagVoorPeildatum.nummer]);
    expect(nummers(minister.komend)).toEqual([id.opPeildatum.nummer, id.verschoven.nummer]);
    expect(minister.ministeries).toEqual(['JenV']);
    expect(minister.zonderTermijndatum).toBe(2);
    const overal = r.bewindspersonen.flatMap((b) => [...b.verstreken, ...b.komend]).map((i) => i.nummer);
    for (const weg of ['opVolgendePeildatum', 'afgedaan', 'vervallen', 'zonderDatum', 'zonderTermijn']) expect(overal).not.toContain(id[weg].nummer);
    expect(minister.verstreken[0]).toMatchObject({ status: 'DeelsAfgedaan', termijn: { omschrijving: 'in september', datum: '2025-09-01' } });

    const staatssecretaris = groep(r, STAATSSECRETARIS)!;
    expect(nummers(staatssecretaris.verstreken)).toEqual([id.formule.nummer]);
    expect(staatssecretaris.komend).toEqual([
      expect.objectContaining({ nummer: id.staatssecretarisKomend.nummer, leden: [{ naam: 'Van Nispen', fractie: 'SP' }, { naam: 'Mutluer', fractie: 'GL-PvdA' }], verschuivingen: [] }),
    ]);
  });

  it('counts how often and when a termijn moved, from the item’s own TermijnGewijzigd events', async () => {
    const r = await rappel(`peildatum=${PEILDATUM}`);
    const verschoven = groep(r, MINISTER)!.komend.find((i) => i.itemId === id.verschoven.itemId)!;
    expect(verschoven.termijn).toEqual({ omschrijving: 'voorjaar 2026', datum: '2026-03-01' });
    expect(verschoven.verschuivingen).toEqual([
      { op: '2025-06-20', van: { omschrijving: 'voor de zomer', datum: '2025-06-30' }, reden: 'Het WODC-onderzoek loopt uit' },
      { op: '2025-11-20', van: { omschrijving: 'eind 2025', datum: '2025-12-01' }, reden: 'Consultatie duurt langer' },
    ]);
    // A termijn given to an item that had none has not moved.
    expect(groep(r, MINISTER)!.verstreken.find((i) => i.itemId === id.eerstGeenTermijn.itemId)!.verschuivingen).toEqual([]);
  });

  it('takes the next 1 January or 1 July as the peildatum by default', async () => {
    const r = await rappel('');
    const vandaag = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const jaar = Number(vandaag.slice(0, 4));
    const verwacht = vandaag === `${jaar}-01-01` ? vandaag : vandaag <= `${jaar}-07-01` ? `${jaar}-07-01` : `${jaar + 1}-01-01`;
    expect(r.peildatum).toBe(verwacht);
    expect(r.peildatum.slice(5)).toMatch(/^(01-01|07-01)$/);
  });

  it('selects one bewindspersoon as the register does (a part of the name selects every one that contains it)', async () => {
    const alleen = await rappel(`peildatum=${PEILDATUM}&bewindspersoon=${encodeURIComponent(STAATSSECRETARIS.toUpperCase())}`);
    expect(alleen.bewindspersoon).toBe(STAATSSECRETARIS.toUpperCase());
    expect(alleen.bewindspersonen.map((b) => b.bewindspersoon)).toEqual([STAATSSECRETARIS]);
    expect((await rappel(`peildatum=${PEILDATUM}&bewindspersoon=justitie`)).bewindspersonen).toHaveLength(2);
    expect((await rappel(`peildatum=${PEILDATUM}&bewindspersoon=minister%20voor%20Migratie`)).bewindspersonen).toEqual([]);
  });

  it('answers with the schema the OpenAPI document gives it', async () => {
    const doc = (await t.as('anoniem').get('/api/docs-json').expect(200)).body;
    const schema = doc.paths['/api/rappel'].get.responses['200'].content['application/json'].schema;
    const validate = new Ajv({ strict: false, validateFormats: false, allErrors: true }).compile({ ...(strikt(schema) as object), components: strikt(doc.components) });
    const r = await rappel(`peildatum=${PEILDATUM}`);
    expect(validate(r) ? [] : validate.errors).toEqual([]);
    expect(Object.keys(doc.paths['/api/rappel'].get.responses['200'].content).sort()).toEqual(['application/json', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/csv; charset=utf-8', 'text/html; charset=utf-8']);
  });

  it('gives the CSV one row per item with an empty column for the new prognosis, and no cell that Excel would run', async () => {
    const { body, type, disposition } = await bestand(`peildatum=${PEILDATUM}&formaat=csv`);
    expect(type).toBe('text/csv; charset=utf-8');
    expect(disposition).toBe(`attachment; filename="rappel-${PEILDATUM}.csv"`);
    const [kop, ...rijen] = parse(body.toString('utf8'), { bom: true }) as string[][];
    expect(kop).toEqual(['bewindspersoon', 'ministerie', 'lijst', 'soort', 'nummer', 'titel', 'leden', 'termijn', 'termijndatum', 'status', 'keer verschoven', 'eerdere termijnen', 'nieuwe prognose', 'itemId']);
    const kolom = (naam: string) => kop.indexOf(naam);
    expect(rijen).toHaveLength(8);
    expect(rijen.every((r) => r[kolom('nieuwe prognose')] === '')).toBe(true);
    const verschoven = rijen.find((r) => r[kolom('nummer')] === id.verschoven.nummer)!;
    expect(verschoven[kolom('lijst')]).toBe(`Verstrijkt vóór ${VOLGENDE}`);
    expect(verschoven[kolom('keer verschoven')]).toBe('2');
    expect(verschoven[kolom('eerdere termijnen')]).toBe('voor de zomer (2025-06-30), verschoven op 2025-06-20; eind 2025 (2025-12-01), verschoven op 2025-11-20');
    const formule = rijen.find((r) => r[kolom('nummer')] === id.formule.nummer)!;
    expect(formule[kolom('titel')]).toBe(`'=HYPERLINK("http://aanvaller.example/","Klik")`);
    expect(formule[kolom('lijst')]).toBe(`Verstreken vóór ${PEILDATUM}`);
    expect(rijen.flat().filter((c) => /^\s*[=+\-@]/.test(c))).toEqual([]);
  });

  it('gives the DOCX both lists per bewindspersoon, the moves and the empty column, readable by mammoth', async () => {
    const { body, type, disposition } = await bestand(`peildatum=${PEILDATUM}&formaat=docx&bewindspersoon=${encodeURIComponent(MINISTER)}`);
    expect(type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(disposition).toBe(`attachment; filename="rappel-${PEILDATUM}-minister-van-justitie-en-veiligheid.docx"`);
    const tekst = (await mammoth.extractRawText({ buffer: body })).value;
    for (const zin of ['Rappel toezeggingen en moties', 'Peildatum 1 januari 2026 — volgende peildatum 1 juli 2026', `${MINISTER} (JenV)`, 'Termijn verstreken vóór 1 januari 2026 (4)', 'Termijn verstrijkt vóór 1 juli 2026 (2)', 'Nieuwe prognose', '2×', 'voor de zomer (30 juni 2025), verschoven op 20 juni 2025', 'eind 2025 (1 december 2025), verschoven op 20 november 2025', 'Daarnaast staan 2 open items zonder termijndatum']) {
      expect(tekst).toContain(zin);
    }
    for (const n of [id.verstreken, id.verschoven, id.dagVoorPeildatum, id.opPeildatum, id.deelsAfgedaan]) expect(tekst).toContain(n.nummer);
    expect(tekst).not.toContain(id.opVolgendePeildatum.nummer);
    expect(tekst).not.toContain(STAATSSECRETARIS);
    // The table has the empty column: mammoth's HTML shows seven cells in every row.
    const html = (await mammoth.convertToHtml({ buffer: body })).value;
    const rijen = html.match(/<tr>.*?<\/tr>/g)!;
    expect(rijen.length).toBe(2 + 4 + 2);
    for (const rij of rijen) expect(rij.match(/<t[dh]>/g)).toHaveLength(7);
  });

  it('gives an HTML page to show, every text escaped', async () => {
    const { body, type, disposition } = await bestand(`peildatum=${PEILDATUM}&formaat=html&bewindspersoon=staatssecretaris`);
    expect(type).toBe('text/html; charset=utf-8');
    expect(disposition).toBe(`inline; filename="rappel-${PEILDATUM}-staatssecretaris.html"`);
    const html = body.toString('utf8');
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain(`<h2>${STAATSSECRETARIS} (JenV)</h2>`);
    expect(html).toContain('<th scope="col">Nieuwe prognose</th>');
    expect(html).toContain('=HYPERLINK(&quot;http://aanvaller.example/&quot;,&quot;Klik&quot;)');
    expect(html).toContain('Van Nispen (SP), Mutluer (GL-PvdA)');
    expect(html).not.toContain(MINISTER);
  });

  it('says when nothing is on the rappel, in every format', async () => {
    const q = `peildatum=2020-01-01&bewindspersoon=${encodeURIComponent(MINISTER)}`;
    expect((await rappel(q)).bewindspersonen).toEqual([]);
    expect((await bestand(`${q}&formaat=html`)).body.toString('utf8')).toContain('Er zijn geen open moties of toezeggingen waarvan de termijn vóór 1 juli 2020 verstrijkt');
    expect((await mammoth.extractRawText({ buffer: (await bestand(`${q}&formaat=docx`)).body })).value).toContain('Er zijn geen open moties of toezeggingen');
    expect(parse((await bestand(`${q}&formaat=csv`)).body.toString('utf8'), { bom: true })).toHaveLength(1);
  });

  it.each([
    ['peildatum=1-1-2026', 'peildatum', 'moet een bestaande datum zijn in de vorm JJJJ-MM-DD'],
    ['peildatum=2026-02-30', 'peildatum', 'moet een bestaande datum zijn in de vorm JJJJ-MM-DD'],
    ['formaat=pdf', 'formaat', 'moet een van json, html, docx, csv zijn'],
    // The next peildatum would be 1 January 10000, which no business date reaches.
    ['peildatum=9999-07-01', 'peildatum', 'moet vóór 1 juli 9999 liggen'],
  ])('refuses %s with 400 in Dutch', async (query, veld, melding) => {
    const res = await t.as('liaison').get(`/api/rappel?${query}`).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.fouten).toEqual([{ veld, melding }]);
  });

  it('is for readers only', async () => {
    for (const rol of ['griffier', 'auditor', 'liaison'] as const) await t.as(rol).get('/api/rappel').expect(200);
    await t.as('beheerder').get('/api/rappel').expect(403);
    await t.as('anoniem').get('/api/rappel').expect(401);
  });

  it('shows on the next rappel what the answer moved, through the ordinary termijn command', async () => {
    const voor = (await rappel(`peildatum=${PEILDATUM}`)).bewindspersonen[0].verstreken.find((i) => i.itemId === id.verstreken.itemId)!;
    await ok(
      t.http
        .post(`/api/items/${id.verstreken.itemId}/termijn`)
        .send({ datum: '2026-01-15', termijn: { omschrijving: 'na de zomer van 2026', datum: '2026-09-01' }, reden: 'Nieuwe prognose in antwoord op de rappel van 1 januari 2026', verwachteRevisie: voor.revisie })
        .expect(200),
    );
    const nu = await rappel(`peildatum=${PEILDATUM}`);
    expect(nummers(groep(nu, MINISTER)!.verstreken)).not.toContain(id.verstreken.nummer);
    const volgende = await rappel(`peildatum=${VOLGENDE}`);
    const item = groep(volgende, MINISTER)!.komend.find((i) => i.itemId === id.verstreken.itemId)!;
    expect(item.termijn).toEqual({ omschrijving: 'na de zomer van 2026', datum: '2026-09-01' });
    expect(item.verschuivingen).toEqual([{ op: '2026-01-15', van: { omschrijving: 'na de zomer', datum: '2025-10-01' }, reden: 'Nieuwe prognose in antwoord op de rappel van 1 januari 2026' }]);
  });

  it('writes a DOCX Word can open when a title holds a character XML does not allow', async () => {
    await ok(t.http.post('/api/toezeggingen').send(toezegging({ nummer: 'TZ202501-77', titel: 'Toezegging met\u0007 belletje\uFFFE', bewindspersoon: 'minister voor Rechtsbescherming', termijn: { omschrijving: 'voor de zomer', datum: '2025-06-30' } })).expect(201));
    const { body } = await bestand(`peildatum=${PEILDATUM}&formaat=docx&bewindspersoon=${encodeURIComponent('minister voor Rechtsbescherming')}`);
    expect((await mammoth.extractRawText({ buffer: body })).value).toContain('Toezegging met belletje');
  });
});
