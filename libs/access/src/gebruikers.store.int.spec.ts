import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { startWerker } from '@register/platform';
import { GebruikerNietGevondenError, GebruikersStore, LaatsteBeheerderError } from './gebruikers.store';

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
