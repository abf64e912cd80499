import { LoggedEvent } from './recorded-event';
import { isWholeCommit } from './log-position';

/**
 * Collects events read from the log and hands them out in batches that end where a commit is
 * complete, so that a checkpoint at a batch's last commit position never leaves part of a commit
 * unread (see checkpointOf).
 *
 * A commit is known complete when its event is the whole of it (every gRPC append, see
 * isWholeCommit), when an event of a later commit has arrived, or when the caller knows the server
 * has read past it (`seal`: the subscription's caught-up point; `takeAll`: the end of a read). The
 * events of a legacy transaction at the end of what was read so far are held back until then.
 */
export class CommitBatcher {
  private pending: LoggedEvent[] = [];
  /** How many of the pending events, from the oldest, are known complete whatever follows. */
  private sealed = 0;

  add(event: LoggedEvent): void {
    this.pending.push(event);
  }

  /** The server has read past every event pending now: their commits are complete. */
  seal(): void {
    this.sealed = this.pending.length;
  }

  get size(): number {
    return this.pending.length;
  }

  /** An event of commit `commit` has arrived (even one that cannot be read): every earlier commit is complete. */
  sealBefore(commit: bigint): void {
    let end = 0;
    while (end < this.pending.length && this.pending[end].log.commit < commit) end++;
    this.sealed = Math.max(this.sealed, end);
  }

  /** Every pending event whose commit is complete, oldest first; the rest stays pending. */
  takeComplete(): LoggedEvent[] {
    const last = this.pending[this.pending.length - 1];
    if (!last) return [];
    let end = this.pending.length;
    if (!isWholeCommit(last.log)) {
      while (end > 0 && this.pending[end - 1].log.commit === last.log.commit) end--;
    }
    end = Math.max(end, this.sealed);
    this.sealed -= end;
    const complete = this.pending.slice(0, end);
    this.pending = this.pending.slice(end);
    return complete;
  }

  /** Everything pending: only when nothing more of these commits can follow. */
  takeAll(): LoggedEvent[] {
    const all = this.pending;
    this.pending = [];
    this.sealed = 0;
    return all;
  }
}
