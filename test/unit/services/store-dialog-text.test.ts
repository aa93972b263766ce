import { describe, expect, it } from 'vitest';
import {
  moveAsideFailedText,
  storeDialogContent,
  storeDialogLanguage,
  storeDialogStrings,
} from '../../../electron/services/store/store-dialog-text';

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff]/u;
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join();
const status = { state: 'unavailable' as const, file: '/data/osea/workstation.sqlite', reason: 'file is not a database' };

describe('store dialog text', () => {
  const zh = storeDialogStrings['zh-CN'];
  const en = storeDialogStrings['en-US'];

  it('zh-CN and en-US have the same keys, none empty, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of Object.entries(zh)) {
      expect(text.trim(), `zh-CN ${key}`).not.toBe('');
      expect(en[key as keyof typeof en].trim(), `en-US ${key}`).not.toBe('');
      expect(placeholders(en[key as keyof typeof en]), key).toBe(placeholders(text));
    }
  });

  it('en-US is English and zh-CN is Chinese', () => {
    expect(Object.entries(en).filter(([, text]) => CJK.test(text))).toEqual([]);
    expect(Object.entries(zh).filter(([key, text]) => key !== 'title' && !CJK.test(text))).toEqual([]);
  });

  it('picks the language from the OS locale', () => {
    for (const locale of ['zh-CN', 'zh', 'zh-TW', 'zh_CN', 'zh-Hans-CN', 'ZH-cn']) expect(storeDialogLanguage(locale), locale).toBe('zh-CN');
    for (const locale of ['en-US', 'en', 'de-DE', 'ja', '', 'zhx']) expect(storeDialogLanguage(locale), locale).toBe('en-US');
  });

  it('offers move aside or quit for a file that exists, naming the file and the reason', () => {
    const content = storeDialogContent(status, true, '/data/osea', 'zh-CN');
    expect(content.actions).toEqual(['moveAside', 'quit']);
    expect(content.buttons).toEqual([zh.moveAside, zh.quit]);
    expect(content.quitIndex).toBe(1);
    expect(content.message).toContain(status.file);
    expect(content.detail).toContain(status.reason);
    expect(content.message + content.detail).not.toMatch(/\{\{/);
  });

  it('offers retry or quit when the folder itself is unusable (nothing to move aside)', () => {
    const content = storeDialogContent({ ...status, reason: "ENOTDIR: not a directory, mkdir '/data/osea'" }, false, '/data/osea', 'en-US');
    expect(content.actions).toEqual(['retry', 'quit']);
    expect(content.buttons).toEqual(['Retry', 'Quit']);
    expect(content.message).toContain('/data/osea');
    expect(content.detail).toContain('ENOTDIR');
    expect(content.detail).toContain('--data-dir');
  });

  it('words a failed move aside in the chosen language', () => {
    expect(moveAsideFailedText('EACCES', 'en-US')).toBe('The file could not be moved aside: EACCES');
    expect(moveAsideFailedText('EACCES', 'zh-CN')).toContain('EACCES');
    expect(CJK.test(moveAsideFailedText('EACCES', 'zh-CN'))).toBe(true);
  });
});
