import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A Gegevensmagazijn on loopback: `/OData/v4/2.0/Toezegging` answered as the Tweede Kamer's OData v4
 * service answers it (`@odata.context`, `value`, an absolute `@odata.nextLink` that repeats the
 * query options and adds `$skip`), from records the test sets. It evaluates only what the register
 * asks (`ApiGewijzigdOp ge <time>`, ordered by ApiGewijzigdOp and Id) and refuses any other query
 * as the real service refuses an unknown option: 400. Scripted faults answer a given request.
 */

export type Fout = { status: number; headers?: Record<string, string>; body?: string } | 'afgebroken' | 'hangt';

export interface Verzoek {
  readonly pad: string;
  readonly filter: string | null;
  readonly orderby: string | null;
  readonly expand: string | null;
  readonly skip: number;
}

export interface TestGegevensmagazijn {
  /** The service root, as TK_ODATA_URL. */
  readonly url: string;
  readonly verzoeken: Verzoek[];
  /** The Toezegging entity set, in any order; a test changes a record by replacing it with a later ApiGewijzigdOp. */
  toezeggingen: Record<string, unknown>[];
  /** The Besluit entity set (each with its Zaak expanded): only those on a Zaak of Soort Motie are answered to the register's filter. */
  besluiten: Record<string, unknown>[];
  paginagrootte: number;
  /** The answer to request number n (1-based, counted from now), instead of the data. */
  fout(n: number, fout: Fout): void;
  /** Called before each data page is sent (the request number, 1-based since the start): a test can change the data between pages. */
  voorPagina?: (n: number) => void;
  /** Rewrites a data page's body before it goes out (a malformed page). */
  vervalsPagina?: (n: number, body: Record<string, unknown>) => Record<string, unknown> | string;
  close(): Promise<void>;
}

const ROOT = '/OData/v4/2.0/';
const TIJD = '(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,7})?Z)';
/** The filters the register sends, per entity set; anything else is refused as the service refuses an option it does not take. */
const NUMMERS = /^Nummer eq 'TZ[0-9-]+'( or Nummer eq 'TZ[0-9-]+')*$/;
const FILTERS: Record<string, RegExp> = {
  Toezegging: new RegExp(`^ApiGewijzigdOp ge ${TIJD}$`),
  Besluit: new RegExp(`^ApiGewijzigdOp ge ${TIJD} and Zaak/any\\(z: z/Soort eq 'Motie'\\)$`),
};

