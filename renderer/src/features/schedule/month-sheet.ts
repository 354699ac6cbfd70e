/**
 * The printable month sheet of the duty schedule (A4, official fonts by name first), as one HTML
 * document for an iframe. Plain function of the stored month; the same rows as the XLSX/DOCX export.
 */
import type { ScheduleMonth } from '../../../../shared/ipc/channels/duty';
import { DUTY_ROLE_LABELS } from '../../../../shared/schedule/index';
import { WEEKDAY_LABELS, shanghaiTime, weekdayOf } from '../../../../shared/time';

const esc = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

export function monthSheetHtml(m: ScheduleMonth, station: string): string {
  const title = `${m.month.slice(0, 4)}年${Number(m.month.slice(5, 7))}月值班表`;
  const rows = m.shifts
    .map((s) => {
      const kind = s.holidayName ? `${s.dayKind}（${s.holidayName}）` : s.dayKind;
      const note = s.overrides
        .map((o) =>
          o.kind === '替班'
            ? `${DUTY_ROLE_LABELS[o.field]}由${o.to}替${o.from}：${o.reason}`
            : `${DUTY_ROLE_LABELS[o.field]}与${o.withDate ?? ''}换班：${o.reason}`,
        )
        .join('；');
      const cls = s.dayKind === '法定节假日' ? ' class="holiday"' : s.dayKind === '周末' ? ' class="weekend"' : '';
      return `<tr${cls}><td>${Number(s.date.slice(5, 7))}月${Number(s.date.slice(8, 10))}日</td><td>${WEEKDAY_LABELS[weekdayOf(s.date)] ?? ''}</td><td>${esc(kind)}</td><td>${shanghaiTime(Date.parse(s.start))}—${s.end.slice(0, 10) === s.date ? '' : '次日'}${shanghaiTime(Date.parse(s.end))}</td><td>${esc(s.leader)}</td><td>${esc(s.officer)}</td><td class="note">${esc(note)}</td></tr>`;
    })
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title><style>
@page { size: A4; margin: 20mm 18mm; }
body { font-family: '仿宋_GB2312', FangSong, 'Noto Serif CJK SC', serif; font-size: 11pt; margin: 0; }
h1 { font-family: '方正小标宋简体', 'Noto Serif CJK SC', serif; font-size: 20pt; font-weight: normal; text-align: center; margin: 0 0 4mm; }
.meta { text-align: center; margin-bottom: 4mm; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #000; padding: 1.2mm 1.5mm; text-align: center; }
th { font-family: '黑体', 'Noto Sans CJK SC', sans-serif; font-weight: normal; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.note { text-align: left; font-size: 9pt; }
tr.holiday td { background: #fdecea; }
tr.weekend td { background: #f3f3f3; }
@media print { tr.holiday td, tr.weekend td { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
</style></head><body><h1>${esc(title)}</h1><div class="meta">${esc(station)}　交接班时间 ${esc(m.plan?.config.startTime ?? '')}</div>
<table><thead><tr><th style="width:14%">日期</th><th style="width:10%">星期</th><th style="width:18%">类别</th><th style="width:14%">值班时间</th><th style="width:11%">带班领导</th><th style="width:11%">值班员</th><th>备注</th></tr></thead><tbody>${rows}</tbody></table>
</body></html>`;
}
