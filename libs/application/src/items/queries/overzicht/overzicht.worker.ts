import Database from 'better-sqlite3';
import type { MessagePort } from 'node:worker_threads';
// The files themselves, not the lib's index: a worker loads only what it needs (no TypeORM).
import { OpenPerMaand, openPerMaandUit } from '@register/read-models/open-verloop/open-per-maand';
import { RegisterTelling, registerTelling } from '@register/read-models/register/register-telling';

export interface OverzichtVraag {
  readonly id: number;
  readonly peildatum: string;
  readonly vanaf: string;
  readonly tot: string;
}

export type OverzichtAntwoord = { readonly id: number; readonly telling: RegisterTelling; readonly verloop: OpenPerMaand[] } | { readonly id: number; readonly fout: string };

/**
 * On a worker thread: the dashboard's counts, on a read-only connection of its own to the read-model
 * file. Counted from the items they took a quarter of a second at national scale, holding up every
 * other request; read from the counts the projections keep they take about ten milliseconds, still
 * better spent off the server's thread (SQLite answers synchronously).
 */
export function werk({ bestand }: { bestand: string }, port: MessagePort): void {
  const db = new Database(bestand, { readonly: true, fileMustExist: true });
  // A handful of statements, the same every time: each prepared once.
  const statements = new Map<string, Database.Statement>();
  const vraag = (sql: string, waarden: readonly unknown[]) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return Promise.resolve(statement.all(...waarden));
  };
  port.on('message', (v: OverzichtVraag) => {
    // The awaits below resolve at once (the statements run synchronously), so one question is
    // answered whole before the next message is taken: the transactions never overlap.
    void (async () => {
      try {
        // One read transaction: the counts and the months come from one state of the read models.
        // (One left open by a failure would refuse every later BEGIN: it is ended first.)
        if (db.inTransaction) db.exec('ROLLBACK');
        db.exec('BEGIN');
        try {
          const telling = await registerTelling(vraag, false, v.peildatum);
          const verloop = await openPerMaandUit(vraag, false, v.vanaf, v.tot);
          port.postMessage({ id: v.id, telling, verloop } satisfies OverzichtAntwoord);
        } finally {
          db.exec('COMMIT');
        }
      } catch (error) {
        port.postMessage({ id: v.id, fout: (error as Error).message } satisfies OverzichtAntwoord);
      }
    })();
  });
  port.once('close', () => db.close());
}
