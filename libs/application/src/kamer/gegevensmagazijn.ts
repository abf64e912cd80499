/*
 * The Tweede Kamer's Gegevensmagazijn as a client of its OData v4 JSON: one page at a time, the next
 * link followed as the service gives it (only when it stays under the configured root), transient
 * failures retried with backoff, and a page that is not what OData promises refused whole.
 */

/** Statuses worth another try: the service is busy, restarting or behind a gateway that is. */
const TIJDELIJK = new Set([408, 429, 500, 502, 503, 504]);
const MAX_RETRY_AFTER_MS = 5 * 60_000;
/** A page of 250 Toezeggingen with their expansions is well under a megabyte; a body this large is no page of this service. */
export const MAX_PAGINA_BYTES = 16 * 1024 * 1024;
/** The service pages by 250; more entities than this on one page is no page of it. */
export const MAX_PAGINA_ENTITEITEN = 1000;
/** The query options a next link may change: the position in the result, nothing else. */
const PAGINA_OPTIES = new Set(['$skip', '$skiptoken']);

export interface GegevensmagazijnOpties {
  readonly timeoutMs: number;
  /** Attempts per page, the first included. */
  readonly pogingen: number;
  /** First backoff; doubled per attempt (with jitter), at most a minute. */
  readonly wachtMs: number;
  readonly userAgent: string;
  /** How to wait (the tests wait less). */
  readonly slaap?: (ms: number) => Promise<void>;
}

/** What a page must be: of this entity set, asked before this moment. */
export interface PaginaVerwachting {
  readonly entiteitset: string;
  /** Epoch ms: no request, nor wait before one, past this. */
  readonly uiterlijk: number;
}

export interface KamerPagina {
  readonly url: string;
  readonly value: readonly unknown[];
  readonly volgende: string | null;
  /** Attempts this page took. */
  readonly pogingen: number;
}

/** The service could not be asked (after every attempt) or answered what OData does not allow. */
export class GegevensmagazijnFout extends Error {
  constructor(
    readonly url: string,
    readonly reden: string,
    /** False: asking again will not help (a malformed page, a refused query). */
    readonly tijdelijk: boolean,
    readonly pogingen: number,
  ) {
    super(`De open data van de Tweede Kamer (${url}): ${reden}`);
  }
}

export class Gegevensmagazijn {
  private readonly basis: URL;

  constructor(
    basisUrl: string,
    private readonly opties: GegevensmagazijnOpties,
  ) {
    this.basis = new URL(basisUrl.endsWith('/') ? basisUrl : `${basisUrl}/`);
  }

  /** The URL of an entity set with its query options, written as the service's own next links write them. */
  url(entiteitset: string, query: Readonly<Record<string, string>>): string {
    const url = new URL(entiteitset, this.basis);
    for (const [naam, waarde] of Object.entries(query)) url.searchParams.set(naam, waarde);
    return url.toString();
  }

  /** One page; `url` is one made by `url()` or a next link the service gave. */
  async pagina(url: string, verwachting: PaginaVerwachting): Promise<KamerPagina> {
    if (!this.onderBasis(url)) throw new GegevensmagazijnFout(url, `de volgende pagina ligt buiten ${this.basis}`, false, 0);
    for (let poging = 1; ; poging++) {
      if (Date.now() >= verwachting.uiterlijk) throw new GegevensmagazijnFout(url, 'de run duurde langer dan TK_SYNC_MAX_DUUR', true, poging - 1);
      const uitkomst = await this.vraag(url, verwachting);
      if ('pagina' in uitkomst) return { ...uitkomst.pagina, pogingen: poging };
      if (!uitkomst.tijdelijk || poging >= this.opties.pogingen) throw new GegevensmagazijnFout(url, uitkomst.reden, uitkomst.tijdelijk, poging);
      const wacht = uitkomst.wachtMs ?? this.backoff(poging);
      if (Date.now() + wacht >= verwachting.uiterlijk) throw new GegevensmagazijnFout(url, `${uitkomst.reden}; opnieuw vragen zou langer duren dan TK_SYNC_MAX_DUUR`, true, poging);
      await (this.opties.slaap ?? slaap)(wacht);
    }
  }

