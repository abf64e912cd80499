import { AllStreamResolvedEvent } from '@kurrent/kurrentdb-client';
import { Subscription, SubscriptionHandler } from '../event-store.port';
import { CatchUpSignal } from './catch-up-signal';
import { CommitBatcher } from './commit-batcher';
import { LoggedEvent, toLoggedEvent } from './recorded-event';
import { checkpointOf, isAfter } from './log-position';

/** What the adapter uses of the client's Subscription (dist/streams/utils/Subscription.d.ts). */
export interface SubscriptionSource extends AsyncIterable<AllStreamResolvedEvent> {
  readonly readableLength: number;
  on(event: 'caughtUp', listener: () => void): unknown;
  unsubscribe(): Promise<void>;
}

/**
 * Feeds a subscriber from the client's subscription: events after `from` in batches that end on
 * complete commits (CommitBatcher), handed over as soon as the client has nothing more buffered, a
 * batch is full or the caught-up point is reached, one batch at a time; caught-up only once every
 * event before the server's caught-up message has been handled (CatchUpSignal). An unreadable
 * event stops the feed with onError; it is never skipped.
 */
export function feedSubscriber(source: SubscriptionSource, from: bigint, handler: SubscriptionHandler, maxBatch = 1000): Subscription {
  const batcher = new CommitBatcher();
  const signal = new CatchUpSignal();
  let last = from;
  let closed = false;
  let failed = false;
  // One step at a time: the loop and the caught-up listener both hand over batches.
  let queue: Promise<void> = Promise.resolve();
  const serially = (step: () => Promise<void>) => (queue = queue.then(step));

  const handOver = async (batch: LoggedEvent[]) => {
    if (batch.length === 0) return;
    await handler.onEvents(batch.map((e) => e.stored));
    last = checkpointOf(batch[batch.length - 1].log);
    signal.eventsHandled(batch.length);
  };
  const settle = async () => {
    await handOver(batcher.takeComplete());
    if (signal.due()) handler.onCaughtUp?.(last);
  };
  const fail = (error: unknown) => {
    if (closed || failed) return;
    failed = true;
    // The runner starts a new subscription after a failure: this one must not stay open.
    source.unsubscribe().catch(() => undefined);
    handler.onError?.(error);
  };

  source.on('caughtUp', () => {
    signal.serverCaughtUp(source.readableLength);
    // Nothing before the message is still buffered: all of it is pending or handled already.
    if (signal.atCaughtUpPoint) batcher.seal();
    serially(settle).catch(fail);
  });

  const running = (async () => {
    for await (const resolved of source) {
      signal.eventReceived();
      let event: LoggedEvent;
      try {
        event = toLoggedEvent(resolved);
      } catch (error) {
        // What came before it is handed over first: the subscriber stops at the unreadable event.
        const commit = resolved.event?.position?.commit;
        await serially(async () => {
          if (commit !== undefined) batcher.sealBefore(commit);
          await handOver(batcher.takeComplete());
        });
        throw error;
      }
      if (isAfter(event.log, from)) batcher.add(event);
      else signal.eventsHandled(1);
      const caughtUpPoint = signal.atCaughtUpPoint;
      if (caughtUpPoint) batcher.seal();
      if (caughtUpPoint || source.readableLength === 0 || batcher.size >= maxBatch) await serially(settle);
      if (closed || failed) break;
    }
  })().catch(fail);

  return {
    close: async () => {
      closed = true;
      await source.unsubscribe();
      await running;
      await queue.catch(() => undefined);
    },
  };
}
