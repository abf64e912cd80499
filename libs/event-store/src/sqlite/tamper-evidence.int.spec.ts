import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Anker, ChainedEvent, GENESIS, Ketencontrole, eventHash, logLink } from '../hash-chain';
import { NewEvent } from '../event-store.port';
import { KetenRow } from './keten-lezer';
import { SqliteEventStore } from './sqlite-event-store';

const event = (tekst: string): NewEvent => {
  const eventId = randomUUID();
  return { eventId, type: 'MotieVoortgangGerapporteerd', data: { tekst }, metadata: { eventId, commandId: eventId, correlationId: eventId, causationId: eventId, actor: 'griffier', recordedAt: '2025-06-20T09:00:00.000Z', schemaVersion: 1 } };
};

const GEWIJZIGD = 'de inhoud past niet bij de opgeslagen hash: het event is gewijzigd';
const KETENBREUK = 'de logketen breekt hier: een event ervoor is verwijderd of vervangen, of de hashes van een stream zijn opnieuw berekend';

/**
 * What an attacker with write access to the file and this source code can do: recompute the stream
 * hashes of one stream from a revision on, and (optionally) the log chain from a position on.
 */
function herbereken(db: Database.Database, opties: { stream?: string; logketenVanaf?: number }): void {
  if (opties.stream) {
    let vorige = GENESIS;
    for (const r of db.prepare('SELECT * FROM events WHERE stream = ? ORDER BY revision').all(opties.stream) as KetenRow[]) {
      const hash = eventHash(vorige, { stream: r.stream, revision: r.revision, eventId: r.event_id, type: r.type, data: JSON.parse(r.data), metadata: JSON.parse(r.metadata) });
      db.prepare('UPDATE events SET hash = ? WHERE position = ?').run(hash, r.position);
      vorige = hash;
    }
  }
  if (opties.logketenVanaf !== undefined) {
    const voor = db.prepare('SELECT keten FROM events WHERE position < ? ORDER BY position DESC LIMIT 1').get(opties.logketenVanaf) as { keten: string } | undefined;
    let link = voor?.keten ?? GENESIS;
    for (const r of db.prepare('SELECT position, hash FROM events WHERE position >= ? ORDER BY position').all(opties.logketenVanaf) as { position: number; hash: string }[]) {
      link = logLink(link, r.hash);
      db.prepare('UPDATE events SET keten = ? WHERE position = ?').run(link, r.position);
    }
  }
}

