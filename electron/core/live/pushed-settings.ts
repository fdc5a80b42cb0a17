import type { AdminStore } from '../ports/admin-store';
import type { LiveLanguage, LiveSettings } from './incoming';

const KEY = 'live.settings';

const isLanguage = (value: unknown): value is LiveLanguage => value === 'en' || value === 'zh-CN';

/**
 * The settings the vendor's dashboard pushed (`client.machine.config.push`), kept across restarts. They sit on
 * top of the machine configuration: the installer's file gives the defaults, the dashboard may change them within
 * the ranges the parser allows.
 */
export const readPushedSettings = (store: AdminStore): LiveSettings => {
  const text = store.getMeta(KEY);
  if (text === null) return {};
  try {
    const v = JSON.parse(text) as LiveSettings;
    return {
      ...(typeof v.idleTimeoutSeconds === 'number' ? { idleTimeoutSeconds: v.idleTimeoutSeconds } : {}),
      ...(isLanguage(v.language) ? { language: v.language } : {}),
      ...(Array.isArray(v.languages) && v.languages.length > 0 && v.languages.every(isLanguage)
        ? { languages: v.languages }
        : {}),
      ...(typeof v.attract === 'boolean' ? { attract: v.attract } : {}),
    };
  } catch {
    return {};
  }
};

/** Merges a push into what was kept; answers whether anything changed (nothing is written otherwise). */
export const applyPushedSettings = (store: AdminStore, pushed: LiveSettings): boolean => {
  const before = readPushedSettings(store);
  const after = { ...before, ...pushed };
  if (JSON.stringify(after) === JSON.stringify(before)) return false;
  store.setMeta(KEY, JSON.stringify(after));
  return true;
};

/**
 * The start language and the switch's list: the dashboard's push over the installer's file. The start language is
 * always offered, first if the list left it out, so a push of one without the other never strands a customer.
 */
export const customerLanguages = (
  pushed: LiveSettings,
  config: { readonly language: LiveLanguage; readonly languages: readonly LiveLanguage[] },
): { language: LiveLanguage; languages: LiveLanguage[] } => {
  const language = pushed.language ?? config.language;
  const offered = pushed.languages ?? config.languages;
  return { language, languages: offered.includes(language) ? [...offered] : [language, ...offered] };
};
