import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openStore } from '../../adapters/sqlite/open-store';
import { serializeIncident } from '../../core/incidents/incident-file';
import type { KioskStore } from '../../core/ports/store';
import { intValue, parseArgs, requireValue, UsageError } from '../args';
import type { CliIo, CommandGroup } from '../command';

const usage = 'incident list|export --db FILE [--limit N] [--ref REF [--id N] [--out FILE]]';

const list = (store: KioskStore, limit: number, io: CliIo): number => {
  for (const i of store.listIncidents(limit)) {
    io.out(
      JSON.stringify({
        id: i.id,
        reference: i.reference,
        at: new Date(i.at).toISOString(),
        outcome: i.outcome,
        reason: i.reason,
        board: i.addr,
        slot: i.slot,
        unit: i.unitIndex === null ? null : i.unitIndex + 1,
        complete: i.complete,
      }),
    );
  }
  return 0;
};

const exportOne = (store: KioskStore, ref: string, id: number | null, out: string, io: CliIo): number => {
  const found = store.incidentsByReference(ref);
  const chosen = id === null ? found.at(-1) : found.find((i) => i.id === id);
  if (!chosen) {
    io.err(`kioskctl incident: no incident${id === null ? '' : ` ${id}`} under reference ${ref}`);
    return 1;
  }
  writeFileSync(out, serializeIncident(chosen), { mode: 0o600 });
  io.out(
    JSON.stringify({
      exported: chosen.id,
      reference: ref,
      file: out,
      others: found.length - 1,
      complete: chosen.complete,
    }),
  );
  return 0;
};

/**
 * The flight recorder's evidence, read from a machine's journal (safe while the kiosk runs: WAL lets a reader
 * in). `export` writes one file, the incident's journal rows and its frames, that `kioskctl sim board --replay`
 * plays back against both the reference board and the kiosk's own driver.
 */
export const incidentCommand: CommandGroup = {
  name: 'incident',
  summary: 'list the failed and unknown units the flight recorder kept, and export one for replay',
  usage,
  run(args: readonly string[], io: CliIo): Promise<number> {
    const parsed = parseArgs(args, { values: ['db', 'limit', 'ref', 'id', 'out'] });
    const [action] = parsed.positionals;
    const db = requireValue(parsed, 'db');
    if (action !== 'list' && action !== 'export')
      throw new UsageError(action === undefined ? 'missing action' : `unknown action "${action}"`);
    if (!existsSync(db)) {
      io.err(`kioskctl incident: no database at ${db}`);
      return Promise.resolve(1);
    }
    const store = openStore(db);
    try {
      if (action === 'list') return Promise.resolve(list(store, intValue(parsed, 'limit', 50), io));
      const ref = requireValue(parsed, 'ref');
      const id = parsed.values.has('id') ? intValue(parsed, 'id') : null;
      const out = resolve(io.cwd, parsed.values.get('out') ?? `incident-${ref}.ndjson`);
      return Promise.resolve(exportOne(store, ref, id, out, io));
    } finally {
      store.close();
    }
  },
};
