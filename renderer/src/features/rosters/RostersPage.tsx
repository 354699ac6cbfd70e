import {
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Input,
  Layout,
  List,
  Menu,
  Modal,
  Space,
  Table,
  Tabs,
  Tag,
  Tree,
  Typography,
} from 'antd';
import type { DataNode } from 'antd/es/tree';
import VirtualList from '@rc-component/virtual-list';
import { useState } from 'react';
import type { RosterContact, RosterSearchHit, RosterView } from '../../../../shared/domain/roster';
import { mergeHitsByUnit } from '../../../../shared/rosters/merge-hits';
import { ROSTER_SEARCH_MAX } from '../../../../shared/ipc/channels/rosters';
import type { RosterPrint } from '../../../../shared/forms/types';
import { call } from '../../api/api';
import { fmtDateTime } from '../../lib/format';
import { useLoad } from '../../hooks/useApi';
import { LONG_LIST, useListHeight } from '../../hooks/useLongList';
import { PrintPreview } from '../print/PrintPreview';
import { ContactModal, type ContactTarget } from './ContactModal';
import { contactsOf, rosterEntries, type EntryRow } from './entries';
import { offerDownload } from '../../lib/download';
import { HistoryDrawer } from './HistoryDrawer';
import { ImportModal } from './ImportModal';
import { Phones } from './phones';
import { errorText } from '../../lib/errors';

