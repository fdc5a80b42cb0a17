import type { ServerResponse } from 'node:http';
import type { FaultBox } from './faults';
import type { SimAnswer } from './sim-answer';

const htmlPage = (status: number, title: string): string =>
  `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

export const notFoundAnswer = (): { status: number; text: string; type: string } => ({
  status: 404,
  text: htmlPage(404, 'Not Found'),
  type: 'text/html',
});

/** The bytes of an answer, after any body fault. */
export const renderAnswer = (
  answer: SimAnswer,
  faults: FaultBox,
  path: string,
): { status: number; text: string; type: string } => {
  const json = JSON.stringify(answer.body);
  const broken = faults.take('body', path);
  switch (broken?.kind) {
    case 'html':
      return { status: 502, text: htmlPage(502, 'Bad Gateway'), type: 'text/html' };
    case 'not-json':
      return { status: 200, text: 'Service temporarily unavailable, please retry', type: 'text/plain' };
    case 'truncated':
      return {
        status: answer.status,
        text: json.slice(0, Math.max(1, Math.floor(json.length / 2))),
        type: 'application/json',
      };
    case 'wrong-shape':
      return {
        status: 200,
        text: JSON.stringify({ code: 0, message: '订单未支付', data: {} }),
        type: 'application/json',
      };
    case undefined:
      return { status: answer.status, text: json, type: 'application/json' };
  }
};

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes an answer with the cloud's own Date header; a slow-body fault sends it in two halves. */
export const sendAnswer = async (
  res: ServerResponse,
  rendered: { status: number; text: string; type: string },
  now: number,
  slowBodyMs: number,
): Promise<void> => {
  const bytes = Buffer.from(rendered.text, 'utf8');
  res.sendDate = false;
  res.writeHead(rendered.status, {
    'content-type': `${rendered.type}; charset=utf-8`,
    'content-length': String(bytes.length),
    date: new Date(now).toUTCString(),
  });
  if (slowBodyMs <= 0 || bytes.length < 2) {
    res.end(bytes);
    return;
  }
  const half = Math.floor(bytes.length / 2);
  res.write(bytes.subarray(0, half));
  await wait(slowBodyMs);
  if (!res.destroyed) res.end(bytes.subarray(half));
};
