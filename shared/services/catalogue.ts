import { annualReviewServices, changeServices, otherServices } from './items/changes-reviews-other';
import { newApplicationServices } from './items/new-applications';
import { renewalServices } from './items/renewals';
import type { ServiceItem, ServiceKind } from './service-item';

export { Material, ServiceItem, ServiceKind } from './service-item';

/**
 * Government service items (政务服务事项) offered with licence-free processing: each names the
 * materials it needs, and licence materials are attached from the registry instead of uploaded.
 */
export const serviceItems: readonly ServiceItem[] = [
  ...newApplicationServices,
  ...renewalServices,
  ...changeServices,
  ...annualReviewServices,
  ...otherServices,
];

const byCode = new Map(serviceItems.map((s) => [s.code, s]));

export const serviceByCode = (code: string): ServiceItem | undefined => byCode.get(code);

/** The service issuing `typeKey` with the given kind, e.g. where to get a missing licence. */
export const serviceFor = (typeKey: string, kind: ServiceKind): ServiceItem | undefined =>
  byCode.get(`${typeKey}.${kind}`);
