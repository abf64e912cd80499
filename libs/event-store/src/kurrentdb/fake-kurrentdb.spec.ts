/**
 * Not a spec itself: the stand-in for a KurrentDB server that the adapter's unit specs put behind the
 * client (named `.spec.ts` so that the build and the layer rules leave it out, like every test file).
 *
 * Only the wire is faked. What reaches the adapter is made by the client's own code from what a
 * server would send, as in `@kurrent/kurrentdb-client` 1.3.1:
 * - subscribeToAll: the client's `Subscription` Transform (dist/streams/utils/Subscription.js) fed
 *   protobuf `ReadResp` messages built with the client's generated classes
 *   (generated/kurrentdb/protocols/v1/streams_pb.js): confirmation, events, `CaughtUp`; converted by
 *   the client's `convertGrpcEvent` (dist/utils/convertGrpcEvent.js), as subscribeToAll.js does;
 * - readAll / readStream: async generators of the bridge's `ResolvedEvent` shape
 *   (@kurrent/bridge lib/index.d.ts) converted by the client's `convertRustEvent`
 *   (dist/utils/convertRustEvent.js), errors by `convertBridgeError`, as readAll.js and readStream.js do;
 * - appendToStream: the answers of dist/streams/appendToStream/append.js: `{ success, nextExpectedRevision,
 *   position }`, a `WrongExpectedVersionError(null, { streamName, current, expected })`, or with
 *   throwOnAppendFailure=false `{ success: false, position: undefined }`.
 *
 * The log is the server's as its AllReader reports it (KurrentDB
 * src/KurrentDB.Core/Services/Storage/ReaderIndex/AllReader.cs): positions are byte offsets; an
 * appended event is its own commit (commit == prepare == its offset); a legacy transaction's events
 * share the commit record's offset as commit position, each with its own lower prepare position.
 * Forward reads include the event at the start position (`>= pos`). The append's position is the
 * last event's (WriteStreamRequestManager answers CommitPosition for both halves).
 */
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { AllStreamResolvedEvent, AppendResult, BACKWARDS, END, Filter, Position, START, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import { Subscription as ClientSubscription } from '@kurrent/kurrentdb-client/dist/streams/utils/Subscription';
import { convertBridgeError } from '@kurrent/kurrentdb-client/dist/utils/convertBridgeError';
import { convertGrpcEvent } from '@kurrent/kurrentdb-client/dist/utils/convertGrpcEvent';
import { convertRustEvent } from '@kurrent/kurrentdb-client/dist/utils/convertRustEvent';
import { StreamIdentifier, UUID } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';
import { ReadResp } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb';

export interface LogRecord {
  readonly streamId: string;
  readonly id: string;
  readonly type: string;
  readonly contentType: 'application/json' | 'application/octet-stream';
  readonly revision: bigint;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** An event as the test writes it into the log directly (raw bytes, any content type). */
export interface RawEvent {
  readonly type: string;
  readonly data: string | Uint8Array;
  readonly metadata?: string | Uint8Array;
  readonly contentType?: LogRecord['contentType'];
  readonly id?: string;
}

export interface FakeOptions {
  /** The connection string's `throwOnAppendFailure` (the client's default: true). */
  throwOnAppendFailure?: boolean;
  /** Servers before 22.6 send no position with events read from a stream. */
  positionsOnStreamReads?: boolean;
  /** A server may answer an append without a position (AppendResp.Success NoPosition). */
  positionOnAppend?: boolean;
  /** How many events the server sends in one go during a subscription's catch-up, with a pause between. */
  catchUpPage?: number;
}

interface JsonEventData {
  id: string;
  contentType: 'application/json' | 'application/octet-stream';
  type: string;
  data: unknown;
  metadata?: unknown;
}

/** Record header bytes in the log besides data and metadata: positions are offsets, not counts. */
const RECORD_OVERHEAD = 97n;
const COMMIT_RECORD_SIZE = 41n;

export class FakeKurrentDb {
  readonly log: LogRecord[] = [];
  private offset = 0n;
  private readonly live = new Set<(record: LogRecord) => void>();
  readonly subscriptions: { grpc: PassThrough & { cancel(): void }; cancelled: boolean }[] = [];
  disposed = false;

  constructor(private readonly options: FakeOptions = {}) {}

  /** Writes events as one gRPC append would: each its own commit. */
  appendRaw(stream: string, events: RawEvent[]): LogRecord[] {
    let revision = this.revisionOf(stream);
    return events.map((e) => {
      const record = this.record(stream, ++revision, e, this.offset, this.offset);
      this.offset += this.size(record);
      this.push(record);
      return record;
    });
  }

  /** Writes a legacy explicit transaction (old TCP API): prepares first, then the commit record. */
  appendLegacyTransaction(stream: string, events: RawEvent[]): LogRecord[] {
    let revision = this.revisionOf(stream);
    let prepare = this.offset;
    const prepares = events.map((e) => {
      const p = prepare;
      prepare += RECORD_OVERHEAD + BigInt(bytes(e.data).length + bytes(e.metadata ?? '').length);
      return { e, p, revision: ++revision };
    });
    const commit = prepare;
    this.offset = commit + COMMIT_RECORD_SIZE;
    return prepares.map(({ e, p, revision: r }) => {
      const record = this.record(stream, r, e, commit, p);
      this.push(record);
      return record;
    });
  }

  // ---- the client's API, as far as the adapter uses it ----

  async appendToStream(streamName: string, events: JsonEventData[], { streamState = 'any' }: { streamState?: 'any' | 'no_stream' | 'stream_exists' | bigint } = {}): Promise<AppendResult> {
    await tick();
    const current = this.revisionOf(streamName);
    const existing = this.log.filter((r) => r.streamId === streamName && events.some((e) => e.id === r.id));
    if (existing.length === events.length && events.length > 0) {
      // An identical retry: the server answers it idempotently.
      const last = existing[existing.length - 1];
      return { success: true, nextExpectedRevision: last.revision, position: this.options.positionOnAppend === false ? undefined : { commit: last.commit, prepare: last.commit } };
    }
    const ok = streamState === 'any' || (streamState === 'no_stream' ? current === -1n : streamState === 'stream_exists' ? current >= 0n : current === streamState);
    if (!ok) {
      if (this.options.throwOnAppendFailure !== false) {
        throw new WrongExpectedVersionError(null as never, { streamName, current: current >= 0n ? current : 'no_stream', expected: streamState } as never);
      }
      return { success: false, nextExpectedRevision: current, position: undefined };
    }
    const written = this.appendRaw(
      streamName,
      events.map((e) => ({
        id: e.id,
        type: e.type,
        contentType: e.contentType,
        data: e.contentType === 'application/json' ? JSON.stringify(e.data) : (e.data as Uint8Array),
        metadata: e.metadata === undefined ? '' : e.metadata instanceof Uint8Array ? e.metadata : JSON.stringify(e.metadata),
      })),
    );
    const last = written[written.length - 1];
    return {
      success: true,
      nextExpectedRevision: last?.revision ?? current,
      position: this.options.positionOnAppend === false || !last ? undefined : { commit: last.commit, prepare: last.commit },
    };
  }

  readAll({ fromPosition = START, direction = 'forwards', maxCount = Number.MAX_SAFE_INTEGER, filter }: { fromPosition?: Position | typeof START | typeof END; direction?: string; maxCount?: number; filter?: Filter } = {}): AsyncIterable<AllStreamResolvedEvent> {
    const selected = () => {
      const ordered = [...this.log].sort(compare);
      const from = (r: LogRecord) => fromPosition === START || fromPosition === END || compare(r, fromPosition) >= 0;
      const upTo = (r: LogRecord) => fromPosition === START || fromPosition === END || compare(r, fromPosition) <= 0;
      const matching = ordered.filter((r) => matches(filter, r));
      const inRange = direction === BACKWARDS ? matching.filter(upTo).reverse() : matching.filter(from);
      return inRange.slice(0, maxCount);
    };
    return (async function* () {
      await tick();
      for (const record of selected()) yield convertRustEvent(toRust(record, true) as never) as AllStreamResolvedEvent;
    })();
  }

  readStream(streamName: string, { fromRevision = START, direction = 'forwards', maxCount = Number.MAX_SAFE_INTEGER }: { fromRevision?: bigint | typeof START | typeof END; direction?: string; maxCount?: number } = {}): AsyncIterable<AllStreamResolvedEvent> {
    const withPositions = this.options.positionsOnStreamReads !== false;
    const records = () => {
      const ofStream = this.log.filter((r) => r.streamId === streamName).sort((a, b) => Number(a.revision - b.revision));
      const ordered = direction === BACKWARDS ? ofStream.reverse() : ofStream;
      const from = typeof fromRevision === 'bigint' ? ordered.filter((r) => (direction === BACKWARDS ? r.revision <= fromRevision : r.revision >= fromRevision)) : ordered;
      return { exists: ofStream.length > 0, records: from.slice(0, maxCount) };
    };
    return (async function* () {
      await tick();
      const { exists, records: found } = records();
      if (!exists) throw convertBridgeError(Object.assign(new Error('stream not found'), { name: 'StreamNotFoundError' }), streamName);
      for (const record of found) yield convertRustEvent(toRust(record, withPositions) as never) as AllStreamResolvedEvent;
    })();
  }

  subscribeToAll({ fromPosition = START, filter }: { fromPosition?: Position | typeof START | typeof END; filter?: Filter } = {}) {
    const grpc = Object.assign(new PassThrough({ objectMode: true }), { cancel: () => undefined as void });
    const entry = { grpc, cancelled: false };
    grpc.cancel = () => {
      entry.cancelled = true;
      this.live.delete(send);
      grpc.end();
    };
    this.subscriptions.push(entry);
    const send = (record: LogRecord) => {
      if (!entry.cancelled && matches(filter, record)) grpc.write(eventResp(record));
    };
    const subscription = new ClientSubscription(async () => grpc as never, convertGrpcEvent as never, {});
    const existing = [...this.log].sort(compare).filter((r) => fromPosition === START || (fromPosition !== END && compare(r, fromPosition) >= 0));
    const page = this.options.catchUpPage ?? Number.MAX_SAFE_INTEGER;
    void (async () => {
      await tick();
      const confirmation = new ReadResp();
      confirmation.setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID()));
      grpc.write(confirmation);
      for (let i = 0; i < existing.length; i += page) {
        if (i > 0) await new Promise((resolve) => setTimeout(resolve, 5));
        for (const record of existing.slice(i, i + page)) send(record);
      }
      if (entry.cancelled) return;
      const caughtUp = new ReadResp();
      caughtUp.setCaughtUp(new ReadResp.CaughtUp());
      grpc.write(caughtUp);
      this.live.add(send);
    })();
    return subscription;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const s of this.subscriptions) if (!s.cancelled) s.grpc.cancel();
  }

  // ----

  private push(record: LogRecord): void {
    this.log.push(record);
    for (const send of this.live) send(record);
  }

  private revisionOf(stream: string): bigint {
    return this.log.filter((r) => r.streamId === stream).reduce((max, r) => (r.revision > max ? r.revision : max), -1n);
  }

  private record(streamId: string, revision: bigint, e: RawEvent, commit: bigint, prepare: bigint): LogRecord {
    return { streamId, id: e.id ?? randomUUID(), type: e.type, contentType: e.contentType ?? 'application/json', revision, data: bytes(e.data), metadata: bytes(e.metadata ?? ''), commit, prepare };
  }

  private size(record: LogRecord): bigint {
    return RECORD_OVERHEAD + BigInt(record.data.length + record.metadata.length);
  }
}

