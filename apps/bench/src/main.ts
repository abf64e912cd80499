import autocannon from 'autocannon';
import { GebruikersStore } from '@register/access';
import { SqliteEventStore } from '@register/event-store';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { generate } from './generator';

const HELP = `npm run bench -- [opties]

Meet het register op nationale schaal en schrijft de cijfers naar benchmarks/<naam>.json en BENCHMARKS.md.

Opties:
  --snel          kleine N (2.000 items), korte metingen: controleert in een minuut dat de benchmark werkt
  --items <N>     aantal items (standaard 150000, ~1 miljoen events)
  --duur <s>      duur van elke HTTP-meting in seconden (standaard 10; --snel: 2)
  --pg <url>      PostgreSQL-beheeradres voor de herbouw met PostgreSQL (standaard postgres://postgres@127.0.0.1:5432/postgres)
  --geen-pg       sla de herbouw met PostgreSQL over
  --help          deze tekst
`;

const ROOT = resolve(__dirname, '../../../..');
const CLI = join(ROOT, 'dist/apps/cli/src/main.js');
const SERVER = join(ROOT, 'dist/apps/api/src/main.js');

function log(message: string): void {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
}

function pct(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const start = Date.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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

async function startServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [SERVER], { env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '', EVENTSTORE_CONNECTION_STRING: '', LOG_LEVEL: 'error' }, stdio: ['ignore', 'pipe', 'pipe'] });
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
  const optie = (naam: string) => {
    const i = args.indexOf(naam);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const snel = args.includes('--snel');
  const items = Number(optie('--items') ?? (snel ? 2000 : 150_000));
  const duur = Number(optie('--duur') ?? (snel ? 2 : 10));
  const pgAdmin = optie('--pg') ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const naam = snel ? 'snel' : `items-${items}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'register-bench-'));
  const machine = { cores: cpus().length, cpu: cpus()[0]?.model ?? 'onbekend', geheugenGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform} ${process.arch}` };
  log(`Benchmark ${naam}: ${items.toLocaleString('nl-NL')} items, datamap ${dataDir}`);
  log(`Machine: ${machine.cores} cores (${machine.cpu}), ${machine.geheugenGiB} GiB, Node ${machine.node}`);
  const resultaat: Record<string, unknown> = { naam, datum: new Date().toISOString(), machine, items };

  try {
    // 1. Generate the store on the embedded default.
    let t = Date.now();
    const store = new SqliteEventStore(join(dataDir, 'events.sqlite'));
    let laatst = 0;
    const gegenereerd = generate(store, items, (done, total) => {
      if (Date.now() - laatst > 2000) {
        laatst = Date.now();
        log(`  genereren: ${done.toLocaleString('nl-NL')} van ~${total.toLocaleString('nl-NL')} events`);
      }
    });
    resultaat.genereren = { events: gegenereerd.events, seconden: (Date.now() - t) / 1000 };
    log(`Gegenereerd: ${gegenereerd.events.toLocaleString('nl-NL')} events in ${((Date.now() - t) / 1000).toFixed(1)} s`);

    // 2. The floor: read and JSON-parse every stored event, no projection.
    t = Date.now();
    let gelezen = 0;
    for (let after = -1n; ; ) {
      const batch = store.readBatch(after, 5000);
      if (batch.length === 0) break;
      gelezen += batch.length;
      after = batch[batch.length - 1].position;
    }
    const vloerMs = Date.now() - t;
    resultaat.vloer = { events: gelezen, seconden: vloerMs / 1000, eventsPerSeconde: Math.round(gelezen / (vloerMs / 1000)) };
    log(`Vloer (lezen + JSON.parse): ${Math.round(gelezen / (vloerMs / 1000)).toLocaleString('nl-NL')} events/s`);
    await store.close();

    // 3. Full rebuild on SQLite, in its own process (peak RSS is that process's).
    log('Herbouw met SQLite-leesmodellen ...');
    const sqlite = await run([CLI, 'herbouwen'], { DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'error' });
    if (sqlite.code !== 0) throw new Error(`herbouwen faalde: ${sqlite.stderr}`);
    const seconden = (s: string) => Number(/in ([\d.]+) s/.exec(s)?.[1]);
    const piek = (s: string) => Number(/piekgeheugen (\d+) MB/.exec(s)?.[1]);
    resultaat.herbouwSqlite = { seconden: seconden(sqlite.stdout), eventsPerSeconde: Math.round(gelezen / seconden(sqlite.stdout)), piekRssMB: piek(sqlite.stdout) };
    log(`Herbouw SQLite: ${JSON.stringify(resultaat.herbouwSqlite)}`);

    // 4. The same rebuild with PostgreSQL as the read-model database.
    if (!args.includes('--geen-pg')) {
      const db = `register_bench_${process.pid}`;
      const admin = new Client({ connectionString: pgAdmin });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${db}`);
      try {
        log('Herbouw met PostgreSQL-leesmodellen ...');
        const pg = await run([CLI, 'herbouwen'], { DATA_DIR: dataDir, DATABASE_URL: pgAdmin.replace(/\/[^/]*$/, `/${db}`), LOG_LEVEL: 'error' });
        if (pg.code !== 0) throw new Error(`herbouwen (PostgreSQL) faalde: ${pg.stderr}`);
        resultaat.herbouwPostgres = { seconden: seconden(pg.stdout), eventsPerSeconde: Math.round(gelezen / seconden(pg.stdout)), piekRssMB: piek(pg.stdout) };
        log(`Herbouw PostgreSQL: ${JSON.stringify(resultaat.herbouwPostgres)}`);
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
        await admin.end();
      }
    }

    // 5–7. Through HTTP against the server on the generated register.
    const gebruikers = new GebruikersStore(join(dataDir, 'gebruikers.sqlite'));
    const griffier = gebruikers.voegToe('bench-griffier', 'griffier');
    const liaison = gebruikers.voegToe('bench-liaison', 'liaison');
    gebruikers.close();
    const { url, child } = await startServer(dataDir);
    try {
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
              return { ...req, path: `/api/items?status=open&achterstalligOp=2024-01-01&lid=${encodeURIComponent(lid)}&thema=${encodeURIComponent(thema)}&perPagina=25` };
            },
          },
        ],
      });
      resultaat.liaisonVraag = { verzoekenPerSeconde: Math.round(vraag.requests.average), p50: vraag.latency.p50, p95: pct([], 95) || (vraag.latency as unknown as { p97_5: number }).p97_5, p97_5: (vraag.latency as unknown as { p97_5: number }).p97_5, p99: vraag.latency.p99, statussen: statussen(vraag) };
      log(`Liaisonvraag: ${JSON.stringify(resultaat.liaisonVraag)}`);

      log(`Opdrachten via HTTP (voortgang rapporteren), 16 clients, ${duur} s, synchronous=FULL ...`);
      let c = 0;
      const open = gegenereerd.openItemIds;
      const opdrachten = await autocannon({
        url,
        connections: 16,
        duration: duur,
        headers: { authorization: `Bearer ${griffier}`, 'content-type': 'application/json' },
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => {
              c++;
              return { ...req, path: `/api/items/${open[(c * 7919) % open.length]}/voortgang`, body: JSON.stringify({ datum: '2026-06-20', tekst: `Stand van zaken ${c}: het onderzoek loopt.` }) };
            },
          },
        ],
      });
      resultaat.opdrachten = { opdrachtenPerSeconde: Math.round(opdrachten.requests.average), p50: opdrachten.latency.p50, p99: opdrachten.latency.p99, statussen: statussen(opdrachten) };
      log(`Opdrachten: ${JSON.stringify(resultaat.opdrachten)}`);

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
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  const uit = join(ROOT, 'benchmarks');
  mkdirSync(uit, { recursive: true });
  writeFileSync(join(uit, `${naam}.json`), JSON.stringify(resultaat, null, 2) + '\n');
  schrijfMarkdown(resultaat, naam);
  log(`Geschreven: benchmarks/${naam}.json en BENCHMARKS.md`);
}

/** Replaces the generated table for this run in BENCHMARKS.md; the rest of the file is kept. */
function schrijfMarkdown(r: Record<string, any>, naam: string): void {
  const file = join(ROOT, 'BENCHMARKS.md');
  const begin = `<!-- bench:${naam}:begin -->`;
  const eind = `<!-- bench:${naam}:eind -->`;
  const m = r.machine;
  const rij = (meting: string, waarde: string, doel: string, gehaald: boolean | undefined) => `| ${meting} | ${waarde} | ${doel} | ${gehaald === undefined ? '–' : gehaald ? 'gehaald' : '**niet gehaald**'} |`;
  const vloer = r.vloer?.eventsPerSeconde;
  const hs = r.herbouwSqlite;
  const tabel = [
    begin,
    `Run \`${naam}\` op ${r.datum.slice(0, 16).replace('T', ' ')} UTC — ${m.cores} cores (${m.cpu}), ${m.geheugenGiB} GiB, Node ${m.node}, ${m.platform}; ${r.items.toLocaleString('en')} items, ${r.genereren.events.toLocaleString('en')} events.`,
    '',
    '| meting | resultaat | doel | |',
    '| --- | --- | --- | --- |',
    rij('vloer: events lezen + JSON.parse', `${vloer.toLocaleString('en')} events/s`, '–', undefined),
    rij('volledige herbouw, SQLite', `${hs.eventsPerSeconde.toLocaleString('en')} events/s (${hs.seconden} s), piek-RSS ${hs.piekRssMB} MB, ${(hs.eventsPerSeconde / vloer).toFixed(2)}× vloer`, '≥ 150,000 events/s, ≤ 400 MB, ≥ 0.5× vloer', hs.eventsPerSeconde >= 150_000 && hs.piekRssMB <= 400 && hs.eventsPerSeconde >= vloer / 2),
    ...(r.herbouwPostgres ? [rij('volledige herbouw, PostgreSQL', `${r.herbouwPostgres.eventsPerSeconde.toLocaleString('en')} events/s (${r.herbouwPostgres.seconden} s), piek-RSS ${r.herbouwPostgres.piekRssMB} MB`, '–', undefined)] : []),
    rij('opdrachten via HTTP, 16 clients, synchronous=FULL', `${r.opdrachten.opdrachtenPerSeconde.toLocaleString('en')}/s, p50 ${r.opdrachten.p50} ms, p99 ${r.opdrachten.p99} ms, ${JSON.stringify(r.opdrachten.statussen)}`, '≥ 2,000/s, p99 ≤ 20 ms', r.opdrachten.opdrachtenPerSeconde >= 2000 && r.opdrachten.p99 <= 20),
    rij('zichtbaar in het register na het antwoord', `p50 ${r.zichtbaarNa.p50} ms, p99 ${r.zichtbaarNa.p99} ms (${r.zichtbaarNa.metingen} metingen)`, '–', undefined),
    rij('liaisonvraag (open, achterstallig, lid + thema, 1 pagina), 16 clients', `${r.liaisonVraag.verzoekenPerSeconde.toLocaleString('en')}/s, p50 ${r.liaisonVraag.p50} ms, p97.5 ${r.liaisonVraag.p97_5} ms, p99 ${r.liaisonVraag.p99} ms`, 'p95 ≤ 10 ms', r.liaisonVraag.p97_5 <= 10),
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
