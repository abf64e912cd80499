import Ajv, { ErrorObject } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response as Antwoord } from 'supertest';
import { TestApp, motie, startTestApp, toezegging } from './support/app';

jest.setTimeout(60_000);

/**
 * The OpenAPI document describes what every operation answers on success, so a client generated
 * from it gets typed bodies: a declared 2xx per operation, a schema per media type (204 excepted),
 * no bare Object, binary downloads as binary strings, and no $ref that points nowhere.
 */
type Schema = {
  readonly type?: string;
  readonly format?: string;
  readonly $ref?: string;
  readonly properties?: Record<string, Schema>;
  readonly additionalProperties?: boolean | Schema;
  readonly items?: Schema;
  readonly allOf?: Schema[];
  readonly oneOf?: Schema[];
  readonly anyOf?: Schema[];
};
type Response = { readonly description?: string; readonly content?: Record<string, { readonly schema?: Schema }> };
type Parameter = { readonly name: string; readonly in: string; readonly schema?: Schema };
type Operation = { readonly parameters?: Parameter[]; readonly responses?: Record<string, Response> };
type Document = { readonly paths: Record<string, Record<string, Operation>>; readonly components?: { readonly schemas?: Record<string, Schema> } };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const BINARY = ['text/csv', 'application/pdf', 'text/calendar', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
const isJson = (mediaType: string) => mediaType === 'application/json' || mediaType.endsWith('+json');
const isBinary = (mediaType: string) => BINARY.some((b) => mediaType.startsWith(b));

/** Every $ref anywhere below a schema (components included, so a DTO's nested $ref counts too). */
function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refs(v)));
}

/** An object schema that says nothing about its shape: `{ type: 'object' }`, at most with no properties. */
const isBareObject = (s: Schema) => s.type === 'object' && Object.keys(s.properties ?? {}).length === 0 && !s.additionalProperties && !s.$ref && !s.allOf && !s.oneOf && !s.anyOf;

/**
 * Where a schema, or a schema it nests or refers to, is a bare Object. A $ref is followed into
 * components once, so only the schemas an answer actually uses are judged.
 */
function bareObjects(s: Schema, where: string, components: Record<string, Schema>, seen = new Set<string>()): string[] {
  if (s.$ref) {
    const name = s.$ref.replace('#/components/schemas/', '');
    if (seen.has(name) || !components[name]) return [];
    seen.add(name);
    return bareObjects(components[name], `${where} → ${name}`, components, seen);
  }
  if (isBareObject(s)) return [where];
  const nested = (v: Schema, w: string) => bareObjects(v, w, components, seen);
  return [
    ...Object.entries(s.properties ?? {}).flatMap(([k, v]) => nested(v, `${where}.${k}`)),
    ...(s.items ? nested(s.items, `${where}[]`) : []),
    ...(typeof s.additionalProperties === 'object' ? nested(s.additionalProperties, `${where}{}`) : []),
    ...[...(s.allOf ?? []), ...(s.oneOf ?? []), ...(s.anyOf ?? [])].flatMap((v, i) => nested(v, `${where}|${i}`)),
  ];
}

/** What is wrong with one operation's success answers; empty when nothing is. */
function problemsOf(op: Operation, components: Record<string, Schema>): string[] {
  const success = Object.entries(op.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code));
  if (success.length === 0) return ['geen 2xx-antwoord'];
  return success.flatMap(([code, res]) => {
    if (code === '204') return res.content ? [`204 met content`] : [];
    const content = Object.entries(res.content ?? {});
    if (content.length === 0) return [`${code} zonder content`];
    return content.flatMap(([mediaType, { schema }]) => {
      if (!schema) return [`${code} ${mediaType} zonder schema`];
      if (isBinary(mediaType)) return schema.type === 'string' && schema.format === 'binary' ? [] : [`${code} ${mediaType} is geen binary string`];
      if (isJson(mediaType)) return bareObjects(schema, `${code} ${mediaType}`, components).map((w) => `${w}: kaal Object`);
      return [];
    });
  });
}

