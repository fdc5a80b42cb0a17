import { createContext, useContext } from 'react';
import { en } from './en';
import type { Strings } from './strings';
import { zhCN } from './zh-cn';

export type LanguageTag = 'en' | 'zh-CN';

export const stringTables: Readonly<Record<LanguageTag, Strings>> = { en, 'zh-CN': zhCN };

/** The state's language picks the table; any Chinese tag gets the simplified table, anything else English. */
export const languageFor = (language: string | undefined): LanguageTag =>
  language !== undefined && language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';

const StringsContext = createContext<Strings>(en);

export const StringsProvider = StringsContext.Provider;

export const useStrings = (): Strings => useContext(StringsContext);
