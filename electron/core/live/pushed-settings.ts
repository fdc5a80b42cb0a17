import type { AdminStore } from '../ports/admin-store';
import type { LiveSettings } from './incoming';

const KEY = 'live.settings';

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
      ...(v.language === 'en' || v.language === 'zh-CN' ? { language: v.language } : {}),
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
