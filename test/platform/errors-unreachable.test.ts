import { NamespaceNotFoundError } from '@temporalio/common';
import { isTemporalUnreachable } from '../../platform/errors';

describe('isTemporalUnreachable', () => {
  const grpc = (code: number, details: string) => Object.assign(new Error(details), { code, details, metadata: {} });

  it('gRPC UNAVAILABLE and DEADLINE_EXCEEDED, also as the cause of another error', () => {
    expect(isTemporalUnreachable(grpc(14, 'Connection dropped'))).toBe(true);
    expect(isTemporalUnreachable(new Error('update failed', { cause: grpc(4, 'Deadline exceeded') }))).toBe(true);
  });

  it("the product's namespace not found — a Temporal server starting again after a crash answers so until ready", () => {
    expect(isTemporalUnreachable(new NamespaceNotFoundError('default'))).toBe(true);
    expect(isTemporalUnreachable(new Error('start failed', { cause: new NamespaceNotFoundError('default') }))).toBe(
      true,
    );
  });

  it('not a refusal of the request itself (NOT_FOUND of a workflow, INVALID_ARGUMENT, a plain error)', () => {
    expect(isTemporalUnreachable(grpc(5, 'workflow not found'))).toBe(false);
    expect(isTemporalUnreachable(grpc(3, 'invalid argument'))).toBe(false);
    expect(isTemporalUnreachable(new Error('boom'))).toBe(false);
  });
});
