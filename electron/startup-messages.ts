import { text, type LocalizedText } from '../shared/text';
import type { PlatformStartFailure } from './platform-protocol';

/** What the error window says when the platform cannot be reached, in both languages. */
export const describeStartFailure = (failure: PlatformStartFailure): LocalizedText => {
  switch (failure.reason) {
    case 'timeout':
      return text(
        `内置服务平台在 ${Math.round(failure.timeoutMs / 1000)} 秒内没有启动完成。电脑较慢或磁盘繁忙时可重试。`,
        `The built-in platform did not start within ${Math.round(failure.timeoutMs / 1000)} seconds. On a slow or busy computer, try again.`,
      );
    case 'exited':
      return text(
        `内置服务平台启动时意外退出（代码 ${failure.code ?? '无'}）。`,
        `The built-in platform stopped while starting (code ${failure.code ?? 'none'}).`,
      );
    case 'failed':
      if (failure.code === 'DataFolderLockedError')
        return text(
          '数据目录正被另一个商通进程使用。请关闭其他商通窗口后重试。',
          'The data folder is in use by another Shangtong process. Close it and try again.',
        );
      return text(
        `内置服务平台无法启动：${failure.message}`,
        `The built-in platform could not start: ${failure.message}`,
      );
    case 'bad-address':
      return text(
        `内置服务平台报告了不安全的地址（${failure.url}），已停止。`,
        `The built-in platform reported an unsafe address (${failure.url}) and was stopped.`,
      );
  }
};

export const pageLoadFailed = (origin: string, detail: string): LocalizedText =>
  text(
    `无法从 ${origin} 打开商通（${detail}）。使用远程服务平台时，请检查网络或设置文件中的 platformUrl。`,
    `Cannot open Shangtong from ${origin} (${detail}). With a remote platform, check the network or platformUrl in the settings file.`,
  );

export const platformCrashed = (code: number): LocalizedText =>
  text(
    `内置服务平台意外停止（代码 ${code}）。`,
    `The built-in platform stopped unexpectedly (code ${code}).`,
  );
