/*
 * The Tweede Kamer's Gegevensmagazijn as a client of its OData v4 JSON: one page at a time, the next
 * link followed as the service gives it (only when it stays under the configured root), transient
 * failures retried with backoff, and a page that is not what OData promises refused whole.
 */

/** Statuses worth another try: the service is busy, restarting or behind a gateway that is. */
const TIJDELIJK = new Set([408, 429, 500, 502, 503, 504]);
const MAX_RETRY_AFTER_MS = 5 * 60_000;

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
  async pagina(url: string): Promise<KamerPagina> {
    if (!this.onderBasis(url)) throw new GegevensmagazijnFout(url, `de volgende pagina ligt buiten ${this.basis}`, false, 0);
    for (let poging = 1; ; poging++) {
      const uitkomst = await this.vraag(url);
      if ('pagina' in uitkomst) return { ...uitkomst.pagina, pogingen: poging };
      if (!uitkomst.tijdelijk || poging >= this.opties.pogingen) throw new GegevensmagazijnFout(url, uitkomst.reden, uitkomst.tijdelijk, poging);
      await (this.opties.slaap ?? slaap)(uitkomst.wachtMs ?? this.backoff(poging));
    }
  }

  private async vraag(url: string): Promise<{ pagina: Omit<KamerPagina, 'pogingen'> } | { reden: string; tijdelijk: boolean; wachtMs?: number }> {
    let antwoord: Response;
    let body: string;
    try {
      antwoord = await fetch(url, { headers: { accept: 'application/json', 'user-agent': this.opties.userAgent }, signal: AbortSignal.timeout(this.opties.timeoutMs), redirect: 'error' });
      body = await antwoord.text();
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
    const volgende = pagina['@odata.nextLink'];
    if (volgende !== undefined && typeof volgende !== 'string') return { reden: '"@odata.nextLink" is geen adres', tijdelijk: false };
    if (volgende !== undefined && !this.onderBasis(volgende)) return { reden: `de volgende pagina (${volgende.slice(0, 200)}) ligt buiten ${this.basis}`, tijdelijk: false };
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