/** 通讯录: every HQ, leading group and joint meeting of the gazette, with the numbers officers keep. */
export function RostersPage() {
  const { message } = App.useApp();
  const { data: rosters } = useLoad(() => call('rosters:list', {}), []);
  const [rosterId, setRosterId] = useState('eco-hq');
  const [includeEnded, setIncludeEnded] = useState(false);
  const { data: view } = useLoad(() => call('rosters:get', { rosterId, includeEnded }), [rosterId, includeEnded]);
  const [hits, setHits] = useState<RosterSearchHit[] | null>(null);
  const [editing, setEditing] = useState<ContactTarget | null>(null);
  const [ending, setEnding] = useState<RosterContact | null>(null);
  const [endReason, setEndReason] = useState('');
  const [importing, setImporting] = useState(false);
  const [history, setHistory] = useState(false);
  const [printing, setPrinting] = useState<RosterPrint | null>(null);

  const search = async (query: string) => {
    if (!query.trim()) {
      setHits(null);
      return;
    }
    try {
      setHits(await call('rosters:search', { query }));
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const exportAs = async (format: 'xlsx' | 'csv') => {
    try {
      const f = await call('rosters:export', { rosterId, format });
      offerDownload(f);
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const print = async () => {
    try {
      setPrinting(await call('rosters:print-data', { rosterId }));
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const end = async () => {
    if (!ending) return;
    if (!endReason.trim()) {
      message.error('请填写离任原因');
      return;
    }
    try {
      await call('rosters:end-contact', { id: ending.id, reason: endReason });
      setEnding(null);
      setEndReason('');
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const current = rosters?.find((r) => r.id === rosterId);
  return (
    <Layout style={{ background: 'transparent' }}>
      <Layout.Sider width={300} theme="light" style={{ background: 'transparent' }}>
        <Input.Search
          placeholder="搜索单位、人员、职责、号码或拼音首字母（如 stj）"
          allowClear
          onSearch={(q) => void search(q)}
          data-testid="roster-search"
          style={{ marginBottom: 8 }}
        />
        <Menu
          mode="inline"
          selectedKeys={[rosterId]}
          onClick={(e) => {
            setRosterId(e.key);
            setHits(null);
          }}
          items={(rosters ?? []).map((r) => ({
            key: r.id,
            label: (
              <span data-testid={`roster-${r.id}`} title={r.name}>
                {r.name}
              </span>
            ),
          }))}
        />
      </Layout.Sider>
      {/* Not a second <main>: the console's own content area is the page's one main landmark. */}
      <div style={{ paddingLeft: 16, flex: 'auto', minWidth: 0 }}>
        {hits ? (
          <SearchResults
            hits={hits}
            onOpen={(id) => {
              setRosterId(id);
              setHits(null);
            }}
            onClose={() => setHits(null)}
          />
        ) : view && current ? (
          <Card
            title={
              <Space orientation="vertical" size={0}>
                <span data-testid="roster-title">{view.roster.name}</span>
                {/* Wraps instead of being cut: the counts at its end are what the officer looks for. */}
                <Typography.Text
                  type="secondary"
                  style={{ fontWeight: 'normal', whiteSpace: 'normal' }}
                  data-testid="roster-basis"
                >
                  依据{view.roster.documentTitle}（{view.roster.document} {view.roster.clause}）· 成员单位
                  {current.unitCount}个 · 工作组{current.groupCount}个 · 联系人{current.contactCount}人
                </Typography.Text>
              </Space>
            }
            extra={
              <Space wrap>
                <Checkbox checked={includeEnded} onChange={(e) => setIncludeEnded(e.target.checked)}>
                  显示已离任
                </Checkbox>
                <Button onClick={() => setImporting(true)} data-testid="roster-import">
                  导入
                </Button>
                <Button onClick={() => void exportAs('xlsx')}>导出 XLSX</Button>
                <Button onClick={() => void exportAs('csv')}>导出 CSV</Button>
                <Button onClick={() => void print()} data-testid="roster-print">
                  打印
                </Button>
                <Button onClick={() => setHistory(true)}>修改记录</Button>
              </Space>
            }
          >
            {view.removedEntries.length > 0 && (
              <Typography.Paragraph type="warning">
                以下条目已不在现行公报中，其联系人仍保留，请核对：{view.removedEntries.map((e) => e.name).join('、')}
              </Typography.Paragraph>
            )}
            {view.roster.liaisonNote && (
              <Typography.Paragraph type="secondary">联络员：{view.roster.liaisonNote}</Typography.Paragraph>
            )}
            <Tabs
              items={[
                {
                  key: 'tree',
                  label: '树形',
                  children: <RosterTree view={view} onEdit={setEditing} onEnd={setEnding} />,
                },
                {
                  key: 'list',
                  label: '列表',
                  children: <RosterTable view={view} onEdit={setEditing} onEnd={setEnding} />,
                },
              ]}
            />
          </Card>
        ) : (
          <Empty description="加载中" />
        )}
      </div>
      <ContactModal target={editing} onClose={() => setEditing(null)} />
      <Modal
        open={!!ending}
        title={`登记离任：${ending?.name ?? ''}`}
        onOk={() => void end()}
        onCancel={() => setEnding(null)}
        okText="确认离任"
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          离任人员不会删除，仍保留在修改记录和“显示已离任”中。
        </Typography.Paragraph>
        <Input
          placeholder="离任原因（必填），如：调离、退休"
          value={endReason}
          onChange={(e) => setEndReason(e.target.value)}
          data-testid="end-reason"
        />
      </Modal>
      {current && (
        <ImportModal
          rosterId={rosterId}
          rosterName={current.name}
          open={importing}
          onClose={() => setImporting(false)}
        />
      )}
      <HistoryDrawer rosterId={rosterId} open={history} onClose={() => setHistory(false)} />
      <Modal
        open={!!printing}
        width={900}
        footer={null}
        onCancel={() => setPrinting(null)}
        title="打印通讯录"
        destroyOnHidden
      >
        {printing && <PrintPreview form={{ kind: 'roster', data: printing }} title={printing.title} />}
      </Modal>
    </Layout>
  );
}

interface RowActions {
  onEdit: (t: ContactTarget) => void;
  onEnd: (c: RosterContact) => void;
}

function ContactLine({ c, label, onEdit, onEnd }: { c: RosterContact; label: string } & RowActions) {
  return (
    <Space wrap data-testid="contact">
      <Tag>{c.role}</Tag>
      <Typography.Text strong delete={!!c.endedAt}>
        {c.name}
      </Typography.Text>
      {c.title && <Typography.Text type="secondary">{c.title}</Typography.Text>}
      <Phones contact={c} />
      {c.endedAt ? (
        <Typography.Text type="secondary">
          {fmtDateTime(c.endedAt)}离任：{c.endedReason}
        </Typography.Text>
      ) : (
        <>
          <Button size="small" type="link" onClick={() => onEdit({ mode: 'edit', contact: c, entryLabel: label })}>
            修改
          </Button>
          <Button size="small" type="link" danger onClick={() => onEnd(c)}>
            离任
          </Button>
        </>
      )}
    </Space>
  );
}

function EntryTitle({ e, rosterId, onEdit }: { e: EntryRow; rosterId: string; onEdit: RowActions['onEdit'] }) {
  return (
    <Space wrap>
      <Typography.Text>{e.label}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {e.source}
      </Typography.Text>
      <Button
        size="small"
        type="link"
        onClick={(ev) => {
          ev.stopPropagation();
          onEdit({ mode: 'new', rosterId, entryKind: e.kind, entryId: e.id, entryLabel: e.label });
        }}
        data-testid={`add-contact-${e.kind}-${e.id}`}
      >
        添加联系人
      </Button>
    </Space>
  );
}

/** What sits above a roster's tree or list: the header, the card's title and the tabs. */
const ROSTER_RESERVE = 380;

function RosterTree({ view, onEdit, onEnd }: { view: RosterView } & RowActions) {
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const listHeight = useListHeight(ROSTER_RESERVE);
  const entries = rosterEntries(view.roster);
  const node = (e: EntryRow): DataNode => ({
    key: `${e.kind}/${e.id}`,
    title: <EntryTitle e={e} rosterId={view.roster.id} onEdit={onEdit} />,
    children: contactsOf(view.contacts, e).map((c) => ({
      key: `c${c.id}`,
      isLeaf: true,
      title: <ContactLine c={c} label={e.label} onEdit={onEdit} onEnd={onEnd} />,
    })),
  });
  const [root, ...rest] = entries;
  // rosterEntries puts the roster's own entry first, always.
  if (!root) return null;
  const branches = ['领导成员', '办公室', '成员单位', '工作组']
    .map((b) => ({ b, items: rest.filter((e) => e.branch === b) }))
    .filter((x) => x.items.length > 0)
    .map(({ b, items }): DataNode => ({
      key: b,
      title: <Typography.Text strong>{b}</Typography.Text>,
      children: items.map(node),
      selectable: false,
    }));
  const rootNode = node(root);
  const top = { ...rootNode, children: [...(rootNode.children ?? []), ...branches] };
  // Expanded unless the officer collapsed it, so an entry's first contact shows as soon as it is added.
  const parents: string[] = [];
  let nodes = 0;
  const walk = (n: DataNode) => {
    nodes++;
    if (!n.children?.length) return;
    parents.push(String(n.key));
    n.children.forEach(walk);
  };
  walk(top);
  // A long roster shows only the lines in view (issue 14): antd's tree is virtual once it has a height.
  const virtual = nodes > LONG_LIST;
  return (
    <div data-testid="roster-tree" data-virtual={virtual ? 'yes' : 'no'}>
      <Tree
        blockNode
        selectable={false}
        height={virtual ? listHeight : undefined}
        treeData={[top]}
        expandedKeys={parents.filter((k) => !collapsed.has(k))}
        onExpand={(keys) => setCollapsed(new Set(parents.filter((k) => !keys.includes(k))))}
      />
    </div>
  );
}

function RosterTable({ view, onEdit, onEnd }: { view: RosterView } & RowActions) {
  const rows = rosterEntries(view.roster).flatMap((e): { key: string; e: EntryRow; c: RosterContact | null }[] => {
    const cs = contactsOf(view.contacts, e);
    return cs.length ? cs.map((c) => ({ key: `c${c.id}`, e, c })) : [{ key: `${e.kind}/${e.id}`, e, c: null }];
  });
  const listHeight = useListHeight(ROSTER_RESERVE + 40);
  // A long roster scrolls in one list that holds only the rows in view (issue 14), no pages.
  const virtual = rows.length > LONG_LIST;
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      virtual={virtual}
      scroll={virtual ? { x: 900, y: listHeight } : undefined}
      data-testid="roster-table"
      data-virtual={virtual ? 'yes' : 'no'}
      dataSource={rows}
      columns={[
        { title: '类别', width: 90, render: (_, r) => r.e.branch },
        { title: '单位 / 职务', render: (_, r) => <EntryTitle e={r.e} rosterId={view.roster.id} onEdit={onEdit} /> },
        {
          title: '联系人与号码',
          render: (_, r) =>
            r.c ? (
              <ContactLine c={r.c} label={r.e.label} onEdit={onEdit} onEnd={onEnd} />
            ) : (
              <Typography.Text type="secondary">未登记</Typography.Text>
            ),
        },
      ]}
    />
  );
}

function SearchResults({
  hits,
  onOpen,
  onClose,
}: {
  hits: RosterSearchHit[];
  onOpen: (rosterId: string) => void;
  onClose: () => void;
}) {
  // One result per unit, with every roster it sits in (市生态环境局 is in five).
  const merged = mergeHitsByUnit(hits);
  const listHeight = useListHeight(ROSTER_RESERVE);
  // A common word (局) matches hundreds of units: only the results in view are in the page (issue 14).
  const virtual = merged.length > LONG_LIST;
  const item = (m: (typeof merged)[number]) => (
    <List.Item
      data-testid="search-hit"
      actions={
        m.places.length === 1
          ? [
              <Button key="open" size="small" type="link" onClick={() => onOpen(m.places[0]?.rosterId ?? '')}>
                打开通讯录
              </Button>,
            ]
          : []
      }
    >
      <Space orientation="vertical" size={2}>
        <Space wrap>
          <Typography.Text strong>{m.name}</Typography.Text>
          {m.hit?.entry.title && <Typography.Text>{m.hit.entry.title}</Typography.Text>}
          {m.hit?.entry.unit && m.hit.entry.kind !== 'unit' && <Typography.Text>{m.hit.entry.unit}</Typography.Text>}
          {m.places.length === 1 && <Tag>{m.places[0]?.rosterName}</Tag>}
        </Space>
        {m.places.length > 1 && (
          <Space orientation="vertical" size={0} data-testid="search-hit-rosters">
            {m.places.map((p) => (
              <span key={`${p.rosterId}/${p.as}`}>
                <Typography.Link onClick={() => onOpen(p.rosterId)}>{p.rosterName}</Typography.Link>：{p.as}
              </span>
            ))}
          </Space>
        )}
        {m.contacts.map((c) => (
          <Space key={c.id} wrap>
            <Typography.Text>
              {c.role} {c.name}
            </Typography.Text>
            <Phones contact={c} />
            {c.note.trim() && (
              <Typography.Text type="secondary" data-testid="search-hit-note">
                备注：{c.note}
              </Typography.Text>
            )}
          </Space>
        ))}
      </Space>
    </List.Item>
  );
  return (
    <Card
      title={`搜索结果（${merged.length}项${merged.length < hits.length ? `，合并自${hits.length}条` : ''}${hits.length >= ROSTER_SEARCH_MAX ? `；只列出最相关的${ROSTER_SEARCH_MAX}条，请输入更具体的内容` : ''}）`}
      extra={<Button onClick={onClose}>返回通讯录</Button>}
    >
      <List
        dataSource={virtual ? undefined : merged}
        rowKey="key"
        locale={{ emptyText: '没有找到' }}
        data-testid="search-results"
        data-virtual={virtual ? 'yes' : 'no'}
        renderItem={virtual ? undefined : item}
      >
        {virtual && (
          <VirtualList data={merged} height={listHeight} itemHeight={72} itemKey="key">
            {(m) => item(m)}
          </VirtualList>
        )}
      </List>
    </Card>
  );
}