export async function startGegevensmagazijn(): Promise<TestGegevensmagazijn> {
  const fouten = new Map<number, Fout>();
  let teller = 0;
  const hangend = new Set<ServerResponse>();
  const magazijn: TestGegevensmagazijn = {
    url: '',
    verzoeken: [],
    toezeggingen: [],
    besluiten: [],
    paginagrootte: 3,
    fout: (n, fout) => fouten.set(teller + n, fout),
    close: async () => {
      for (const res of hangend) res.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const n = ++teller;
    const url = new URL(req.url ?? '/', magazijn.url);
    const q = url.searchParams;
    const verzoek: Verzoek = { pad: url.pathname, filter: q.get('$filter'), orderby: q.get('$orderby'), expand: q.get('$expand'), skip: Number(q.get('$skip') ?? 0) };
    magazijn.verzoeken.push(verzoek);
    const fout = fouten.get(n);
    if (fout === 'hangt') {
      hangend.add(res);
      return;
    }
    if (fout === 'afgebroken') {
      req.socket.destroy();
      return;
    }
    if (fout) {
      res.writeHead(fout.status, { 'content-type': 'application/json', ...fout.headers });
      res.end(fout.body ?? JSON.stringify({ error: { code: String(fout.status), message: 'Service Unavailable' } }));
      return;
    }
    const entiteitset = url.pathname.slice(ROOT.length);
    if (!(entiteitset in FILTERS)) return odataFout(res, 404, `Resource not found for the segment '${entiteitset}'.`);
    const filter = FILTERS[entiteitset].exec(verzoek.filter ?? '');
    // The register's other question: Toezeggingen by number (`Nummer eq 'TZ…' or Nummer eq 'TZ…'`).
    const nummers = entiteitset === 'Toezegging' && NUMMERS.test(verzoek.filter ?? '') ? [...(verzoek.filter ?? '').matchAll(/Nummer eq '([^']+)'/g)].map((m) => m[1]) : null;
    if ((!filter && !nummers) || verzoek.orderby !== 'ApiGewijzigdOp,Id' || !Number.isInteger(verzoek.skip) || verzoek.skip < 0) return odataFout(res, 400, `The query specified in the URI is not valid: ${url.search}`);
    magazijn.voorPagina?.(n);
    const vanaf = filter ? zeven(filter[1]) : '';
    const bron = entiteitset === 'Besluit' ? magazijn.besluiten.filter((b) => ([] as Record<string, unknown>[]).concat((b.Zaak as Record<string, unknown>[]) ?? []).some((z) => z.Soort === 'Motie')) : magazijn.toezeggingen;
    const alle = bron
      .filter((t) => (nummers ? nummers.includes(String(t.Nummer)) : zeven(String(t.ApiGewijzigdOp)) >= vanaf))
      .sort((a, b) => zeven(String(a.ApiGewijzigdOp)).localeCompare(zeven(String(b.ApiGewijzigdOp))) || String(a.Id).localeCompare(String(b.Id)));
    const value = alle.slice(verzoek.skip, verzoek.skip + magazijn.paginagrootte);
    const body: Record<string, unknown> = { '@odata.context': `${magazijn.url}$metadata#${entiteitset}`, value };
    if (verzoek.skip + magazijn.paginagrootte < alle.length) {
      const volgende = new URL(url);
      volgende.searchParams.set('$skip', String(verzoek.skip + magazijn.paginagrootte));
      body['@odata.nextLink'] = volgende.toString();
    }
    const uit = magazijn.vervalsPagina?.(n, body) ?? body;
    res.writeHead(200, { 'content-type': 'application/json; odata.metadata=minimal; odata.streaming=true', 'odata-version': '4.0' });
    res.end(typeof uit === 'string' ? uit : JSON.stringify(uit));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  (magazijn as { url: string }).url = `http://127.0.0.1:${port}${ROOT}`;
  return magazijn;
}

/** Times compared as the service does: to the tenth of a microsecond, whatever number of decimals was written. */
function zeven(tijd: string): string {
  const m = /^(.{19})(?:\.(\d{1,7}))?Z$/.exec(tijd);
  return m ? `${m[1]}.${(m[2] ?? '').padEnd(7, '0')}Z` : tijd;
}

function odataFout(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { code: '', message } }));
}

/** A Toezegging as the service returns it with the register's $expand (names from the Kamer's schema; fictional people). */
export function kamerToezegging(n: number, velden: Record<string, unknown> = {}): Record<string, unknown> {
  const id = `00000000-0000-4000-a000-${String(n).padStart(12, '0')}`;
  return {
    Id: id,
    Nummer: `TZ202511-${n}`,
    Tekst: `De minister stuurt de Kamer voor de zomer een brief over onderwerp ${n}. Daarin komt ook de planning aan bod.`,
    Aanmaakdatum: '2025-11-20T16:02:11.847+01:00',
    ActiviteitNummer: '2025A07001',
    Naam: 'Fictief, F.',
    Voornaam: 'Fenna',
    Tussenvoegsel: null,
    Achternaam: 'Fictief',
    Initialen: 'F.',
    Titulatuur: null,
    Functie: 'Minister van Justitie en Veiligheid',
    Ministerie: 'Justitie en Veiligheid',
    Status: 'Openstaand',
    DatumNakoming: '0001-01-01T00:00:00Z',
    Notities: null,
    GewijzigdOp: '2025-11-20T16:05:00+01:00',
    ApiGewijzigdOp: `2025-11-20T15:${String(10 + n).padStart(2, '0')}:41.8713166Z`,
    Verwijderd: false,
    Activiteit: { Id: `a-${n}`, Soort: 'Commissiedebat', Nummer: '2025A07001', Onderwerp: 'Politie', Datum: '2025-11-20T10:00:00+01:00', Verwijderd: false },
    KamerbriefNakoming: [],
    ToegezegdAan: [
      {
        Id: `ta-${n}`,
        Toezegging_Id: id,
        Persoon_Id: `p-${n}`,
        Verwijderd: false,
        Persoon: { Id: `p-${n}`, Initialen: 'B.', Tussenvoegsel: 'van', Achternaam: 'Bedacht', Verwijderd: false },
        Fractie: { Id: 'f-1', Afkorting: 'ABC', NaamNL: 'Algemene Bedachte Coalitie', Verwijderd: false },
      },
    ],
    ...velden,
  };
}