describe('OpenAPI document: a response schema for every 2xx answer', () => {
  let t: TestApp;
  let doc: Document;

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.as('anoniem').get('/api/docs-json').expect(200)).body as Document;
  });

  afterAll(async () => {
    await t.close();
  });

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
    );

  it('declares a success answer with a schema for every operation', () => {
    const components = doc.components?.schemas ?? {};
    const checked = operations().map(({ route, op }) => ({ route, problems: problemsOf(op, components) }));
    expect(checked.length).toBeGreaterThan(0);
    const offending = checked.filter((o) => o.problems.length > 0).map((o) => `${o.route}: ${o.problems.join('; ')}`);
    // The list itself is the assertion, so that a failure names each operation and what it lacks.
    expect(offending).toEqual([]);
  });

  it('gives no parameter a bare Object for a schema', () => {
    const components = doc.components?.schemas ?? {};
    const offending = operations().flatMap(({ route, op }) => (op.parameters ?? []).flatMap((p) => bareObjects(p.schema ?? {}, `${p.in} ${p.name}`, components).map((w) => `${route}: ${w}: kaal Object`)));
    expect(offending).toEqual([]);
  });

  it('resolves every $ref in components.schemas', () => {
    const schemas = doc.components?.schemas ?? {};
    const dangling = [...new Set(refs(doc))].filter((ref) => !ref.startsWith('#/components/schemas/') || !(ref.slice('#/components/schemas/'.length) in schemas));
    expect(dangling).toEqual([]);
  });
});

/**
 * The schema as a validator reads it: OpenAPI 3.0's `nullable` as a union with null, and every
 * object with properties closed, so that a field the answer has and the document lacks shows up.
 */
function strikt(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strikt);
  if (value === null || typeof value !== 'object') return value;
  const { nullable, ...rest } = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([n, p]) => [n, strikt(p)])) : strikt(v)])) as Record<string, unknown>;
  const gesloten = rest.type === 'object' && rest.properties && rest.additionalProperties === undefined ? { ...rest, additionalProperties: false } : rest;
  return nullable ? { anyOf: [{ type: 'null' }, gesloten] } : gesloten;
}

