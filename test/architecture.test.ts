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

  it('SQL lives only in electron/db/: no other main-process module holds a query in a string', () => {
    // The detector itself must see a query in each quoting style, or an empty result proves nothing.
    expect(sqlIn(`q.get('SELECT 1 AS x FROM t')`)).toHaveLength(1);
    expect(sqlIn('q.run(`UPDATE responses SET level = ?`)')).toHaveLength(1);
    expect(sqlIn('q.all("PRAGMA quick_check")')).toHaveLength(1);
    expect(sqlIn("const label = '选择事件';")).toEqual([]);
    const outside = files('electron').filter((f) => !relative('electron', f).startsWith('db/'));
    const bad = outside.flatMap((f) => sqlIn(readFileSync(f, 'utf8')).map((sql) => `${relative('.', f)}: ${sql}`));
    expect(bad).toEqual([]);
  });
});

/** SQL statements written as string literals (quoted or template) in a source text. */
function sqlIn(src: string): string[] {
  const sql =
    /['"`]\s*(SELECT\s[^'"`]*?\bFROM\b|INSERT\s+(OR\s+\w+\s+)?INTO\b|UPDATE\s+"?\w+"?\s+SET\b|DELETE\s+FROM\b|REPLACE\s+INTO\b|PRAGMA\s+\w+|(CREATE|DROP|ALTER)\s+(TABLE|TRIGGER|INDEX|VIEW)\b)/g;
  return [...src.matchAll(sql)].map((m) => m[0].slice(0, 60));
}
