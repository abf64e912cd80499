import Database from 'better-sqlite3';
import { join } from 'node:path';
import { startTestApp, toezegging } from './support/app';
import { runCli } from './support/processes';
import { TestSmtp, startSmtp } from './support/smtp';

jest.setTimeout(240_000);

const DATUM = '2026-12-03';
const EIGENAREN = 200;
const KILLS = 4;

function herinneringEvents(dataDir: string): { stream: string; type: string; data: Record<string, unknown> }[] {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  try {
    const rijen = db.prepare("SELECT stream, type, data FROM events WHERE stream LIKE 'herinnering-%' ORDER BY position").all() as { stream: string; type: string; data: string }[];
    return rijen.map((r) => ({ ...r, data: JSON.parse(r.data) }));
  } finally {
    db.close();
  }
}

/**
 * `herinneringen-versturen` for 200 owners, killed (SIGKILL) at moments spread over its run and run
 * again until it ends: every owner received exactly one message (one Message-ID), and the log says
 * once per owner that it was sent. Exactly once over SMTP cannot be promised for a kill between the
 * server's acceptance and the record of it; the recorded mail is then sent again with the same
 * Message-ID, and the test counts such copies (at most one per kill) instead of hiding them.
 */
describe('reminders killed during a run', () => {
  let smtp: TestSmtp;
  let dataDir: string;
  const email = (n: number) => `eigenaar-${String(n).padStart(3, '0')}@example.org`;

  beforeAll(async () => {
    smtp = await startSmtp({ vertragingMs: 15 });
    const t = await startTestApp();
    dataDir = t.dataDir;
    let positie = '0';
    for (let n = 1; n <= EIGENAREN; n++) {
      const res = await t.http
        .post('/api/toezeggingen')
        .send(toezegging({ nummer: `TZ202412-${n}`, titel: `Toezegging ${n}`, termijn: { omschrijving: 'voor de kerst', datum: '2026-12-20' }, behandelaar: { naam: `Eigenaar ${n}`, email: email(n), directie: 'Directie Politie' } }))
        .expect(201);
      positie = res.body.positie;
    }
    await t.http.get(`/api/items?perPagina=1&minimalePositie=${positie}`).expect(200);
    await t.stop();
  });

  afterAll(async () => {
    await smtp?.close();
  });

  it('tells every owner exactly once, however often the run is killed', async () => {
    const env = { SMTP_URL: smtp.url, SMTP_AFZENDER: 'register@example.org', LOG_LEVEL: 'error' };
    let gedood = 0;
    for (let ronde = 0; ronde < KILLS; ronde++) {
      const voor = smtp.ontvangen.length;
      const run = runCli(['herinneringen-versturen', '--datum', DATUM], dataDir, env);
      // Spread over the run (after 7, 24, 41, 58 further mails) and over the steps of one mail: 0, 6, 12
      // or 18 ms after a message was accepted, so that the kill falls before, during and after the
      // record of the answer, and during the next mail's conversation.
      const na = 7 + ronde * 17;
      const wacht = setInterval(() => {
        if (smtp.ontvangen.length < voor + na) return;
        clearInterval(wacht);
        setTimeout(() => run.process.kill('SIGKILL'), ronde * 6);
      }, 1);
      const uitkomst = await run.done;
      clearInterval(wacht);
      if (uitkomst.signal === 'SIGKILL') gedood++;
      else throw new Error(`run ${ronde} ended before it was killed: ${uitkomst.code}\n${uitkomst.stdout}\n${uitkomst.stderr}`);
    }
    const laatste = await runCli(['herinneringen-versturen', '--datum', DATUM, '--json'], dataDir, env).done;
    expect(laatste.stderr).toContain('van ');
    expect(laatste.code).toBe(0);
    const resultaat = JSON.parse(laatste.stdout);
    expect(resultaat).toMatchObject({ totaal: EIGENAREN, mislukt: 0, serverFout: null });
    expect(resultaat.verstuurd + resultaat.alVerstuurd).toBe(EIGENAREN);
    expect(gedood).toBe(KILLS);

    // Every owner: one message, by its Message-ID; any extra copy is that same message.
    const perEigenaar = new Map<string, { ids: Set<string>; teksten: Set<string>; n: number }>();
    for (const m of smtp.ontvangen) {
      const e = perEigenaar.get(m.aan) ?? { ids: new Set(), teksten: new Set(), n: 0 };
      e.ids.add(m.messageId);
      e.teksten.add(m.tekst);
      e.n++;
      perEigenaar.set(m.aan, e);
    }
    expect([...perEigenaar.keys()].sort()).toEqual(Array.from({ length: EIGENAREN }, (_, i) => email(i + 1)));
    for (const [, e] of perEigenaar) {
      expect(e.ids.size).toBe(1);
      expect(e.teksten.size).toBe(1);
    }
    const kopieen = smtp.ontvangen.length - EIGENAREN;
    expect(kopieen).toBeLessThanOrEqual(KILLS);

    // The log: per owner one stream, prepared once and sent once.
    const events = herinneringEvents(dataDir);
    const perStream = new Map<string, string[]>();
    for (const e of events) perStream.set(e.stream, [...(perStream.get(e.stream) ?? []), e.type]);
    expect(perStream.size).toBe(EIGENAREN);
    for (const [, types] of perStream) expect(types).toEqual(['HerinneringVoorbereid', 'HerinneringVerstuurd']);
    const hervat = events.filter((e) => e.type === 'HerinneringVerstuurd' && e.data.hervat === true).length;
    process.stdout.write(`Herinneringen aan ${EIGENAREN} eigenaren: ${gedood} runs met SIGKILL gestopt, ${hervat} herinneringen hervat na een onderbreking, ${kopieen} tweede kopieën (zelfde Message-ID).\n`);

    // And a run after all that sends nothing.
    const voor = smtp.ontvangen.length;
    const nogEens = await runCli(['herinneringen-versturen', '--datum', DATUM], dataDir, env).done;
    expect(nogEens.stdout).toContain(`0 verstuurd, ${EIGENAREN} al eerder verstuurd.`);
    expect(smtp.ontvangen.length).toBe(voor);
  });

  it('says without SMTP_URL that it sends nothing, and ends with code 1', async () => {
    const run = await runCli(['herinneringen-versturen'], dataDir, { SMTP_URL: '' }).done;
    expect(run.stdout).toContain('SMTP_URL is niet gezet: er worden geen herinneringen verstuurd.');
    expect(run.code).toBe(1);
  });

  it('refuses a day after today: that day’s own run would otherwise send nothing', async () => {
    const run = await runCli(['herinneringen-versturen', '--datum', '9999-01-01'], dataDir, { SMTP_URL: smtp.url, SMTP_AFZENDER: 'register@example.org' }).done;
    expect(run.stderr).toContain('--datum 9999-01-01 ligt na vandaag');
    expect(run.code).toBe(1);
  });

  it('refuses a date that is not one, before it does anything', async () => {
    const run = await runCli(['herinneringen-versturen', '--datum', '3-12-2026'], dataDir, { SMTP_URL: smtp.url, SMTP_AFZENDER: 'register@example.org' }).done;
    expect(run.stderr).toContain('--datum verwacht een datum als 2026-12-03, niet "3-12-2026".');
    expect(run.code).toBe(1);
  });
});
