import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { err, ok, type Result } from '../contract/result';
import type { BuildTarget } from './builder-config';
import { parseFleetCsv } from './fleet-csv';
import { resolveFleetRow, type FleetJob } from './fleet-rows';
import { secretsFromEnv, secretsOfMachine } from './known-secrets';
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

const isInside = (parent: string, path: string): boolean => {
  const rel = relative(resolve(parent), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

const shown = (path: string, base: string): string =>
  relative(base, path).startsWith('..') ? path : relative(base, path);

/**
 * Builds one package and writes one provisioning file per CSV row. A bad row is reported with its line number
 * and the others still build; the provisioning file is written only once its package exists. Every row is
 * read before the first build, so each package is checked for the credentials of the whole fleet (and of
 * kioskctl's environment): a machine's package must not carry another machine's credentials either.
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
  // A failed build removes its machine's output folder, which must never take provisioning files with it.
  if (isInside(request.outDir, request.provisionDir))
    return err(
      `the provisioning folder ${request.provisionDir} is inside the output folder ${request.outDir}: choose one outside it`,
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
  const finish = (row: FleetRowResult): void => {
    results.push(row);
    request.onRow?.(row);
  };
  const jobs: FleetJob[] = [];
  for (const record of csv.value.records) {
    const job = await resolveFleetRow(record, {
      csvDir: dirname(resolve(request.csvPath)),
      env: request.env,
    });
    if (job.ok) jobs.push(job.value);
    else
      finish({
        line: record.line,
        machineNo: record.fields.machine_no,
        ok: false,
        detail: job.error.join('; '),
      });
  }
  const secrets = [
    ...secretsFromEnv(request.env),
    ...jobs.flatMap((j) => secretsOfMachine(j.machineNo, j.line, j.credentials)),
  ];

  const seen = new Map<string, number>();
  for (const job of jobs) {
    const { machineNo } = job;
    const earlier = seen.get(machineNo);
    if (earlier !== undefined) {
      finish({
        line: job.line,
        machineNo,
        ok: false,
        detail: `machine ${machineNo} is already on line ${earlier}`,
      });
      continue;
    }
    seen.set(machineNo, job.line);
    const built = await buildMachine({ ...request, configText: job.configText, secrets });
    if (!built.ok) {
      finish({ line: job.line, machineNo, ok: false, detail: built.error.join('; ') });
      continue;
    }
    const packagePath = shown(built.value.artifacts[0] ?? built.value.unpackedDir, request.projectDir);
    const written = await writeProvisioningFile(
      join(request.provisionDir, provisioningFileName(machineNo)),
      { machineNo, credentials: job.credentials },
      { force: request.force ?? false },
    );
    finish(
      written.ok
        ? { line: job.line, machineNo, ok: true, detail: packagePath, provisioningFile: written.value }
        : {
            line: job.line,
            machineNo,
            ok: false,
            detail: `package built (${packagePath}), but provisioning: ${written.error}`,
          },
    );
  }
  return ok(results.sort((a, b) => a.line - b.line));
};
