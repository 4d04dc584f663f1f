import { describe, expect, it } from 'vitest';
import { ServerEvent, StreamEvent, isDelegationEvent } from './events';

const companyId = '00000000-0000-4000-8000-000000000001';
const otherId = '00000000-0000-4000-8000-000000000002';

describe('the events union', () => {
  it('reads what the server publishes, payload included', () => {
    const filed = StreamEvent.parse({ type: 'annual-report.filed', data: { companyId, reportYear: 2025 } });
    expect(filed).toEqual({ type: 'annual-report.filed', data: { companyId, reportYear: 2025 } });
    const approved = StreamEvent.parse({
      type: 'delegation.approved',
      data: {
        delegationId: otherId,
        companyId,
        companyName: '广州市云帆信息科技有限公司',
        status: 'approved',
        validUntil: '2026-12-31T15:59:59.999Z',
        role: 'requester',
      },
    });
    expect(isDelegationEvent(approved)).toBe(true);
    expect(isDelegationEvent(filed)).toBe(false);
    expect(StreamEvent.parse({ type: 'ready', data: {} }).type).toBe('ready');
  });

  it('refuses a type it does not declare, and a payload that is not the type’s', () => {
    expect(StreamEvent.safeParse({ type: 'inbox.new', data: {} }).success).toBe(false);
    expect(StreamEvent.safeParse({ type: 'tax.payment.paid', data: { companyId } }).success).toBe(false);
    // The greeting is the stream's own, never published.
    expect(ServerEvent.safeParse({ type: 'ready', data: {} }).success).toBe(false);
  });
});
