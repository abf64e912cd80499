import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { BlockList } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import Ajv from 'ajv';
import draft07 from 'ajv/dist/refs/json-schema-draft-07.json';
import express from 'express';
import { load } from 'js-yaml';
import { trustProxy, validateConfig } from '@register/platform/config';
import { SERVER, startServer } from './support/processes';

jest.setTimeout(60_000);

/*
 * No Docker engine runs on the development machines (nor the compose plugin), so the image is checked
 * another way: the Dockerfile is read instruction by instruction, docker-compose.yml is parsed and
 * validated against the Compose schema and checked with deploy/nginx.conf for what the topology
 * needs, and where this runs as root the built server is started as an unprivileged user, with the
 * image's environment, on a data directory made exactly as the Dockerfile makes it.
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

  it('lays out the image as the tested start-up: the server, the web app and the production modules where CMD and the server look for them', () => {
    const werkmap = (fase: Instructie[]) => fase.filter((i) => i.naam === 'WORKDIR').pop()?.args;
    expect(werkmap(laatste)).toBe('/app');
    const uitBouw = laatste.filter((i) => i.naam === 'COPY' && i.args.startsWith('--from=build')).map((i) => i.args.split(/\s+/).slice(1));
    expect(uitBouw).toEqual(expect.arrayContaining([[`${werkmap(bouw)}/dist`, './dist'], [`${werkmap(bouw)}/node_modules`, './node_modules']]));
    // The build stage runs the build whose output the tests start (dist/…, the web app in dist/web).
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(bouw.some((i) => i.naam === 'RUN' && commandos(i.args).some((c) => c.join(' ') === 'npm run build'))).toBe(true);
    expect(scripts.build).toMatch(/tsc -p tsconfig\.build\.json[\s\S]*build:web/);
    // CMD is relative to WORKDIR; app.factory.ts's webAppDir finds the web app beside the server's dist.
    const cmd = JSON.parse(laatste.find((i) => i.naam === 'CMD')!.args) as string[];
    expect(join(ROOT, cmd[1])).toBe(SERVER);
    expect(resolve(dirname(SERVER), '../../../web')).toBe(join(ROOT, 'dist/web'));
    if (existsSync(SERVER)) expect(existsSync(join(ROOT, 'dist/web/index.html'))).toBe(true);
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

/*
 * docker-compose.yml, read with a YAML parser and validated against the Compose Specification's own
 * JSON schema (compose-spec/compose-spec schema/compose-spec.json, committed under test/fixtures so
 * no network is needed). js-yaml and ajv are in node_modules as dependencies of @nestjs/swagger and
 * @nestjs/cli, not declared by this repository (see README, Docker).
 */

interface Dienst {
  readonly image?: string;
  readonly build?: string | { readonly context?: string; readonly dockerfile?: string };
  readonly profiles?: readonly string[];
  readonly environment?: Readonly<Record<string, string | number | boolean | null>> | readonly string[];
  readonly ports?: readonly (string | number | { readonly host_ip?: string; readonly published?: string | number; readonly target: number })[];
  readonly volumes?: readonly (string | { readonly type?: string; readonly source?: string; readonly target: string; readonly read_only?: boolean })[];
  readonly networks?: readonly string[] | Readonly<Record<string, { readonly ipv4_address?: string } | null>>;
  readonly healthcheck?: { readonly test?: string | readonly string[]; readonly disable?: boolean };
  readonly depends_on?: readonly string[] | Readonly<Record<string, { readonly condition?: string }>>;
}

interface Netwerk {
  readonly internal?: boolean;
  readonly ipam?: { readonly config?: readonly { readonly subnet?: string }[] };
}

interface Compose {
  readonly services: Readonly<Record<string, Dienst>>;
  readonly networks?: Readonly<Record<string, Netwerk | null>>;
  readonly volumes?: Readonly<Record<string, unknown>>;
}

/** Compose's interpolation as this file uses it: ${VAR}, ${VAR:-default}, $$ (nothing set here). */
function interpoleer(tekst: string, omgeving: Record<string, string | undefined> = {}): string {
  return tekst.replace(/\$\$|\$\{(\w+)(?::-([^}]*))?\}/g, (heel, naam: string | undefined, standaard: string | undefined) => {
    if (heel === '$$') return '$';
    const waarde = omgeving[naam!];
    return waarde !== undefined && waarde !== '' ? waarde : (standaard ?? '');
  });
}

const composeTekst = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
const compose = load(interpoleer(composeTekst)) as Compose;
const diensten = compose.services;

/** The services `docker compose [--profile p] up` starts: those without profiles, and the profile's. */
function aan(profiel?: string): string[] {
  return Object.keys(diensten).filter((n) => !diensten[n].profiles?.length || (profiel !== undefined && diensten[n].profiles!.includes(profiel)));
}

