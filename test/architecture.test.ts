/**
 * The folder layout is the architecture: these boundaries keep the rules pure, the services free
 * of Electron (so they run under Node, in tests and the web host), and the UI behind the IPC API.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : files(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

/** Every module specifier a file imports (static, dynamic and re-exports). */
function imports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(
    /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm,
  )) {
    out.push((m[1] ?? m[2] ?? m[3])!);
  }
  return out;
}

function violations(dir: string, forbidden: (spec: string, file: string) => boolean): string[] {
  return files(dir).flatMap((f) =>
    imports(f)
      .filter((s) => forbidden(s, f))
      .map((s) => `${relative('.', f)} → ${s}`),
  );
}

describe('architecture', () => {
  it('shared/ imports no Electron, React, SQLite, electron-store, Node built-ins, or other top folders', () => {
    const bad = violations(
      'shared',
      (s) =>
        /^(electron|electron-store|react|react-dom|sqlite3|exceljs|docx|playwright-core)(\/|$)/.test(s) ||
        s.startsWith('node:') ||
        /^(fs|path|os|crypto|child_process|url)$/.test(s) ||
        /(^|\/)\.\.\/(\.\.\/)*(electron|renderer|test|scripts|bench)\//.test(s),
    );
    expect(bad).toEqual([]);
  });

  it('only electron/main and electron/preload import electron', () => {
    const bad = violations('electron', (s, f) => /^electron(\/|$)/.test(s) && !/electron\/(main|preload)\//.test(f));
    expect(bad).toEqual([]);
  });

  it('electron/ never imports the UI, and the preload reaches nothing but the contract', () => {
    expect(violations('electron', (s) => /(^|\/)renderer\//.test(s))).toEqual([]);
    const preload = violations('electron/preload', (s) => s.startsWith('.') && !/shared\/ipc\/contract$/.test(s));
    expect(preload).toEqual([]);
  });

  it('renderer/ talks to the main process only through the API module, never to electron/ or Node', () => {
    const bad = violations(
      'renderer',
      (s) => /(^|\/)electron\//.test(s) || /^(electron|sqlite3|electron-store)(\/|$)/.test(s) || s.startsWith('node:'),
    );
    expect(bad).toEqual([]);
  });

  it('every feature is a slice: channels in shared/ipc/channels/<feature>.ts, none inline in the contract', () => {
    const contract = readFileSync('shared/ipc/contract.ts', 'utf8');
    // A channel name as an object key ('feature:verb':) would be a channel declared in the contract itself.
    expect(contract.match(/^\s*'[a-z-]+:[a-z-]+'\s*:/gm) ?? []).toEqual([]);
    const channelFiles = readdirSync('shared/ipc/channels').filter((n) => n.endsWith('.ts'));
    for (const name of channelFiles) {
      const src = readFileSync(join('shared/ipc/channels', name), 'utf8');
      const feature = name.replace(/\.ts$/, '');
      expect(src, name).toMatch(/export const \w+Channels = \{/);
      expect(src, name).toMatch(/export interface \w+Outputs \{/);
      expect(contract, `contract.ts spreads channels/${feature}`).toContain(`from './channels/${feature}'`);
    }
  });

  it('one handler style: each createXxxHandlers(ctx) returns Pick<Handlers, keyof XxxOutputs>', () => {
    const makers = files('electron/services').flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/export function (create\w+Handlers)\(([^)]*)\)(:[^{]*)?\{/g)].map((m) => ({
        where: `${relative('.', f)}: ${m[1]!}`,
        returns: (m[3] ?? '').trim(),
      })),
    );
    // The detector must find the feature handlers, or an empty list proves nothing.
    expect(makers.length).toBeGreaterThanOrEqual(8);
    const other = makers.filter((m) => !/^: Pick<Handlers, keyof \w+Outputs>$/.test(m.returns)).map((m) => m.where);
    expect(other).toEqual([]);
  });

  it('the handler owns the unit of work: no service opens a transaction', () => {
    const opens = /\bdb\s*\.\s*(write|read|raw)\s*(<[^>]*>)?\s*\(/;
    // The detector must see the call in the shapes the code uses, or an empty result proves nothing.
    expect(opens.test('await this.ctx.db.write(async (q) => {')).toBe(true);
    expect(opens.test('this.db.read<number>((q) => 1)')).toBe(true);
    expect(opens.test('ctx.database.write(x)')).toBe(false);
    // Handlers own the units of their calls. Besides them, only these modules open one, each for the
    // reason given: no caller exists that could hand them a transaction.
    const ownUnits: Record<string, string> = {
      'electron/services/alarm-wiring.ts': 'the alarm engine runs on its timer, not on a call',
      'electron/services/incidents/derived.ts': 'the refresher stores derivations in the background, after the commit',
      'electron/services/accounts/account-service.ts':
        'the gate (log-in, lock, leader password, authorize) runs before any handler and commits a refusal of its own',
      'electron/services/seats/seat-service.ts': "the seats' gate wraps the accounts' one and caches names and the key",
      'electron/services/data/backups.ts':
        'a backup or a restore copies or replaces the whole database: it is the unit',
      'electron/services/data/full-export.ts': 'the full export streams every table in one read of its own',
      'electron/services/data/full-import.ts': 'the import streams the file into every table: one write of its own',
      'electron/services/integrity/chain.ts': 'the chain is verified in batches in the background',
      'electron/services/startup/startup-check.ts': 'the start-up check runs before the window opens',
    };
    const services = files('electron/services').filter((f) => !/-handlers\.ts$/.test(f));
    expect(services.length).toBeGreaterThanOrEqual(30);
    const bad = services
      .filter((f) => !(relative('.', f) in ownUnits) && opens.test(readFileSync(f, 'utf8')))
      .map((f) => relative('.', f));
    expect(bad).toEqual([]);
    // An exception that no longer opens a unit leaves the list, so the list stays true.
    const stale = Object.keys(ownUnits).filter((f) => !opens.test(readFileSync(f, 'utf8')));
    expect(stale).toEqual([]);
  });

  it('SQL lives only in electron/db/: no other main-process module holds a query in a string', () => {
    // The detector itself must see a query in each quoting style, or an empty result proves nothing.
    expect(sqlIn(`q.get('SELECT 1 AS x FROM t')`)).toHaveLength(1);
    expect(sqlIn('q.run(`UPDATE responses SET level = ?`)')).toHaveLength(1);
    expect(sqlIn('q.all("PRAGMA quick_check")')).toHaveLength(1);
    // …and the fragments a query is built from: conditions, orderings.
    expect(sqlIn("where.push('received_at >= ?')")).toHaveLength(1);
    expect(sqlIn("list(q, 'WHERE id IN (SELECT value FROM json_each(?))')")).toHaveLength(1);
    expect(sqlIn('`status IN (${marks})`')).toHaveLength(1);
    expect(sqlIn("'closure_kind IS NULL'")).toHaveLength(1);
    expect(sqlIn("const label = '选择事件';")).toEqual([]);
    expect(sqlIn("throw new Error('where is the file?')")).toEqual([]);
    const outside = files('electron').filter((f) => !relative('electron', f).startsWith('db/'));
    const bad = outside.flatMap((f) => sqlIn(readFileSync(f, 'utf8')).map((sql) => `${relative('.', f)}: ${sql}`));
    expect(bad).toEqual([]);
  });
});

/** SQL statements written as string literals (quoted or template) in a source text. */
function sqlIn(src: string): string[] {
  const sql =
    /['"`]\s*(SELECT\s[^'"`]*?\bFROM\b|INSERT\s+(OR\s+\w+\s+)?INTO\b|UPDATE\s+"?\w+"?\s+SET\b|DELETE\s+FROM\b|REPLACE\s+INTO\b|PRAGMA\s+\w+|(CREATE|DROP|ALTER)\s+(TABLE|TRIGGER|INDEX|VIEW)\b|WHERE\s+\(?\w|ORDER\s+BY\s+\w|\(?\w+\s+(IN\s*\(|LIKE\s+\?|(=|<>|!=|<=|>=|<|>)\s*\?|IS\s+(NOT\s+)?NULL\b))/g;
  return [...src.matchAll(sql)].map((m) => m[0].slice(0, 60));
}
