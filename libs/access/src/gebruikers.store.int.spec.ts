import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { startWerker } from '@register/platform';
import Database from 'better-sqlite3';
import { GebruikerNietGevondenError, GebruikersStore, LaatsteBeheerderError, tokenHash } from './gebruikers.store';

jest.setTimeout(120_000);

describe('GebruikersStore: the last active beheerder stays', () => {
  let map: string;
  beforeEach(() => {
    map = mkdtempSync(join(tmpdir(), 'gebruikers-'));
  });
  afterEach(() => rmSync(map, { recursive: true, force: true }));

  it('revokes others, but not the last active beheerder, whose tokens keep working', () => {
    const store = new GebruikersStore(join(map, 'gebruikers.sqlite'));
    const token = store.voegToe('beheerder', 'beheerder');
    store.voegToe('tweede', 'beheerder');
    store.voegToe('griffier', 'griffier');
    store.trekIn('griffier');
    store.trekIn('tweede');
    expect(() => store.trekIn('beheerder')).toThrow(LaatsteBeheerderError);
    expect(() => store.trekIn('beheerder')).toThrow('beheerder is de laatste actieve beheerder en wordt niet ingetrokken');
    expect(store.zoekOpToken(token)?.naam).toBe('beheerder');
    expect(() => store.trekIn('tweede')).toThrow(GebruikerNietGevondenError);
    // With another beheerder back, the first may go.
    store.voegToe('tweede', 'beheerder');
    store.trekIn('beheerder');
    expect(store.zoekOpToken(token)).toBeUndefined();
    store.close();
  });

  it('a user re-added under another role does not lose the last beheerder: an active name is never overwritten', () => {
    const store = new GebruikersStore(join(map, 'gebruikers.sqlite'));
    store.voegToe('beheerder', 'beheerder');
    expect(() => store.voegToe('beheerder', 'griffier')).toThrow('bestaat al');
    expect(store.gebruiker('beheerder')?.rol).toBe('beheerder');
    store.close();
  });

  it('two connections revoking the last two beheerders at the same moment: exactly one succeeds, every round', async () => {
    // Two threads, each with its own connection to the file, as the server and the CLI have.
    const werkers = [0, 1].map(() => startWerker(join(__dirname, '..', '..', '..', 'test', 'support', 'gebruiker-intrekken.worker.ts'), null));
    const volgende = (w: Worker) => new Promise<Record<string, unknown>>((resolve, reject) => {
      w.once('message', resolve);
      w.once('error', reject);
    });
    try {
      for (let ronde = 0; ronde < 25; ronde++) {
        const bestand = join(map, `ronde-${ronde}.sqlite`);
        const store = new GebruikersStore(bestand);
        store.voegToe('eerste', 'beheerder');
        store.voegToe('tweede', 'beheerder');
        store.voegToe('griffier', 'griffier');
        const start = new SharedArrayBuffer(4);
        const klaar = werkers.map(volgende);
        werkers.forEach((w, i) => w.postMessage({ bestand, naam: ['eerste', 'tweede'][i], start }));
        await Promise.all(klaar);
        const uitkomsten = werkers.map(volgende);
        Atomics.store(new Int32Array(start), 0, 1);
        Atomics.notify(new Int32Array(start), 0);
        const uitkomst = await Promise.all(uitkomsten);
        expect({ ronde, gelukt: uitkomst.filter((u) => u.gelukt).length, geweigerd: uitkomst.filter((u) => u.code === 'laatste-beheerder').length }).toEqual({ ronde, gelukt: 1, geweigerd: 1 });
        expect(store.lijst().filter((g) => g.rol === 'beheerder' && g.ingetrokkenOp === null)).toHaveLength(1);
        store.close();
      }
    } finally {
      for (const w of werkers) await w.terminate();
    }
  });
});

describe('GebruikersStore: users with an e-mail address', () => {
  let map: string;
  beforeEach(() => {
    map = mkdtempSync(join(tmpdir(), 'gebruikers-'));
  });
  afterEach(() => rmSync(map, { recursive: true, force: true }));

  it('migrates a file from before e-mail addresses: its users and tokens stay, without an address', () => {
    const bestand = join(map, 'gebruikers.sqlite');
    // The file as the store wrote it before (no email column, user_version 0).
    const oud = new Database(bestand);
    oud.exec(`CREATE TABLE gebruikers (naam TEXT PRIMARY KEY, rol TEXT NOT NULL, aangemaakt_op TEXT NOT NULL, ingetrokken_op TEXT);
      CREATE TABLE tokens (hash TEXT PRIMARY KEY, naam TEXT NOT NULL REFERENCES gebruikers(naam), aangemaakt_op TEXT NOT NULL);`);
    oud.prepare('INSERT INTO gebruikers (naam, rol, aangemaakt_op) VALUES (?, ?, ?)').run('griffier.oud', 'griffier', '2025-01-01T00:00:00.000Z');
    oud.prepare('INSERT INTO tokens (hash, naam, aangemaakt_op) VALUES (?, ?, ?)').run(tokenHash('mtr_oud-token-van-voor-de-migratie'), 'griffier.oud', '2025-01-01T00:00:00.000Z');
    oud.close();

    const store = new GebruikersStore(bestand);
    expect(store.zoekOpToken('mtr_oud-token-van-voor-de-migratie')).toEqual({ naam: 'griffier.oud', rol: 'griffier', email: null, aangemaaktOp: '2025-01-01T00:00:00.000Z', ingetrokkenOp: null });
    store.voegToe('fenna.fictief', 'liaison', { email: ' Fenna.Fictief@example.org ' });
    expect(store.gebruiker('fenna.fictief')?.email).toBe('Fenna.Fictief@example.org');
    store.close();

    // Opened again (the server after the CLI): nothing to migrate, nothing lost.
    const weer = new GebruikersStore(bestand);
    expect(weer.lijst().map((g) => [g.naam, g.email])).toEqual([
      ['fenna.fictief', 'Fenna.Fictief@example.org'],
      ['griffier.oud', null],
    ]);
    weer.close();
    const db = new Database(bestand, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses an address that is not one, and adds nothing', () => {
    const store = new GebruikersStore(join(map, 'gebruikers.sqlite'));
    expect(() => store.voegToe('bram.bedacht', 'griffier', { email: 'bram bedacht@example.org' })).toThrow('"bram bedacht@example.org" is geen geldig e-mailadres.');
    expect(() => store.voegToe('bram.bedacht', 'griffier', { email: `${'b'.repeat(250)}@example.org` })).toThrow('geen geldig e-mailadres');
    expect(store.gebruiker('bram.bedacht')).toBeUndefined();
    // An empty address is no address.
    store.voegToe('bram.bedacht', 'griffier', { email: '  ' });
    expect(store.gebruiker('bram.bedacht')?.email).toBeNull();
    store.close();
  });
});
