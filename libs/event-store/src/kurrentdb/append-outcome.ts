import { AppendResult as ClientAppendResult, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import { StreamRevisionConflictError } from '../event-store.errors';
import { ExpectedRevision } from '../event-store.port';

/**
 * The port's answer to an append, from the client's. `appendToStream` (dist/streams/appendToStream/
 * append.js and batchAppend.js) rejects a wrong expected revision with WrongExpectedVersionError,
 * but with `throwOnAppendFailure=false` in the connection string it resolves
 * `{ success: false, nextExpectedRevision, position: undefined }` instead; both are a conflict here.
 * (batchAppend then even reports `BigInt(hasCurrentStreamRevision())`, 0n or 1n, as the revision,
 * so the actual revision is not taken from it.) `position` is undefined when the server sent none.
 */
export function appendOutcome(stream: string, expected: ExpectedRevision, result: ClientAppendResult): { nextRevision: number; commit: bigint | undefined } {
  if (!result.success) throw new StreamRevisionConflictError(stream, String(expected), -1);
  return { nextRevision: Number(result.nextExpectedRevision), commit: result.position?.commit };
}

/**
 * The port's error for a failed append. WrongExpectedVersionError.actualState is the current
 * revision as a bigint or "no_stream" (dist/utils/CommandError.js, the constructor and
 * `fromWrongExpectedVersion`); anything else goes on unchanged.
 */
export function appendError(stream: string, expected: ExpectedRevision, error: unknown): unknown {
  if (error instanceof WrongExpectedVersionError) {
    const actual = typeof error.actualState === 'bigint' ? Number(error.actualState) : -1;
    return new StreamRevisionConflictError(stream, String(expected), actual);
  }
  return error;
}

/** The client's stream state for the port's expected revision. */
export function streamState(expected: ExpectedRevision): 'no_stream' | 'any' | bigint {
  return expected === 'no-stream' ? 'no_stream' : expected === 'any' ? 'any' : BigInt(expected);
}
