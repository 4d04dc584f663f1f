import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import {
  accessGroupClients,
  accessGroupStaff,
  accessGroups,
  firmClients,
  firmMembers,
  firms,
} from '../../db/schema';
import { DomainError } from '../../../shared/domain-error';
import { text } from '../../../shared/text';
import type { FirmRole } from '../../../shared/api/firms';

export type FirmMembership = { firmId: string; firmName: string; personId: string; role: FirmRole };

/**
 * Who the person is in the firm. A non-member gets "not found": whether a firm exists, and who
 * works there, is not theirs to learn.
 */
export const requireFirmMember = async (
  db: DbOrTx,
  firmId: string,
  personId: string,
): Promise<FirmMembership> => {
  const [row] = await db
    .select({ role: firmMembers.role, name: firms.name })
    .from(firmMembers)
    .innerJoin(firms, eq(firms.id, firmMembers.firmId))
    .where(and(eq(firmMembers.firmId, firmId), eq(firmMembers.personId, personId)));
  if (!row) throw firmNotFound();
  return { firmId, firmName: row.name, personId, role: row.role };
};

export const firmNotFound = (): DomainError =>
  new DomainError(
    'FIRM_NOT_FOUND',
    text('未找到该代理机构，或您不是其成员。', 'Firm not found, or you are not a member of it.'),
  );

export const requireFirmAdmin = async (
  db: DbOrTx,
  firmId: string,
  personId: string,
): Promise<FirmMembership> => {
  const m = await requireFirmMember(db, firmId, personId);
  if (m.role !== 'admin')
    throw new DomainError(
      'FIRM_ADMIN_ONLY',
      text('只有事务所管理员可以办理此事项。', 'Only the firm’s administrators may do this.'),
    );
  return m;
};

/**
 * The clients a member works on: every client for an admin; for staff, the clients of the access
 * groups they are in. `undefined` means "all" so callers can skip a filter on large firms.
 */
export const visibleClientIds = async (db: DbOrTx, m: FirmMembership): Promise<Set<string> | undefined> => {
  if (m.role === 'admin') return undefined;
  const rows = await db
    .select({ companyId: accessGroupClients.companyId })
    .from(accessGroupStaff)
    .innerJoin(accessGroups, eq(accessGroups.id, accessGroupStaff.groupId))
    .innerJoin(accessGroupClients, eq(accessGroupClients.groupId, accessGroups.id))
    .where(and(eq(accessGroupStaff.personId, m.personId), eq(accessGroups.firmId, m.firmId)));
  return new Set(rows.map((r) => r.companyId));
};

export const notInGroup = (): DomainError =>
  new DomainError(
    'NOT_IN_ACCESS_GROUP',
    text(
      '您所在的事务所分组不负责该客户，请联系事务所管理员。',
      'This client is not in any of your firm access groups; ask your firm admin.',
    ),
  );

/** A client the member may work on, or the reason they may not. */
export const requireClientAccess = async (
  db: DbOrTx,
  m: FirmMembership,
  companyId: string,
): Promise<void> => {
  const [client] = await db
    .select({ companyId: firmClients.companyId })
    .from(firmClients)
    .where(and(eq(firmClients.firmId, m.firmId), eq(firmClients.companyId, companyId)));
  if (!client)
    throw new DomainError(
      'NOT_A_CLIENT',
      text('该企业不是本事务所的客户。', 'This company is not a client of the firm.'),
    );
  const visible = await visibleClientIds(db, m);
  if (visible && !visible.has(companyId)) throw notInGroup();
};
