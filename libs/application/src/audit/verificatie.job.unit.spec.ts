import { randomUUID } from 'node:crypto';
import { NotImplementedException } from '@nestjs/common';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { EventStore, KurrentDbEventStore, NewEvent } from '@register/event-store';
import { FakeKurrentDb } from '@register/event-store/kurrentdb/fake-kurrentdb.spec';
import { SystemClock } from '@register/platform';
import { VerificatieJob, VerificatieStand } from './verificatie.job';

/**
 * The verification job on KurrentDB: the adapter's own asynchronous verify, in this process, behind
 * the stand-in wire of the event-store lib (fake-kurrentdb.spec.ts). The embedded store's worker
 * thread is covered by test/audit.e2e-spec.ts.
 */
const event = (): NewEvent => {
  const eventId = randomUUID();
  return { eventId, type: 'IetsGebeurd', data: { waarde: 1 }, metadata: { eventId, commandId: 'c', correlationId: 'c', causationId: 'c', actor: 'griffier@test', recordedAt: '2025-06-20T09:00:00.000Z', schemaVersion: 1 } };
};

afterEach(() => jest.restoreAllMocks());

function kurrentDb(): { fake: FakeKurrentDb; store: KurrentDbEventStore } {
  const fake = new FakeKurrentDb();
  jest.spyOn(KurrentDBClient, 'connectionString').mockReturnValue(fake as unknown as KurrentDBClient);
  return { fake, store: new KurrentDbEventStore('kurrentdb://fake:2113?tls=false') };
}

async function klaar(job: VerificatieJob): Promise<VerificatieStand> {
  for (let i = 0; i < 200 && job.huidige()?.status === 'bezig'; i++) await new Promise((resolve) => setTimeout(resolve, 5));
  return job.huidige()!;
}

describe('the verification job on KurrentDB', () => {
  it('checks the log in the background and answers the report with its anchor, then an altered event', async () => {
    const { fake, store } = kurrentDb();
    await store.appendToStream('motie-a', [event(), event()], 'no-stream');
    await store.appendToStream('motie-b', [event()], 'no-stream');
    const job = new VerificatieJob(store, new SystemClock());
    expect(job.start('auditor').status).toBe('bezig');
    const stand = await klaar(job);
    expect(stand).toMatchObject({ status: 'klaar', gestartDoor: 'auditor', voortgang: { events: 3, totaal: 3 }, rapport: { intact: true, streams: 2, events: 3, problemen: [], kop: { aantal: 3 } } });

    const anker = stand.rapport!.kop!;
    // Changed without recomputing its hash: the stream chain breaks; the log chain over the stored
    // hashes, and so the anchor, still holds (as on the embedded store).
    fake.log[1] = { ...fake.log[1], data: Buffer.from('{"waarde":2}') };
    job.start('auditor', anker);
    expect(await klaar(job)).toMatchObject({
      status: 'klaar',
      tegen: anker,
      rapport: { intact: false, problemen: [{ stream: 'motie-a', revision: 1, reden: 'de inhoud past niet bij de opgeslagen hash: het event is gewijzigd' }], anker: { voortgezet: true } },
    });
  });

  it('reports a verification the server broke off as failed', async () => {
    const { fake, store } = kurrentDb();
    await store.appendToStream('motie-a', [event()], 'no-stream');
    jest.spyOn(fake, 'readAll').mockImplementation(() => {
      throw new Error('verbinding verbroken');
    });
    const job = new VerificatieJob(store, new SystemClock());
    job.start('auditor');
    expect(await klaar(job)).toMatchObject({ status: 'mislukt', fout: 'De verificatie is afgebroken: verbinding verbroken' });
  });

  it('still answers 501 for a store that keeps no hash chain', () => {
    const store = { name: 'anders' } as unknown as EventStore;
    expect(() => new VerificatieJob(store, new SystemClock()).start('auditor')).toThrow(NotImplementedException);
  });
});
