import type { AppContext } from '../../context';
import { DomainError } from '../../../shared/domain-error';
import { text } from '../../../shared/text';
import { DevSmsOutbox, HttpSmsGateway, type SmsGateway } from './gateway';

/** Production without a provider: nothing can be sent, and the person is told so. */
const noGateway: SmsGateway = {
  kind: 'http',
  send: async () => {
    throw new DomainError(
      'SMS_NOT_CONFIGURED',
      text(
        '平台尚未配置短信服务，暂时无法发送验证码。',
        'This platform has no SMS service configured; codes cannot be sent.',
      ),
      { field: 'phone' },
    );
  },
};

/** This context's SMS gateway, from the configuration (`config.sms`). */
export const smsGatewayFor = (ctx: AppContext): SmsGateway => {
  const sms = ctx.config.sms;
  return (ctx.services.smsGateway ??=
    sms.kind === 'http'
      ? new HttpSmsGateway(sms.url, sms.token)
      : sms.kind === 'none'
        ? noGateway
        : new DevSmsOutbox(() => ctx.now()));
};

/** The development outbox, or undefined when real SMS are sent (production). */
export const devOutboxOf = (ctx: AppContext): DevSmsOutbox | undefined => {
  const g = smsGatewayFor(ctx);
  return g instanceof DevSmsOutbox ? g : undefined;
};
