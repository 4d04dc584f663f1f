import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { DelegationEventData } from '../../../../shared/api/delegation';
import { delegationEventHandler } from './events';

const request = (role: DelegationEventData['role']): DelegationEventData => ({
  delegationId: '00000000-0000-4000-8000-000000000001',
  companyId: '00000000-0000-4000-8000-000000000002',
  companyName: '广州市云帆信息科技有限公司',
  status: 'pending',
  validUntil: null,
  role,
});

describe('delegation.requested notifications', () => {
  const queryClient = new QueryClient();

  it('tells the legal representative who is asked', () => {
    const outcome = delegationEventHandler(
      { type: 'delegation.requested', data: request('grantor') },
      queryClient,
    );
    expect(outcome?.notify?.title.zh).toBe('新的授权申请');
  });

  it('raises nothing for the agent who just sent the request herself', () => {
    expect(
      delegationEventHandler({ type: 'delegation.requested', data: request('requester') }, queryClient),
    ).toBeUndefined();
    expect(
      delegationEventHandler({ type: 'delegation.requested', data: request('other') }, queryClient),
    ).toBeUndefined();
  });
});
