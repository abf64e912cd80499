import { AllStreamResolvedEvent, START, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import { StreamRevisionConflictError } from '../event-store.errors';
import { appendError, appendOutcome, streamState } from './append-outcome';
import { CatchUpSignal } from './catch-up-signal';
import { CommitBatcher } from './commit-batcher';
import { isAfter, isWholeCommit, positionOf, resumeFrom } from './log-position';
import { LoggedEvent, toLoggedEvent } from './recorded-event';

/** The pure pieces of the adapter, fed the shapes of dist/types/events.d.ts (AllStreamResolvedEvent). */
const resolved = (over: Partial<NonNullable<AllStreamResolvedEvent['event']>> = {}): AllStreamResolvedEvent =>
  ({
    event: { streamId: 'motie-1', id: 'e-1', revision: 0n, type: 'A', isJson: true, created: new Date(0), data: { a: 1 }, metadata: { eventId: 'e-1' }, position: { commit: 10n, prepare: 10n }, ...over },
    commitPosition: over.position?.commit ?? 10n,
  }) as AllStreamResolvedEvent;
const logged = (commit: bigint, prepare = commit): LoggedEvent => toLoggedEvent(resolved({ position: { commit, prepare } }));

describe('log position', () => {
  it('keeps both halves and knows a gRPC-appended event (commit == prepare) from a legacy transaction’s', () => {
    expect(positionOf(resolved({ position: { commit: 300n, prepare: 120n } }))).toEqual({ commit: 300n, prepare: 120n });
    expect(isWholeCommit({ commit: 10n, prepare: 10n })).toBe(true);
    expect(isWholeCommit({ commit: 300n, prepare: 120n })).toBe(false);
  });

  it('refuses an event without position and resumes from a checkpoint at {c, c}', () => {
    expect(() => positionOf(resolved({ position: undefined }))).toThrow(/zonder positie/);
    expect(resumeFrom(-1n)).toBe(START);
    expect(resumeFrom(300n)).toEqual({ commit: 300n, prepare: 300n });
    expect(isAfter({ commit: 300n, prepare: 120n }, 300n)).toBe(false);
    expect(isAfter({ commit: 301n, prepare: 301n }, 300n)).toBe(true);
  });
});

describe('commit batcher', () => {
  it('holds back a legacy transaction at the end until a later commit, a seal or the end', () => {
    const b = new CommitBatcher();
    [logged(10n), logged(300n, 120n), logged(300n, 200n)].forEach((e) => b.add(e));
    expect(b.takeComplete().map((e) => e.log.commit)).toEqual([10n]);
    b.add(logged(350n));
    expect(b.takeComplete().map((e) => e.log.prepare)).toEqual([120n, 200n, 350n]);
    b.add(logged(500n, 400n));
    b.seal();
    b.add(logged(600n, 550n));
    expect(b.takeComplete().map((e) => e.log.commit)).toEqual([500n]);
    b.sealBefore(700n);
    expect(b.takeComplete().map((e) => e.log.commit)).toEqual([600n]);
    b.add(logged(800n, 750n));
    expect(b.takeAll()).toHaveLength(1);
  });
});

describe('catch-up signal', () => {
  it('is due once, only when the events before the caught-up message (taken and buffered) are handled', () => {
    const s = new CatchUpSignal();
    s.eventReceived();
    s.serverCaughtUp(2);
    expect(s.due()).toBe(false);
    s.eventsHandled(1);
    s.eventReceived();
    s.eventReceived();
    expect(s.atCaughtUpPoint).toBe(true);
    s.eventsHandled(1);
    expect(s.due()).toBe(false);
    s.eventsHandled(1);
    expect(s.due()).toBe(true);
    expect(s.due()).toBe(false);
  });
});

describe('recorded event', () => {
  it('reads a JSON event with its commit position as the port’s position', () => {
    expect(toLoggedEvent(resolved({ position: { commit: 300n, prepare: 120n } })).stored).toEqual({ eventId: 'e-1', stream: 'motie-1', revision: 0, position: 300n, type: 'A', data: { a: 1 }, metadata: { eventId: 'e-1' } });
  });

  it.each([
    ['binary content', { isJson: false, data: new Uint8Array([1]) }, /geen JSON \(type A/],
    ['data that did not parse (the client hands over the raw string)', { data: '{"a":' }, /data is geen geldige JSON/],
    ['data that is an array', { data: [1] }, /data is geen JSON-object/],
    ['metadata that did not parse (the client hands over the bytes)', { metadata: new Uint8Array([0x7b]) }, /metadata is geen JSON-object/],
    ['no metadata', { metadata: undefined }, /geen metadata/],
  ])('refuses %s', (_name, over, message) => {
    expect(() => toLoggedEvent(resolved(over as never))).toThrow(message);
  });
});

describe('append outcome', () => {
  it('turns the client’s answers into the port’s', () => {
    expect(appendOutcome('s', 0, { success: true, nextExpectedRevision: 1n, position: { commit: 40n, prepare: 40n } })).toEqual({ nextRevision: 1, commit: 40n });
    expect(appendOutcome('s', 0, { success: true, nextExpectedRevision: 1n })).toEqual({ nextRevision: 1, commit: undefined });
    expect(() => appendOutcome('s', 0, { success: false, nextExpectedRevision: 1n })).toThrow(StreamRevisionConflictError);
    const conflict = appendError('s', 'no-stream', new WrongExpectedVersionError(null as never, { streamName: 's', current: 4n, expected: 'no_stream' } as never));
    expect(conflict).toMatchObject({ name: 'StreamRevisionConflictError', actual: 4, expected: 'no-stream' });
    const other = new Error('x');
    expect(appendError('s', 0, other)).toBe(other);
    expect([streamState('no-stream'), streamState('any'), streamState(3)]).toEqual(['no_stream', 'any', 3n]);
  });
});
