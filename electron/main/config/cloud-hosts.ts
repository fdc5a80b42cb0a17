import type { MachineConfig } from '../../core/config/schema';

/** The hosts a configuration sends requests (and with them the AppId/AppSecret headers) to. */
export const cloudHostsOf = (config: MachineConfig): string[] => [
  ...new Set([new URL(config.cloud.baseUrl).host, new URL(config.cloud.notifyUrl).host]),
];

/**
 * An on-site override may change any setting but the cloud it talks to: its hosts must be among those of the
 * configuration the package was built with. Answers the first host that is not, or null.
 */
export const foreignCloudHost = (override: MachineConfig, packaged: MachineConfig): string | null => {
  const allowed = new Set(cloudHostsOf(packaged));
  return cloudHostsOf(override).find((host) => !allowed.has(host)) ?? null;
};