function omgeving(d: Dienst): Record<string, string> {
  const e = d.environment ?? {};
  if (Array.isArray(e)) return Object.fromEntries((e as readonly string[]).map((r) => [r.split('=')[0], r.split('=').slice(1).join('=')]));
  return Object.fromEntries(Object.entries(e).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

/** Built from this repository's Dockerfile. */
function gebouwd(d: Dienst): boolean {
  const build = typeof d.build === 'string' ? { context: d.build } : d.build;
  return build !== undefined && (build.context ?? '.') === '.' && (build.dockerfile ?? 'Dockerfile') === 'Dockerfile';
}

const benoemd = new Set(Object.keys(compose.volumes ?? {}));

/** Where a service mounts a named volume (not a host path): target → volume name. */
function volumesVan(d: Dienst): Map<string, string> {
  return new Map(
    (d.volumes ?? []).flatMap((v) => {
      const [bron, doel] = typeof v === 'string' ? v.split(':') : [v.source ?? '', v.target];
      return benoemd.has(bron) ? [[doel, bron] as const] : [];
    }),
  );
}

function netwerkenVan(d: Dienst): Record<string, { readonly ipv4_address?: string }> {
  if (!d.networks) return { default: {} };
  if (Array.isArray(d.networks)) return Object.fromEntries((d.networks as readonly string[]).map((n) => [n, {}]));
  return Object.fromEntries(Object.entries(d.networks).map(([n, v]) => [n, v ?? {}]));
}

function subnetVan(netwerk: string): string {
  const subnet = compose.networks?.[netwerk]?.ipam?.config?.[0]?.subnet;
  if (!subnet) throw new Error(`network ${netwerk} has no fixed subnet`);
  return subnet;
}

function binnen(adres: string, subnet: string): boolean {
  const [basis, prefix] = subnet.split('/');
  const lijst = new BlockList();
  lijst.addSubnet(basis, Number(prefix), 'ipv4');
  return lijst.check(adres, 'ipv4');
}

function afhankelijkVan(d: Dienst): Record<string, string> {
  const dep = d.depends_on ?? [];
  if (Array.isArray(dep)) return Object.fromEntries((dep as readonly string[]).map((n) => [n, 'service_started']));
  return Object.fromEntries(Object.entries(dep).map(([n, v]) => [n, v.condition ?? 'service_started']));
}

/** The container ports a service publishes on the host, with the host address each is bound to. */
function gepubliceerd(d: Dienst): { hostIp: string; doel: number }[] {
  return (d.ports ?? []).map((p) => {
    if (typeof p === 'object') return { hostIp: p.host_ip ?? '0.0.0.0', doel: p.target };
    const delen = String(p).split(':');
    return { hostIp: delen.length === 3 ? delen[0] : '0.0.0.0', doel: Number(delen[delen.length - 1].split('/')[0]) };
  });
}

/** nginx.conf without comments. */
const nginx = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8').replace(/#[^\n]*/g, '');

describe('docker-compose.yml', () => {
  it('is valid by the Compose Specification’s JSON schema (and that check refuses a misspelt key)', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    // The schema names its meta-schema by https and without the fragment; ajv ships draft-07 as http://…#.
    ajv.addMetaSchema({ ...draft07, $id: 'https://json-schema.org/draft-07/schema' });
    const valideer = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'test/fixtures/compose-spec.json'), 'utf8')) as object);
    expect({ geldig: valideer(compose), fouten: valideer.errors ?? [] }).toEqual({ geldig: true, fouten: [] });
    expect(valideer({ services: { register: { image: 'x', profile: ['cluster'] } } })).toBe(false);
  });

  it('starts the embedded default alone without a profile, its data directory in a named volume', () => {
    expect(aan()).toEqual(['register']);
    const register = diensten.register;
    expect(gebouwd(register)).toBe(true);
    const e = omgeving(register);
    expect({ store: e.EVENTSTORE_CONNECTION_STRING ?? '', leesmodellen: e.DATABASE_URL ?? '' }).toEqual({ store: '', leesmodellen: '' });
    expect(volumesVan(register).get(e.DATA_DIR ?? DATA_DIR)).toBeDefined();
    expect(() => validateConfig({ ...env, ...e })).not.toThrow();
  });

  describe('the cluster profile', () => {
    const cluster = aan('cluster').filter((n) => diensten[n].profiles?.includes('cluster'));
    const knopen = cluster.filter((n) => /(^|\/)kurrentdb:/.test(diensten[n].image ?? ''));
    const postgres = cluster.filter((n) => /^postgres:/.test(diensten[n].image ?? ''));
    const apis = cluster.filter((n) => gebouwd(diensten[n]));
    const proxies = cluster.filter((n) => /^nginx:/.test(diensten[n].image ?? ''));
    const adres = (n: string, netwerk: string) => netwerkenVan(diensten[n])[netwerk]?.ipv4_address;

    it('has three KurrentDB nodes, one PostgreSQL, two API instances of the image and one proxy, and nothing else', () => {
      expect({ knopen: knopen.length, postgres: postgres.length, apis, proxies: proxies.length }).toEqual({ knopen: 3, postgres: 1, apis: ['register-a', 'register-b'], proxies: 1 });
      expect(cluster.sort()).toEqual([...knopen, ...postgres, ...apis, ...proxies].sort());
    });

    it('forms one KurrentDB cluster: each node seeds its gossip from the other two and advertises its own name', () => {
      const volumes = new Set<string>();
      for (const knoop of knopen) {
        const e = omgeving(diensten[knoop]);
        const netwerk = Object.keys(netwerkenVan(diensten[knoop]));
        expect({ knoop, netwerk }).toEqual({ knoop, netwerk: [expect.any(String)] });
        const eigen = adres(knoop, netwerk[0]);
        expect({ knoop, eigen: eigen && binnen(eigen, subnetVan(netwerk[0])) }).toEqual({ knoop, eigen: true });
        const anderen = knopen.filter((k) => k !== knoop).map((k) => `${adres(k, netwerk[0])}:2113`);
        expect({ knoop, e: { ...e, KURRENTDB_GOSSIP_SEED: e.KURRENTDB_GOSSIP_SEED.split(',').sort().join(',') } }).toEqual({
          knoop,
          e: expect.objectContaining({ KURRENTDB_CLUSTER_SIZE: '3', KURRENTDB_DISCOVER_VIA_DNS: 'false', KURRENTDB_GOSSIP_SEED: anderen.sort().join(','), KURRENTDB_REPLICATION_IP: eigen, KURRENTDB_ADVERTISE_HOST_TO_CLIENT_AS: knoop }),
        });
        const volume = volumesVan(diensten[knoop]).get('/var/lib/kurrentdb');
        expect({ knoop, volume: volume !== undefined && !volumes.has(volume) }).toEqual({ knoop, volume: true });
        volumes.add(volume!);
      }
      expect(volumesVan(diensten[postgres[0]]).get('/var/lib/postgresql/data')).toBeDefined();
    });

    it('points both API instances at every node and at PostgreSQL, with one data directory for users and tokens', () => {
      const [a, b] = apis.map((n) => omgeving(diensten[n]));
      expect(b).toEqual(a);
      expect(() => validateConfig({ ...env, ...a })).not.toThrow();
      const store = /^kurrentdb:\/\/([^?]+)\?(.*)$/.exec(a.EVENTSTORE_CONNECTION_STRING);
      expect(store?.[1].split(',').sort()).toEqual(knopen.map((k) => `${k}:2113`).sort());
      expect(new URLSearchParams(store?.[2]).get('tls')).toBe('false');
      const db = new URL(a.DATABASE_URL);
      const pg = omgeving(diensten[postgres[0]]);
      expect({ host: db.hostname, user: db.username, password: db.password, db: db.pathname }).toEqual({ host: postgres[0], user: pg.POSTGRES_USER, password: pg.POSTGRES_PASSWORD, db: `/${pg.POSTGRES_DB}` });
      // The same named volume at DATA_DIR in both (gebruikers.sqlite), not the embedded default's.
      const data = apis.map((n) => volumesVan(diensten[n]).get(a.DATA_DIR ?? DATA_DIR));
      expect(data[0]).toBeDefined();
      expect(data[1]).toBe(data[0]);
      expect(data[0]).not.toBe(volumesVan(diensten.register).get(DATA_DIR));
      // Each instance shares a network with every database.
      for (const api of apis) {
        for (const db of [...knopen, ...postgres]) {
          const gedeeld = Object.keys(netwerkenVan(diensten[api])).filter((n) => n in netwerkenVan(diensten[db]));
          expect({ api, db, gedeeld: gedeeld.length > 0 }).toEqual({ api, db, gedeeld: true });
        }
      }
    });

    it('keeps the databases on internal networks only, with no port published beyond loopback', () => {
      for (const db of [...knopen, ...postgres]) {
        for (const netwerk of Object.keys(netwerkenVan(diensten[db]))) expect({ db, netwerk, intern: compose.networks?.[netwerk]?.internal === true }).toEqual({ db, netwerk, intern: true });
        for (const poort of gepubliceerd(diensten[db])) expect({ db, hostIp: poort.hostIp }).toEqual({ db, hostIp: '127.0.0.1' });
      }
      // The proxy is on no database network.
      for (const netwerk of Object.keys(netwerkenVan(diensten[proxies[0]]))) expect(compose.networks?.[netwerk]?.internal).not.toBe(true);
    });

    it('puts nginx in front of exactly the API instances, configured from the repository', () => {
      const proxy = diensten[proxies[0]];
      expect(proxy.volumes).toContain('./deploy/nginx.conf:/etc/nginx/nginx.conf:ro');
      const upstreams = [...nginx.matchAll(/\bupstream\s+([\w-]+)\s*\{([^}]*)\}/g)];
      expect(upstreams).toHaveLength(1);
      const [, naam, blok] = upstreams[0];
      const servers = [...blok.matchAll(/^\s*server\s+([^\s;]+)/gm)].map((m) => m[1]);
      expect(servers.sort()).toEqual(apis.map((n) => `${n}:${omgeving(diensten[n]).PORT ?? env.PORT}`).sort());
      expect([...nginx.matchAll(/\bproxy_pass\s+([^;\s]+);/g)].map((m) => m[1])).toEqual([`http://${naam}`]);
      // It listens on the port compose publishes, and shares a network with the instances.
      const listen = [...nginx.matchAll(/^\s*listen\s+(\d+)/gm)].map((m) => Number(m[1]));
      expect(gepubliceerd(proxy).map((p) => p.doel)).toEqual(listen);
      for (const api of apis) expect(Object.keys(netwerkenVan(proxy)).some((n) => n in netwerkenVan(diensten[api]))).toBe(true);
    });

    it('trusts X-Forwarded-For from the proxy only, which sets it to the client’s address: a lock-out counts per client', () => {
      expect(nginx).toMatch(/^\s*proxy_set_header\s+X-Forwarded-For\s+\$remote_addr;/m);
      const [netwerk, { ipv4_address: proxyAdres }] = Object.entries(netwerkenVan(diensten[proxies[0]]))[0];
      expect(proxyAdres && binnen(proxyAdres, subnetVan(netwerk))).toBe(true);
      // Express's own reading of the address (req.ip) with the instances' TRUST_PROXY, as app.factory.ts sets it.
      const app = express();
      app.set('trust proxy', trustProxy(omgeving(diensten[apis[0]]).TRUST_PROXY));
      const ip = (van: string, xff: string) => (Object.assign(Object.create(app.request) as express.Request, { headers: { 'x-forwarded-for': xff }, socket: { remoteAddress: van }, connection: { remoteAddress: van } }) as express.Request).ip;
      expect(ip(proxyAdres!, '203.0.113.7')).toBe('203.0.113.7');
      // Anyone else on that network (the gateway, the other instance) cannot pick an address.
      const [basis] = subnetVan(netwerk).split('/');
      const gateway = basis.replace(/\.\d+$/, '.1');
      expect(ip(gateway, '203.0.113.7')).toBe(gateway);
      for (const api of apis) {
        const ander = adres(api, netwerk) ?? `${basis.replace(/\.\d+$/, '.')}${200 + apis.indexOf(api)}`;
        expect(ip(ander, '203.0.113.7')).toBe(ander);
      }
    });

    it('checks every service’s health, and starts each only after what it needs is healthy', () => {
      const eigenCheck = laatste.some((i) => i.naam === 'HEALTHCHECK');
      for (const naam of aan('cluster')) {
        const d = diensten[naam];
        const check = d.healthcheck && !d.healthcheck.disable && d.healthcheck.test !== undefined;
        expect({ naam, gezondheid: check || (gebouwd(d) && eigenCheck) }).toEqual({ naam, gezondheid: true });
        for (const [van, voorwaarde] of Object.entries(afhankelijkVan(d))) expect({ naam, van, voorwaarde }).toEqual({ naam, van, voorwaarde: 'service_healthy' });
      }
      for (const api of apis) expect(Object.keys(afhankelijkVan(diensten[api]))).toEqual(expect.arrayContaining([...knopen, ...postgres]));
      // Only the first instance's first start may create the beheerder (it prints the token once).
      expect(afhankelijkVan(diensten[apis[1]])[apis[0]]).toBe('service_healthy');
      expect(Object.keys(afhankelijkVan(diensten[proxies[0]])).sort()).toEqual([...apis].sort());
      // The proxy's own check asks a location nginx answers itself.
      const url = (diensten[proxies[0]].healthcheck!.test as string[]).find((w) => w.startsWith('http://'))!;
      const { pathname, port } = new URL(url);
      expect(nginx).toMatch(new RegExp(`location\\s+=\\s+${pathname.replace(/[/.]/g, '\\$&')}\\s*\\{[^}]*\\breturn\\s+2\\d\\d`));
      expect([...nginx.matchAll(/^\s*listen\s+(\d+)/gm)].map((m) => m[1])).toContain(port);
    });
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

    // The image's environment (ENV), on a free loopback port instead of 0.0.0.0:3000.
    const server = await startServer(dataDir, { ...env, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0' }, { als: nobody, schoneOmgeving: true, cwd: tmpdir() });
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
