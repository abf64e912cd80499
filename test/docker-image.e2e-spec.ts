import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER, startServer } from './support/processes';

jest.setTimeout(60_000);

/*
 * No Docker engine runs on the development machines, so the image is checked another way: the
 * Dockerfile and docker-compose.yml are read instruction by instruction, and where this runs as
 * root the built server is started as an unprivileged user on a data directory made exactly as the
 * Dockerfile makes it.
 */

const ROOT = join(__dirname, '..');

interface Instructie {
  readonly naam: string;
  readonly args: string;
}

/** The Dockerfile's instructions: comments dropped, continuation lines joined. */
function instructies(tekst: string): Instructie[] {
  const uit: Instructie[] = [];
  let bezig = '';
  for (const regel of tekst.split('\n')) {
    if (bezig === '' && /^\s*(#|$)/.test(regel)) continue;
    bezig += regel.replace(/\\\s*$/, ' ');
    if (/\\\s*$/.test(regel)) continue;
    const m = /^\s*(\w+)\s+([\s\S]*)$/.exec(bezig.trim());
    if (!m) throw new Error(`not an instruction: ${bezig}`);
    uit.push({ naam: m[1].toUpperCase(), args: m[2].trim() });
    bezig = '';
  }
  return uit;
}

/** ENV KEY=value KEY2="value 2" (the form this Dockerfile uses). */
function envVan(args: string): Record<string, string> {
  const uit: Record<string, string> = {};
  for (const m of args.matchAll(/(\w+)=("([^"]*)"|\S+)/g)) uit[m[1]] = m[3] ?? m[2];
  return uit;
}

/** VOLUME ["/a", "/b"] or VOLUME /a /b. */
function lijst(args: string): string[] {
  return args.startsWith('[') ? (JSON.parse(args) as string[]) : args.split(/\s+/);
}

/** The shell commands of a RUN, split at && and ;, each as words. */
function commandos(args: string): string[][] {
  return args.split(/&&|;/).map((c) => c.trim().split(/\s+/));
}

interface Knoop {
  readonly sleutel: string | null;
  readonly waarde: string;
  readonly kinderen: Knoop[];
}

/**
 * A careful minimal reading of the YAML this repository's docker-compose.yml uses: block maps, block
 * lists and JSON-style flow lists. Anything else fails loudly instead of being misread. (A YAML
 * library is in node_modules only as a dependency of a dependency; not relied on.)
 */
function yaml(tekst: string): Knoop {
  const wortel: Knoop = { sleutel: null, waarde: '', kinderen: [] };
  const stapel: { inspringing: number; knoop: Knoop }[] = [{ inspringing: -1, knoop: wortel }];
  for (const regel of tekst.split('\n')) {
    if (/^\s*(#|$)/.test(regel)) continue;
    const inspringing = regel.length - regel.trimStart().length;
    const inhoud = regel.trim();
    while (stapel[stapel.length - 1].inspringing >= inspringing) stapel.pop();
    const ouder = stapel[stapel.length - 1].knoop;
    const item = /^-\s+(.*)$/.exec(inhoud);
    const paar = /^([\w.-]+):(?:\s+(.*))?$/.exec(item ? item[1] : inhoud);
    if (item && !paar) {
      ouder.kinderen.push({ sleutel: null, waarde: scalar(item[1]), kinderen: [] });
      continue;
    }
    if (!paar) throw new Error(`docker-compose.yml: cannot read "${inhoud}"`);
    const knoop: Knoop = { sleutel: paar[1], waarde: paar[2] ?? '', kinderen: [] };
    ouder.kinderen.push(knoop);
    stapel.push({ inspringing, knoop });
  }
  return wortel;
}

function scalar(waarde: string): string {
  const m = /^"(.*)"$/.exec(waarde) ?? /^'(.*)'$/.exec(waarde);
  return m ? m[1] : waarde;
}

function kind(knoop: Knoop | undefined, ...pad: string[]): Knoop | undefined {
  return pad.reduce<Knoop | undefined>((k, s) => k?.kinderen.find((c) => c.sleutel === s), knoop);
}

/** A list written either as a flow list on the key's line or as a block list under it. */
function yamlLijst(knoop: Knoop | undefined): string[] {
  if (!knoop) return [];
  if (knoop.waarde.startsWith('[')) return JSON.parse(knoop.waarde) as string[];
  if (knoop.waarde !== '') throw new Error(`${knoop.sleutel}: expected a list, got "${knoop.waarde}"`);
  return knoop.kinderen.map((c) => {
    if (c.sleutel !== null) throw new Error(`${knoop.sleutel}: long-form entries are not read by this check`);
    return c.waarde;
  });
}

/** .dockerignore patterns as the builder reads them: paths from the context root, * within a segment, ** across. */
function genegeerd(pad: string, patronen: readonly string[]): boolean {
  let uit = false;
  for (const ruw of patronen) {
    const negatie = ruw.startsWith('!');
    const patroon = (negatie ? ruw.slice(1) : ruw).replace(/^\/+|\/+$/g, '');
    const regex = new RegExp(
      '^' +
        patroon
          .split('/')
          .map((s) => (s === '**' ? '.*' : s.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')))
          .join('/')
          .replace(/\.\*\//g, '(.*/)?') +
        '(/.*)?$',
    );
    if (regex.test(pad)) uit = !negatie;
  }
  return uit;
}

const dockerfile = instructies(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
const vanaf = dockerfile.map((i, n) => (i.naam === 'FROM' ? n : -1)).filter((n) => n >= 0);
const bouw = dockerfile.slice(vanaf[0], vanaf[vanaf.length - 1]);
const laatste = dockerfile.slice(vanaf[vanaf.length - 1]);
const env = Object.assign({}, ...laatste.filter((i) => i.naam === 'ENV').map((i) => envVan(i.args))) as Record<string, string>;
const DATA_DIR = env.DATA_DIR;
const userIndex = laatste.map((i) => i.naam).lastIndexOf('USER');
const gebruiker = userIndex >= 0 ? laatste[userIndex].args.split(':')[0] : 'root';
/** The RUN that makes the data directory: mkdir of it and chown of it to the runtime user. */
const maakIndex = laatste.findIndex(
  (i) =>
    i.naam === 'RUN' &&
    commandos(i.args).some((c) => c[0] === 'mkdir' && c.includes(DATA_DIR)) &&
    commandos(i.args).some((c) => c[0] === 'chown' && c.includes(DATA_DIR) && c.some((w) => w === gebruiker || w.startsWith(`${gebruiker}:`))),
);

describe('the Docker image', () => {
  it('runs as a user that is not root', () => {
    expect(userIndex).toBeGreaterThan(-1);
    expect(['root', '0']).not.toContain(gebruiker);
  });

  it('has its data directory, made and owned by that user before the USER switch, declared a volume after', () => {
    expect(DATA_DIR).toBe('/data');
    expect(maakIndex).toBeGreaterThan(-1);
    expect(maakIndex).toBeLessThan(userIndex);
    // What a RUN changes under a path after VOLUME declares it is discarded: the order matters.
    const volumeIndex = laatste.findIndex((i) => i.naam === 'VOLUME' && lijst(i.args).includes(DATA_DIR));
    expect(volumeIndex).toBeGreaterThan(maakIndex);
    expect(laatste.slice(volumeIndex).filter((i) => i.naam === 'RUN' && i.args.includes(DATA_DIR))).toEqual([]);
  });

  it('checks its own health on /health and starts the server the tests start', () => {
    const healthcheck = laatste.find((i) => i.naam === 'HEALTHCHECK');
    expect(healthcheck?.args).toMatch(/\/health\b/);
    const cmd = laatste.find((i) => i.naam === 'CMD');
    expect(JSON.parse(cmd!.args)).toEqual(['node', SERVER.slice(ROOT.length + 1)]);
  });

  it('copies only what exists and .dockerignore lets through', () => {
    const patronen = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((r) => r.trim())
      .filter((r) => r && !r.startsWith('#'));
    const bronnen = bouw.filter((i) => i.naam === 'COPY' && !i.args.startsWith('--from')).flatMap((i) => i.args.split(/\s+/).slice(0, -1));
    expect(bronnen.length).toBeGreaterThan(0);
    for (const bron of bronnen) {
      const namen = bron.includes('*') ? readdirSync(ROOT).filter((n) => new RegExp(`^${bron.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`).test(n)) : [bron];
      expect({ bron, gevonden: namen.length > 0 && namen.every((n) => existsSync(join(ROOT, n))) }).toEqual({ bron, gevonden: true });
      for (const naam of namen) expect({ naam, genegeerd: genegeerd(naam, patronen) }).toEqual({ naam, genegeerd: false });
    }
    // The local data directory and SQLite files never go into the build context.
    expect(genegeerd('data', patronen)).toBe(true);
    expect(genegeerd('libs/x/events.sqlite', patronen)).toBe(true);
  });
});

describe('docker-compose.yml', () => {
  const compose = yaml(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'));
  const benoemd = new Set((kind(compose, 'volumes')?.kinderen ?? []).map((k) => k.sleutel));
  /** Where a service mounts a named volume (not a host path): target → volume name. */
  const volumesVan = (dienst: string) =>
    new Map(
      yamlLijst(kind(compose, 'services', dienst, 'volumes')).flatMap((v) => {
        const [bron, doel] = v.split(':');
        return benoemd.has(bron) ? [[doel, bron] as const] : [];
      }),
    );

  it('keeps the register data directory (users, the first token) in a named volume', () => {
    const register = kind(compose, 'services', 'register');
    expect(kind(register, 'build')).toBeDefined();
    const omgeving = kind(register, 'environment');
    const dataDir = kind(omgeving, 'DATA_DIR')?.waarde ?? DATA_DIR;
    expect(volumesVan('register').get(dataDir)).toBeDefined();
  });

  it('keeps PostgreSQL and KurrentDB data in named volumes', () => {
    expect(volumesVan('postgres').get('/var/lib/postgresql/data')).toBeDefined();
    expect(volumesVan('kurrentdb').get('/var/lib/kurrentdb')).toBeDefined();
  });

  it('publishes the databases on the loopback interface only (KurrentDB runs insecure)', () => {
    for (const dienst of ['postgres', 'kurrentdb']) {
      for (const poort of yamlLijst(kind(compose, 'services', dienst, 'ports'))) expect({ dienst, poort }).toEqual({ dienst, poort: expect.stringMatching(/^127\.0\.0\.1:/) });
    }
  });
});

const alsRoot = process.getuid?.() === 0 ? describe : describe.skip;

/**
 * The image's layout on this machine: the data directory made by the Dockerfile's own RUN line
 * (with `nobody` for the image's user), and the built server started as `nobody` on it.
 */
alsRoot('the built server as an unprivileged user (needs root to switch users; npm run build first)', () => {
  const nobody = { uid: Number(spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).stdout), gid: Number(spawnSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).stdout), groep: spawnSync('id', ['-gn', 'nobody'], { encoding: 'utf8' }).stdout.trim() };
  let wortel: string;

  beforeEach(() => {
    // Like / in the image: owned by root, open to read and traverse.
    wortel = mkdtempSync(join(tmpdir(), 'image-'));
    chmodSync(wortel, 0o755);
  });

  afterEach(() => rmSync(wortel, { recursive: true, force: true }));

  it('starts and writes its data where the Dockerfile made the data directory', async () => {
    expect(maakIndex).toBeGreaterThan(-1);
    const dataDir = join(wortel, 'data');
    const run = laatste[maakIndex].args.split(DATA_DIR).join(dataDir).replace(new RegExp(`\\b${gebruiker}:${gebruiker}\\b`, 'g'), `nobody:${nobody.groep}`).replace(new RegExp(`\\b${gebruiker}\\b`, 'g'), 'nobody');
    const gemaakt = spawnSync('sh', ['-c', run], { encoding: 'utf8' });
    expect({ run, code: gemaakt.status, stderr: gemaakt.stderr }).toEqual({ run, code: 0, stderr: '' });
    expect(statSync(dataDir).uid).toBe(nobody.uid);

    const server = await startServer(dataDir, { NODE_ENV: 'production' }, { als: nobody, schoneOmgeving: true, cwd: tmpdir() });
    try {
      const health = await fetch(`${server.url}/health`);
      expect(health.status).toBe(200);
      for (const bestand of ['events.sqlite', 'read-models.sqlite', 'gebruikers.sqlite']) expect({ bestand, eigenaar: statSync(join(dataDir, bestand)).uid }).toEqual({ bestand, eigenaar: nobody.uid });
    } finally {
      await server.stop();
    }
  });

  it('cannot start on a data directory nobody made for it (the image as it was)', async () => {
    mkdirSync(join(wortel, 'leeg'));
    await expect(startServer(join(wortel, 'leeg', 'data'), { NODE_ENV: 'production' }, { als: nobody, schoneOmgeving: true, cwd: tmpdir() })).rejects.toThrow(/server exited with 1[\s\S]*EACCES: permission denied, mkdir/);
  });
});
