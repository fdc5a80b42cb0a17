import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** Lints source text as if it lived at `filePath` (an existing file, so the type-aware parser knows it). */
const ruleHits = async (filePath: string, code: string): Promise<string[]> => {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
};

describe('layering rules', () => {
  it('fail a renderer file that imports node:fs, electron or serialport', async () => {
    const file = 'renderer/src/kiosk-api.ts';
    expect(
      await ruleHits(file, "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"),
    ).toHaveLength(1);
    expect(
      await ruleHits(file, "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n"),
    ).toHaveLength(1);
    expect(
      await ruleHits(file, "import { SerialPort } from 'serialport';\nexport const s = SerialPort;\n"),
    ).toHaveLength(1);
  });

  it('fail a renderer file that imports main-process code', async () => {
    const hits = await ruleHits(
      'renderer/src/kiosk-api.ts',
      "export { startRuntime } from '../../electron/runtime/start-runtime';\n",
    );
    expect(hits).toHaveLength(1);
  });

  it('fail a core file that imports electron, an adapter or an I/O module', async () => {
    const file = 'electron/core/slot-resolver.ts';
    expect(await ruleHits(file, "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await ruleHits(file, "export { openStore } from '../adapters/sqlite/open-store';\n")).toHaveLength(
      1,
    );
    expect(
      await ruleHits(file, "import { request } from 'node:http';\nexport const r = request;\n"),
    ).toHaveLength(1);
    expect(
      await ruleHits(file, "import { readFileSync } from 'fs';\nexport const r = readFileSync;\n"),
    ).toHaveLength(1);
    expect(
      await ruleHits(file, "import { DatabaseSync } from 'node:sqlite';\nexport const d = DatabaseSync;\n"),
    ).toHaveLength(1);
  });

  it('let the core import its own ports and the contract', async () => {
    const hits = await ruleHits(
      'electron/core/slot-resolver.ts',
      "import type { HttpClient } from './ports/http';\nimport { ok } from '../contract/result';\nexport type H = HttpClient;\nexport const o = ok;\n",
    );
    expect(hits).toEqual([]);
  });
});
