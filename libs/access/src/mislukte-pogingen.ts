/**
 * Counts failed authentications per client address in a sliding window. Past the limit the client's
 * bad tokens get 429 until the window has moved on (a valid token still works: see AuthGuard).
 * While blocked, failures are not counted, so a client's list never grows past the limit.
 * In memory, per process: behind a load balancer each instance counts on its own.
 */
export class MisluktePogingen {
  private readonly pogingen = new Map<string, number[]>();

  constructor(
    private readonly limiet = 10,
    private readonly vensterMs = 60_000,
    private readonly nu: () => number = Date.now,
  ) {}

  geblokkeerd(client: string): number | undefined {
    const recent = this.recent(client);
    if (recent.length < this.limiet) return undefined;
    return Math.ceil((recent[0] + this.vensterMs - this.nu()) / 1000);
  }

  registreer(client: string): void {
    const recent = this.recent(client);
    recent.push(this.nu());
    this.pogingen.set(client, recent);
    if (this.pogingen.size > 10_000) this.opruimen();
  }

  private recent(client: string): number[] {
    const grens = this.nu() - this.vensterMs;
    return (this.pogingen.get(client) ?? []).filter((t) => t > grens);
  }

  private opruimen(): void {
    for (const client of [...this.pogingen.keys()]) if (this.recent(client).length === 0) this.pogingen.delete(client);
  }
}
