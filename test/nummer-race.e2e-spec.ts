import { CommandMetadata, ItemCommandService, deterministicId } from '@register/application';
import { TestApp, motie, startTestApp } from './support/app';

jest.setTimeout(60_000);

/**
 * A Kamer number is held by one item at a time. Corrections that move an item's number back and
 * forth at once, and a correction racing ordinary writes, must leave every number an item holds
 * reserved for that item in its number stream.
 */
describe('number claims under racing corrections', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  /** The number the item holds now, and whether its number stream says the item holds it. */
  const houdtNummer = async (itemId: string) => {
    const events = t.storedEvents();
    let nummer = '';
    for (const e of events.filter((x) => x.stream === `motie-${itemId}`)) {
      if (e.type === 'MotieGeregistreerd') nummer = String(e.data.nummer);
      const w = (e.data.wijzigingen as { veld: string; nieuw: unknown }[] | undefined)?.find((x) => x.veld === 'nummer');
      if (w) nummer = String(w.nieuw);
    }
    const laatste = events.filter((e) => e.stream === `kamernummer-${nummer}`).at(-1);
    return { nummer, gereserveerd: laatste?.type === 'NummerGereserveerd' && laatste.data.itemId === itemId };
  };

  it('a correction X→Y and one back Y→X at once never leave the item\'s number free', async () => {
    for (let ronde = 0; ronde < 25; ronde++) {
      const x = `${31000 + ronde}-1`;
      const y = `${31000 + ronde}-2`;
      const { itemId } = (await t.http.post('/api/moties').send(motie({ nummer: x })).expect(201)).body;
      const heen = t.http.post(`/api/items/${itemId}/correcties`).send({ correcties: { nummer: y }, reden: 'tikfout' });
      const terug = Array.from({ length: 4 }, () => t.as('griffier').post(`/api/items/${itemId}/correcties`).send({ correcties: { nummer: x }, reden: 'toch niet' }));
      await Promise.all([heen, ...terug].map((r) => r.then((res) => res.status)));
      const stand = await houdtNummer(itemId);
      expect({ ronde, ...stand }).toEqual({ ronde, nummer: stand.nummer, gereserveerd: true });
      // And so nobody else can register it.
      await t.http.post('/api/moties').send(motie({ nummer: stand.nummer, titel: 'Een tweede motie met hetzelfde nummer' })).expect(409);
    }
  });

  it('a correction of the number with an Idempotency-Key that races other writes answers, and its retry gives the same answer', async () => {
    for (let ronde = 0; ronde < 8; ronde++) {
      const x = `${32000 + ronde}-1`;
      const y = `${32000 + ronde}-2`;
      const { itemId } = (await t.http.post('/api/moties').send(motie({ nummer: x })).expect(201)).body;
      const sleutel = `correctie-${ronde}`;
      const voortgang = Array.from({ length: 5 }, (_, i) => t.as('griffier').post(`/api/items/${itemId}/voortgang`).send({ datum: '2025-06-01', tekst: `stand ${i}` }));
      const [correctie] = await Promise.all([t.http.post(`/api/items/${itemId}/correcties`).set('Idempotency-Key', sleutel).send({ correcties: { nummer: y }, reden: 'tikfout' }), ...voortgang]);
      expect([200, 409]).toContain(correctie.status);
      const nogEens = await t.http.post(`/api/items/${itemId}/correcties`).set('Idempotency-Key', sleutel).send({ correcties: { nummer: y }, reden: 'tikfout' });
      expect(nogEens.status).toBe(correctie.status);
      expect(nogEens.body).toEqual(correctie.body);
      expect(await houdtNummer(itemId)).toEqual({ nummer: correctie.status === 200 ? y : x, gereserveerd: true });
    }
  });

  it('a correction of the number that conflicts once (a write came in between) is decided again and lands, also with an Idempotency-Key', async () => {
    const service = t.app.get(ItemCommandService);
    for (const metSleutel of [false, true]) {
      const x = metSleutel ? '33000-1' : '33001-1';
      const y = metSleutel ? '33000-2' : '33001-2';
      const { itemId } = (await t.http.post('/api/moties').send(motie({ nummer: x })).expect(201)).body;
      const id = deterministicId(`tussendoor-${metSleutel}`, 'sleutel');
      const meta: CommandMetadata = { commandId: id, correlationId: id, causationId: id, actor: 'test-griffier', ...(metSleutel ? { idempotencyKeyId: id } : {}) };
      let pogingen = 0;
      const resultaat = await service.change(
        itemId,
        async () => {
          // The first time round, another clerk's write lands between reading and appending.
          if (pogingen++ === 0) await t.as('griffier').post(`/api/items/${itemId}/voortgang`).send({ datum: '2025-06-01', tekst: 'tussendoor' }).expect(200);
          return { type: 'CorrigeerRegistratie', correcties: { nummer: y }, reden: 'tikfout' };
        },
        meta,
      );
      expect(pogingen).toBe(2);
      expect(resultaat.nummer).toBe(y);
      expect(await houdtNummer(itemId)).toEqual({ nummer: y, gereserveerd: true });
    }
  });
});
