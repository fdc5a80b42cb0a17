import { err } from '../../contract/result';
import type { SimFailure, SimOutcome } from './state-types';

/** The simulator answers in the vendor's language, so the kiosk's handling of Chinese messages is exercised too. */
export const simMessages: Readonly<Record<number, string>> = {
  10001: '表单验证失败',
  10008: '缺少appid或appsecret',
  10013: 'appsecret无效',
  10014: 'appid无效',
  10023: '取货码功能未开启',
  10025: '取货码已使用',
  30002: '设备离线',
  30003: '设备不存在',
  4006: '签名错误',
  6032: '取货码已过期',
  60003: '库存不足',
  80002: '记录不存在',
};

export const failure = (vendorCode: number, detail?: string, data?: Record<string, unknown>): SimFailure => {
  const base = simMessages[vendorCode] ?? '错误';
  return {
    vendorCode,
    message: detail === undefined ? base : `${base}: ${detail}`,
    ...(data ? { data } : {}),
  };
};

export const fail = <T>(vendorCode: number, detail?: string, data?: Record<string, unknown>): SimOutcome<T> =>
  err(failure(vendorCode, detail, data));
