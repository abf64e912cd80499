import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Client } from 'pg';

/**
 * The right to run the projections and reactors: exactly one instance holds it at a time. The others
 * serve commands and queries and ask for it again now and then; when the holder dies, the lease is
 * free at once (the operating system or PostgreSQL releases it with the process), so another instance
 * takes over within its next attempt and resumes from the stored checkpoints.
 */
export interface ProjectionLease {
  readonly kind: 'postgres-advisory-lock' | 'sqlite-file-lock';
  /** True when this instance holds the lease now (also when it already did). */
  tryAcquire(): Promise<boolean>;
  readonly held: boolean;
  /** Called when a held lease is lost while the process lives (its connection to PostgreSQL broke). */
  onLost(listener: (reason: string) => void): void;
  release(): Promise<void>;
}

/** The advisory lock's key: the same on every instance of one register database. */
const LOCK_NAME = 'register:projecties';

/**
 * A session-level PostgreSQL advisory lock on a connection of its own. PostgreSQL releases it when the
 * session ends, so a killed instance frees it as soon as its socket closes. The connection is asked
 * something every heartbeat: when that fails (or takes longer than the query timeout), the lease counts
 * as lost and the instance stops its projections; the server ends a session silent for longer than
 * idle_session_timeout, later than this instance gives up, so two leaders do not overlap by time alone
 * (the runner's checkpoint fence catches what is left).
 */
export class PostgresAdvisoryLease implements ProjectionLease {
  readonly kind = 'postgres-advisory-lock';
  private client?: Client;
  private heldNow = false;
  private heartbeat?: NodeJS.Timeout;
  private readonly listeners: ((reason: string) => void)[] = [];

  constructor(
    private readonly url: string,
    private readonly instance: string,
    private readonly heartbeatMs = 1000,
    private readonly queryTimeoutMs = 5000,
    private readonly idleSessionTimeoutMs = 10_000,
    /** Another name gives another lock: the reminder run holds one of its own. */
    private readonly lockName = LOCK_NAME,
  ) {}

  get held(): boolean {
    return this.heldNow;
  }

  onLost(listener: (reason: string) => void): void {
    this.listeners.push(listener);
  }

  async tryAcquire(): Promise<boolean> {
    if (this.heldNow) return true;
    const client = this.client ?? (await this.connect());
    const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [this.lockName]);
    if (rows[0].ok && this.client === client) {
      this.heldNow = true;
      this.beat();
    }
    return this.heldNow;
  }

  async release(): Promise<void> {
    clearTimeout(this.heartbeat);
    const client = this.client;
    this.client = undefined;
    this.heldNow = false;
    // Ending the session releases the lock.
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<Client> {
    const client = new Client({
      connectionString: this.url,
      application_name: `register-leiding ${this.instance}`.slice(0, 63),
      keepAlive: true,
      query_timeout: this.queryTimeoutMs,
      connectionTimeoutMillis: this.queryTimeoutMs,
    });
    client.on('error', (error) => this.lose(client, error.message));
    client.on('end', () => this.lose(client, 'verbinding met PostgreSQL gesloten'));
    await client.connect();
    // PostgreSQL 14 and later end a session that stays silent this long, and with it the lock.
    await client.query(`SET idle_session_timeout = ${Math.floor(this.idleSessionTimeoutMs)}`).catch(() => undefined);
    this.client = client;
    return client;
  }

  private beat(): void {
    this.heartbeat = setTimeout(() => {
      const client = this.client;
      if (!client || !this.heldNow) return;
      client.query('SELECT 1').then(
        () => this.beat(),
        (error: Error) => this.lose(client, error.message),
      );
    }, this.heartbeatMs);
    this.heartbeat.unref();
  }

  private lose(client: Client, reason: string): void {
    if (this.client !== client) return;
    clearTimeout(this.heartbeat);
    this.client = undefined;
    void client.end().catch(() => undefined);
    if (!this.heldNow) return;
    this.heldNow = false;
    for (const listener of this.listeners) listener(reason);
  }
}

/**
 * On the embedded default: an exclusive lock on a small SQLite file in the data directory, held by an
 * open `BEGIN EXCLUSIVE` on a connection of its own. SQLite's lock is a POSIX file lock, which the
 * kernel drops the moment the process dies, so no expiry is needed and a leader that is merely slow
 * (a long garbage collection, a busy event loop) never loses it while it lives. It cannot be lost any
 * other way, so it never calls onLost. It holds between processes on one host (the embedded store's
 * WAL needs that anyway), not across a network filesystem.
 */
export class SqliteFileLease implements ProjectionLease {
  readonly kind = 'sqlite-file-lock';
  private db?: Database.Database;

  constructor(private readonly file: string) {}

  get held(): boolean {
    return this.db !== undefined;
  }

  onLost(): void {
    // A file lock is released only with the process or by release().
  }

  async tryAcquire(): Promise<boolean> {
    if (this.db) return true;
    mkdirSync(dirname(this.file), { recursive: true });
    const db = new Database(this.file);
    try {
      db.pragma('busy_timeout = 0');
      db.exec('BEGIN EXCLUSIVE');
      this.db = db;
      return true;
    } catch (error) {
      db.close();
      if ((error as { code?: string }).code === 'SQLITE_BUSY') return false;
      throw error;
    }
  }

  async release(): Promise<void> {
    const db = this.db;
    this.db = undefined;
    if (db?.open) {
      db.exec('ROLLBACK');
      db.close();
    }
  }
}
