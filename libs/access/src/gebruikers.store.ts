import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { isEmail } from './email';
import { ROLLEN, Rol } from './rollen';

export interface Gebruiker {
  readonly naam: string;
  readonly rol: Rol;
  /** The user's e-mail address, when the beheerder gave one: "Mijn items" matches behandelaars on it. */
  readonly email: string | null;
  readonly aangemaaktOp: string;
  readonly ingetrokkenOp: string | null;
}

const TOKEN_PREFIX = 'mtr_';

/** Revoking a name that is unknown or already revoked. */
export class GebruikerNietGevondenError extends Error {
  readonly code = 'gebruiker-niet-gevonden';
  constructor(readonly naam: string) {
    super(`Er is geen actieve gebruiker ${naam}.`);
  }
}

/** Without an active beheerder nobody can add or revoke users any more (short of editing the file). */
export class LaatsteBeheerderError extends Error {
  readonly code = 'laatste-beheerder';
  constructor(readonly naam: string) {
    super(`${naam} is de laatste actieve beheerder en wordt niet ingetrokken: dan kan niemand meer gebruikers beheren. Voeg eerst een andere beheerder toe.`);
  }
}

/** sha-256 suffices: tokens are 256 random bits, so there is nothing to guess by brute force. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function isRegisterToken(token: string): boolean {
  return token.startsWith(TOKEN_PREFIX);
}

const NAAM = /^[\p{L}\p{N}._@-]{2,100}$/u;

/**
 * The file's schema changes, in order; `PRAGMA user_version` says how many have run. Each runs in
 * one write transaction that reads the version again after taking the lock, so the server and the
 * CLI opening an old file at the same moment run it once.
 */
const MIGRATIES: readonly string[] = [
  // 1: users get an optional e-mail address.
  'ALTER TABLE gebruikers ADD COLUMN email TEXT',
];

type GebruikerRij = { naam: string; rol: Rol; email: string | null; aangemaakt_op: string; ingetrokken_op: string | null };
const uitRij = (r: GebruikerRij): Gebruiker => ({ naam: r.naam, rol: r.rol, email: r.email, aangemaaktOp: r.aangemaakt_op, ingetrokkenOp: r.ingetrokken_op });

/**
 * Users and their API tokens on the embedded default: one SQLite file in the data directory,
 * shared by the server and the CLI. Only token hashes are stored; a token is shown once.
 */
