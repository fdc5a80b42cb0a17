import { err, type Result } from '../../contract/result';

/** MQTT.js bounds the connect but waits for a SUBACK forever: an operator command must end with a reason. */
export const answerWithin = <T>(work: Promise<Result<T, string>>, ms: number): Promise<Result<T, string>> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Result<T, string>>((resolve) => {
    timer = setTimeout(() => {
      resolve(err(`no answer from the broker in ${ms / 1000} s`));
    }, ms);
  });
  return Promise.race([work, late]).finally(() => {
    clearTimeout(timer);
  });
};
