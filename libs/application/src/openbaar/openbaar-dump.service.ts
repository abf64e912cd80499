import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { ConfigService } from '@nestjs/config';
import { ProjectionRunner, RegisterQuery } from '@register/read-models';
import { AppConfig, Clock } from '@register/platform';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { OPENBAAR_SCHEMA_VERSIE, OpenbareDumpDto } from './openbaar.dto';
import { openbaarAan } from './openbaar.guard';
import { OpenbaarService } from './openbaar.service';
import { registerHeel } from './openbaar-cache';

const BESTAND = /^register-(\d{4}-\d{2}-\d{2})\.json\.gz$/;
/** Dumps kept: a month of days. */
const BEWAARD = 31;
/** After a failed dump, the next try waits this long. */
const OPNIEUW_NA_MS = 5 * 60_000;
/** A temporary file older than this was left by a process that stopped half-way. */
const ACHTERGELATEN_NA_MS = 60 * 60_000;

const bestaat = (pad: string) => stat(pad).then(() => true, () => false);

/**
 * The whole public register as one file per day (gzip'd JSON: every item as the item's JSON gives
 * it, and every sent report). Made on the day's first request, written to a temporary file and
 * renamed, so a download never sees half a file; older days are kept for a month.
 */
@Injectable()
export class OpenbaarDumpService {
  private readonly map: string;
  private readonly aan: boolean;
  private readonly bezig = new Map<string, Promise<void>>();
  private mislukt?: { dag: string; op: number };
  private readonly logger = new Logger('Openbaar');

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly openbaar: OpenbaarService,
    private readonly query: RegisterQuery,
    private readonly runner: ProjectionRunner,
    private readonly clock: Clock,
  ) {
    this.map = join(config.get('DATA_DIR', { infer: true }), 'openbaar-dumps');
    this.aan = openbaarAan(config);
  }

  async lijst(): Promise<OpenbareDumpDto[]> {
    // Today's is made in the background: the list shows what is there now.
    // A failure is logged once where it happens (and retried only after a while), not per visitor.
    void this.zorgVoorVandaag().catch(() => undefined);
    const namen = (await readdir(this.map).catch(() => [] as string[])).filter((n) => BESTAND.test(n)).sort().reverse();
    return Promise.all(namen.map(async (n) => ({ datum: BESTAND.exec(n)![1], url: this.openbaar.adressen.absoluut(`/openbaar/dumps/${n}`), bytes: (await stat(join(this.map, n))).size })));
  }

  /** The file for a name in the list, or null; today's is made first when it is not there yet. */
  async bestand(naam: string): Promise<{ pad: string; bytes: number; gemaaktOp: Date } | null> {
    const m = BESTAND.exec(naam);
    if (!m) return null;
    if (m[1] === this.clock.today()) await this.zorgVoorVandaag();
    const pad = join(this.map, naam);
    const s = await stat(pad).catch(() => null);
    return s ? { pad, bytes: s.size, gemaaktOp: s.mtime } : null;
  }

  /** Shortly after midnight, so that the day's first visitor need not wait for it. */
  @Cron('15 0 * * *', { name: 'openbaar-dump', timeZone: 'Europe/Amsterdam' })
  async maakVanNacht(): Promise<void> {
    if (!this.aan) return;
    await this.zorgVoorVandaag().catch(() => undefined);
  }

  private async zorgVoorVandaag(): Promise<void> {
    const dag = this.clock.today();
    const pad = join(this.map, `register-${dag}.json.gz`);
    if (await bestaat(pad)) return;
    let bezig = this.bezig.get(dag);
    if (!bezig) {
      // After a failure, not again for a while: every visitor of the list would start it anew.
      if (this.mislukt && this.mislukt.dag === dag && Date.now() - this.mislukt.op < OPNIEUW_NA_MS) {
        throw new ServiceUnavailableException('De dump van vandaag kon niet worden gemaakt; probeer het over enkele minuten opnieuw.');
      }
      bezig = this.maak(dag, pad)
        .catch((e: unknown) => {
          this.mislukt = { dag, op: Date.now() };
          this.logger.warn(`Dump van het openbare register voor ${dag} niet gemaakt (opnieuw over ${OPNIEUW_NA_MS / 60_000} minuten): ${e instanceof Error ? e.message : String(e)}`);
          throw e;
        })
        .finally(() => this.bezig.delete(dag));
      this.bezig.set(dag, bezig);
    }
    await bezig;
  }

  private async maak(dag: string, pad: string): Promise<void> {
    // Made meanwhile by a run that had just finished when this one was asked for.
    if (await bestaat(pad)) return;
    // A rebuild empties the register and fills it again: a dump made now would be short and look whole.
    await registerHeel(this.runner);
    await mkdir(this.map, { recursive: true });
    await this.ruimOp();
    const tijdelijk = join(this.map, `.maken-${randomBytes(6).toString('hex')}`);
    const begin = Date.now();
    const openbaar = this.openbaar;
    const query = this.query;
    const inhoud = async function* (): AsyncGenerator<string> {
      yield `{"schemaVersie":${JSON.stringify(OPENBAAR_SCHEMA_VERSIE)},"datum":${JSON.stringify(dag)},"gemaaktOp":${JSON.stringify(new Date().toISOString())},"items":[`;
      let eerste = true;
      for await (const blok of query.stroom({ aflopend: false }, 'volledig')) {
        for (const item of await openbaar.items(blok)) {
          yield `${eerste ? '' : ','}\n${JSON.stringify(item)}`;
          eerste = false;
        }
      }
      yield '\n],"halfjaarberichten":[';
      eerste = true;
      for (const b of await openbaar.berichten()) {
        yield `${eerste ? '' : ','}\n${JSON.stringify(await openbaar.bericht(b.berichtId))}`;
        eerste = false;
      }
      yield '\n]}\n';
    };
    try {
      await pipeline(Readable.from(inhoud()), createGzip(), createWriteStream(tijdelijk, { flags: 'wx' }));
      // A rebuild that began while the dump was read may have hidden rows from it.
      await registerHeel(this.runner);
      await rename(tijdelijk, pad);
    } catch (error) {
      await unlink(tijdelijk).catch(() => undefined);
      throw error;
    }
    this.logger.log(`Dump van het openbare register voor ${dag} gemaakt in ${Date.now() - begin} ms.`);
    const namen = (await readdir(this.map)).filter((n) => BESTAND.test(n)).sort().reverse();
    for (const oud of namen.slice(BEWAARD)) await unlink(join(this.map, oud)).catch(() => undefined);
  }

  /** Removes temporary files a stopped process left behind (not one another instance is writing now). */
  private async ruimOp(): Promise<void> {
    for (const naam of await readdir(this.map).catch(() => [] as string[])) {
      if (!naam.startsWith('.maken-')) continue;
      const s = await stat(join(this.map, naam)).catch(() => null);
      if (s && Date.now() - s.mtimeMs > ACHTERGELATEN_NA_MS) await unlink(join(this.map, naam)).catch(() => undefined);
    }
  }
}
