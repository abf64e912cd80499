import { join } from 'node:path';
import { ResourceLimits, Worker } from 'node:worker_threads';

/** The repository's root when running from the sources (this file is libs/platform/src/werker.ts). */
const BRONMAP = join(__dirname, '..', '..', '..');

/*
 * Plain JavaScript that loads the worker's module and calls its `werk(data, port)`. From the build
 * the module is JavaScript. From the sources (under ts-jest) it is TypeScript, which Node 20 cannot
 * load: the worker then transpiles each .ts file it requires with the TypeScript compiler (a dev
 * dependency, there whenever the sources are run) and resolves the @register/* path aliases the way
 * tsconfig.json does. Types are not checked here; the build and the type check do that.
 */
const OPSTART = `
const { parentPort, workerData } = require('node:worker_threads');
const { module: bestand, bron, data } = workerData;
if (bestand.endsWith('.ts')) {
  const ts = require('typescript');
  const fs = require('node:fs');
  const path = require('node:path');
  const Module = require('node:module');
  const alias = /^@register\\/(domain|event-store|read-models|application|import|platform|access)(\\/.*)?$/;
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    const m = alias.exec(request);
    return resolve.call(this, m ? path.join(bron, 'libs', m[1], 'src', m[2] || '') : request, ...rest);
  };
  const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, experimentalDecorators: true, emitDecoratorMetadata: true };
  Module._extensions['.ts'] = (module, filename) => {
    module._compile(ts.transpileModule(fs.readFileSync(filename, 'utf8'), { fileName: filename, compilerOptions }).outputText, filename);
  };
}
require(bestand).werk(data, parentPort);
`;

/**
 * Starts a worker thread running `module`'s exported `werk(data, port)`: work that would otherwise
 * hold the server's event loop for seconds (verifying the whole log, folding it for time travel).
 * `module` is the worker file's own `__filename`, so the same call works from the build and from
 * the sources.
 */
export function startWerker(module: string, data: unknown, resourceLimits?: ResourceLimits): Worker {
  return new Worker(OPSTART, { eval: true, workerData: { module, bron: BRONMAP, data }, resourceLimits });
}

/**
 * Questions to one long-lived worker thread, each answered by the message carrying its id
 * (`{ id, …antwoord }` or `{ id, fout }`). The worker starts at the first question; when it ends or
 * fails, every question waiting is rejected and the next question starts a new one. Beyond
 * `maxWachtend` waiting, `vraag` throws what `vol()` gives instead of queueing.
 */
export class WerkerVragen<V extends object, A extends object> {
  private werker?: Worker;
  private volgnummer = 0;
  private readonly wachtend = new Map<number, { resolve: (a: A) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly start: () => Worker,
    private readonly maxWachtend: number,
    private readonly vol: () => Error,
    private readonly gestopt: string,
  ) {}

  vraag(vraag: V): Promise<A> {
    if (this.wachtend.size >= this.maxWachtend) throw this.vol();
    const werker = this.werker ?? this.nieuweWerker();
    const id = ++this.volgnummer;
    return new Promise<A>((resolve, reject) => {
      this.wachtend.set(id, { resolve, reject });
      werker.postMessage({ id, ...vraag });
    });
  }

  async stop(): Promise<void> {
    const werker = this.werker;
    this.werker = undefined;
    await werker?.terminate();
  }

  private nieuweWerker(): Worker {
    const werker = this.start();
    werker.on('message', (antwoord: { id: number; fout?: string } & A) => {
      const wacht = this.wachtend.get(antwoord.id);
      this.wachtend.delete(antwoord.id);
      if (typeof antwoord.fout === 'string') wacht?.reject(new Error(antwoord.fout));
      else wacht?.resolve(antwoord);
    });
    const stop = (error: Error) => {
      for (const w of this.wachtend.values()) w.reject(error);
      this.wachtend.clear();
      if (this.werker === werker) this.werker = undefined;
    };
    werker.on('error', stop);
    werker.on('exit', () => stop(new Error(this.gestopt)));
    this.werker = werker;
    return werker;
  }
}
