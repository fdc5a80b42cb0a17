import type { LogFields, Logger, LogLevel } from '../../electron/core/ports/logger';

export type LogLine = { level: LogLevel; event: string; fields: LogFields };

/** Keeps every line so tests can assert on events and prove no secret was ever logged. */
export class MemoryLogger implements Logger {
  readonly lines: LogLine[] = [];
  debug(event: string, fields: LogFields = {}): void {
    this.lines.push({ level: 'debug', event, fields });
  }
  info(event: string, fields: LogFields = {}): void {
    this.lines.push({ level: 'info', event, fields });
  }
  warn(event: string, fields: LogFields = {}): void {
    this.lines.push({ level: 'warn', event, fields });
  }
  error(event: string, fields: LogFields = {}): void {
    this.lines.push({ level: 'error', event, fields });
  }
  text(): string {
    return this.lines.map((l) => `${l.level} ${l.event} ${JSON.stringify(l.fields)}`).join('\n');
  }
  has(event: string): boolean {
    return this.lines.some((l) => l.event === event);
  }
}
