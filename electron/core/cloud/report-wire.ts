import type { OrderReport, StockReport } from '../ports/vendor-cloud';
import { formatVendorTime } from '../protocol/vendor-time';

/**
 * Price × quantity on decimal text, exactly ("3.50" × 3 = "10.50"): money never goes through floating point.
 * A price that is not plain decimal text yields "0.00" rather than a guess.
 */
export const multiplyPrice = (price: string, quantity: number): string => {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(price.trim());
  if (!m) return '0.00';
  const whole = m[1] ?? '0';
  const fraction = m[2] ?? '';
  const digits = (BigInt(`${whole}${fraction}`) * BigInt(Math.max(0, Math.trunc(quantity)))).toString();
  if (fraction.length === 0) return digits;
  const padded = digits.padStart(fraction.length + 1, '0');
  return `${padded.slice(0, -fraction.length)}.${padded.slice(-fraction.length)}`;
};

/**
 * One pickup-code order in the machine-side upload format: status 7, trade type 2, payment id 0, amounts
 * as strings, vendor wall-clock times. The consume's trade id is reused so the cloud can match the two.
 */
export const orderReportToWire = (report: OrderReport): Record<string, unknown> => {
  const amount = multiplyPrice(report.price, report.quantity);
  return {
    trade_id: report.tradeId,
    status: 7,
    pickup_code_id: report.pickupCodeId,
    trade_type: 2,
    payment_id: 0,
    amount,
    created_at: formatVendorTime(report.createdAt),
    records: [
      {
        product_id: report.productId,
        quantity: report.quantity,
        price: report.price,
        tax_amount: '0.00',
        delivery_logs: report.deliveryLogs.map((log) => ({
          code: log.slotName,
          delivery_no: log.deliveryNo,
          delivery_index: log.deliveryIndex,
          status: log.status,
          fail_reason: log.failReason,
          created_at: formatVendorTime(log.at),
          updated_at: formatVendorTime(log.at),
        })),
      },
    ],
  };
};

/** A slot is named by its motor code when known, else by product id (the call accepts either). */
export const stockReportToWire = (item: StockReport): Record<string, unknown> => ({
  current_inventory: item.currentInventory,
  inventory: item.inventory,
  addr: item.addr,
  ...(item.slotCode === '' ? { product_id: item.productId } : { code: item.slotCode }),
});
