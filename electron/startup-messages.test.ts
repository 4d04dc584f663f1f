import { describe, expect, it } from 'vitest';
import { describeStartFailure, pageLoadFailed, platformCrashed } from './startup-messages';

describe('startup messages', () => {
  it('explain each failure in Chinese and English', () => {
    const cases = [
      describeStartFailure({ reason: 'timeout', timeoutMs: 60_000 }),
      describeStartFailure({ reason: 'exited', code: 1 }),
      describeStartFailure({ reason: 'failed', message: 'boom' }),
      describeStartFailure({ reason: 'failed', message: 'x', code: 'DataFolderLockedError' }),
      describeStartFailure({ reason: 'bad-address', url: 'http://0.0.0.0:1' }),
      pageLoadFailed('https://platform.example.gov.cn', 'ERR_NAME_NOT_RESOLVED'),
      platformCrashed(9),
    ];
    for (const message of cases) {
      expect(message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(message.en).toMatch(/^[\x20-\x7e]+$/);
    }
    expect(cases[0]?.zh).toContain('60 秒');
    expect(cases[3]?.en).toContain('in use by another Shangtong process');
  });
});
