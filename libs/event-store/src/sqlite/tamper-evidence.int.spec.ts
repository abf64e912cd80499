import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewEvent } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

const event = (tekst: string): NewEvent => {
  const eventId = randomUUID();
  return { eventId, type: 'MotieVoortgangGerapporteerd', data: { tekst }, metadata: { eventId, commandId: eventId, correlationId: eventId, causationId: eventId, actor: 'griffier', recordedAt: '2025-06-20T09:00:00.000Z', schemaVersion: 1 } };
};

describe('tamper evidence: hash chain per stream', () => {
  let dir: string;
  let file: string;

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

  const verify = () => {
    const store = new SqliteEventStore(file);
    try {
      return store.verify();
    } finally {
      void store.close();
    }
  };

  it('passes on a store nobody touched', () => {
    expect(verify()).toEqual({ streams: 2, events: 5, problemen: [] });
  });

  it('names the stream and revision after one byte of a stored event is changed in the file', () => {
    // Checkpoint the WAL into the main file first, so the byte is really in events.sqlite.
    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from('MARKERINGXYZ'));
    expect(at).toBeGreaterThan(0);
    bytes[at] = 'N'.charCodeAt(0);
    writeFileSync(file, bytes);
    expect(verify().problemen).toEqual([{ stream: 'motie-a', revision: 1, reden: 'de inhoud past niet bij de opgeslagen hash: het event is gewijzigd' }]);
  });

  it('names the gap when an event in the middle of a stream is deleted', () => {
    const db = new Database(file);
    db.prepare("DELETE FROM events WHERE stream = 'motie-a' AND revision = 2").run();
    db.close();
    expect(verify().problemen).toEqual([{ stream: 'motie-a', revision: 2, reden: 'revisie 2 ontbreekt (de volgende is 3)' }]);
  });

  it('notices a stream that lost its last event, or all of them', () => {
    const db = new Database(file);
    db.prepare("DELETE FROM events WHERE stream = 'motie-a' AND revision = 3").run();
    db.prepare("DELETE FROM events WHERE stream = 'motie-b'").run();
    db.close();
    expect(verify().problemen).toEqual([
      { stream: 'motie-a', revision: 3, reden: 'de stream hoort tot revisie 3 te lopen, maar eindigt bij 2: er ontbreken events' },
      { stream: 'motie-b', revision: 0, reden: 'alle 1 events van de stream ontbreken' },
    ]);
  });

  it('notices an event whose metadata (who, when) was rewritten', () => {
    const db = new Database(file);
    const row = db.prepare("SELECT metadata FROM events WHERE stream = 'motie-a' AND revision = 0").get() as { metadata: string };
    db.prepare("UPDATE events SET metadata = ? WHERE stream = 'motie-a' AND revision = 0").run(row.metadata.replace('griffier', 'iemand-anders'));
    db.close();
    expect(verify().problemen).toEqual([{ stream: 'motie-a', revision: 0, reden: 'de inhoud past niet bij de opgeslagen hash: het event is gewijzigd' }]);
  });
});