export class GebruikersStore {
  private readonly db: Database.Database;
  /** Asked on every request: prepared once. Not a cache of answers: the CLI may revoke meanwhile. */
  private readonly tokenVraag: Database.Statement<[string], GebruikerRij>;

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS gebruikers (
        naam TEXT PRIMARY KEY, rol TEXT NOT NULL, aangemaakt_op TEXT NOT NULL, ingetrokken_op TEXT
      );
      CREATE TABLE IF NOT EXISTS tokens (
        hash TEXT PRIMARY KEY, naam TEXT NOT NULL REFERENCES gebruikers(naam), aangemaakt_op TEXT NOT NULL
      );`);
    this.migreer();
    this.tokenVraag = this.db.prepare('SELECT g.naam, g.rol, g.email, g.aangemaakt_op, g.ingetrokken_op FROM tokens t JOIN gebruikers g ON g.naam = t.naam WHERE t.hash = ? AND g.ingetrokken_op IS NULL');
  }

  private migreer(): void {
    const versie = () => this.db.pragma('user_version', { simple: true }) as number;
    if (versie() >= MIGRATIES.length) return;
    this.db
      .transaction(() => {
        for (let v = versie(); v < MIGRATIES.length; v++) this.db.exec(MIGRATIES[v]);
        this.db.pragma(`user_version = ${MIGRATIES.length}`);
      })
      .immediate();
  }

  isLeeg(): boolean {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM gebruikers').get() as { n: number }).n === 0;
  }

  /** Adds a user with a first token; answers the token, which is not stored and cannot be shown again. */
  voegToe(naam: string, rol: Rol, opties: { readonly email?: string | null; readonly nu?: Date } = {}): string {
    const nu = opties.nu ?? new Date();
    const email = opties.email?.trim() || null;
    if (!NAAM.test(naam)) throw new Error(`"${naam}" is geen geldige gebruikersnaam (2–100 letters, cijfers, . _ @ -).`);
    if (!ROLLEN.includes(rol)) throw new Error(`"${rol}" is geen rol; kies uit ${ROLLEN.join(', ')}.`);
    if (email !== null && !isEmail(email)) throw new Error(`"${email}" is geen geldig e-mailadres.`);
    const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    // The check is inside the write transaction: the upsert below takes a revoked name only, so it
    // can never change the role of an active user (and so never demote an active beheerder).
    this.db
      .transaction(() => {
        const bestaand = this.db.prepare('SELECT ingetrokken_op FROM gebruikers WHERE naam = ?').get(naam) as { ingetrokken_op: string | null } | undefined;
        if (bestaand && bestaand.ingetrokken_op === null) throw new Error(`Gebruiker ${naam} bestaat al; trek hem eerst in of maak een nieuw token met token-maken.`);
        this.db
          .prepare('INSERT INTO gebruikers (naam, rol, email, aangemaakt_op) VALUES (?, ?, ?, ?) ON CONFLICT(naam) DO UPDATE SET rol = excluded.rol, email = excluded.email, aangemaakt_op = excluded.aangemaakt_op, ingetrokken_op = NULL')
          .run(naam, rol, email, nu.toISOString());
        this.db.prepare('DELETE FROM tokens WHERE naam = ?').run(naam);
        this.db.prepare('INSERT INTO tokens (hash, naam, aangemaakt_op) VALUES (?, ?, ?)').run(tokenHash(token), naam, nu.toISOString());
      })
      .immediate();
    return token;
  }

  /** An extra token for an existing user (e.g. a new machine); the old ones stay valid. */
  nieuwToken(naam: string, nu = new Date()): string {
    const gebruiker = this.gebruiker(naam);
    if (!gebruiker || gebruiker.ingetrokkenOp) throw new Error(`Gebruiker ${naam} bestaat niet of is ingetrokken.`);
    const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    this.db.prepare('INSERT INTO tokens (hash, naam, aangemaakt_op) VALUES (?, ?, ?)').run(tokenHash(token), naam, nu.toISOString());
    return token;
  }

  /**
   * Revokes the user and every token at once; never the last active beheerder. The check and the
   * revocation are one write transaction that takes the write lock before it reads (BEGIN
   * IMMEDIATE): the server and the CLI share this file, and two of them revoking the last two
   * beheerders at once are run one after the other, so the second sees the first's revocation.
   */
  trekIn(naam: string, nu = new Date()): void {
    this.db
      .transaction(() => {
        const gebruiker = this.db.prepare('SELECT rol FROM gebruikers WHERE naam = ? AND ingetrokken_op IS NULL').get(naam) as { rol: Rol } | undefined;
        if (!gebruiker) throw new GebruikerNietGevondenError(naam);
        if (gebruiker.rol === 'beheerder' && this.actieveBeheerders() <= 1) throw new LaatsteBeheerderError(naam);
        this.db.prepare('UPDATE gebruikers SET ingetrokken_op = ? WHERE naam = ?').run(nu.toISOString(), naam);
        this.db.prepare('DELETE FROM tokens WHERE naam = ?').run(naam);
      })
      .immediate();
  }

  private actieveBeheerders(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM gebruikers WHERE rol = 'beheerder' AND ingetrokken_op IS NULL").get() as { n: number }).n;
  }

  /** The active user a token belongs to, if any. */
  zoekOpToken(token: string): Gebruiker | undefined {
    const row = this.tokenVraag.get(tokenHash(token));
    return row && uitRij(row);
  }

  gebruiker(naam: string): Gebruiker | undefined {
    return this.lijst().find((g) => g.naam === naam);
  }

  lijst(): Gebruiker[] {
    return (this.db.prepare('SELECT naam, rol, email, aangemaakt_op, ingetrokken_op FROM gebruikers ORDER BY naam').all() as GebruikerRij[]).map(uitRij);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
