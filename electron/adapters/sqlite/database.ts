import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';

/** A prepared statement whose parameters and row type are stated once, where the SQL is written. */
export type Statement<P extends readonly SQLInputValue[], R> = {
  run(...params: P): { readonly changes: number };
  get(...params: P): R | undefined;
  all(...params: P): R[];
};

export type Db = {
  exec(sql: string): void;
  /** Statements are compiled once per SQL text and reused: the hot path never recompiles. */
  prepare<P extends readonly SQLInputValue[] = [], R = never>(sql: string): Statement<P, R>;
  /**
   * Runs `fn` atomically. The outermost call is one durable commit (BEGIN IMMEDIATE takes the write lock at
   * once, so a concurrent `kioskctl journal` writer waits on busy_timeout instead of failing mid-way); a call
   * inside another becomes a savepoint, so helpers that need atomicity compose.
   */
  transaction<T>(fn: () => T): T;
  /** Reads one PRAGMA's value (`user_version`, `journal_mode`, ...). */
  pragma(name: string): SQLInputValue;
  close(): void;
};

export type OpenDbOptions = {
  /** Milliseconds a statement waits for another connection's lock before failing. */
  readonly busyTimeoutMs?: number;
};

/**
 * node:sqlite (built into Node 24 and into Electron's Node) behind the few calls the queries use. Nothing here
 * is compiled per Node ABI, so the same code runs in tests, the CLI and the packaged app with no rebuild.
 */
export const openDb = (path: string, options: OpenDbOptions = {}): Db => {
  const db = new DatabaseSync(path, {
    enableForeignKeyConstraints: true,
    timeout: options.busyTimeoutMs ?? 5000,
  });
  const cache = new Map<string, StatementSync>();
  const compiled = (sql: string): StatementSync => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
  let depth = 0;

  return {
    exec(sql) {
      db.exec(sql);
    },
    prepare<P extends readonly SQLInputValue[], R>(sql: string): Statement<P, R> {
      const statement = compiled(sql);
      return {
        run: (...params) => ({ changes: Number(statement.run(...params).changes) }),
        // node:sqlite types rows as loose records; the SQL beside each call states their shape.
        get: (...params) => statement.get(...params) as R | undefined,
        all: (...params) => statement.all(...params) as R[],
      };
    },
    transaction<T>(fn: () => T): T {
      const outer = depth === 0;
      const savepoint = `sp${depth}`;
      db.exec(outer ? 'BEGIN IMMEDIATE' : `SAVEPOINT ${savepoint}`);
      depth += 1;
      try {
        const value = fn();
        // An async callback would commit before its awaits ran: that is a bug, not a transaction.
        if (value instanceof Promise) throw new TypeError('a transaction callback must not be async');
        db.exec(outer ? 'COMMIT' : `RELEASE ${savepoint}`);
        return value;
      } catch (e) {
        if (db.isTransaction) db.exec(outer ? 'ROLLBACK' : `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`);
        throw e;
      } finally {
        depth -= 1;
      }
    },
    pragma(name) {
      const row = db.prepare(`PRAGMA ${name}`).get();
      return row === undefined ? null : (Object.values(row)[0] ?? null);
    },
    close() {
      cache.clear();
      if (db.isOpen) db.close();
    },
  };
};
