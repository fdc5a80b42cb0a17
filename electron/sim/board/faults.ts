import type { SimFault } from './config';
import { physicalFaultKinds } from './config';

export type FaultKind = SimFault['kind'];
export type RequestContext = { readonly op: string; readonly addr: number; readonly slot?: number };

type Armed = { readonly fault: SimFault; left: number | 'always' };

/** Armed faults, consumed as matching requests arrive; `always` faults stay until cleared. */
export interface FaultBook {
  add(fault: SimFault): void;
  clear(): void;
  /** Consumes one use of the first armed fault of one of `kinds` that matches the request. */
  take(kinds: readonly FaultKind[], ctx: RequestContext): SimFault | null;
  armed(): SimFault[];
}

const physical = new Set<string>(physicalFaultKinds);

const matches = (f: SimFault, ctx: RequestContext): boolean => {
  if (f.addr !== undefined && f.addr !== ctx.addr) return false;
  if (f.slot !== undefined && f.slot !== ctx.slot) return false;
  if (physical.has(f.kind)) return ctx.op === 'dispense';
  return f.on === 'any' || f.on === ctx.op;
};

export const createFaultBook = (initial: readonly SimFault[] = []): FaultBook => {
  let list: Armed[] = initial.map((fault) => ({ fault, left: fault.times }));
  return {
    add(fault) {
      list.push({ fault, left: fault.times });
    },
    clear() {
      list = [];
    },
    take(kinds, ctx) {
      const hit = list.find((a) => kinds.includes(a.fault.kind) && matches(a.fault, ctx));
      if (!hit) return null;
      if (hit.left !== 'always') {
        hit.left -= 1;
        if (hit.left <= 0) list = list.filter((a) => a !== hit);
      }
      return hit.fault;
    },
    armed: () => list.map((a) => a.fault),
  };
};
