import { z } from 'zod';
import { DelegationEventData } from './delegation';
import { ApplicationStatus as LicenceApplicationStatus } from './licences';
import { ApplicationStatus as RegistrationStatus } from './registration';
import { BatchProgressData } from '../firms/batch-contract';

/**
 * Every event the platform sends on a person's live stream (`GET /api/v1/events`), one member per
 * type with its payload. The server's bus publishes only these (`server/events/bus.ts`), the
 * renderer parses what arrives with `StreamEvent` and its handlers switch on `type`. On the wire an
 * event is an SSE block `event: <type>` / `data: <JSON of data>`.
 */

const Id = z.uuid();
const event = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.object({ type: z.literal(type), data });

/** A company's event that names nothing more. */
const CompanyReportYear = z.object({ companyId: Id, reportYear: z.number().int() });
const CompanyReturn = z.object({ companyId: Id, returnId: Id });

export const ServerEvent = z.discriminatedUnion('type', [
  // registration (企业开办): an application moved or needs someone's confirmation
  event('registration.updated', z.object({ applicationId: Id, status: RegistrationStatus.optional() })),
  // delegation: the data says to whom (role) and the state it is in now
  event('delegation.requested', DelegationEventData),
  event('delegation.resent', DelegationEventData),
  event('delegation.cancelled', DelegationEventData),
  event('delegation.approved', DelegationEventData),
  event('delegation.rejected', DelegationEventData),
  event('delegation.revoked', DelegationEventData),
  event('delegation.expired', DelegationEventData),
  event('delegation.renewal-due', DelegationEventData),
  // tax
  event('tax.return.accepted', CompanyReturn),
  event('tax.payment.paid', CompanyReturn),
  // licences
  event('licence.application.submitted', z.object({ companyId: Id, applicationId: Id })),
  event(
    'licence.application.updated',
    z.object({ companyId: Id, applicationId: Id, status: LicenceApplicationStatus }),
  ),
  event('licence.share.created', z.object({ companyId: Id, licenceId: Id })),
  // annual reports
  event('annual-report.filed', CompanyReportYear),
  event('annual-report.corrected', CompanyReportYear),
  event('abnormal-list.listed', CompanyReportYear),
  event('abnormal-list.removed', z.object({ companyId: Id })),
  // change registration (变更登记/备案): an application moved; approved with the new licence version
  event('change.updated', z.object({ companyId: Id, changeId: Id })),
  event('change.approved', z.object({ companyId: Id, changeId: Id, licenceId: Id.nullable() })),
  // simplified deregistration: completed (to everyone connected), an objection (to the legal representative)
  event('deregistration.completed', z.object({ companyId: Id, on: z.iso.date() })),
  event('deregistration.objection', z.object({ companyId: Id })),
  // firms' batches, to the batch owner
  event('batch.progress', BatchProgressData),
  // to-do centre: a deadline reached one of the person's lead times
  event(
    'todo.reminder',
    z.object({
      reminderId: Id,
      itemKey: z.string(),
      leadDays: z.number().int(),
      dueDate: z.iso.date(),
      title: z.object({ zh: z.string(), en: z.string() }),
      link: z.string(),
    }),
  ),
]);
/** An event the server publishes (through the bus, to one person). */
export type ServerEvent = z.infer<typeof ServerEvent>;
export type ServerEventType = ServerEvent['type'];
/** The payload of one event type. */
export type EventData<T extends ServerEventType> = Extract<ServerEvent, { type: T }>['data'];

/** The stream's greeting, written once when it opens (not published: nothing happened). */
export const ReadyEvent = event('ready', z.object({}));

/** What a live stream carries: the greeting, then published events. */
export const StreamEvent = z.discriminatedUnion('type', [ReadyEvent, ...ServerEvent.options]);
export type StreamEvent = z.infer<typeof StreamEvent>;

/** What a delegation event says happened (`delegation.<kind>`): requested, approved, expired… */
type DelegationKindOf<T> = T extends `delegation.${infer K}` ? K : never;
export type DelegationEventKind = DelegationKindOf<ServerEventType>;

/** A delegation event, whatever its kind (they all carry DelegationEventData). */
export type DelegationEvent = Extract<ServerEvent, { type: `delegation.${string}` }>;

/** Every delegation event type; a Record so that adding one to the union without it fails to compile. */
const DELEGATION_TYPES: Record<DelegationEvent['type'], true> = {
  'delegation.requested': true,
  'delegation.resent': true,
  'delegation.cancelled': true,
  'delegation.approved': true,
  'delegation.rejected': true,
  'delegation.revoked': true,
  'delegation.expired': true,
  'delegation.renewal-due': true,
};

/** For handlers that treat every delegation change alike (refresh the lists it shows in). */
export const isDelegationEvent = (event: StreamEvent): event is DelegationEvent =>
  Object.hasOwn(DELEGATION_TYPES, event.type);
