import { z } from 'zod';

/**
 * The vendor's answers are protobuf-derived JSON: numbers sometimes arrive as strings ("2") and sometimes as
 * numbers (2), and zero, false and empty fields are omitted. These pieces accept both forms and normalise once.
 */
export const intLike = z.union([
  z.number().int(),
  z
    .string()
    .trim()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

/** Text that may have been sent as a number (a price of 3.5, a machine type of 2). */
export const textLike = z.union([z.string(), z.number().transform(String)]);

/** A flag as true/false, 1/0 or their string forms. */
export const boolLike = z.union([
  z.boolean(),
  z.number().transform((n) => n !== 0),
  z.enum(['true', 'false', '1', '0']).transform((s) => s === 'true' || s === '1'),
]);

/** An omitted (or null) protobuf field reads as its zero value. */
export const orZero = (value: number | null | undefined): number => value ?? 0;
export const orEmpty = (value: string | null | undefined): string => value ?? '';

/** `[]` when empty, a paged object when not: both shapes, and a bare array of items for good measure. */
export const pagedListSchema = z.union([
  z.array(z.unknown()).transform((items) => ({ items, lastPage: 1, total: items.length })),
  z
    .object({
      data: z.array(z.unknown()).nullish(),
      total: intLike.nullish(),
      current_page: intLike.nullish(),
      last_page: intLike.nullish(),
      per_page: intLike.nullish(),
    })
    // A bare `{}` (what failures carry) is not an empty page: a real page always states where it is.
    .refine(
      (page) =>
        page.data != null || page.current_page != null || page.last_page != null || page.per_page != null,
    )
    .transform((page) => ({
      items: page.data ?? [],
      lastPage: Math.max(1, orZero(page.last_page)),
      total: orZero(page.total),
    })),
]);
export type PagedList = z.infer<typeof pagedListSchema>;
