import { AppendResult, StoredEvent, StreamRevisionConflictError } from '@register/event-store';
import { CommandMetadata } from './command-metadata';
import { RevisieConflictError } from './items/register.errors';

const MAX_POGINGEN = 3;

/** A stream as read (with its folded state, as the aggregate keeps it): its revision (-1: it does not exist) and events. */
export interface GeladenStream {
  readonly revision: number;
  readonly events: readonly StoredEvent[];
}

export interface StreamCommand<S extends GeladenStream, E> {
  /** The aggregate's id, for the conflict message. */
  readonly id: string;
  readonly meta: CommandMetadata;
  /** The revision the client saw: a stream that moved on since is refused (409), never decided again. */
  readonly verwachteRevisie?: number;
  load(): Promise<S>;
  /** The decider's events for the command on this state (it may look things up first). */
  decide(stream: S): Promise<readonly E[]>;
  /** Appends at the revision that was read. */
  append(stream: S, events: readonly E[]): Promise<AppendResult>;
}

/** What a stream command did: its events appended now, or (a retry) the ones it appended before. */
export interface StreamCommandUitkomst<S extends GeladenStream, E> {
  readonly stream: S;
  /** Empty for a replay. */
  readonly events: readonly E[];
  readonly revisie: number;
  readonly positie: string;
}

/**
 * The write path of every aggregate: read the stream, fold, decide, append at the revision read.
 * A command with an Idempotency-Key that already got through (its events carry the key) gets its
 * earlier outcome and appends nothing, also when it lost a race to its own retry. Without an
 * expected revision a conflict is decided again on fresh state, a few times; with one, it is 409.
 */
export async function voerStreamCommandUit<S extends GeladenStream, E>(command: StreamCommand<S, E>): Promise<StreamCommandUitkomst<S, E>> {
  let gelezen: number | undefined;
  for (let poging = 1; ; poging++) {
    // After a conflict this read also finds a retry of this very command that got in first.
    const stream = await command.load();
    const eerder = eerdereUitkomst<S, E>(stream, command.meta);
    if (eerder) return eerder;
    if (command.verwachteRevisie !== undefined && stream.revision !== command.verwachteRevisie) throw new RevisieConflictError(command.id, command.verwachteRevisie, stream.revision);
    if (poging > MAX_POGINGEN) throw new RevisieConflictError(command.id, gelezen ?? stream.revision, stream.revision);
    const events = await command.decide(stream);
    try {
      const result = await command.append(stream, events);
      return { stream, events, revisie: result.nextRevision, positie: result.position.toString() };
    } catch (error) {
      if (!(error instanceof StreamRevisionConflictError)) throw error;
      gelezen = stream.revision;
    }
  }
}

function eerdereUitkomst<S extends GeladenStream, E>(stream: S, meta: CommandMetadata): StreamCommandUitkomst<S, E> | undefined {
  if (!meta.idempotencyKeyId) return undefined;
  const eigen = stream.events.filter((e) => e.metadata.idempotencyKeyId === meta.idempotencyKeyId);
  const laatste = eigen[eigen.length - 1];
  return laatste ? { stream, events: [], revisie: laatste.revision, positie: laatste.position.toString() } : undefined;
}
