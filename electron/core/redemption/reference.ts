/** The short reference a customer is shown and quotes to support: the tail of the trade id, unique per machine. */
export const customerReference = (tradeId: string): string => tradeId.slice(-8);
