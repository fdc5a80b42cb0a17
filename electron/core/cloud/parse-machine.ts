import { z } from 'zod';
import type { MachineDetail } from '../ports/vendor-cloud';
import { boolLike, orEmpty, textLike } from './wire-values';

/** Cabinet letters as a list, or (defensively) as one comma-separated string. */
const cabinetNamesSchema = z.union([z.array(textLike), z.string().transform((s) => s.split(','))]);

const machineSchema = z
  .object({
    name: textLike.nullish(),
    is_online: boolLike.nullish(),
    model: z.object({ cabinet_names: cabinetNamesSchema.nullish() }).nullish(),
    machine_type: textLike.nullish(),
    currency: textLike.nullish(),
    contact: textLike.nullish(),
    tel: textLike.nullish(),
  })
  // An empty object is what failures carry; a machine always has at least a name or a model.
  .refine((m) => m.name != null || m.model != null);

/** Without a cabinet list the vendor's own default applies: cabinet A only. */
export const defaultCabinets: readonly string[] = ['A'];

export const toMachineDetail = (data: unknown): MachineDetail | null => {
  const parsed = machineSchema.safeParse(data);
  if (!parsed.success) return null;
  const m = parsed.data;
  const cabinets = [
    ...new Set(
      (m.model?.cabinet_names ?? []).map((c) => c.trim().toUpperCase()).filter((c) => /^[A-Z]$/.test(c)),
    ),
  ];
  return {
    name: orEmpty(m.name),
    // Absent means offline (protobuf drops `false`).
    online: m.is_online ?? false,
    cabinets: cabinets.length > 0 ? cabinets : defaultCabinets,
    machineType: orEmpty(m.machine_type),
    currency: orEmpty(m.currency),
    contact: m.contact ?? m.tel ?? '',
  };
};
