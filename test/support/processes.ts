import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
export const SERVER = join(ROOT, 'dist/apps/api/src/main.js');
export const CLI = join(ROOT, 'dist/apps/cli/src/main.js');

export interface RunningServer {
  readonly url: string;
  readonly process: ChildProcess;
  /** Everything the server printed so far, for a failing test's message. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface ServerOpties {
  /** Run as this user (the caller must be root), as the Docker image runs as `node`. */
  readonly als?: { readonly uid: number; readonly gid: number };
  /** Only PATH of this process's environment, as in a container. */
  readonly schoneOmgeving?: boolean;
  readonly cwd?: string;
}

/**
 * Starts the built server as its own process, as `npm start` does, and waits until it answers.
 * Rejects with everything the server printed when it exits before that.
 */
export async function startServer(dataDir: string, env: Record<string, string> = {}, opties: ServerOpties = {}): Promise<RunningServer> {
  const basis = opties.schoneOmgeving ? { PATH: process.env.PATH ?? '' } : { ...process.env, DATABASE_URL: '', EVENTSTORE_CONNECTION_STRING: '' };
  const child = spawn(process.execPath, [SERVER], {
    env: { ...basis, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(opties.als ? { uid: opties.als.uid, gid: opties.als.gid } : {}),
    ...(opties.cwd ? { cwd: opties.cwd } : {}),
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /draait op (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    process: child,
    output: () => output,
    stop: (signal: NodeJS.Signals = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: string[], dataDir: string, env: Record<string, string> = {}): { process: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', EVENTSTORE_CONNECTION_STRING: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<CliRun>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { process: child, done };
}

export async function json(url: string, init?: RequestInit & { token?: string }): Promise<{ status: number; body: any }> {
  const auth: Record<string, string> = init?.token ? { authorization: `Bearer ${init.token}` } : {};
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...auth, ...((init?.headers as Record<string, string>) ?? {}) } });
  return { status: res.status, body: await res.json() };
}

/** Adds a user through the CLI, as an administrator would, and answers its token. */
export async function maakToken(dataDir: string, naam: string, rol: string): Promise<string> {
  const run = await runCli(['gebruiker-toevoegen', naam, '--rol', rol], dataDir).done;
  const token = /mtr_[A-Za-z0-9_-]+/.exec(run.stdout)?.[0];
  if (run.code !== 0 || !token) throw new Error(`gebruiker-toevoegen failed: ${run.stderr}`);
  return token;
}
