import { and, eq, max } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types';
import { licences } from '../../db/schema';
import type { SignedLicence } from '../../../shared/licences/document';
import { parseQrPayload } from '../../../shared/licences/qr-payload';
import { verifyLicence, type VerifyResult } from '../../../shared/licences/verify';
import { text } from '../../../shared/text';
import type { IssuerKeyView, VerifyAnswer } from '../../../shared/api/licences';
import { publishedKeys, verifierKeys } from './key-ring';
import { typeNameOf, type LicenceRow } from './views';
import { isOnAbnormalList } from '../annual-reports';
import { ABNORMAL_LIST_NOTICE } from '../../../shared/lifecycle/abnormal-list';

/** The identifier a submitted document or QR text claims, without trusting it. */
const claimedIdentifier = (input: unknown): string | undefined => {
  if (typeof input === 'string') {
    try {
      return parseQrPayload(input).id;
    } catch {
      return undefined;
    }
  }
  if (typeof input !== 'object' || input === null) return undefined;
  const doc = (input as { document?: unknown }).document;
  if (typeof doc !== 'object' || doc === null) return undefined;
  const id = (doc as { id?: unknown }).id;
  return typeof id === 'string' && id.length <= 200 ? id : undefined;
};

export const toAnswer = (r: VerifyResult): VerifyAnswer => ({
  verdict: r.verdict,
  reasons: r.reasons,
  revocationChecked: r.revocationChecked,
  ...(r.seal ? { identifier: r.seal.id, version: r.seal.v, holderUscc: r.seal.h, validUntil: r.seal.u } : {}),
  ...(r.issuer ? { issuer: r.issuer } : {}),
  ...(r.state ? { state: r.state } : {}),
});

const SIGNATURE_CHECKED = new Set(['valid', 'expired', 'not-yet-valid', 'revoked']);

/**
 * Verification with the registry's knowledge: the same offline checks the app runs, plus
 * revocation, and "superseded" for a version a newer one has replaced (it no longer counts).
 */
export const verifyWithRegistry = async (
  db: DbOrTx,
  input: unknown,
  now: Date,
  keys?: readonly IssuerKeyView[],
): Promise<VerifyAnswer> => {
  const published = keys ?? (await publishedKeys(db));
  const id = claimedIdentifier(input);
  let row: LicenceRow | undefined;
  if (id) [row] = await db.select().from(licences).where(eq(licences.identifier, id));
  const result = verifyLicence(input as SignedLicence | string, {
    issuers: verifierKeys(published),
    revoked: (claimed, version) =>
      row && row.identifier === claimed && row.version === version ? row.status !== 'active' : undefined,
    now: now.toISOString(),
  });
  const answer = toAnswer(result);
  if (!row || !SIGNATURE_CHECKED.has(answer.verdict)) return answer;
  const [latest] = await db
    .select({ v: max(licences.version) })
    .from(licences)
    .where(
      and(
        eq(licences.serial, row.serial),
        eq(licences.typeCode, row.typeCode),
        eq(licences.issuerKey, row.issuerKey),
      ),
    );
  const latestVersion = latest?.v ?? row.version;
  if (answer.verdict === 'revoked') {
    const why =
      row.status === 'superseded'
        ? text(
            `该版本已被第 ${latestVersion} 版取代，不再有效`,
            `This version has been replaced by version ${latestVersion} and is no longer in force`,
          )
        : text(
            `该证照已被注销或撤销${row.revokedReason ? `：${row.revokedReason}` : ''}`,
            `This licence has been revoked${row.revokedReason ? `: ${row.revokedReason}` : ''}`,
          );
    answer.reasons = [...answer.reasons.slice(0, -1), why];
  }
  return {
    ...answer,
    registry: {
      status: row.status,
      latestVersion,
      typeName: typeNameOf(row.typeKey),
      holderName: row.signed.document.holder.name,
    },
    // lifecycle.md §3.9: a listed company's licences carry the notice wherever they are verified or shared.
    ...((await isOnAbnormalList(db, row.companyId)) ? { notices: [ABNORMAL_LIST_NOTICE] } : {}),
  };
};