describe('tamper evidence: hash chain per stream and a log chain over positions', () => {
  let dir: string;
  let file: string;

  // Positions: motie-a 0..2 at 1..3, motie-b 0 at 4, motie-a 3 at 5.
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tamper-'));
    file = join(dir, 'events.sqlite');
    const store = new SqliteEventStore(file);
    await store.appendToStream('motie-a', [event('eerste stand'), event('tweede stand MARKERINGXYZ'), event('derde stand')], 'no-stream');
    await store.appendToStream('motie-b', [event('andere motie')], 'no-stream');
    await store.appendToStream('motie-a', [event('vierde stand')], 2);
    await store.close();
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const verify = (anker?: Anker) => {
    const store = new SqliteEventStore(file);
    try {
      return store.verify(undefined, anker);
    } finally {
      void store.close();
    }
  };
  const bewerk = (f: (db: Database.Database) => void) => {
    const db = new Database(file);
    try {
      f(db);
    } finally {
      db.close();
    }
  };
  const ankerNu = (): Anker => verify().kop!;

  it('passes on a store nobody touched, and names its head as an anchor', () => {
    const rapport = verify();
    expect(rapport).toMatchObject({ streams: 2, events: 5, problemen: [] });
    expect(rapport.kop).toEqual({ positie: '5', aantal: 5, keten: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('names the stream and revision after one byte of a stored event is changed in the file', () => {
    // Checkpoint the WAL into the main file first, so the byte is really in events.sqlite.
    bewerk((db) => db.pragma('wal_checkpoint(TRUNCATE)'));
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from('MARKERINGXYZ'));
    expect(at).toBeGreaterThan(0);
    bytes[at] = 'N'.charCodeAt(0);
    writeFileSync(file, bytes);
    expect(verify().problemen).toEqual([{ stream: 'motie-a', revision: 1, positie: '2', reden: GEWIJZIGD }]);
  });

  it('names the gap when an event in the middle of a stream is deleted, and where the log chain breaks', () => {
    bewerk((db) => db.prepare("DELETE FROM events WHERE stream = 'motie-a' AND revision = 2").run());
    expect(verify().problemen).toEqual([
      { stream: 'motie-b', revision: 0, positie: '4', reden: KETENBREUK },
      { stream: 'motie-a', revision: 2, positie: '5', reden: 'revisie 2 ontbreekt (de volgende is 3)' },
    ]);
  });

  it('notices an event whose metadata (who, when) was rewritten', () => {
    bewerk((db) => {
      const row = db.prepare("SELECT metadata FROM events WHERE stream = 'motie-a' AND revision = 0").get() as { metadata: string };
      db.prepare("UPDATE events SET metadata = ? WHERE stream = 'motie-a' AND revision = 0").run(row.metadata.replace('griffier', 'iemand-anders'));
    });
    expect(verify().problemen).toEqual([{ stream: 'motie-a', revision: 0, positie: '1', reden: GEWIJZIGD }]);
  });

  it('finds an edit followed by recomputing the stream\'s later hashes: the log chain breaks there', () => {
    bewerk((db) => {
      db.prepare("UPDATE events SET data = ? WHERE stream = 'motie-a' AND revision = 1").run(JSON.stringify({ tekst: 'herschreven' }));
      herbereken(db, { stream: 'motie-a' });
    });
    expect(verify().problemen).toEqual([{ stream: 'motie-a', revision: 1, positie: '2', reden: KETENBREUK }]);
  });

  it('finds an edit followed by recomputing both chains to the head only against an anchor kept elsewhere', () => {
    const anker = ankerNu();
    bewerk((db) => {
      db.prepare("UPDATE events SET data = ? WHERE stream = 'motie-a' AND revision = 1").run(JSON.stringify({ tekst: 'herschreven' }));
      herbereken(db, { stream: 'motie-a', logketenVanaf: 2 });
    });
    // Without an anchor nothing inside the file can tell: that is what the anchor is for.
    expect(verify().problemen).toEqual([]);
    expect(verify(anker).anker).toEqual({ anker, voortgezet: false, reden: 'het 5e event (positie 5 in het anker) heeft niet meer de schakel van het anker: de geschiedenis tot daar is herschreven' });
  });

  it('finds a stream whose tail was cut while its revision in the streams index was lowered', () => {
    const anker = ankerNu();
    // motie-a revision 2 (position 3) and 3 (position 5): the log chain breaks at position 4.
    bewerk((db) => {
      db.prepare("DELETE FROM events WHERE stream = 'motie-a' AND revision >= 2").run();
      db.prepare("UPDATE streams SET revision = 1 WHERE stream = 'motie-a'").run();
    });
    expect(verify().problemen).toEqual([{ stream: 'motie-b', revision: 0, positie: '4', reden: KETENBREUK }]);
    expect(verify(anker).anker?.voortgezet).toBe(false);
  });

  it('finds the log\'s own tail cut (streams index lowered too) against an anchor', () => {
    const anker = ankerNu();
    bewerk((db) => {
      db.prepare("DELETE FROM events WHERE stream = 'motie-a' AND revision = 3").run();
      db.prepare("UPDATE streams SET revision = 2 WHERE stream = 'motie-a'").run();
    });
    expect(verify().problemen).toEqual([]);
    expect(verify(anker).anker).toEqual({ anker, voortgezet: false, reden: 'het log heeft 4 events, minder dan de 5 van het anker: er zijn events aan het eind verwijderd' });
  });

  it('finds a whole stream deleted with its row in the streams index', () => {
    bewerk((db) => {
      db.prepare("DELETE FROM events WHERE stream = 'motie-b'").run();
      db.prepare("DELETE FROM streams WHERE stream = 'motie-b'").run();
    });
    expect(verify().problemen).toEqual([{ stream: 'motie-a', revision: 3, positie: '5', reden: KETENBREUK }]);
  });

  it('proves that a log which only grew since still extends the anchor', async () => {
    const anker = ankerNu();
    const store = new SqliteEventStore(file);
    await store.appendToStream('motie-c', [event('later')], 'no-stream');
    await store.close();
    expect(verify(anker)).toMatchObject({ problemen: [], anker: { anker, voortgezet: true } });
  });

  it('never fills in a log link that was removed: a reopened store reports it', () => {
    bewerk((db) => db.prepare('UPDATE events SET keten = NULL WHERE position >= 3').run());
    expect(verify().problemen).toEqual([{ stream: 'motie-a', revision: 2, positie: '3', reden: 'het event heeft geen schakel in de logketen' }]);
  });

  it('lays the log chain once over a store made before it existed, and says so', () => {
    bewerk((db) => {
      db.exec('ALTER TABLE events DROP COLUMN keten');
      db.exec('DROP TABLE log_meta');
    });
    const eerst = new SqliteEventStore(file);
    expect(eerst.logketenAangelegd).toBe(5);
    expect(eerst.verify()).toMatchObject({ streams: 2, events: 5, problemen: [] });
    void eerst.close();
    const daarna = new SqliteEventStore(file);
    expect(daarna.logketenAangelegd).toBeUndefined();
    void daarna.close();
  });

  it('does not lay the chain again when its record is deleted: an edit with recomputed stream hashes stays found', () => {
    bewerk((db) => {
      db.prepare("UPDATE events SET data = ? WHERE stream = 'motie-a' AND revision = 1").run(JSON.stringify({ tekst: 'herschreven' }));
      herbereken(db, { stream: 'motie-a' });
      db.exec('DELETE FROM log_meta');
    });
    expect(verify().problemen).toEqual([{ stream: 'motie-a', revision: 1, positie: '2', reden: KETENBREUK }]);
  });

  it('does not lay the chain again when its column is dropped while its record says it was laid', () => {
    bewerk((db) => {
      db.prepare("UPDATE events SET data = ? WHERE stream = 'motie-a' AND revision = 1").run(JSON.stringify({ tekst: 'herschreven' }));
      herbereken(db, { stream: 'motie-a' });
      db.exec('ALTER TABLE events DROP COLUMN keten');
    });
    const store = new SqliteEventStore(file);
    expect(store.logketenAangelegd).toBeUndefined();
    expect(store.verify().problemen[0]).toEqual({ stream: 'motie-a', revision: 0, positie: '1', reden: 'het event heeft geen schakel in de logketen' });
    void store.close();
  });

  it('checks an anchor against the links it computed, not against stored ones, when an export has no log chain', () => {
    const anker = ankerNu();
    const store = new SqliteEventStore(file);
    const events = store.readChained(-1n, 100);
    void store.close();
    // A forged export "from before the log chain": one event edited, its stream's hashes recomputed,
    // no links, and the anchor's link copied onto the last line in case anyone looks there.
    let vorige = GENESIS;
    const vervalst = events.map((e): ChainedEvent => {
      const data = e.stream === 'motie-a' && e.revisie === 1 ? { tekst: 'herschreven' } : e.data;
      if (e.stream !== 'motie-a') return { ...e, keten: null };
      const hash = eventHash(vorige, { stream: e.stream, revision: e.revisie, eventId: e.eventId, type: e.type, data, metadata: e.metadata });
      vorige = hash;
      return { ...e, data, hash, keten: null };
    });
    vervalst[vervalst.length - 1] = { ...vervalst[vervalst.length - 1], keten: anker.keten };
    const controle = new Ketencontrole(anker, true);
    for (const e of vervalst) expect(controle.controleer(e)).toBeUndefined();
    expect(controle.rapport().anker?.voortgezet).toBe(false);
    // The untouched events, without their links, do extend it.
    const echt = new Ketencontrole(anker, true);
    for (const e of events) echt.controleer({ ...e, keten: null });
    expect(echt.rapport().anker?.voortgezet).toBe(true);
  });

  it('finds a stream left out of the streams index', () => {
    bewerk((db) => db.prepare("DELETE FROM streams WHERE stream = 'motie-b'").run());
    expect(verify().problemen).toEqual([{ stream: 'motie-b', revision: 0, reden: 'de stream ontbreekt in de index van streams: elke nieuwe wijziging erop zou worden geweigerd' }]);
  });
});
