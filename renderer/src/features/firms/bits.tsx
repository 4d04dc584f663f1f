import { Tag } from 'antd';
import { useLocalized } from '../../components/useLang';
import {
  delegationStateName,
  filingStateName,
  type ClientDelegationState,
  type FilingState,
} from '../../../../shared/firms/client-state';
import { ApiRequestError } from '../../api/client';
import { useSession } from '../../state/session';
import { formatDate, formatDateTime } from '../../components/format';

const DELEGATION_COLOR: Record<ClientDelegationState, string> = {
  active: 'green',
  expiring: 'orange',
  pending: 'blue',
  expired: 'red',
  revoked: 'red',
  rejected: 'red',
  none: 'default',
};

const FILING_COLOR: Record<FilingState, string> = {
  filed: 'green',
  submitted: 'cyan',
  draft: 'blue',
  due: 'gold',
  overdue: 'red',
  na: 'default',
};

export const DelegationTag = ({ state }: { state: ClientDelegationState }) => {
  const l = useLocalized();
  return <Tag color={DELEGATION_COLOR[state]}>{l(delegationStateName[state])}</Tag>;
};

export const FilingTag = ({ state }: { state: FilingState }) => {
  const l = useLocalized();
  return <Tag color={FILING_COLOR[state]}>{l(filingStateName[state])}</Tag>;
};

/** China time, minutes precision: how staff read times. */
export const cst = (iso: string | null): string => (iso ? formatDateTime(iso) : '');

export const cstDate = (iso: string | null): string => (iso ? formatDate(iso) : '');

export const errorText = (e: unknown): string =>
  e instanceof ApiRequestError || e instanceof Error ? e.message : String(e);

/** The table body height that fits the window (virtual tables need a fixed one). */
export const tableHeight = (reserve: number): number =>
  Math.max(320, (typeof window === 'undefined' ? 900 : window.innerHeight) - reserve);

/** Column widths grow with the larger text of elder mode, so cells do not wrap into tall rows. */
export const useWidthScale = (): ((px: number) => number) => {
  const elder = useSession((s) => s.prefs.elderMode);
  return (px) => Math.round(elder ? px * 1.35 : px);
};
