import autocannon from 'autocannon';
import { GebruikersStore } from '@register/access';
import { SqliteEventStore } from '@register/event-store';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { GeneratedStore, generate } from './generator';

const HELP = `npm run bench -- [opties]

Meet het register op nationale schaal en schrijft de cijfers naar benchmarks/<naam>.json en BENCHMARKS.md.

Opties:
  --snel          kleine N (2.000 items), korte metingen: controleert in een minuut dat de benchmark werkt
  --items <N>     aantal items (standaard 150000, ~1 miljoen events)
  --duur <s>      duur van elke HTTP-meting in seconden (standaard 10; --snel: 2)
  --pg <url>      PostgreSQL-beheeradres voor de herbouw met PostgreSQL (standaard postgres://postgres@127.0.0.1:5432/postgres)
  --geen-pg       sla de herbouw met PostgreSQL over
  --map <map>     gebruik deze datamap en bewaar hem: een eerder gegenereerde store wordt hergebruikt
                  (voor het meten van één verbetering; de opdrachten voegen events toe, dus een
                  officiële run begint zonder --map)
  --alleen <lijst>  alleen deze metingen, komma-gescheiden: vloer, sqlite, pg, http-vloer, liaison,
                  opdrachten, openbaar, zichtbaar, overzicht, bijlage, audit; schrijft geen JSON en geen tabel (een deelrun is geen run)
  --profiel <map> start de server met node --cpu-prof en schrijf het profiel in deze map
  --tabel         schrijf alleen de tabel opnieuw uit benchmarks/<naam>.json (met --snel of --items)
  --help          deze tekst
`;

const ROOT = resolve(__dirname, '../../../..');
const SERVER = join(ROOT, 'dist/apps/api/src/main.js');

function log(message: string): void {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
}

function pct(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function run(command: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const start = Date.now();
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
    const regel = c.toString().trim().split('\n').pop();
    if (regel) log(`  ${regel}`);
  });
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  return { code, stdout, stderr, ms: Date.now() - start };
}

async function startServer(dataDir: string, profiel?: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [...(profiel ? ['--cpu-prof', '--cpu-prof-dir', profiel] : []), SERVER], { env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '', EVENTSTORE_CONNECTION_STRING: '', LOG_LEVEL: 'error', OPENBAAR: 'aan', OPENBAAR_PER_MINUUT: '1000000' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise<string>((res, rej) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /draait op (http:\/\/\S+)/.exec(out);
      if (m) res(m[1]);
    });
    child.on('exit', (code) => rej(new Error(`server stopte (${code}): ${out}`)));
  });
  return { url, child };
}

/**
 * 16 clerks reporting progress on open items through HTTP for `duur` seconds: the command load of
 * every command measurement. `stap` spreads the items; `sleutel` gives each command its own
 * Idempotency-Key, as the web app does.
 */
function opdrachtenLast(url: string, token: string, duur: number, open: readonly string[], o: { stap: number; datum: string; tekst: string; sleutel?: string }): Promise<autocannon.Result> {
  let c = 0;
  return autocannon({
    url,
    connections: 16,
    duration: duur,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          c++;
          return {
            ...req,
            ...(o.sleutel ? { headers: { ...req.headers, 'idempotency-key': `${o.sleutel}-${c}` } } : {}),
            path: `/api/items/${open[(c * o.stap) % open.length]}/voortgang`,
            body: JSON.stringify({ datum: o.datum, tekst: `${o.tekst} ${c}.` }),
          };
        },
      },
    ],
  });
}

const opdrachtenUitkomst = (r: autocannon.Result) => ({ opdrachtenPerSeconde: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, statussen: statussen(r) });

