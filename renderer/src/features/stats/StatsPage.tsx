import { App, Button, Card, Col, Empty, Progress, Row, Space, Statistic, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { CLOCK_OUTCOME_LABELS, type CountRow, type OutcomeCounts } from '../../../../shared/stats/index';
import { call } from '../../api/api';
import { fmtDateTime } from '../../lib/format';
import { useLoad } from '../../hooks/useApi';
import { runExport } from '../data/files';
import { RangePicker, rangeOf } from '../data/RangePicker';
import './stats.css';
import { errorText } from '../../lib/errors';

const OUTCOME_COLORS = { onTime: '#389e0d', late: '#d48806', missed: '#cf1322', pending: '#8c8c8c' } as const;
const OUTCOMES = ['onTime', 'late', 'missed', 'pending'] as const;

function CountChart({ title, rows, testid }: { title: string; rows: CountRow[]; testid: string }) {
  return (
    <Card className="stats-card" size="small" title={title} data-testid={testid}>
      {rows.length === 0 ? (
        <Empty description="无数据" />
      ) : (
        <>
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="key" interval={0} tick={{ fontSize: 12 }} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="count" name="事件数" fill="#1677ff" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={rows}
            columns={[
              { title: '项目', dataIndex: 'key' },
              { title: '事件数', dataIndex: 'count', align: 'right' },
            ]}
          />
        </>
      )}
    </Card>
  );
}

const rate = (o: OutcomeCounts) => (o.onTimeRate === null ? '—' : `${(o.onTimeRate * 100).toFixed(1)}%`);

function OutcomeTable({ rows, testid }: { rows: (OutcomeCounts & { key: string })[]; testid: string }) {
  return (
    <>
      {rows.length > 0 && (
        <ResponsiveContainer width="100%" height={Math.max(120, rows.length * 40 + 60)}>
          <BarChart data={rows} layout="vertical" margin={{ left: 20 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="key" width={130} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend />
            {OUTCOMES.map((k) => (
              <Bar
                key={k}
                dataKey={k}
                stackId="o"
                name={CLOCK_OUTCOME_LABELS[k]}
                fill={OUTCOME_COLORS[k]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
      <Table
        data-testid={testid}
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        locale={{ emptyText: '无数据' }}
        columns={[
          { title: '项目', dataIndex: 'key' },
          ...OUTCOMES.map((k) => ({ title: CLOCK_OUTCOME_LABELS[k], dataIndex: k, align: 'right' as const })),
          { title: '按时率', render: (_: unknown, o: OutcomeCounts) => rate(o), align: 'right' as const },
        ]}
      />
    </>
  );
}

/** 统计: incidents per plan, level, place and month; clocks on time / 迟报 / 漏报; median report times. */
export function StatsPage() {
  const { message } = App.useApp();
  const [days, setDays] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [includeDrills, setIncludeDrills] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const range = rangeOf(days, includeDrills);
  const { data: view, error } = useLoad(() => call('data:stats', range), [range.from, range.to, range.includeDrills]);
  const s = view?.stats;
  const overall = s?.clockOutcomes.overall;
  // Each slice carries its own colour (recharts reads `fill` from the data; Cell is deprecated).
  const pie = overall
    ? OUTCOMES.map((k) => ({
        key: k,
        name: CLOCK_OUTCOME_LABELS[k],
        value: overall[k],
        fill: OUTCOME_COLORS[k],
      })).filter((p) => p.value > 0)
    : [];

  const exportXlsx = async () => {
    try {
      const f = await runExport((jobId) => call('data:export-stats', { ...range, format: 'xlsx', jobId }), setProgress);
      message.success(`已导出：${f.fileName}`);
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const fmtMin = (m: number | null | undefined) => (m === null || m === undefined ? '—' : m.toFixed(1));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="stats-page">
      <Space wrap className="stats-no-print">
        <RangePicker
          days={days}
          onDays={setDays}
          includeDrills={includeDrills}
          onIncludeDrills={setIncludeDrills}
          testid="stats"
        />
        <Button onClick={() => window.print()} data-testid="stats-print">
          打印
        </Button>
        <Button type="primary" onClick={() => void exportXlsx()} data-testid="stats-export">
          导出 Excel
        </Button>
        {progress !== null && <Progress percent={progress} size="small" style={{ width: 160 }} />}
      </Space>
      {error && <Typography.Text type="danger">{error.message}</Typography.Text>}
      {s && overall && (
        <>
          <Typography.Title level={4} style={{ margin: 0 }}>
            突发事件统计
            <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 12 }}>
              {view.from ? fmtDateTime(view.from) : '最早'} 至{' '}
              {view.to ? fmtDateTime(view.to) : fmtDateTime(view.generatedAt)}
              {view.includeDrills ? '（含演练）' : s.drillsExcluded ? `（不含演练 ${s.drillsExcluded} 起）` : ''}
            </Typography.Text>
          </Typography.Title>
          <Row gutter={16}>
            <Col span={4}>
              <Statistic title="事件数" value={s.incidentCount} data-testid="stat-incidents" />
            </Col>
            <Col span={4}>
              <Statistic title="按时报告" value={overall.onTime} data-testid="stat-ontime" />
            </Col>
            <Col span={4}>
              <Statistic title="迟报" value={overall.late} data-testid="stat-late" />
            </Col>
            <Col span={4}>
              <Statistic title="漏报" value={overall.missed} data-testid="stat-missed" />
            </Col>
            <Col span={4}>
              <Statistic
                title="接报至电话报告（中位数，分钟）"
                value={fmtMin(s.medianMinutesToPhone)}
                data-testid="stat-median-phone"
              />
            </Col>
            <Col span={4}>
              <Statistic
                title="接报至书面报告（中位数，分钟）"
                value={fmtMin(s.medianMinutesToWritten)}
                data-testid="stat-median-written"
              />
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col span={12}>
              <CountChart title="按预案" rows={s.byPlan} testid="stats-by-plan" />
            </Col>
            <Col span={12}>
              <CountChart title="按级别" rows={s.byLevel} testid="stats-by-level" />
            </Col>
            <Col span={12}>
              <CountChart title="按县（市、区）" rows={s.byPlace} testid="stats-by-place" />
            </Col>
            <Col span={12}>
              <CountChart title="按月份" rows={s.byMonth} testid="stats-by-month" />
            </Col>
          </Row>
          <Card className="stats-card" size="small" title="报告时限执行情况">
            <Row gutter={16}>
              <Col span={8}>
                {pie.length === 0 ? (
                  <Empty description="无报告时限" />
                ) : (
                  <ResponsiveContainer width="100%" height={240}>
                    <PieChart>
                      <Pie data={pie} dataKey="value" nameKey="name" outerRadius={80} label isAnimationActive={false} />
                      <Legend />
                      <Tooltip />
                    </PieChart>
                  </ResponsiveContainer>
                )}
                <Typography.Paragraph>按时率：{rate(overall)}</Typography.Paragraph>
              </Col>
              <Col span={16}>
                <Typography.Text strong>按预案</Typography.Text>
                <OutcomeTable rows={s.clockOutcomes.byPlan} testid="stats-outcomes-plan" />
              </Col>
            </Row>
            {/* 迟报/漏报 of the duty room's own clocks apart from those it monitors (issue 12 "Whose clock"). */}
            <Typography.Text strong>按义务方（本值班室 / 督促他方）</Typography.Text>
            <OutcomeTable rows={s.clockOutcomes.byOwner} testid="stats-outcomes-owner" />
            <Typography.Text strong>按值班员</Typography.Text>
            <OutcomeTable rows={s.clockOutcomes.byOfficer} testid="stats-outcomes-officer" />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              口径：截止时间前（含）完成为按时报告；截止后完成为迟报；截止时间已过仍未报告为漏报。电话、书面报告按实际报送方式区分（传真、书面、系统报送为书面报告），用时取每起事件最早完成的一次，样本数：电话{' '}
              {s.samples.phone}，书面 {s.samples.written}。
            </Typography.Paragraph>
          </Card>
        </>
      )}
    </Space>
  );
}
