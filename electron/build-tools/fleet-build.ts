import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { err, ok, type Result } from '../contract/result';
import type { BuildTarget } from './builder-config';
import { parseFleetCsv } from './fleet-csv';
import { resolveFleetRow } from './fleet-rows';
import { buildMachinePackage, type MachineBuildRequest } from './machine-build';
import { enclosingRepository, provisioningFileName, writeProvisioningFile } from './provisioning-writer';
import type { FleetRowResult } from './summary-table';

export type FleetBuildRequest = {
  readonly projectDir: string;
  readonly csvPath: string;
  readonly outDir: string;
  /** Where provisioning files go; must be outside any git repository. */
  readonly provisionDir: string;
  readonly target: BuildTarget;
  readonly electronDist?: string;
  readonly appDir?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Replace provisioning files left by an earlier run. */
  readonly force?: boolean;
  /** Called as each row finishes, so a long fleet run shows progress. */
  readonly onRow?: (row: FleetRowResult) => void;
};

export type MachineBuilder = (request: MachineBuildRequest) => ReturnType<typeof buildMachinePackage>;

const shown = (path: string, base: string): string =>
  relative(base, path).startsWith('..') ? path : relative(base, path);

/**
 * Builds one package and writes one provisioning file per CSV row. A bad row is reported with its line number
 * and the others still build; the provisioning file is written only once its package exists.
 */
export const buildFleet = async (
  request: FleetBuildRequest,
  buildMachine: MachineBuilder = (r) => buildMachinePackage(r),
): Promise<Result<FleetRowResult[], string>> => {
  // Checked before any build starts: finding out after an hour of packaging would waste the run.
  const repo = enclosingRepository(join(request.provisionDir, 'probe'));
  if (repo !== undefined)
    return err(
      `the provisioning folder ${request.provisionDir} is inside the git repository ${repo}: choose one outside it (--provision-out DIR)`,
    );
  let text: string;
  try {
    text = await readFile(request.csvPath, 'utf8');
  } catch {
    return err(`cannot read the fleet file ${request.csvPath}`);
  }
  const csv = parseFleetCsv(text);
  if (!csv.ok) return err(`${request.csvPath}: ${csv.error}`);

  const results: FleetRowResult[] = csv.value.problems.map((p) => ({
    line: p.line,
    machineNo: undefined,
    ok: false,
    detail: p.message,
  }));
  results.forEach((r) => request.onRow?.(r));
  const seen = new Map<string, number>();
  for (const record of csv.value.records) {
    const finish = (row: FleetRowResult): void => {
      results.push(row);
      request.onRow?.(row);
    };
    const job = await resolveFleetRow(record, {
      csvDir: dirname(resolve(request.csvPath)),
      env: request.env,
    });
    if (!job.ok) {
      finish({
        line: record.line,
        machineNo: record.fields.machine_no,
        ok: false,
        detail: job.error.join('; '),
      });
      continue;
    }
    const { machineNo } = job.value;
    const earlier = seen.get(machineNo);
    if (earlier !== undefined) {
      finish({
        line: record.line,
        machineNo,
        ok: false,
        detail: `machine ${machineNo} is already on line ${earlier}`,
      });
      continue;
    }
    seen.set(machineNo, record.line);
    const built = await buildMachine({ ...request, configText: job.value.configText });
    if (!built.ok) {
      finish({ line: record.line, machineNo, ok: false, detail: built.error.join('; ') });
      continue;
    }
    const packagePath = shown(built.value.artifacts[0] ?? built.value.unpackedDir, request.projectDir);
    const written = await writeProvisioningFile(
      join(request.provisionDir, provisioningFileName(machineNo)),
      { machineNo, credentials: job.value.credentials },
      { force: request.force ?? false },
    );
    finish(
      written.ok
        ? { line: record.line, machineNo, ok: true, detail: packagePath, provisioningFile: written.value }
        : {
            line: record.line,
            machineNo,
            ok: false,
            detail: `package built (${packagePath}), but provisioning: ${written.error}`,
          },
    );
  }
  return ok(results.sort((a, b) => a.line - b.line));
};