function statussen(r: autocannon.Result): Record<string, number> {
  const stats = (r as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  return Object.fromEntries(Object.entries(stats).map(([k, v]) => [k, v.count]));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(HELP);
    return;
  }
  if (args.includes('--tabel')) {
    // Writes the table again from a run's JSON (after a change to how the table reads).
    const n = args.indexOf('--items');
    const naam = args.includes('--snel') ? 'snel' : `items-${n >= 0 ? args[n + 1] : 150_000}`;
    schrijfMarkdown(JSON.parse(readFileSync(join(ROOT, 'benchmarks', `${naam}.json`), 'utf8')), naam);
    log(`Tabel van ${naam} opnieuw geschreven in BENCHMARKS.md`);
    return;
  }
  const optie = (naam: string) => {
    const i = args.indexOf(naam);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const snel = args.includes('--snel');
  const items = Number(optie('--items') ?? (snel ? 2000 : 150_000));
  const duur = Number(optie('--duur') ?? (snel ? 2 : 10));
  const pgAdmin = optie('--pg') ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const naam = snel ? 'snel' : `items-${items}`;
  const eigenMap = optie('--map');
  const dataDir = eigenMap ? resolve(eigenMap) : mkdtempSync(join(tmpdir(), 'register-bench-'));
  const alleen = optie('--alleen')?.split(',').map((m) => m.trim());
  const meet = (meting: string) => !alleen || alleen.includes(meting);
  const profiel = optie('--profiel') ? resolve(optie('--profiel')!) : undefined;
  const machine = { cores: cpus().length, cpu: cpus()[0]?.model ?? 'onbekend', geheugenGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform} ${process.arch}` };
  log(`Benchmark ${naam}: ${items.toLocaleString('nl-NL')} items, datamap ${dataDir}`);
  log(`Machine: ${machine.cores} cores (${machine.cpu}), ${machine.geheugenGiB} GiB, Node ${machine.node}`);
  const resultaat: Record<string, unknown> = { naam, datum: new Date().toISOString(), machine, items };

  try {
    // 1. Generate the store on the embedded default.
    let t = Date.now();
    mkdirSync(dataDir, { recursive: true });
    const beschrijving = join(dataDir, 'bench-store.json');
    let gegenereerd: GeneratedStore;
    const store = new SqliteEventStore(join(dataDir, 'events.sqlite'));
    if (eigenMap && existsSync(beschrijving)) {
      gegenereerd = JSON.parse(readFileSync(beschrijving, 'utf8')) as GeneratedStore;
      if (gegenereerd.items !== items) throw new Error(`${dataDir} bevat een store van ${gegenereerd.items} items, niet ${items}: kies een andere map of --items ${gegenereerd.items}`);
      log(`Hergebruikt: de store in ${dataDir} (${gegenereerd.events.toLocaleString('nl-NL')} events bij het genereren)`);
    } else {
      let laatst = 0;
      gegenereerd = generate(store, items, (done, total) => {
        if (Date.now() - laatst > 2000) {
          laatst = Date.now();
          log(`  genereren: ${done.toLocaleString('nl-NL')} van ~${total.toLocaleString('nl-NL')} events`);
        }
      });
      writeFileSync(beschrijving, JSON.stringify(gegenereerd));
      log(`Gegenereerd: ${gegenereerd.events.toLocaleString('nl-NL')} events in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    resultaat.genereren = { events: gegenereerd.events, seconden: (Date.now() - t) / 1000 };

    // 2. The floor: read and JSON-parse every stored event, no projection.
    // The rebuilds are read as a ratio to it, so it is measured whenever they are.
    let gelezen = 0;
    if (meet('vloer') || meet('sqlite') || meet('pg')) {
      t = Date.now();
      for (let after = -1n; ; ) {
        const batch = store.readBatch(after, 5000);
        if (batch.length === 0) break;
        gelezen += batch.length;
        after = batch[batch.length - 1].position;
      }
      const vloerMs = Date.now() - t;
      resultaat.vloer = { events: gelezen, seconden: vloerMs / 1000, eventsPerSeconde: Math.round(gelezen / (vloerMs / 1000)) };
      log(`Vloer (lezen + JSON.parse): ${Math.round(gelezen / (vloerMs / 1000)).toLocaleString('nl-NL')} events/s`);
    }
    await store.close();

    // 3. Full rebuild on SQLite, in its own process (peak RSS is that process's).
    const seconden = (s: string) => Number(/in ([\d.]+) s/.exec(s)?.[1]);
    const piek = (s: string) => Number(/piekgeheugen (\d+) MB/.exec(s)?.[1]);
    // The events a rebuild replayed, as it reports them: the log grows during the HTTP measurements.
    const herbouwd = (s: string) => Number(/tot positie ([\d.]+)/.exec(s)?.[1].replace(/\./g, '') ?? gelezen);
    if (meet('sqlite')) {
      log('Herbouw met SQLite-leesmodellen ...');
      // Exactly the documented command (npm run rebuild); time and peak memory are what the CLI prints.
      const sqlite = await run('npm', ['run', '--silent', 'rebuild'], { DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'error' });
      if (sqlite.code !== 0) throw new Error(`herbouwen faalde: ${sqlite.stderr}`);
      resultaat.herbouwSqlite = { seconden: seconden(sqlite.stdout), eventsPerSeconde: Math.round(gelezen / seconden(sqlite.stdout)), piekRssMB: piek(sqlite.stdout) };
      log(`Herbouw SQLite: ${JSON.stringify(resultaat.herbouwSqlite)}`);
    }

    // 4–6. Through HTTP against the server on the generated register. The rebuild's writes are
    // flushed first (sync), so that the measurements start from a settled disk.
    spawnSync('sync');
    const gebruikers = new GebruikersStore(join(dataDir, 'gebruikers.sqlite'));
    // A reused data dir already has these users: they get a fresh token instead.
    const gebruiker = (naam: string, rol: 'griffier' | 'liaison' | 'auditor') => (gebruikers.lijst().some((g) => g.naam === naam && !g.ingetrokkenOp) ? gebruikers.nieuwToken(naam) : gebruikers.voegToe(naam, rol));
    const griffier = gebruiker('bench-griffier', 'griffier');
    const liaison = gebruiker('bench-liaison', 'liaison');
    const auditor = gebruiker('bench-auditor', 'auditor');
    gebruikers.close();
    const { url, child } = await startServer(dataDir, profiel);
    try {
      if (meet('liaison') || meet('http-vloer')) {
        // The HTTP floor: the cheapest request that still signs in (GET /api/ik) under the same load.
        // What the liaison's query costs on top of it is what the register adds.
        log(`HTTP-vloer (GET /api/ik), 16 clients, ${duur} s ...`);
        const ik = await autocannon({ url: `${url}/api/ik`, connections: 16, duration: duur, headers: { authorization: `Bearer ${liaison}` } });
        const lat = ik.latency as unknown as { p50: number; p97_5: number; p99: number };
        resultaat.httpVloer = { verzoekenPerSeconde: Math.round(ik.requests.average), p50: lat.p50, p97_5: lat.p97_5, p99: lat.p99, statussen: statussen(ik) };
        log(`HTTP-vloer: ${JSON.stringify(resultaat.httpVloer)}`);
      }
      if (meet('liaison')) {
        log(`Liaisonvraag over het register, 16 clients, ${duur} s ...`);
        let q = 0;
        const vraag = await autocannon({
          url,
          connections: 16,
          duration: duur,
          headers: { authorization: `Bearer ${liaison}` },
          requests: [
            {
              method: 'GET',
              setupRequest: (req) => {
                q++;
                const lid = gegenereerd.leden[q % gegenereerd.leden.length];
                const thema = gegenereerd.themas[q % gegenereerd.themas.length];
                return { ...req, path: `/api/items?status=open&achterstalligOp=2024-01-01&lid=${encodeURIComponent(lid)}&thema=${encodeURIComponent(thema)}&perPagina=25&weergave=kort` };
              },
            },
          ],
        });
        // autocannon reports p90 and p97.5, not p95: the target is checked against p97.5 (stricter).
        const lat = vraag.latency as unknown as { p50: number; p90: number; p97_5: number; p99: number };
        resultaat.liaisonVraag = { verzoekenPerSeconde: Math.round(vraag.requests.average), p50: lat.p50, p90: lat.p90, p97_5: lat.p97_5, p99: lat.p99, statussen: statussen(vraag) };
        log(`Liaisonvraag: ${JSON.stringify(resultaat.liaisonVraag)}`);
      }
      const open = gegenereerd.openItemIds;
      if (meet('opdrachten')) {
        log(`Opdrachten via HTTP (voortgang rapporteren), 16 clients, ${duur} s, synchronous=FULL ...`);
        resultaat.opdrachten = opdrachtenUitkomst(await opdrachtenLast(url, griffier, duur, open, { stap: 7919, datum: '2026-06-20', tekst: 'Stand van zaken: het onderzoek loopt' }));
        log(`Opdrachten: ${JSON.stringify(resultaat.opdrachten)}`);
        // The same commands as the web app sends them: each with its own Idempotency-Key, so the
        // register claims the key, runs the command and stores the answer (a read and two writes more).
        log(`Opdrachten via HTTP met Idempotency-Key, 16 clients, ${duur} s, synchronous=FULL ...`);
        resultaat.opdrachtenMetSleutel = opdrachtenUitkomst(await opdrachtenLast(url, griffier, duur, open, { stap: 4099, datum: '2026-06-20', tekst: 'Stand van zaken met sleutel: het onderzoek loopt', sleutel: `bench-${process.pid}-${Date.now()}` }));
        log(`Opdrachten met Idempotency-Key: ${JSON.stringify(resultaat.opdrachtenMetSleutel)}`);
      }
      if (meet('openbaar')) {
        // The public site beside the clerks: 16 visitors on the public list (its first pages, with and
        // without a filter) and on item pages, while 16 clerks send commands as above. The server runs
        // with OPENBAAR=aan and a limit no one reaches, so the rate limiter is on the path but refuses
        // nothing. The cache (a few seconds per address) is the real system's.
        const lijst = (await (await fetch(`${url}/openbaar/api/v1/items?perPagina=100`)).json()) as { items: { url: string }[] };
        const itemPaden = lijst.items.map((i) => new URL(i.url).pathname);
        const lijstPaden = ['/openbaar/', '/openbaar/?status=open', '/openbaar/?soort=toezegging', '/openbaar/?pagina=2', '/openbaar/?status=Afgedaan&pagina=3', '/openbaar/?zoek=onderzoek'];
        log(`Openbare site (lijst en itempagina's, 16 bezoekers) naast opdrachten (16 clients), ${duur} s ...`);
        let v = 0;
        const [opdrachten, bezoek] = await Promise.all([
          opdrachtenLast(url, griffier, duur, open, { stap: 6007, datum: '2026-06-22', tekst: 'Stand van zaken naast de openbare site' }),
          autocannon({
            url,
            connections: 16,
            duration: duur,
            requests: [
              {
                method: 'GET',
                setupRequest: (req) => {
                  v++;
                  // Two item pages for each list page: visitors read more items than lists.
                  const pad = v % 3 === 0 ? lijstPaden[(v / 3) % lijstPaden.length] : itemPaden[(v * 13) % Math.max(1, itemPaden.length)] ?? '/openbaar/';
                  return { ...req, path: pad };
                },
              },
            ],
          }),
        ]);
        resultaat.openbaar = {
          verzoekenPerSeconde: Math.round(bezoek.requests.average),
          p50: bezoek.latency.p50,
          p97_5: bezoek.latency.p97_5,
          p99: bezoek.latency.p99,
          statussen: statussen(bezoek),
          opdrachtenErnaast: opdrachtenUitkomst(opdrachten),
        };
        log(`Openbaar: ${JSON.stringify(resultaat.openbaar)}`);
      }
      if (meet('zichtbaar')) {

        log('Doorlooptijd tot zichtbaar in het register (200 opdrachten na elkaar) ...');
        const vertraging: number[] = [];
        for (let i = 0; i < (snel ? 50 : 200); i++) {
          const id = open[(i * 104729) % open.length];
          const antwoord = await fetch(`${url}/api/items/${id}/voortgang`, { method: 'POST', headers: { authorization: `Bearer ${griffier}`, 'content-type': 'application/json' }, body: JSON.stringify({ datum: '2026-06-21', tekst: `zichtbaar ${i}` }) });
          const t0 = performance.now();
          if (antwoord.status !== 200) continue;
          const { positie } = (await antwoord.json()) as { positie: string };
          const zicht = await fetch(`${url}/api/items/${id}?minimalePositie=${positie}`, { headers: { authorization: `Bearer ${liaison}` } });
          await zicht.arrayBuffer();
          if (zicht.status === 200) vertraging.push(performance.now() - t0);
        }
        resultaat.zichtbaarNa = { metingen: vertraging.length, p50: Number(pct(vertraging, 50).toFixed(2)), p99: Number(pct(vertraging, 99).toFixed(2)) };
        log(`Zichtbaar na: ${JSON.stringify(resultaat.zichtbaarNa)}`);
      }
      if (meet('overzicht')) {
        // The liaison's dashboard: counts per bewindspersoon, theme, fractie and member, and 24 months.
        log('Dashboard (GET /api/overzicht), mediaan van 5 ...');
        const tijden: number[] = [];
        for (let i = 0; i < 5; i++) {
          const t0 = performance.now();
          const res = await fetch(`${url}/api/overzicht`, { headers: { authorization: `Bearer ${liaison}` } });
          await res.arrayBuffer();
          if (res.status === 200) tijden.push(performance.now() - t0);
        }
        resultaat.overzicht = { metingen: tijden.length, mediaan: Number(pct(tijden, 50).toFixed(1)) };
        log(`Dashboard: ${JSON.stringify(resultaat.overzicht)}`);
      }
      if (meet('bijlage')) {
        log('Bijlage van een halfjaarbericht met 300 items, elk formaat ...');
        const auth = { authorization: `Bearer ${griffier}`, 'content-type': 'application/json' };
        const bericht = (await (await fetch(`${url}/api/halfjaarberichten`, { method: 'POST', headers: auth, body: JSON.stringify({ jaar: 2026, helft: 1, titel: 'Eerste halfjaarbericht 2026', peildatum: '2026-06-01', secties: gegenereerd.themas }) })).json()) as { berichtId: string };
        let positie = '0';
        for (let i = 0; i < 300; i++) {
          const id = open[(i * 31) % open.length];
          const res = await fetch(`${url}/api/halfjaarberichten/${bericht.berichtId}/items`, { method: 'POST', headers: auth, body: JSON.stringify({ itemId: id, sectie: gegenereerd.themas[i % gegenereerd.themas.length], tekst: `Stand van zaken ${i}: ${'Het onderzoek loopt en de Kamer wordt geïnformeerd. '.repeat(6)}`, status: i % 3 === 0 ? 'afgedaan' : 'in-behandeling' }) });
          positie = ((await res.json()) as { positie: string }).positie;
        }
        await (await fetch(`${url}/api/items?perPagina=1&minimalePositie=${positie}`, { headers: { authorization: `Bearer ${liaison}` } })).arrayBuffer();
        const bijlage: Record<string, number> = {};
        for (const formaat of ['md', 'html', 'docx', 'csv']) {
          const tijden: number[] = [];
          for (let i = 0; i < 5; i++) {
            const t0 = performance.now();
            const res = await fetch(`${url}/api/halfjaarberichten/${bericht.berichtId}/bijlage?formaat=${formaat}`, { headers: { authorization: `Bearer ${liaison}` } });
            await res.arrayBuffer();
            tijden.push(performance.now() - t0);
          }
          bijlage[formaat] = Number(pct(tijden, 50).toFixed(1));
        }
        resultaat.bijlage = bijlage;
        log(`Bijlage (mediaan van 5, ms): ${JSON.stringify(bijlage)}`);
      }
      if (meet('audit')) {
        // The auditors' heavy reads (verifying the whole log, the register as it was) run off the
        // event loop: /health, asked every 20 ms meanwhile, must keep answering at once. Its floor
        // is the same question with nothing else running.
        log('/health elke 20 ms: eerst in rust, dan tijdens de verificatie van het hele log en het register op een peilmoment ...');
        const auditAuth = { authorization: `Bearer ${auditor}`, 'content-type': 'application/json' };
        const peil = async (klaar: () => boolean): Promise<number[]> => {
          const tijden: number[] = [];
          while (!klaar()) {
            const t0 = performance.now();
            await (await fetch(`${url}/health`)).arrayBuffer();
            tijden.push(performance.now() - t0);
            await new Promise((r) => setTimeout(r, 20));
          }
          return tijden;
        };
        const samenvatting = (t: number[]) => (t.length === 0 ? { metingen: 0, p50: 0, p99: 0, max: 0 } : { metingen: t.length, p50: Number(pct(t, 50).toFixed(1)), p99: Number(pct(t, 99).toFixed(1)), max: Number(Math.max(...t).toFixed(1)) });
        // A few first answers warm the route up; they are not the floor.
        for (let i = 0; i < 10; i++) await (await fetch(`${url}/health`)).arrayBuffer();
        const rustTot = performance.now() + 3000;
        const rust = await peil(() => performance.now() > rustTot);
        // Each piece of work with /health asked meanwhile: the verification, then the register as it was.
        const meetTijdens = async <T>(werk: () => Promise<T>): Promise<{ uitkomst: T; tijden: number[] }> => {
          let klaar = false;
          const bezig = (async () => {
            try {
              return await werk();
            } finally {
              klaar = true;
            }
          })();
          const tijden = await peil(() => klaar);
          return { uitkomst: await bezig, tijden };
        };
        const verificatie = await meetTijdens(async () => {
          const t0 = performance.now();
          await (await fetch(`${url}/api/audit/verificatie`, { method: 'POST', headers: auditAuth, body: '{}' })).arrayBuffer();
          let stand: { status: string; rapport?: { intact: boolean; events: number } };
          do {
            await new Promise((r) => setTimeout(r, 200));
            stand = (await (await fetch(`${url}/api/audit/verificatie`, { headers: auditAuth })).json()) as typeof stand;
          } while (stand.status === 'bezig');
          return { verificatieSeconden: Number(((performance.now() - t0) / 1000).toFixed(1)), verificatie: stand.status, intact: stand.rapport?.intact, gecontroleerd: stand.rapport?.events };
        });
        const tijdreis = await meetTijdens(async () => {
          const vraag = async (pagina: number, extra = '', opDatum = '2025-07-01') => {
            const t = performance.now();
            const res = await fetch(`${url}/api/audit/register?opDatum=${opDatum}&status=open&perPagina=25&weergave=kort&pagina=${pagina}${extra}`, { headers: auditAuth });
            const body = (await res.json()) as { bron?: string; totaal?: number };
            return { ms: Number((performance.now() - t).toFixed(0)), status: res.status, bron: body.bron, totaal: body.totaal };
          };
          const eerste = await vraag(1);
          const volgende = await vraag(2);
          // The same question folded from the log alone, and a peilmoment far in the past (most items changed after it).
          const log = await vraag(1, '&bron=log');
          const vroeg = await vraag(1, '', '2012-01-01');
          if (log.totaal !== eerste.totaal) throw new Error(`tijdreis: leesmodel ${eerste.totaal} items, log ${log.totaal}`);
          return {
            registerEerstePaginaMs: eerste.ms,
            registerVolgendePaginaMs: volgende.ms,
            registerBron: eerste.bron,
            registerUitLogMs: log.ms,
            registerVroegMs: vroeg.ms,
            statussen: [eerste.status, volgende.status, log.status, vroeg.status],
          };
        });
        resultaat.audit = {
          ...verificatie.uitkomst,
          ...tijdreis.uitkomst,
          health: { rust: samenvatting(rust), tijdens: samenvatting([...verificatie.tijden, ...tijdreis.tijden]), tijdensVerificatie: samenvatting(verificatie.tijden), tijdensTijdreis: samenvatting(tijdreis.tijden) },
        };
        log(`Audit: ${JSON.stringify(resultaat.audit)}`);
      }
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }

    // 7. The same rebuild with PostgreSQL as the read-model database: last, so that what PostgreSQL
    // writes and syncs in the background (dropping its database forces a checkpoint) cannot slow the
    // fsyncs of the command measurement.
    if (!args.includes('--geen-pg') && meet('pg')) {
      const db = `register_bench_${process.pid}`;
      const admin = new Client({ connectionString: pgAdmin });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${db}`);
      try {
        log('Herbouw met PostgreSQL-leesmodellen ...');
        const pg = await run('npm', ['run', '--silent', 'rebuild'], { DATA_DIR: dataDir, DATABASE_URL: pgAdmin.replace(/\/[^/]*$/, `/${db}`), LOG_LEVEL: 'error' });
        if (pg.code !== 0) throw new Error(`herbouwen (PostgreSQL) faalde: ${pg.stderr}`);
        resultaat.herbouwPostgres = { events: herbouwd(pg.stdout), seconden: seconden(pg.stdout), eventsPerSeconde: Math.round(herbouwd(pg.stdout) / seconden(pg.stdout)), piekRssMB: piek(pg.stdout) };
        log(`Herbouw PostgreSQL: ${JSON.stringify(resultaat.herbouwPostgres)}`);
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
        await admin.end();
      }
    }
  } finally {
    if (!eigenMap) rmSync(dataDir, { recursive: true, force: true });
  }
  resultaat.verhoudingen = verhoudingen(resultaat);
  if (alleen) {
    log(`Deelrun (--alleen ${alleen.join(',')}): niets geschreven. ${JSON.stringify(resultaat)}`);
    return;
  }

  const uit = join(ROOT, 'benchmarks');
  mkdirSync(uit, { recursive: true });
  writeFileSync(join(uit, `${naam}.json`), JSON.stringify(resultaat, null, 2) + '\n');
  schrijfMarkdown(resultaat, naam);
  log(`Geschreven: benchmarks/${naam}.json en BENCHMARKS.md`);
}

/**
 * Each measurement as a ratio to the floor this run measured on the same machine (issue 19): a
 * throughput as measured ÷ floor (1 is the floor), a latency as measured ÷ the floor's.
 */
function verhoudingen(r: Record<string, any>): Record<string, number> {
  const deel = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? Number((a / b).toFixed(2)) : undefined);
  const vloer = r.httpVloer;
  const paren: [string, number | undefined][] = [
    ['herbouwSqlite', deel(r.herbouwSqlite?.eventsPerSeconde, r.vloer?.eventsPerSeconde)],
    ['opdrachten', deel(r.opdrachten?.opdrachtenPerSeconde, vloer?.verzoekenPerSeconde)],
    ['opdrachtenP99', deel(r.opdrachten?.p99, vloer?.p99)],
    ['opdrachtenMetSleutel', deel(r.opdrachtenMetSleutel?.opdrachtenPerSeconde, vloer?.verzoekenPerSeconde)],
    ['opdrachtenMetSleutelP99', deel(r.opdrachtenMetSleutel?.p99, vloer?.p99)],
    ['liaisonVraag', deel(r.liaisonVraag?.verzoekenPerSeconde, vloer?.verzoekenPerSeconde)],
    ['liaisonVraagP97_5', deel(r.liaisonVraag?.p97_5, vloer?.p97_5)],
    ['opdrachtenNaastOpenbaar', deel(r.openbaar?.opdrachtenErnaast?.opdrachtenPerSeconde, r.opdrachten?.opdrachtenPerSeconde)],
  ];
  return Object.fromEntries(paren.filter((p): p is [string, number] => p[1] !== undefined));
}

/** Replaces the generated table for this run in BENCHMARKS.md; the rest of the file is kept. */
function schrijfMarkdown(r: Record<string, any>, naam: string): void {
  const file = join(ROOT, 'BENCHMARKS.md');
  const begin = `<!-- bench:${naam}:begin -->`;
  const eind = `<!-- bench:${naam}:eind -->`;
  const m = r.machine;
  const rij = (meting: string, waarde: string, doel: string, gehaald: boolean | string | undefined) =>
    `| ${meting} | ${waarde} | ${doel} | ${gehaald === undefined ? '–' : typeof gehaald === 'string' ? gehaald : gehaald ? 'gehaald' : '**niet gehaald**'} |`;
  // A target of several parts says which part is met.
  const delen = (parts: [string, boolean][]) =>
    parts.every(([, ok]) => ok) ? 'gehaald' : `**niet gehaald**: ${parts.filter(([, ok]) => !ok).map(([d]) => d).join(', ')}${parts.some(([, ok]) => ok) ? `; gehaald: ${parts.filter(([, ok]) => ok).map(([d]) => d).join(', ')}` : ''}`;
  const vloer = r.vloer?.eventsPerSeconde;
  const hs = r.herbouwSqlite;
  const v: Record<string, number> = r.verhoudingen ?? {};
  const tabel = [
    begin,
    `Run \`${naam}\` op ${r.datum.slice(0, 16).replace('T', ' ')} UTC — ${m.cores} cores (${m.cpu}), ${m.geheugenGiB} GiB, Node ${m.node}, ${m.platform}; ${r.items.toLocaleString('en')} items, ${r.genereren.events.toLocaleString('en')} events.`,
    '',
    '| meting | resultaat | doel | |',
    '| --- | --- | --- | --- |',
    rij('vloer: events lezen + JSON.parse', `${vloer.toLocaleString('en')} events/s`, '–', undefined),
    rij('volledige herbouw, SQLite', `${hs.eventsPerSeconde.toLocaleString('en')} events/s (${hs.seconden} s), piek-RSS ${hs.piekRssMB} MB, ${(hs.eventsPerSeconde / vloer).toFixed(2)}× vloer`, '≥ 150,000 events/s, ≤ 400 MB, ≥ 0.5× vloer', delen([['events/s', hs.eventsPerSeconde >= 150_000], ['geheugen', hs.piekRssMB <= 400], ['verhouding tot de vloer', hs.eventsPerSeconde >= vloer / 2]])),
    ...(r.herbouwPostgres ? [rij('volledige herbouw, PostgreSQL', `${r.herbouwPostgres.eventsPerSeconde.toLocaleString('en')} events/s (${r.herbouwPostgres.events.toLocaleString('en')} events in ${r.herbouwPostgres.seconden} s, na de HTTP-metingen), piek-RSS ${r.herbouwPostgres.piekRssMB} MB`, '≥ 20,000 events/s', r.herbouwPostgres.eventsPerSeconde >= 20_000)] : []),
    rij('opdrachten via HTTP, 16 clients, synchronous=FULL', `${r.opdrachten.opdrachtenPerSeconde.toLocaleString('en')}/s, p50 ${r.opdrachten.p50} ms, p99 ${r.opdrachten.p99} ms, ${JSON.stringify(r.opdrachten.statussen)}${v.opdrachten !== undefined ? `; ${v.opdrachten}× HTTP-vloer, p99 ${v.opdrachtenP99}× vloer-p99` : ''}`, '≥ 2,000/s, p99 ≤ 20 ms', delen([['opdrachten/s', r.opdrachten.opdrachtenPerSeconde >= 2000], ['p99', r.opdrachten.p99 <= 20]])),
    ...(r.openbaar
      ? [
          rij(
            "openbare site (lijst en itempagina's, 16 bezoekers) naast opdrachten (16 clients)",
            `${r.openbaar.verzoekenPerSeconde.toLocaleString('en')} pagina's/s, p50 ${r.openbaar.p50} ms, p97.5 ${r.openbaar.p97_5} ms, p99 ${r.openbaar.p99} ms, ${JSON.stringify(r.openbaar.statussen)}; opdrachten ernaast ${r.openbaar.opdrachtenErnaast.opdrachtenPerSeconde.toLocaleString('en')}/s (${(r.openbaar.opdrachtenErnaast.opdrachtenPerSeconde / r.opdrachten.opdrachtenPerSeconde).toFixed(2)}× zonder), p99 ${r.openbaar.opdrachtenErnaast.p99} ms`,
            '–',
            undefined,
          ),
        ]
      : []),
    ...(r.opdrachtenMetSleutel
      ? [
          rij(
            'opdrachten via HTTP met Idempotency-Key (zoals de web-app), 16 clients, synchronous=FULL',
            `${r.opdrachtenMetSleutel.opdrachtenPerSeconde.toLocaleString('en')}/s, p50 ${r.opdrachtenMetSleutel.p50} ms, p99 ${r.opdrachtenMetSleutel.p99} ms, ${JSON.stringify(r.opdrachtenMetSleutel.statussen)}${v.opdrachtenMetSleutel !== undefined ? `; ${v.opdrachtenMetSleutel}× HTTP-vloer, p99 ${v.opdrachtenMetSleutelP99}× vloer-p99` : ''}`,
            '≥ 0.5× HTTP-vloer, p99 ≤ 3× vloer-p99',
            v.opdrachtenMetSleutel === undefined ? undefined : delen([['verhouding', v.opdrachtenMetSleutel >= 0.5], ['p99', v.opdrachtenMetSleutelP99 <= 3]]),
          ),
        ]
      : []),
    rij('zichtbaar in het register na het antwoord', `p50 ${r.zichtbaarNa.p50} ms, p99 ${r.zichtbaarNa.p99} ms (${r.zichtbaarNa.metingen} metingen)`, '–', undefined),
    ...(r.httpVloer ? [rij('vloer HTTP: GET /api/ik (alleen aanmelden), 16 clients', `${r.httpVloer.verzoekenPerSeconde.toLocaleString('en')}/s, p50 ${r.httpVloer.p50} ms, p97.5 ${r.httpVloer.p97_5} ms, p99 ${r.httpVloer.p99} ms`, '–', undefined)] : []),
    rij(
      'liaisonvraag (open, achterstallig, lid + thema, 1 pagina, weergave=kort), 16 clients',
      `${r.liaisonVraag.verzoekenPerSeconde.toLocaleString('en')}/s, p50 ${r.liaisonVraag.p50} ms, p90 ${r.liaisonVraag.p90} ms, p97.5 ${r.liaisonVraag.p97_5} ms, p99 ${r.liaisonVraag.p99} ms${v.liaisonVraag !== undefined ? `; ${v.liaisonVraag}× HTTP-vloer, p97.5 ${v.liaisonVraagP97_5}× vloer-p97.5` : ''}`,
      'p95 ≤ 10 ms (getoetst aan p97.5); ≥ 0.7× HTTP-vloer, p97.5 ≤ 2× vloer',
      delen([['p97.5 ≤ 10 ms', r.liaisonVraag.p97_5 <= 10], ...(v.liaisonVraag !== undefined ? ([['verhouding', v.liaisonVraag >= 0.7], ['p97.5 tot de vloer', v.liaisonVraagP97_5 <= 2]] as [string, boolean][]) : [])]),
    ),
    ...(r.overzicht ? [rij('dashboard van de liaison (GET /api/overzicht), één verzoek (mediaan van 5)', `${r.overzicht.mediaan} ms`, '≤ 20 ms', r.overzicht.mediaan <= 20)] : []),
    ...(r.audit
      ? [
          rij(
            'auditor: /health elke 20 ms tijdens de verificatie van het hele log en het register op een peilmoment (tijdreis)',
            `p50 ${r.audit.health.tijdens.p50} ms, p99 ${r.audit.health.tijdens.p99} ms, max ${r.audit.health.tijdens.max} ms (${r.audit.health.tijdens.metingen} metingen; in rust p99 ${r.audit.health.rust.p99} ms, max ${r.audit.health.rust.max} ms); verificatie ${r.audit.verificatieSeconden} s (${r.audit.gecontroleerd?.toLocaleString('en')} events), register op peilmoment: eerste pagina ${r.audit.registerEerstePaginaMs} ms${r.audit.registerBron ? ` (bron ${r.audit.registerBron}; uit het log alleen ${r.audit.registerUitLogMs} ms; opDatum 2012-01-01 ${r.audit.registerVroegMs} ms)` : ''}, volgende ${r.audit.registerVolgendePaginaMs} ms${r.audit.health.tijdensTijdreis ? ` (/health daarbij p99 ${r.audit.health.tijdensTijdreis.p99} ms, max ${r.audit.health.tijdensTijdreis.max} ms)` : ''}`,
            '/health ≤ 50 ms; register op peildatum ≤ 2 s',
            delen([['/health max', r.audit.health.tijdens.max <= 50], ['/health p99', r.audit.health.tijdens.p99 <= 50], ['register op peildatum', r.audit.registerEerstePaginaMs <= 2000]]),
          ),
        ]
      : []),
    rij('bijlage van 300 items, via HTTP (mediaan van 5)', Object.entries(r.bijlage as Record<string, number>).map(([f, ms]) => `${f} ${ms} ms`).join(', '), '≤ 500 ms elk', Object.values(r.bijlage as Record<string, number>).every((ms) => ms <= 500)),
    '',
    eind,
  ].join('\n');
  let md = '';
  try {
    md = readFileSync(file, 'utf8');
  } catch {
    md = '# Benchmarks\n\n';
  }
  md = md.includes(begin) ? md.replace(new RegExp(`${begin}[\\s\\S]*?${eind}`), tabel) : `${md.trimEnd()}\n\n${tabel}\n`;
  writeFileSync(file, md);
}

main().catch((error: unknown) => {
  process.stderr.write(`Benchmark mislukt: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
