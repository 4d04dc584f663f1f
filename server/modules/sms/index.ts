// What other modules may use of SMS: the gateway port, the development outbox and the one-time codes.
export type { SmsGateway } from './gateway';
export { devOutboxOf, smsGatewayFor } from './port';
export { consumeSmsCode, sendSmsCode, SMS_RULES, type SmsSubject } from './codes';
