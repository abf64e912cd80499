import { sessie } from './sessie';

/** A field error as the API names it: `datum`, `wijze.referentie`, `indieners.0.naam`. */
export interface VeldFout {
  readonly veld: string;
  readonly melding: string;
}

/** With the problem `nummer-in-gebruik`: the item that holds the number. */
export interface NummerHouder {
  readonly itemId: string;
  readonly nummer: string;
  readonly soort: string;
  readonly titel: string;
}

/** An answer that is not 2xx, read from the API's problem+json. */
export class ApiFout extends Error {
  constructor(
    readonly status: number,
    readonly titel: string,
    readonly detail: string,
    readonly fouten: readonly VeldFout[] = [],
    readonly code?: string,
    readonly houder?: NummerHouder,
  ) {
    super(detail || titel);
  }

  /** Someone else changed the item (or report) since it was loaded; other 409s (a number in use) are not that. */
  get isConflict(): boolean {
    return this.status === 409 && this.code === 'revisie-conflict';
  }
}

type Probleem = { title?: string; detail?: string; fouten?: VeldFout[]; code?: string; houder?: NummerHouder };

interface Opties {
  readonly methode?: 'GET' | 'POST' | 'DELETE';
  readonly body?: unknown;
  /** Sign-in checks a token before it is stored. */
  readonly token?: string;
}

/** One call to the register's API with the signed-in user's token. Commands carry an Idempotency-Key. */
export async function vraag<T>(pad: string, opties: Opties = {}): Promise<T> {
  const antwoord = await verstuur(pad, opties, 'application/json');
  const type = antwoord.headers.get('content-type') ?? '';
  return (type.includes('json') ? await antwoord.json() : await antwoord.text()) as T;
}

/** A file from the API (an annex), as a Blob with the name the server gave it. */
export async function bestand(pad: string): Promise<{ blob: Blob; naam: string }> {
  const antwoord = await verstuur(pad, {}, '*/*');
  const naam = /filename="([^"]+)"/.exec(antwoord.headers.get('content-disposition') ?? '')?.[1] ?? 'bestand';
  return { blob: await antwoord.blob(), naam };
}

/** Requests in flight: the page says it is busy (aria-busy) until the last one is answered. */
let bezig = 0;
function markeerBezig(delta: number): void {
  bezig += delta;
  document.getElementById('inhoud')?.setAttribute('aria-busy', String(bezig > 0));
}

async function verstuur(pad: string, opties: Opties, accept: string): Promise<Response> {
  markeerBezig(1);
  try {
    return await verstuurNu(pad, opties, accept);
  } finally {
    markeerBezig(-1);
  }
}

async function verstuurNu(pad: string, opties: Opties, accept: string): Promise<Response> {
  const token = opties.token ?? sessie.token();
  const headers: Record<string, string> = { Accept: accept };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (opties.body !== undefined) headers['Content-Type'] = 'application/json';
  if (opties.methode && opties.methode !== 'GET') headers['Idempotency-Key'] = crypto.randomUUID();
  let antwoord: Response;
  try {
    antwoord = await fetch(pad, { method: opties.methode ?? 'GET', headers, body: opties.body === undefined ? undefined : JSON.stringify(opties.body) });
  } catch {
    throw new ApiFout(0, 'Geen verbinding', 'De server is niet bereikbaar. Uw invoer is bewaard; probeer het zo nog eens.');
  }
  if (antwoord.ok) return antwoord;
  const probleem = (await antwoord.json().catch(() => ({}))) as Probleem;
  if (antwoord.status === 401 && !opties.token) sessie.afmelden();
  throw new ApiFout(antwoord.status, probleem.title ?? antwoord.statusText, probleem.detail ?? '', probleem.fouten ?? [], probleem.code, probleem.houder);
}

/** How far an upload is: bytes sent of the total, then waiting for the server to read the document. */
export interface UploadVoortgang {
  readonly verzonden: number;
  readonly totaal: number;
  readonly klaar: boolean;
}

/**
 * A multipart upload through XMLHttpRequest, because fetch reports no upload progress. Answers and
 * errors are read as in `vraag`: JSON, or an ApiFout from the problem+json.
 */
export function verstuurFormulier<T>(pad: string, data: FormData, opVoortgang: (v: UploadVoortgang) => void): Promise<T> {
  markeerBezig(1);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', pad);
    xhr.setRequestHeader('Accept', 'application/json');
    const token = sessie.token();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Idempotency-Key', crypto.randomUUID());
    xhr.upload.onprogress = (e) => opVoortgang({ verzonden: e.loaded, totaal: e.lengthComputable ? e.total : 0, klaar: false });
    xhr.upload.onload = () => opVoortgang({ verzonden: 1, totaal: 1, klaar: true });
    xhr.onerror = () => reject(new ApiFout(0, 'Geen verbinding', 'De server is niet bereikbaar. Uw invoer is bewaard; probeer het zo nog eens.'));
    xhr.onload = () => {
      let body: Probleem & Record<string, unknown> = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // A proxy's HTML error page: the status says enough.
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      if (xhr.status === 401) sessie.afmelden();
      reject(new ApiFout(xhr.status, body.title ?? xhr.statusText, body.detail ?? '', body.fouten ?? [], body.code, body.houder));
    };
    xhr.onloadend = () => markeerBezig(-1);
    xhr.send(data);
  });
}

/** Saves a Blob as a download, the way a link with `download` would. */
export function bewaar(blob: Blob, naam: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = naam;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
