/** What the operator found when resolving an attention item: one tap each, since the screen has no keyboard. */
export const resolveNotes = ['dropped', 'not-dropped', 'served', 'refunded'] as const;
export type ResolveNote = (typeof resolveNotes)[number];

/** A restock count has at most this many digits; the core checks it against the slot's capacity. */
export const MAX_COUNT_DIGITS = 4;

/** The operator-tool question on screen, waiting for the operator's answer; one at a time. */
export type OperatorDialog =
  | { readonly kind: 'test'; readonly addr: number; readonly slot: number }
  | {
      readonly kind: 'restock';
      readonly productId: number;
      readonly count: string;
      /** The count is typed and the screen asks once more before it is saved. */
      readonly confirming: boolean;
    }
  | { readonly kind: 'resolve'; readonly redemptionId: string; readonly note: ResolveNote | null }
  | { readonly kind: 'service'; readonly inService: boolean };

export type DialogAction =
  | { readonly type: 'ask-test'; readonly addr: number; readonly slot: number }
  | { readonly type: 'ask-restock'; readonly productId: number }
  | { readonly type: 'restock-key'; readonly key: string }
  | { readonly type: 'restock-delete' }
  | { readonly type: 'restock-clear' }
  | { readonly type: 'restock-review' }
  | { readonly type: 'restock-edit' }
  | { readonly type: 'ask-resolve'; readonly redemptionId: string }
  | { readonly type: 'pick-note'; readonly note: ResolveNote }
  | { readonly type: 'ask-service'; readonly inService: boolean }
  | { readonly type: 'cancel' };

type Restock = Extract<OperatorDialog, { kind: 'restock' }>;

const editCount = (d: OperatorDialog | null, next: (count: string) => string): OperatorDialog | null => {
  if (d?.kind !== 'restock' || d.confirming) return d;
  const count = next(d.count).replace(/^0+(?=\d)/, '');
  return count.length > MAX_COUNT_DIGITS ? d : { ...d, count };
};

/** The count typed so far, or null while nothing is. */
export const typedCount = (d: Restock): number | null => (d.count === '' ? null : Number(d.count));

/** The dialog as a pure function: asking opens it, typing edits it, cancel closes it. */
export const dialogReducer = (d: OperatorDialog | null, a: DialogAction): OperatorDialog | null => {
  switch (a.type) {
    case 'ask-test':
      return { kind: 'test', addr: a.addr, slot: a.slot };
    case 'ask-restock':
      return { kind: 'restock', productId: a.productId, count: '', confirming: false };
    case 'restock-key':
      return /^\d$/.test(a.key) ? editCount(d, (c) => c + a.key) : d;
    case 'restock-delete':
      return editCount(d, (c) => c.slice(0, -1));
    case 'restock-clear':
      return editCount(d, () => '');
    case 'restock-review':
      return d?.kind === 'restock' && d.count !== '' ? { ...d, confirming: true } : d;
    case 'restock-edit':
      return d?.kind === 'restock' ? { ...d, confirming: false } : d;
    case 'ask-resolve':
      return { kind: 'resolve', redemptionId: a.redemptionId, note: null };
    case 'pick-note':
      return d?.kind === 'resolve' ? { ...d, note: a.note } : d;
    case 'ask-service':
      return { kind: 'service', inService: a.inService };
    case 'cancel':
      return null;
  }
};
