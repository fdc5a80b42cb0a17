/** The table `kioskctl build --fleet` prints last: one row per CSV row, so nothing failed silently. */
export type FleetRowResult = {
  readonly line: number;
  readonly machineNo: string | undefined;
  readonly ok: boolean;
  /** Where the package is (ok) or the first problem (failed). */
  readonly detail: string;
  readonly provisioningFile?: string;
};

export const formatFleetSummary = (rows: readonly FleetRowResult[]): string[] => {
  const table = [
    ['line', 'machine', 'result', 'package / problem', 'provisioning file'],
    ...rows.map((r) => [
      String(r.line),
      r.machineNo ?? '-',
      r.ok ? 'ok' : 'FAILED',
      r.detail,
      r.provisioningFile ?? '-',
    ]),
  ];
  const widths = table[0]?.map((_, col) => Math.max(...table.map((row) => row[col]?.length ?? 0))) ?? [];
  const render = (row: readonly string[]): string =>
    row
      .map((cell, col) => (col === row.length - 1 ? cell : cell.padEnd(widths[col] ?? 0)))
      .join('  ')
      .trimEnd();
  const okCount = rows.filter((r) => r.ok).length;
  return [
    ...table.map(render),
    `${okCount} of ${rows.length} machine${rows.length === 1 ? '' : 's'} built${okCount < rows.length ? `, ${rows.length - okCount} failed` : ''}`,
  ];
};