/** Collects a response body as bytes, whatever its content type. */
function binair(res: NodeJS.ReadableStream, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** One validation error in words, naming the field the document lacks. */
const fout = (e: ErrorObject) => `${e.instancePath || '/'} ${e.message}${e.keyword === 'additionalProperties' ? `: ${String(e.params.additionalProperty)}` : ''}`;

/** An annex of a real letter, as the importer reads it. */
const ANNEX = readFileSync(join(__dirname, 'fixtures/import/002_bb53b5d01be0cbfb.txt'));

describe('OpenAPI document: the answers are what it says', () => {
  let t: TestApp;
  let doc: Document;
  let ajv: Ajv;
  let components: unknown;
  const afwijkingen: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.as('anoniem').get('/api/docs-json').expect(200)).body as Document;
    ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    components = strikt(doc.components);
  });

  afterAll(async () => {
    await t.close();
  });

  /** Checks one answer against the operation's documented response; answers it for the next step. */
  const klopt = (route: string, res: Antwoord): Antwoord => {
    const [method, path] = route.split(' ');
    const response = doc.paths[path]?.[method.toLowerCase()]?.responses?.[String(res.status)];
    if (!response) {
      afwijkingen.push(`${route}: ${res.status} staat niet in het document (${JSON.stringify(res.body).slice(0, 200)})`);
      return res;
    }
    if (res.status === 204) return res;
    const mediaType = String(res.headers['content-type'] ?? '').split(';')[0].trim();
    const entry = Object.entries(response.content ?? {}).find(([k]) => k.split(';')[0].trim() === mediaType);
    if (!entry?.[1].schema) {
      afwijkingen.push(`${route}: ${mediaType} staat niet bij ${res.status}`);
      return res;
    }
    if (!isJson(mediaType)) return res;
    // The $refs point into the document's components: the schema carries them along.
    const validate = ajv.compile({ ...(strikt(entry[1].schema) as object), components });
    if (!validate(res.body)) afwijkingen.push(`${route}: ${(validate.errors ?? []).map(fout).join('; ')}`);
    return res;
  };

  it('answers every call in a round through the register with the documented schema', async () => {
    const griffier = t.http;
    const beheerder = t.as('beheerder');
    const auditor = t.as('auditor');
    const wacht = (positie: string) => griffier.get(`/api/items?perPagina=1&minimalePositie=${positie}`).expect(200);

    klopt('GET /health', await t.as('anoniem').get('/health'));
    klopt('GET /api/ik', await griffier.get('/api/ik'));
    klopt('POST /api/beheer/gebruikers', await beheerder.post('/api/beheer/gebruikers').send({ naam: 'openapi.liaison', rol: 'liaison' }));
    klopt('GET /api/beheer/gebruikers', await beheerder.get('/api/beheer/gebruikers'));
    klopt('DELETE /api/beheer/gebruikers/{naam}', await beheerder.delete('/api/beheer/gebruikers/openapi.liaison'));

    const m = klopt('POST /api/moties', await griffier.post('/api/moties').send(motie())).body;
    const tz = klopt('POST /api/toezeggingen', await griffier.post('/api/toezeggingen').send(toezegging())).body;
    const v = klopt('POST /api/items/{id}/voortgang', await griffier.post(`/api/items/${m.itemId}/voortgang`).send({ datum: '2025-06-20', tekst: 'Loopt.' })).body;
    await wacht(v.positie);
    klopt('GET /api/items/{id}', await griffier.get(`/api/items/${m.itemId}`));
    klopt('GET /api/items/nummer/{nummer}', await griffier.get(`/api/items/nummer/${m.nummer}`));
    klopt('GET /api/items/{id}/historie', await griffier.get(`/api/items/${m.itemId}/historie`));
    klopt('GET /api/overzicht', await griffier.get('/api/overzicht?peildatum=2025-07-01&maanden=3'));
    klopt('GET /api/items', await griffier.get('/api/items'));
    klopt('GET /api/items', await griffier.get('/api/items?weergave=kort'));
    klopt('GET /api/audit/register', await auditor.get('/api/audit/register?opDatum=2025-06-30&weergave=kort'));
    klopt('GET /api/audit/register', await auditor.get('/api/audit/register?opDatum=2025-06-30'));
    klopt('POST /api/audit/verificatie', await auditor.post('/api/audit/verificatie').send({}));
    klopt('GET /api/audit/verificatie', await auditor.get('/api/audit/verificatie'));

    const upload = klopt(
      'POST /api/importen',
      await griffier.post('/api/importen').field('bewindspersoon', 'minister van Justitie en Veiligheid').field('ministerie', 'JenV').attach('bestand', ANNEX, 'annex.txt'),
    ).body;
    const batch = klopt('GET /api/importen/{id}', await griffier.get(`/api/importen/${upload.batchId}?minimalePositie=${upload.positie}`)).body;
    klopt('GET /api/importen', await griffier.get('/api/importen'));
    klopt('GET /api/voorstellen', await griffier.get('/api/voorstellen?status=open'));
    klopt('POST /api/voorstellen/{id}/afwijzing', await griffier.post(`/api/voorstellen/${batch.voorstellen[0].id}/afwijzing`).send({ reden: 'Geen item.' }));

    const b = klopt('POST /api/halfjaarberichten', await griffier.post('/api/halfjaarberichten').send({ jaar: 2025, helft: 1, titel: 'Eerste halfjaarbericht', peildatum: '2025-06-01', secties: ['A'] })).body;
    const opnemen = (itemId: string) => griffier.post(`/api/halfjaarberichten/${b.berichtId}/items`).send({ itemId, sectie: 'A', tekst: 'Gedaan.', status: 'afgedaan' });
    klopt('POST /api/halfjaarberichten/{id}/items', await opnemen(m.itemId));
    klopt('POST /api/halfjaarberichten/{id}/items', await opnemen(tz.itemId));
    klopt('DELETE /api/halfjaarberichten/{id}/items/{itemId}', await griffier.delete(`/api/halfjaarberichten/${b.berichtId}/items/${tz.itemId}`));
    const zaak = () => griffier.post(`/api/halfjaarberichten/${b.berichtId}/zaken`).send({ sectie: 'A', titel: 'WODC-onderzoek', tekst: 'Verwacht in de zomer.' });
    const z = klopt('POST /api/halfjaarberichten/{id}/zaken', await zaak()).body;
    klopt('DELETE /api/halfjaarberichten/{id}/zaken/{zaakId}', await griffier.delete(`/api/halfjaarberichten/${b.berichtId}/zaken/${z.zaakId}`));
    await wacht(klopt('POST /api/halfjaarberichten/{id}/zaken', await zaak()).body.positie);
    for (const formaat of ['md', 'html', 'docx', 'csv']) {
      klopt('GET /api/halfjaarberichten/{id}/bijlage', await griffier.get(`/api/halfjaarberichten/${b.berichtId}/bijlage?formaat=${formaat}`).buffer(true).parse(binair as never));
    }
    klopt('POST /api/halfjaarberichten/{id}/verzending', await griffier.post(`/api/halfjaarberichten/${b.berichtId}/verzending`).send({ datum: '2025-06-20', kenmerk: '6418520' }));
    const k = klopt('POST /api/halfjaarberichten/{id}/kamerstuk', await griffier.post(`/api/halfjaarberichten/${b.berichtId}/kamerstuk`).send({ kamerstuk: 'Kamerstukken II 2024/25, 29628, nr. 1262' })).body;
    // A second report, so that the first one's overview has something to be compared with.
    const b2 = klopt('POST /api/halfjaarberichten', await griffier.post('/api/halfjaarberichten').send({ jaar: 2025, helft: 2, titel: 'Tweede halfjaarbericht', peildatum: '2025-12-01', secties: ['A'] })).body;
    await wacht(klopt('POST /api/halfjaarberichten/{id}/items', await griffier.post(`/api/halfjaarberichten/${b2.berichtId}/items`).send({ itemId: tz.itemId, sectie: 'A', tekst: 'Loopt.', status: 'in-behandeling' })).body.positie);
    await wacht(k.positie);
    klopt('GET /api/halfjaarberichten', await griffier.get('/api/halfjaarberichten'));
    klopt('GET /api/halfjaarberichten/{id}', await griffier.get(`/api/halfjaarberichten/${b.berichtId}`));
    klopt('GET /api/halfjaarberichten/{id}', await griffier.get(`/api/halfjaarberichten/${b2.berichtId}`));

    klopt('GET /api/audit/items/{id}', await auditor.get(`/api/audit/items/${m.itemId}?opDatum=2025-06-30`));
    klopt('GET /api/audit/items/{id}', await auditor.get(`/api/audit/items/${m.itemId}?opDatum=2020-01-01`));
    klopt('GET /api/audit/halfjaarberichten/{id}', await auditor.get(`/api/audit/halfjaarberichten/${b.berichtId}?opMoment=${new Date().toISOString()}`));
    klopt('GET /api/audit/halfjaarberichten/{id}', await auditor.get(`/api/audit/halfjaarberichten/${b.berichtId}?opMoment=2020-01-01T00:00:00Z`));
    klopt('POST /api/beheer/herbouwen', await beheerder.post('/api/beheer/herbouwen'));

    expect(afwijkingen).toEqual([]);
  });
});
