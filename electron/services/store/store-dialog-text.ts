import type { StoreStatus } from '../../../shared/contract/ipc';

/**
 * Text of the native dialog electron/main shows when the local store cannot be opened. It appears before any
 * window (so before i18next and the user's saved language, which lives in that very store): the language follows
 * the OS locale. Kept here, Electron-free, so a test checks both languages carry every key. Wording follows
 * renderer/src/i18n `store.unavailable`, which shows the same choice inside the window.
 */
export type StoreDialogLanguage = 'zh-CN' | 'en-US';

const zhCN = {
  title: 'OSEA 审核工作站',
  fileMessage: '无法打开本地数据文件：\n{{file}}',
  fileDetail:
    '原因：{{reason}}\n\n程序不会自动清除您的数据。您可以将该文件移到一旁并新建空白数据文件（原文件会保留，改名存放，可交技术支持恢复），或直接退出。',
  folderMessage: '无法使用数据文件夹：\n{{folder}}',
  folderDetail:
    '原因：{{reason}}\n\n请确认该文件夹存在且可写入，或以 --data-dir 参数（或 OSEA_DATA_DIR 环境变量）指定另一个文件夹后重新启动。修正后可重试，或直接退出。',
  moveAsideFailed: '无法将该文件移到一旁：{{reason}}',
  moveAside: '移到一旁并重新开始',
  retry: '重试',
  quit: '退出',
};

type StoreDialogStrings = Record<keyof typeof zhCN, string>;

const enUS: StoreDialogStrings = {
  title: 'OSEA Review Workstation',
  fileMessage: 'The local data file cannot be opened:\n{{file}}',
  fileDetail:
    'Reason: {{reason}}\n\nYour data is never cleared automatically. You can move this file aside (it is kept, renamed, for support to recover) and start with a new, empty one, or quit.',
  folderMessage: 'The data folder cannot be used:\n{{folder}}',
  folderDetail:
    'Reason: {{reason}}\n\nCheck that the folder exists and can be written to, or start the app with --data-dir (or the OSEA_DATA_DIR environment variable) pointing at another folder. Retry once it is fixed, or quit.',
  moveAsideFailed: 'The file could not be moved aside: {{reason}}',
  moveAside: 'Move aside and start fresh',
  retry: 'Retry',
  quit: 'Quit',
};

export const storeDialogStrings: Record<StoreDialogLanguage, StoreDialogStrings> = { 'zh-CN': zhCN, 'en-US': enUS };

/** Any Chinese locale (zh, zh-CN, zh-TW, zh-Hans-CN …) reads the zh-CN text; every other locale English. */
export function storeDialogLanguage(locale: string): StoreDialogLanguage {
  return /^zh(?:[-_]|$)/i.test(locale.trim()) ? 'zh-CN' : 'en-US';
}

export type StoreDialogAction = 'moveAside' | 'retry' | 'quit';

export interface StoreDialogContent {
  title: string;
  message: string;
  detail: string;
  /** buttons[i] performs actions[i]; quit is last and is both default and cancel (Esc never discards data). */
  buttons: string[];
  actions: StoreDialogAction[];
  quitIndex: number;
}

/**
 * A file that exists but does not open (corrupt, newer build, unreadable) can be moved aside; when there is no
 * file the folder itself is the problem (cannot be created or written), and moving nothing aside would only loop,
 * so the choices are retry or quit.
 */
export function storeDialogContent(
  status: Extract<StoreStatus, { state: 'unavailable' }>,
  fileExists: boolean,
  folder: string,
  locale: string,
): StoreDialogContent {
  const text = storeDialogStrings[storeDialogLanguage(locale)];
  const actions: StoreDialogAction[] = fileExists ? ['moveAside', 'quit'] : ['retry', 'quit'];
  return {
    title: text.title,
    message: fill(fileExists ? text.fileMessage : text.folderMessage, { file: status.file, folder }),
    detail: fill(fileExists ? text.fileDetail : text.folderDetail, { reason: status.reason }),
    buttons: actions.map((action) => text[action]),
    actions,
    quitIndex: actions.indexOf('quit'),
  };
}

export function moveAsideFailedText(reason: string, locale: string): string {
  return fill(storeDialogStrings[storeDialogLanguage(locale)].moveAsideFailed, { reason });
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}