  private async vraag(url: string, verwachting: PaginaVerwachting): Promise<{ pagina: Omit<KamerPagina, 'pogingen'> } | { reden: string; tijdelijk: boolean; wachtMs?: number }> {
    let antwoord: Response;
    let body: string;
    try {
      const signaal = AbortSignal.any([AbortSignal.timeout(this.opties.timeoutMs), AbortSignal.timeout(Math.max(1, verwachting.uiterlijk - Date.now()))]);
      antwoord = await fetch(url, { headers: { accept: 'application/json', 'user-agent': this.opties.userAgent }, signal: signaal, redirect: 'error' });
      const lengte = Number(antwoord.headers.get('content-length') ?? 0);
      if (lengte > MAX_PAGINA_BYTES) {
        await antwoord.body?.cancel();
        return { reden: `het antwoord is groter dan ${MAX_PAGINA_BYTES / 1024 / 1024} MB`, tijdelijk: false };
      }
      const gelezen = await leesBegrensd(antwoord);
      if (gelezen === null) return { reden: `het antwoord is groter dan ${MAX_PAGINA_BYTES / 1024 / 1024} MB`, tijdelijk: false };
      body = gelezen;
    } catch (error) {
      const naam = error instanceof Error ? error.name : '';
      const reden = naam === 'TimeoutError' || naam === 'AbortError' ? `geen antwoord binnen ${this.opties.timeoutMs / 1000} seconden` : `niet bereikbaar (${oorzaak(error)})`;
      return { reden, tijdelijk: true };
    }
    if (!antwoord.ok) {
      return { reden: `HTTP ${antwoord.status}${antwoord.statusText ? ` ${antwoord.statusText}` : ''}`, tijdelijk: TIJDELIJK.has(antwoord.status), wachtMs: retryAfter(antwoord.headers.get('retry-after')) };
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return { reden: 'het antwoord is geen JSON', tijdelijk: false };
    }
    const pagina = json !== null && typeof json === 'object' ? (json as Record<string, unknown>) : null;
    if (!pagina || !Array.isArray(pagina.value)) return { reden: 'het antwoord heeft geen lijst "value"', tijdelijk: false };
    if (pagina.value.length > MAX_PAGINA_ENTITEITEN) return { reden: `de pagina heeft ${pagina.value.length} entiteiten (hoogstens ${MAX_PAGINA_ENTITEITEN})`, tijdelijk: false };
    const context = pagina['@odata.context'];
    if (typeof context === 'string' && !new RegExp(`\\$metadata#${verwachting.entiteitset}\\b`).test(context)) return { reden: `de pagina is van ${context.slice(0, 200)}, niet van ${verwachting.entiteitset}`, tijdelijk: false };
    const volgende = pagina['@odata.nextLink'];
    if (volgende !== undefined && typeof volgende !== 'string') return { reden: '"@odata.nextLink" is geen adres', tijdelijk: false };
    if (volgende !== undefined && !this.onderBasis(volgende)) return { reden: `de volgende pagina (${volgende.slice(0, 200)}) ligt buiten ${this.basis}`, tijdelijk: false };
    const afwijking = volgende === undefined ? null : andereVraag(url, volgende);
    if (afwijking) return { reden: `de volgende pagina (${volgende!.slice(0, 200)}) ${afwijking}`, tijdelijk: false };
    return { pagina: { url, value: pagina.value, volgende: volgende ?? null } };
  }

  private onderBasis(url: string): boolean {
    try {
      const u = new URL(url);
      return u.origin === this.basis.origin && u.pathname.startsWith(this.basis.pathname);
    } catch {
      return false;
    }
  }

  /** Exponential with full jitter: a crowd of instances does not come back at the same moment. */
  private backoff(poging: number): number {
    const plafond = Math.min(60_000, this.opties.wachtMs * 2 ** (poging - 1));
    return Math.round(plafond / 2 + (Math.random() * plafond) / 2);
  }
}

/** The body as text, or null when it is larger than a page can be (the rest is not read). */
async function leesBegrensd(antwoord: Response): Promise<string | null> {
  if (!antwoord.body) return '';
  const lezer = antwoord.body.getReader();
  const delen: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await lezer.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > MAX_PAGINA_BYTES) {
      await lezer.cancel();
      return null;
    }
    delen.push(value);
  }
  return Buffer.concat(delen).toString('utf8');
}

/**
 * How a next link asks another question than the page it follows, or null when it only moves on:
 * the same entity set and options, a later `$skip` (or another `$skiptoken`). A link back to an earlier
 * page would loop; one to another entity set or filter would read other records as these.
 */
export function andereVraag(huidig: string, volgende: string): string | null {
  const a = new URL(huidig);
  const b = new URL(volgende);
  if (a.pathname !== b.pathname) return `vraagt een andere entiteitset (${b.pathname})`;
  const namen = new Set([...a.searchParams.keys(), ...b.searchParams.keys()]);
  for (const naam of namen) {
    if (PAGINA_OPTIES.has(naam)) continue;
    if (a.searchParams.get(naam) !== b.searchParams.get(naam)) return `wijzigt de vraag (${naam})`;
  }
  const [skipA, skipB] = [Number(a.searchParams.get('$skip') ?? 0), Number(b.searchParams.get('$skip') ?? 0)];
  const tokenA = a.searchParams.get('$skiptoken');
  const tokenB = b.searchParams.get('$skiptoken');
  if (tokenB !== null ? tokenB === tokenA : !(skipB > skipA)) return 'gaat niet verder dan deze pagina';
  return null;
}

/** Retry-After in seconds or as an HTTP date, at most five minutes; undefined when absent or unreadable. */
export function retryAfter(waarde: string | null, nu = Date.now()): number | undefined {
  if (!waarde) return undefined;
  const ms = /^\d+$/.test(waarde.trim()) ? Number(waarde.trim()) * 1000 : Date.parse(waarde) - nu;
  return Number.isFinite(ms) ? Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)) : undefined;
}

function oorzaak(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

function slaap(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
