import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSimConfig, parseSimConfig, simConfigSchema } from '../../../../electron/sim/board/config';
import { applyControl, parseControlLine } from '../../../../electron/sim/board/control';
import { createBoardSim } from '../../../../electron/sim/board/board-sim';
import { createFileLedger, createMemoryLedger, readLedger } from '../../../../electron/sim/board/ledger';
import { ManualClock } from '../../../fakes/manual-clock';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'kiosk-ledger-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('physical ledger', () => {
  it('appends one JSON line per drop and continues the sequence after a restart', () => {
    const path = join(tempDir(), 'ledger.jsonl');
    const first = createFileLedger(path);
    first.append(1, 12, 1000);
    first.append(2, 3, 2000);
    first.close();
    const second = createFileLedger(path);
    expect(second.append(1, 12, 3000).seq).toBe(3);
    second.close();
    expect(readLedger(path)).toEqual([
      { seq: 1, addr: 1, slot: 12, at: 1000 },
      { seq: 2, addr: 2, slot: 3, at: 2000 },
      { seq: 3, addr: 1, slot: 12, at: 3000 },
    ]);
    expect(readFileSync(path, 'utf8').split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('ignores a line torn by a crash and never merges the next entry into it', () => {
    const path = join(tempDir(), 'ledger.jsonl');
    writeFileSync(path, '{"seq":1,"addr":1,"slot":1,"at":1}\n');
    appendFileSync(path, '{"seq":2,"ad');
    const ledger = createFileLedger(path);
    ledger.append(1, 5, 9);
    ledger.close();
    expect(readLedger(path).map((e) => [e.seq, e.slot])).toEqual([
      [1, 1],
      [2, 5],
    ]);
  });

  it('reads a missing ledger as empty; the memory ledger counts the same way', () => {
    expect(readLedger(join(tempDir(), 'none.jsonl'))).toEqual([]);
    const m = createMemoryLedger();
    m.append(1, 1, 0);
    expect(m.append(1, 2, 0).seq).toBe(2);
  });
});

describe('simulator config', () => {
  it('fills realistic defaults', () => {
    const c = parseSimConfig({});
    expect(c.ok && c.value.boards).toMatchObject([{ addr: 1, rows: 10, columns: 10, dropSensor: true }]);
    expect(c.ok && c.value.motorMs.spring).toBe(800);
  });

  it('rejects nonsense with the path of the problem', () => {
    expect(parseSimConfig({ boards: [{ addr: 9 }] })).toMatchObject({ ok: false });
    const dup = parseSimConfig({ boards: [{ addr: 1 }, { addr: 1 }] });
    expect(dup.ok ? '' : dup.error).toContain('two boards share one address');
    const typo = parseSimConfig({ boards: [{ addr: 1, dropsensor: true }] });
    expect(typo.ok ? '' : typo.error).toContain('boards.0');
  });

  it('loads a file, and says which file is unreadable or not JSON', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'ok.json'),
      JSON.stringify({ boards: [{ addr: 2 }], faults: [{ kind: 'busy' }] }),
    );
    writeFileSync(join(dir, 'bad.json'), '{');
    expect(loadSimConfig(join(dir, 'ok.json'))).toMatchObject({ ok: true, value: { boards: [{ addr: 2 }] } });
    const bad = loadSimConfig(join(dir, 'bad.json'));
    expect(bad.ok ? '' : bad.error).toContain('not valid JSON');
    const missing = loadSimConfig(join(dir, 'missing.json'));
    expect(missing.ok ? '' : missing.error).toContain('cannot read');
  });
});

describe('simulator control lines', () => {
  const sim = () =>
    createBoardSim({
      config: simConfigSchema.parse({}),
      clock: new ManualClock(),
      ledger: createMemoryLedger(),
    });

  it('parses the four commands and refuses anything else', () => {
    expect(parseControlLine('{"cmd":"state"}')).toEqual({ ok: true, value: { cmd: 'state' } });
    expect(parseControlLine('{"cmd":"reboot"}').ok).toBe(false);
    expect(parseControlLine('state').ok).toBe(false);
  });

  it('arms, reports and clears faults, and asks the host to quit', () => {
    const s = sim();
    expect(applyControl(s, '{"cmd":"fault","fault":{"kind":"jam"}}').answer.event).toBe('fault-armed');
    expect(applyControl(s, '{"cmd":"fault","fault":{"kind":"nope"}}').answer.event).toBe('control-error');
    expect(applyControl(s, '{"cmd":"state"}').answer).toMatchObject({
      event: 'state',
      armed: [{ kind: 'jam' }],
      drops: 0,
    });
    expect(applyControl(s, '{"cmd":"clear-faults"}').answer.event).toBe('faults-cleared');
    expect(s.armedFaults()).toEqual([]);
    expect(applyControl(s, '{"cmd":"quit"}').quit).toBe(true);
  });
});
