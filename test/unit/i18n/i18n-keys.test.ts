import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../shared/contract/result';
import { enUS } from '../../../renderer/src/i18n/en-US';
import { zhCN } from '../../../renderer/src/i18n/zh-CN';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const i18nDir = join(repoRoot, 'renderer', 'src', 'i18n');

function leafKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value as object, `${prefix}${key}.`),
  );
}

function leafValues(tree: object): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : leafValues(value as object)));
}

/** CJK ideographs, kana, CJK punctuation and full-width forms: any of these is Chinese UI text. */
const CJK = /[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

function sourceFiles(dir: string, wanted: (file: string) => boolean): string[] {
  const skip = new Set(['node_modules', 'out', 'dist', '.git', 'test-results', 'playwright-report']);
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return skip.has(entry.name) || entry.name.startsWith('.') ? [] : sourceFiles(path, wanted);
    return wanted(path) ? [path] : [];
  });
}

describe('translations', () => {
  it('zh-CN and en-US have exactly the same keys', () => {
    expect(leafKeys(enUS).sort()).toEqual(leafKeys(zhCN).sort());
  });

  it('has no empty message in either language', () => {
    expect(leafValues(zhCN).filter((text) => text.trim() === '')).toEqual([]);
    expect(leafValues(enUS).filter((text) => text.trim() === '')).toEqual([]);
  });

  it('en-US is really English: no CJK text left untranslated', () => {
    const untranslated = leafKeys(enUS).filter((key) => CJK.test(String(lookup(enUS, key))));
    expect(untranslated).toEqual([]);
  });

  it('uses the same interpolation placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const mismatched = leafKeys(zhCN).filter(
      (key) => placeholders(String(lookup(zhCN, key))).join() !== placeholders(String(lookup(enUS, key))).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('has a general message for every error code', () => {
    const errorKeys = new Set(leafKeys(zhCN.errors));
    const camel = (code: string) => code.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    expect(ErrorCode.options.filter((code) => !errorKeys.has(camel(code)))).toEqual([]);
  });
});

describe('error keys the back end sends', () => {
  it('every errors.* key named in electron/ has a zh-CN message', () => {
    const named = sourceFiles(join(repoRoot, 'electron'), (file) => /\.tsx?$/.test(file) && !file.endsWith('.test.ts'))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/'(errors\.[A-Za-z0-9_.]+)'/g)].map((m) => m[1]!));
    expect(named.length).toBeGreaterThan(0);
    expect([...new Set(named)].filter((key) => typeof lookup(zhCN, key) !== 'string')).toEqual([]);
  });
});

describe('zh-CN UI text lives only in renderer/src/i18n', () => {
  // Every .tsx file, tests and harnesses included. Chinese *data* that imitates what users type (names, mark
  // labels) belongs in a .ts data file, which this check does not read.
  const tsxFiles = sourceFiles(repoRoot, (file) => file.endsWith('.tsx') && !file.startsWith(i18nDir + sep));

  it('finds the sources it is meant to scan, under renderer/ and test/', () => {
    expect(tsxFiles.some((file) => file.endsWith(join('renderer', 'src', 'app', 'App.tsx')))).toBe(true);
    expect(tsxFiles.some((file) => file.endsWith(join('test', 'e2e', 'player-harness', 'main.tsx')))).toBe(true);
  });

  it('no .tsx file outside renderer/src/i18n contains CJK characters', () => {
    const offenders = tsxFiles
      .filter((file) => CJK.test(readFileSync(file, 'utf8')))
      .map((file) => relative(repoRoot, file));
    expect(offenders).toEqual([]);
  });

  it('the scan would catch Chinese text', () => {
    expect(CJK.test('<Button>保存</Button>')).toBe(true);
    expect(CJK.test('<Button>{t(\'settings.save\')}</Button>')).toBe(false);
  });
});

function lookup(tree: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
}