/**
 * A Besluit on a motie as the service returns it with the register's $expand: the vote's day on the
 * agenda point's activity, the Zaak with its dossier, the motie's document (its volgnummer makes the
 * Kamerstuk number) and its indieners. Fictional members.
 */
export function kamerBesluit(n: number, velden: Record<string, unknown> = {}, zaak: Record<string, unknown> = {}): Record<string, unknown> {
  const id = `00000000-0000-4000-b000-${String(n).padStart(12, '0')}`;
  const dossier = { Id: `kd-${n}`, Nummer: 35925, Toevoeging: 'VI', Titel: 'Vaststelling begroting Justitie en Veiligheid 2025', Verwijderd: false };
  return {
    Id: id,
    Agendapunt_Id: `ap-${n}`,
    StemmingsSoort: 'Met handopsteken',
    BesluitSoort: 'Stemmen - aangenomen',
    BesluitTekst: 'Aangenomen.',
    Opmerking: null,
    Status: 'Besluit',
    AgendapuntZaakBesluitVolgorde: 1,
    GewijzigdOp: '2024-12-17T16:00:00+01:00',
    ApiGewijzigdOp: `2024-12-17T15:${String(10 + n).padStart(2, '0')}:00.1234567Z`,
    Verwijderd: false,
    Agendapunt: { Id: `ap-${n}`, Verwijderd: false, Activiteit: { Id: `act-${n}`, Soort: 'Stemmingen', Datum: '2024-12-17T00:00:00+01:00', Verwijderd: false } },
    Zaak: [
      {
        Id: `00000000-0000-4000-c000-${String(n).padStart(12, '0')}`,
        Nummer: `2024Z${String(20000 + n)}`,
        Soort: 'Motie',
        Titel: `Motie van het lid Bedacht over onderwerp ${n}`,
        Onderwerp: `Verzoekt de regering onderwerp ${n} te regelen`,
        Vergaderjaar: '2024-2025',
        Volgnummer: 100 + n,
        Verwijderd: false,
        Kamerstukdossier: [dossier],
        Document: [{ Id: `doc-${n}`, Soort: 'Motie', DocumentNummer: `2024D${String(40000 + n)}`, Volgnummer: n, Datum: '2024-12-10T00:00:00+01:00', Verwijderd: false, Kamerstukdossier: [dossier] }],
        ZaakActor: [
          { Id: `za-${n}-1`, ActorNaam: 'B. van Bedacht', ActorFractie: 'ABC', Relatie: 'Indiener', Verwijderd: false },
          { Id: `za-${n}-2`, ActorNaam: 'C. Verzonnen', ActorFractie: 'XYZ', Relatie: 'Medeindiener', Verwijderd: false },
          { Id: `za-${n}-3`, ActorNaam: 'Justitie en Veiligheid', ActorFractie: null, Relatie: 'Gericht aan', Verwijderd: false },
        ],
        ...zaak,
      },
    ],
    ...velden,
  };
}
