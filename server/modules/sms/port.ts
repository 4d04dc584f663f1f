import type { AppContext } from '../../context';
import { HttpError } from '../../http/errors';
import { text } from '../../../shared/text';
import { DevSmsOutbox, HttpSmsGateway, type SmsGateway } from './gateway';

/** Production without a provider: nothing can be sent, and the person is told so. */
const noGateway: SmsGateway = {
  kind: 'http',
  send: async () => {
    throw new HttpError(
      503,
      'SMS_NOT_CONFIGURED',
      text(
        '平台尚未配置短信服务，暂时无法发送验证码。',
        'This platform has no SMS service configured; codes cannot be sent.',
      ),
      'phone',
    );
  },
};

const gateways = new WeakMap<AppContext, SmsGateway>();

/** This context's SMS gateway, from the configuration (`config.sms`). */
export const smsGatewayFor = (ctx: AppContext): SmsGateway => {
  let g = gateways.get(ctx);
  if (!g) {
    const sms = ctx.config.sms;
    g =
      sms.kind === 'http'
        ? new HttpSmsGateway(sms.url, sms.token)
        : sms.kind === 'none'
          ? noGateway
          : new DevSmsOutbox(() => ctx.now());
    gateways.set(ctx, g);
  }
  return g;
};

/** The development outbox, or undefined when real SMS are sent (production). */
export const devOutboxOf = (ctx: AppContext): DevSmsOutbox | undefined => {
  const g = smsGatewayFor(ctx);
  return g instanceof DevSmsOutbox ? g : undefined;
};
