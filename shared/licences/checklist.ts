import { serviceFor } from '../services/catalogue';
import type { Material, ServiceItem } from '../services/service-item';
import { type LocalizedText, text } from '../text';
import { DEFAULT_EXPIRING_DAYS, licenceTypeByKey } from './catalogue';
import { daysBetween } from './expiry';
import { chinaDate } from '../time/china';

/** A licence the company holds, as the registry reports it. */
export type HeldLicence = {
  typeKey: string;
  id: string;
  version: number;
  status: 'active' | 'revoked';
  validUntil: string | null;
  digest: string;
};

export type ChecklistStatus = 'auto' | 'missing' | 'expired' | 'revoked' | 'upload';

/** What will be attached: the submission records exactly this (identifier, version, digest). */
export type Attachment = Pick<HeldLicence, 'typeKey' | 'id' | 'version' | 'digest'>;

export type ChecklistItem = {
  material: Material;
  status: ChecklistStatus;
  /** The licence concerned: attached for `auto`, the lapsed one for `expired` / `revoked`. */
  licence?: HeldLicence;
  /** For `auto`: the attached licence is inside its renewal window (or 90 days of expiry). */
  expiringInDays?: number;
  /** For `missing` / `expired` / `revoked`: the service that fixes it. */
  fixServiceCode?: string;
  text: LocalizedText;
};

export type Checklist = {
  serviceCode: string;
  items: ChecklistItem[];
  /** Licences to attach once the applicant has previewed them and consented. */
  attachments: Attachment[];
  /** True when every required licence material is `auto`. Uploads are the form's business. */
  canSubmit: boolean;
};

const isCurrent = (l: HeldLicence, today: string): boolean =>
  l.status === 'active' && (l.validUntil === null || l.validUntil >= today);

/** Indefinite beats any date, a later expiry beats an earlier one, then the newer version. */
const better = (a: HeldLicence, b: HeldLicence): HeldLicence => {
  if (a.validUntil !== b.validUntil) {
    if (a.validUntil === null) return a;
    if (b.validUntil === null) return b;
    return a.validUntil > b.validUntil ? a : b;
  }
  return a.version >= b.version ? a : b;
};

const pickBest = (ls: HeldLicence[]): HeldLicence | undefined =>
  ls.reduce<HeldLicence | undefined>((best, l) => (best ? better(best, l) : l), undefined);

const newServiceCode = (typeKey: string): string | undefined => serviceFor(typeKey, 'new')?.code;

const checkLicenceMaterial = (
  service: ServiceItem,
  material: Extract<Material, { kind: 'licence' }>,
  held: HeldLicence[],
  today: string,
): ChecklistItem => {
  const name = material.name;
  const ofType = held.filter((l) => l.typeKey === material.licenceType);
  const type = licenceTypeByKey(material.licenceType);

  const current = pickBest(ofType.filter((l) => isCurrent(l, today)));
  if (current) {
    const daysLeft = current.validUntil === null ? null : daysBetween(today, current.validUntil);
    const window = type?.renewalWindowDays?.from ?? DEFAULT_EXPIRING_DAYS;
    const expiring = daysLeft !== null && daysLeft <= window;
    return {
      material,
      status: 'auto',
      licence: current,
      ...(expiring ? { expiringInDays: daysLeft } : {}),
      text: expiring
        ? text(
            `将自动调取${name.zh}（${daysLeft} 天后到期，请及时延续）`,
            `${name.en} will be attached (expires in ${daysLeft} days; renew it soon)`,
          )
        : text(
            `将自动调取${name.zh}，无需上传`,
            `${name.en} will be attached from the licence registry; no upload needed`,
          ),
    };
  }

  const fixWith = (code: string | undefined): { fixServiceCode?: string } =>
    code ? { fixServiceCode: code } : {};
  const expired = pickBest(ofType.filter((l) => l.status === 'active'));
  if (expired) {
    // Renewing the very licence that lapsed is no longer possible: it has to be applied for anew.
    const renew = type?.renewalServiceCode;
    const fix = renew && renew !== service.code ? renew : newServiceCode(material.licenceType);
    return {
      material,
      status: 'expired',
      licence: expired,
      ...fixWith(fix),
      text: text(
        `${name.zh}已于 ${expired.validUntil ?? ''} 过期，请先办理延续或重新申请`,
        `${name.en} expired on ${expired.validUntil ?? ''}; renew it or apply again first`,
      ),
    };
  }

  const revoked = pickBest(ofType);
  if (revoked) {
    return {
      material,
      status: 'revoked',
      licence: revoked,
      ...fixWith(newServiceCode(material.licenceType)),
      text: text(`${name.zh}已被注销或撤销，不能使用`, `${name.en} has been revoked and cannot be used`),
    };
  }

  return {
    material,
    status: 'missing',
    ...fixWith(newServiceCode(material.licenceType)),
    text: material.required
      ? text(`未持有${name.zh}，需先取得`, `No ${name.en} is held; it must be obtained first`)
      : text(`未持有${name.zh}（非必需）`, `No ${name.en} is held (optional)`),
  };
};

/**
 * Pre-flight for licence-free processing: for each material of `service`, whether a held licence
 * will be attached automatically or what stands in the way, with the service that fixes it.
 */
export const buildChecklist = (
  service: ServiceItem,
  heldLicences: readonly HeldLicence[],
  now: string | Date,
): Checklist => {
  const today = chinaDate(now);
  const held = [...heldLicences];
  const items = service.materials.map((material): ChecklistItem => {
    if (material.kind === 'upload') {
      return {
        material,
        status: 'upload',
        text: text(`请上传${material.name.zh}`, `Upload the ${material.name.en}`),
      };
    }
    return checkLicenceMaterial(service, material, held, today);
  });
  const attachments = items.flatMap((i) =>
    i.status === 'auto' && i.licence
      ? [
          {
            typeKey: i.licence.typeKey,
            id: i.licence.id,
            version: i.licence.version,
            digest: i.licence.digest,
          },
        ]
      : [],
  );
  const canSubmit = items.every(
    (i) => i.material.kind === 'upload' || !i.material.required || i.status === 'auto',
  );
  return { serviceCode: service.code, items, attachments, canSubmit };
};
