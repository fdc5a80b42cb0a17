import { z } from 'zod';
import type { Result } from '../../contract/result';
import { err, ok } from '../../contract/result';
import type { RecordedFrame } from '../board/recorder';
import { parseRecording } from '../board/recorder';
import type { IncidentRow } from '../ports/incident-store';

/** What the replay needs from an incident's first line; the rest of the journal rides along for people. */
const headerSchema = z.object({
  incident: z.object({
    id: z.number().int(),
    reference: z.string(),
    outcome: z.enum(['failed', 'unknown']),
    reason: z.string().nullable(),
    addr: z.number().int(),
    slot: z.number().int(),
    at: z.number(),
    complete: z.boolean(),
    journal: z.object({
      request: z.object({
        addr: z.number().int().min(1).max(8),
        slot: z.number().int().min(0).max(99),
        type: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
        dropCheck: z.boolean(),
        lift: z.boolean(),
      }),
      phase: z.enum(['dispense', 'assess']),
      context: z.object({ accepted: z.boolean(), machineRestarted: z.boolean() }).nullable(),
      startedAt: z.number(),
      drivenAt: z.number(),
      preflight: z
        .object({ runStatus: z.enum(['idle', 'busy', 'done', 'fault']), faultCode: z.number().int() })
        .nullable(),
    }),
  }),
});
export type IncidentHeader = z.infer<typeof headerSchema>['incident'];

/**
 * One incident as one file: a header line (the incident and its journal rows) and then its frames, one per line,
 * in the black-box format. `kioskctl sim board --replay` reads it; so does a person with a text editor.
 */
export const serializeIncident = (row: IncidentRow): string => {
  const { frames, journal, ...summary } = row;
  const header = { incident: { ...summary, journal: JSON.parse(journal) as unknown } };
  return `${JSON.stringify(header)}\n${frames}`;
};

export type IncidentFile = { readonly header: IncidentHeader | null; readonly frames: RecordedFrame[] };

/** Reads an incident file, or a plain black-box dump (no header line); anything else is an error. */
export const parseIncidentFile = (text: string): Result<IncidentFile, string> => {
  const newline = text.indexOf('\n');
  const first = newline < 0 ? text : text.slice(0, newline);
  if (!first.includes('"incident"')) {
    const frames = parseRecording(text);
    return frames.ok ? ok({ header: null, frames: frames.value }) : frames;
  }
  let value: unknown;
  try {
    value = JSON.parse(first);
  } catch {
    return err('line 1: the incident header is not JSON');
  }
  const header = headerSchema.safeParse(value);
  if (!header.success)
    return err(`line 1: not an incident header (${header.error.issues[0]?.message ?? ''})`);
  const frames = parseRecording(newline < 0 ? '' : text.slice(newline + 1));
  if (!frames.ok) {
    // Line numbers in the file, not in the frames after the header.
    return err(frames.error.replace(/^line (\d+)/, (_m, n: string) => `line ${Number(n) + 1}`));
  }
  return ok({ header: header.data.incident, frames: frames.value });
};
