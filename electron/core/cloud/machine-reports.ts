import { z } from 'zod';
import { err, ok, type Result } from '../../contract/result';
import type { HttpResponse } from '../ports/http';
import type { CloudError, OrderReport, StockReport } from '../ports/vendor-cloud';
import { machineApiKey } from '../protocol/machine-api-key';
import { describeUnreadableBody, parseJson } from './answer';
import { cloudError } from './cloud-errors';
import { exchange, type CloudContext } from './context';
import { orderReportToWire, stockReportToWire } from './report-wire';
import { intLike, textLike } from './wire-values';

/** The upload call takes 1–50 orders per request. */
export const maxOrdersPerUpload = 50;

const reportAnswerSchema = z.object({
  code: intLike.nullish(),
  msg: textLike.nullish(),
  message: textLike.nullish(),
});

/** Machine-side calls answer plain JSON (`{_request_id, msg}`), not the Open API envelope. */
const readReportAnswer = (
  response: HttpResponse,
  what: string,
  needsCodeOne: boolean,
): Result<void, CloudError> => {
  const json = parseJson(response.body);
  const answer = json.ok ? reportAnswerSchema.safeParse(json.value) : null;
  const msg = answer?.success === true ? (answer.data.msg ?? answer.data.message ?? '') : '';
  const httpStatus = response.status;
  if (httpStatus === 401 || httpStatus === 403) {
    return err(
      cloudError('auth', `${what}: HTTP ${httpStatus}, machine key refused`, {
        httpStatus,
        vendorMessage: msg || null,
      }),
    );
  }
  if (httpStatus >= 400 && answer?.success === true && msg !== '') {
    return err(cloudError('vendor', `${what}: refused (${msg})`, { httpStatus, vendorMessage: msg }));
  }
  if (httpStatus < 200 || httpStatus >= 300) {
    return err(cloudError('http', `${what}: HTTP ${httpStatus}`, { httpStatus }));
  }
  if (answer?.success !== true) {
    const why = json.ok ? 'an answer of an unexpected shape' : describeUnreadableBody(response.body);
    return err(cloudError('malformed', `${what}: ${why}`, { httpStatus }));
  }
  if (needsCodeOne && answer.data.code !== 1) {
    return err(
      cloudError('vendor', `${what}: not accepted${msg ? ` (${msg})` : ''}`, {
        httpStatus,
        vendorCode: answer.data.code ?? 0,
        vendorMessage: msg,
      }),
    );
  }
  return ok(undefined);
};

const postMachineJson = async (
  ctx: CloudContext,
  path: string,
  body: unknown,
  what: string,
  needsCodeOne: boolean,
): Promise<Result<void, CloudError>> => {
  const response = await exchange(
    ctx,
    {
      method: 'POST',
      url: `${ctx.base}/api/app/v1${path}`,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'api-machine-no': ctx.machineNo,
        'api-key': machineApiKey(ctx.machineNo, ctx.credentials.appKey),
      },
      body: JSON.stringify(body),
    },
    what,
  );
  return response.ok ? readReportAnswer(response.value, what, needsCodeOne) : response;
};

/**
 * Uploads orders in batches of at most 50, one batch after the other. Not retried here: the outbox owns
 * retries. On a failure the detail says how many were accepted before it, so nothing is reported twice blindly.
 */
export const uploadOrderReports = async (
  ctx: CloudContext,
  orders: readonly OrderReport[],
): Promise<Result<void, CloudError>> => {
  for (let start = 0; start < orders.length; start += maxOrdersPerUpload) {
    const batch = orders.slice(start, start + maxOrdersPerUpload);
    const what = `order upload (orders ${start + 1}–${start + batch.length} of ${orders.length})`;
    const sent = await postMachineJson(ctx, '/batchUploadOrders', batch.map(orderReportToWire), what, false);
    if (!sent.ok)
      return err({ ...sent.error, detail: `${sent.error.detail}; ${start} accepted before this batch` });
  }
  return ok(undefined);
};

export const updateStockReports = async (
  ctx: CloudContext,
  items: readonly StockReport[],
): Promise<Result<void, CloudError>> =>
  items.length === 0
    ? ok(undefined)
    : postMachineJson(
        ctx,
        '/machine/standaloneUpdateStock',
        { data: items.map(stockReportToWire) },
        `stock update (${items.length} slots)`,
        true,
      );
