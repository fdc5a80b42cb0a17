import { describe, expect, it } from 'vitest';
import { ipcErrorCodes } from '../../../electron/contract/errors';
import { customerRefusals } from '../../../renderer/src/flow/refusal-plan';
import { startupStepSchema } from '../../../electron/contract/schemas';
import { languageFor, stringTables } from '../../../renderer/src/i18n/i18n-context';
import { countSentence, fill, placeholdersOf } from '../../../renderer/src/i18n/strings';

type Flat = Record<string, string>;
type Nested = { readonly [key: string]: string | readonly string[] | Nested };

/**
 * Nested tables (errors, start steps, refusals) and lists (the attract steps) become dotted keys, so every sentence
 * is checked the same way.
 */
const flatten = (table: Nested, prefix = ''): Flat => {
  const flat: Flat = {};
  for (const [key, value] of Object.entries(table)) {
    if (typeof value === 'string') flat[`${prefix}${key}`] = value;
    else Object.assign(flat, flatten(value as Nested, `${prefix}${key}.`));
  }
  return flat;
};

const en = flatten(stringTables.en);
const zh = flatten(stringTables['zh-CN']);

describe('string tables', () => {
  it('have exactly the same keys in both languages', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('have a sentence for every error code and every start step in both languages', () => {
    for (const table of [stringTables.en, stringTables['zh-CN']]) {
      expect(Object.keys(table.errors).sort()).toEqual([...ipcErrorCodes].sort());
      expect(Object.keys(table.startingSteps).sort()).toEqual([...startupStepSchema.options].sort());
    }
  });

  it('have a headline, a sentence and a next step for every refusal a customer can meet', () => {
    for (const table of [stringTables.en, stringTables['zh-CN']]) {
      expect(Object.keys(table.refusals).sort()).toEqual([...customerRefusals].sort());
      for (const copy of Object.values(table.refusals))
        expect(Object.keys(copy).sort()).toEqual(['body', 'next', 'title']);
    }
  });

  it.each(Object.keys(en))('%s is non-empty and uses the same placeholders in both languages', (key) => {
    const english = en[key] ?? '';
    const chinese = zh[key] ?? '';
    expect(english.trim()).not.toBe('');
    expect(chinese.trim()).not.toBe('');
    expect(placeholdersOf(chinese)).toEqual(placeholdersOf(english));
  });

  it('has a Chinese table that is actually translated', () => {
    const same = Object.keys(en).filter((key) => en[key] === zh[key]);
    expect(same).toEqual([]);
  });
});

describe('fill and languageFor', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('Item {n} of {m}', { n: 2, m: 3 })).toBe('Item 2 of 3');
    expect(fill('Item {n} of {m}', { n: 2 })).toBe('Item 2 of {m}');
  });

  it('says a count in the singular for exactly one, in the plural otherwise', () => {
    const { closesInOne, closesInMany } = stringTables.en;
    expect(countSentence(1, closesInOne, closesInMany)).toBe('This screen closes in 1 second');
    expect(countSentence(2, closesInOne, closesInMany)).toBe('This screen closes in 2 seconds');
    expect(countSentence(0, closesInOne, closesInMany)).toBe('This screen closes in 0 seconds');
    const zhTable = stringTables['zh-CN'];
    expect(countSentence(1, zhTable.closesInOne, zhTable.closesInMany)).toBe('本页面将在 1 秒后关闭');
    expect(countSentence(2, zhTable.closesInOne, zhTable.closesInMany)).toBe('本页面将在 2 秒后关闭');
  });

  it.each([
    ['en', 'en'],
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['ZH-cn', 'zh-CN'],
    ['fr', 'en'],
    [undefined, 'en'],
  ])('%s → %s', (tag, expected) => {
    expect(languageFor(tag)).toBe(expected);
  });
});
