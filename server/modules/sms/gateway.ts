/** One text message to one mobile phone. */
export type SmsMessage = { phone: string; text: string };

/**
 * The port through which the platform sends SMS. Production: a provider adapter configured by
 * environment (`HttpSmsGateway`); development and the demo: an in-memory outbox the app shows.
 */
export interface SmsGateway {
  readonly kind: 'dev-outbox' | 'http';
  send(message: SmsMessage): Promise<void>;
}

export type OutboxEntry = SmsMessage & { sentAt: string };

/** Development only: keeps the last messages in memory so the app (and tests) can read the code. */
export class DevSmsOutbox implements SmsGateway {
  readonly kind = 'dev-outbox' as const;
  private readonly entries: OutboxEntry[] = [];

  constructor(private readonly now: () => Date) {}

  async send(message: SmsMessage): Promise<void> {
    this.entries.unshift({ ...message, sentAt: this.now().toISOString() });
    this.entries.length = Math.min(this.entries.length, 50);
  }

  /** Newest first; only the given phone's messages when asked. */
  list(phone?: string): OutboxEntry[] {
    return this.entries.filter((e) => phone === undefined || e.phone === phone);
  }
}

/**
 * A provider adapter: POSTs `{phone, text}` as JSON with a bearer token to the configured URL
 * (an SMS provider's API or the operator's relay to one). Configuration only:
 * SHANGTONG_SMS_PROVIDER=http, SHANGTONG_SMS_URL, SHANGTONG_SMS_TOKEN (docs/identity.md).
 */
export class HttpSmsGateway implements SmsGateway {
  readonly kind = 'http' as const;

  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  async send(message: SmsMessage): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`SMS provider answered ${res.status}`);
  }
}
