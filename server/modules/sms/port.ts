import type { AppContext } from '../../context';
import { DevSmsOutbox, HttpSmsGateway, type SmsGateway } from './gateway';

const gateways = new WeakMap<AppContext, SmsGateway>();

/** This context's SMS gateway, from the configuration (`config.sms`). */
export const smsGatewayFor = (ctx: AppContext): SmsGateway => {
  let g = gateways.get(ctx);
  if (!g) {
    const sms = ctx.config.sms;
    g = sms.kind === 'http' ? new HttpSmsGateway(sms.url, sms.token) : new DevSmsOutbox(() => ctx.now());
    gateways.set(ctx, g);
  }
  return g;
};

/** The development outbox, or undefined when real SMS are sent (production). */
export const devOutboxOf = (ctx: AppContext): DevSmsOutbox | undefined => {
  const g = smsGatewayFor(ctx);
  return g instanceof DevSmsOutbox ? g : undefined;
};
