import { DataSource, LessThanOrEqual, MoreThan, Repository } from 'typeorm';
import { MisluktePoging } from './mislukte-poging.entity';

/** Old failures are deleted after this many new ones (by this instance), so the table stays small. */
const OPRUIMEN_ELKE = 500;

/**
 * Counts failed authentications per client address in a sliding window. Past the limit the client's
 * bad tokens get 429 until the window has moved on (a valid token still works: see AuthGuard).
 * While blocked, failures are not counted, so a client's count stays near the limit (two instances
 * may each add one at the same moment). Kept in the application database, shared by every instance:
 * behind a load balancer the lockout holds cluster-wide.
 */
export class MisluktePogingen {
  private readonly repo: Repository<MisluktePoging>;
  private sindsOpruimen = 0;

  constructor(
    dataSource: DataSource,
    private readonly limiet = 10,
    private readonly vensterMs = 60_000,
    private readonly nu: () => number = Date.now,
  ) {
    this.repo = dataSource.getRepository(MisluktePoging);
  }

  /** Seconds until the client may be counted again; undefined when it is not blocked. */
  async geblokkeerd(client: string): Promise<number | undefined> {
    const recent = await this.recent(client);
    if (recent.length < this.limiet) return undefined;
    // Blocked until so many have left the window that fewer than the limit remain.
    return Math.max(1, Math.ceil((recent[recent.length - this.limiet] + this.vensterMs - this.nu()) / 1000));
  }

  async registreer(client: string): Promise<void> {
    await this.repo.insert({ client: client.slice(0, 100), op: new Date(this.nu()).toISOString() });
    if (++this.sindsOpruimen >= OPRUIMEN_ELKE) {
      this.sindsOpruimen = 0;
      await this.repo.delete({ op: LessThanOrEqual(this.grens()) });
    }
  }

  /** The client's failures within the window, oldest first, in ms. */
  private async recent(client: string): Promise<number[]> {
    const rows = await this.repo.find({ select: { op: true }, where: { client: client.slice(0, 100), op: MoreThan(this.grens()) }, order: { op: 'ASC' } });
    return rows.map((r) => Date.parse(r.op));
  }

  private grens(): string {
    return new Date(this.nu() - this.vensterMs).toISOString();
  }
}