/** $all order: by commit position, then prepare position. */
function compare(a: Position | LogRecord, b: Position | LogRecord): number {
  return a.commit !== b.commit ? (a.commit < b.commit ? -1 : 1) : a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;
}

/** The server's event-type and stream-name filters (prefixes or a regex), as the client sends them. */
function matches(filter: Filter | undefined, record: LogRecord): boolean {
  if (!filter) return true;
  const subject = filter.filterOn === 'streamName' ? record.streamId : record.type;
  if ('prefixes' in filter) return filter.prefixes.some((p) => subject.startsWith(p));
  return new RegExp(filter.regex).test(subject);
}

/** The bridge's RecordedEvent shape (@kurrent/bridge lib/index.d.ts). */
function toRust(record: LogRecord, withPosition: boolean) {
  return {
    event: {
      streamId: record.streamId,
      id: record.id,
      type: record.type,
      isJson: record.contentType === 'application/json',
      revision: record.revision,
      created: Date.UTC(2025, 5, 20),
      data: record.data,
      metadata: record.metadata,
      position: withPosition ? { commit: record.commit, prepare: record.prepare } : undefined,
    },
    commitPosition: withPosition ? record.commit : undefined,
  };
}

/** A ReadResp carrying one event, as the server sends it on a subscription (streams.proto ReadResp.ReadEvent). */
function eventResp(record: LogRecord): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent();
  recorded.setId(new UUID().setString(record.id));
  recorded.setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(record.streamId, 'utf8')));
  recorded.setStreamRevision(record.revision.toString());
  recorded.setCommitPosition(record.commit.toString());
  recorded.setPreparePosition(record.prepare.toString());
  recorded.getMetadataMap().set('type', record.type).set('content-type', record.contentType).set('created', (BigInt(Date.UTC(2025, 5, 20)) * 10_000n).toString());
  recorded.setData(record.data);
  recorded.setCustomMetadata(record.metadata);
  const event = new ReadResp.ReadEvent();
  event.setEvent(recorded);
  event.setCommitPosition(record.commit.toString());
  const resp = new ReadResp();
  resp.setEvent(event);
  return resp;
}

function bytes(value: string | Uint8Array): Uint8Array {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
}

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
