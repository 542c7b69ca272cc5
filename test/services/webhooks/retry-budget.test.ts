import { DEFAULT_DELIVERY_RETRY, deliveryWorkflowId, retryBudgetMs } from '../../../workflows/webhook-delivery-input';
import { deriveEventId } from '../../../services/webhooks/publisher';

describe('webhook retry budget', () => {
  it('keeps trying for at least 24 hours by default, so a receiver down for an hour (or a day) loses nothing', () => {
    const hours = retryBudgetMs(DEFAULT_DELIVERY_RETRY) / 3_600_000;
    expect(hours).toBeGreaterThanOrEqual(24);
    expect(hours).toBeLessThan(36);
    expect(
      retryBudgetMs({ ...DEFAULT_DELIVERY_RETRY, initialIntervalMs: 100, maximumIntervalMs: 400, maximumAttempts: 4 }),
    ).toBe(100 + 200 + 400);
  });

  it('derives one workflow id per (subscription, event) and one event id per occurrence', () => {
    expect(deliveryWorkflowId('GM0363', 's1', 'e1')).toBe(deliveryWorkflowId('GM0363', 's1', 'e1'));
    expect(deliveryWorkflowId('GM0363', 's1', 'e1')).not.toBe(deliveryWorkflowId('GM0363', 's2', 'e1'));
    const e = {
      type: 'case.started' as const,
      tenant: 'GM0363',
      caseId: 'GM0363-p-1',
      processId: 'p',
      occurredAt: '2026-03-02T09:00:00.000Z',
    };
    expect(deriveEventId(e)).toBe(deriveEventId({ ...e }));
    expect(deriveEventId(e)).not.toBe(deriveEventId({ ...e, occurredAt: '2026-03-02T09:00:01.000Z' }));
    expect(deriveEventId(e)).toMatch(/^evt_[0-9a-f]{32}$/);
  });
});
