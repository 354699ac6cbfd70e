// Electronegativity (Electron security checks) over the main process, the preload and the page,
// offline. Fails on any finding above INFORMATIONAL and prints each one.
//
// The tool's global checks (CSP present and strong, navigation limited, permission handler set)
// look across a whole app, so electron/ and the renderer (src/ and the index.html that declares
// the page's CSP) are scanned together as one app, with package.json so the tool knows the
// Electron version. It always exits 0, so the CSV it writes is what counts.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const stage = mkdtempSync(join(tmpdir(), 'duty-electronegativity-'));
try {
  const app = join(stage, 'app');
  cpSync('electron', join(app, 'electron'), { recursive: true });
  cpSync('renderer/src', join(app, 'renderer', 'src'), { recursive: true });
  cpSync('renderer/index.html', join(app, 'renderer', 'index.html'));
  cpSync('package.json', join(app, 'package.json'));
  // The tool writes its CSV header and its rows with two concurrent asynchronous writes, so now and
  // then the header overwrites the start of the first row. A report is used only when every row
  // starts with a check id; otherwise the tool runs again (a few times at most).
  const bin = join(
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'electronegativity.cmd' : 'electronegativity',
  );
  let text = null;
  for (let attempt = 1; attempt <= 5 && text === null; attempt++) {
    const csv = join(stage, `electronegativity-${attempt}.csv`);
    // -x AvailableSecurityFixesGlobalCheck and no -e: either would fetch Electron's release list.
    const run = spawnSync(bin, ['-i', app, '-r', '-v', 'false', '-x', 'AvailableSecurityFixesGlobalCheck', '-o', csv], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (run.error || !existsSync(csv)) {
      console.error(
        `electronegativity did not run: ${run.error?.message ?? ''}\n${run.stdout ?? ''}${run.stderr ?? ''}`,
      );
      process.exit(1);
    }
    const written = readFileSync(csv, 'utf8');
    const lines = written.split(/\r?\n/);
    const firstRow = lines[1] ?? '';
    const usable = (lines[0] ?? '').startsWith('issue,') && (firstRow.trim() === '' || /^[A-Z0-9_]+,"/.test(firstRow));
    if (usable) text = written;
    else console.log(`electronegativity wrote a garbled report (attempt ${attempt}); running it again`);
  }
  if (text === null) {
    console.error('electronegativity wrote no usable report in 5 attempts');
    process.exit(1);
  }
  const rows = parseCsv(text);
  const header = rows.shift()?.map((h) => h.trim()) ?? [];
  const col = (name) => header.indexOf(name);
  if (col('issue') < 0 || col('severity') < 0) {
    console.error(`electronegativity wrote no readable report (header: ${header.join(', ')})`);
    process.exit(1);
  }
  // A finding row starts with the check's id (unquoted) and a known severity. The tool quotes the
  // sample it writes, but a row that still does not parse is judged by the severities it names, so
  // a real finding can never be lost in a parsing slip.
  const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
  const parsed = rows
    .filter((r) => r.length > 1)
    .map((r) => Object.fromEntries(header.map((h, i) => [h, (r[i] ?? '').trim()])));
  const findings = parsed.filter((f) => /^[A-Z0-9_]+$/.test(f.issue) && SEVERITIES.includes(f.severity));
  const unparsed = parsed.filter((f) => !findings.includes(f));
  for (const f of unparsed) console.log(`unparsed report row: ${JSON.stringify(f)}`);
  const above = [
    ...findings.filter((f) => f.severity !== 'INFORMATIONAL'),
    ...unparsed.filter((f) => Object.values(f).some((v) => SEVERITIES.slice(1).includes(v))),
  ];
  for (const f of findings) {
    console.log(
      `${f.severity.padEnd(13)} ${f.issue} ${f.filename}:${f.location} ${f.description}${f.sample && f.sample !== 'N/A' ? `\n              ${f.sample}` : ''}`,
    );
  }
  // Checks switched off in the code after a manual review are listed too, so they stay visible.
  const reviewed = spawnSync('git', ['grep', '-n', 'eng-disable', '--', 'electron', 'renderer'], {
    encoding: 'utf8',
  }).stdout.trim();
  if (reviewed) console.log(`reviewed and disabled in the code:\n${reviewed}`);
  console.log(`electronegativity: ${findings.length} findings, ${above.length} above INFORMATIONAL`);
  process.exit(above.length === 0 ? 0 : 1);
} finally {
  rmSync(stage, { recursive: true, force: true });
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
