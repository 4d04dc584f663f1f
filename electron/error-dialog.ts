import { dialog } from 'electron';
import type { LocalizedText } from '../shared/text';

export type ErrorChoice = 'retry' | 'quit';

/**
 * The error window shown when the app cannot reach its platform: both languages, where to find
 * the log, and a way to try again.
 */
export const showStartupError = async (problem: LocalizedText, logFile?: string): Promise<ErrorChoice> => {
  const where = logFile ? `\n\n日志 / Log: ${logFile}` : '';
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: '商通 Shangtong',
    message: '商通无法启动 / Shangtong cannot start',
    detail: `${problem.zh}\n\n${problem.en}${where}`,
    buttons: ['重试 Retry', '退出 Quit'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  return response === 0 ? 'retry' : 'quit';
};
