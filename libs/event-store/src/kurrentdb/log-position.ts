import { AllStreamResolvedEvent, Position, ResolvedEvent, START } from '@kurrent/kurrentdb-client';

/**
 * Where an event is in the log, both halves as the server reports them (the client's `Position`,
 * `@kurrent/kurrentdb-client` dist/types/events.d.ts `RecordedEvent.position`).
 *
 * What the two mean, from the server's `AllReader.ReadAllEventsForwardInternal` (KurrentDB,
 * src/KurrentDB.Core/Services/Storage/ReaderIndex/AllReader.cs):
 * - an event appended through gRPC is an implicitly committed prepare record, and the server
 *   reports it as `new CommitEventRecord(eventRecord, prepare.LogPosition)`: commit == prepare ==
 *   its own place in the log. Every such event is a commit of its own, also when several were
 *   appended together;
 * - an event of a legacy explicit transaction (the old TCP API) is reported with the transaction's
 *   commit record: `new CommitEventRecord(eventRecord, commit.LogPosition)`, so its events share
 *   one commit position and differ in prepare position, which is below the commit.
 */
export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** An event the server sent without its position (stream reads on servers before 22.6). */
export class MissingPositionError extends Error {
  constructor(
    readonly stream: string,
    readonly revision: bigint,
  ) {
    super(
      `Event ${revision} van stream ${stream} kwam zonder positie in het log; de KurrentDB-adapter heeft een server nodig die posities meestuurt (EventStoreDB 22.6 of nieuwer).`,
    );
    this.name = 'MissingPositionError';
  }
}

/** The event's full position; never a made-up one. */
export function positionOf(resolved: AllStreamResolvedEvent | ResolvedEvent): LogPosition {
  const event = resolved.event;
  const position = event?.position;
  if (!event || !position) throw new MissingPositionError(event?.streamId ?? '?', event?.revision ?? -1n);
  return { commit: position.commit, prepare: position.prepare };
}

/**
 * The checkpoint the port hands out (one bigint: what read models store): the commit position.
 * A checkpoint at commit c means every event with commit ≤ c was handled, which is why batches
 * only end where a commit is complete (see CommitBatcher).
 */
export function checkpointOf(position: LogPosition): bigint {
  return position.commit;
}

/** Whether this event is the whole of its commit: true for every event appended through gRPC. */
export function isWholeCommit(position: LogPosition): boolean {
  return position.commit === position.prepare;
}

/** Whether the event comes after a checkpoint (see checkpointOf). */
export function isAfter(position: LogPosition, checkpoint: bigint): boolean {
  return position.commit > checkpoint;
}

/**
 * Where to ask the server to read or subscribe from to get what follows a checkpoint. For a
 * checkpoint at a gRPC-appended event, {c, c} is that event's exact position. For one at a legacy
 * transaction's commit c, {c, c} lies after all of its prepares (each below c), so the server goes on
 * after the whole transaction: the forward reader takes a transaction's prepares only where
 * `new TFPos(commit.LogPosition, prepare.LogPosition) >= pos`. Both read and subscription may hand
 * out the event at the position itself; the caller drops it with isAfter.
 */
export function resumeFrom(checkpoint: bigint): Position | typeof START {
  return checkpoint < 0n ? START : { commit: checkpoint, prepare: checkpoint };
}
