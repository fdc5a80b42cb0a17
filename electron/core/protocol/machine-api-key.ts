import { md5Hex } from './sign';

/**
 * The machine-side report calls (vendor-api.md §5) authenticate with `api-key`: lowercase hex MD5 of the
 * machine number followed directly by the AppKey. Like a signature, it is never logged.
 */
export const machineApiKey = (machineNo: string, appKey: string): string => md5Hex(`${machineNo}${appKey}`);
