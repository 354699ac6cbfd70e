/**
 * The law at hand: every clause citation opens the gazette's own text at that clause, in a side panel
 * with a search box. The gazette ships with the app and is loaded the first time a citation is opened.
 */
import { Alert, Drawer, Empty, Input, List, Spin, Typography } from 'antd';
import { createContext, Fragment, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { locateClause, parseGazette, searchGazette, splitCitations } from '../../../../shared/law/gazette';
import type { ClauseLocation, Gazette, GazetteHit } from '../../../../shared/law/gazette';
import { PLANS, PLAN_IDS } from '../../../../shared/plans';

/** Plan titles as cited (《朔州市辐射事故应急预案》) → their document numbers. */
const DOCUMENTS_BY_NAME: Readonly<Record<string, string>> = Object.fromEntries(
  PLAN_IDS.map((id) => [PLANS[id].name, PLANS[id].document]),
);

interface Target {
  document: string;
  clause: string;
  /** Set when the officer picked a search hit: that exact paragraph. */
  location?: ClauseLocation;
}

interface LawApi {
  // A function property, not a method: callers destructure it from the context.
  openClause: (target: Target) => void;
}

const LawContext = createContext<LawApi>({ openClause: () => undefined });

let loading: Promise<Gazette> | null = null;
function loadGazette(): Promise<Gazette> {
  // A separate chunk: the board does not wait for 230 KB of gazette text.
  loading ??= import('../../../../shared/rules/sources/shuozhou-gazette-2021-05.txt?raw').then((m) =>
    parseGazette(m.default),
  );
  return loading;
}

export function LawProvider({ children }: { children: ReactNode }) {
  const [target, setTarget] = useState<Target | null>(null);
  const api = useMemo<LawApi>(() => ({ openClause: setTarget }), []);
  return (
    <LawContext.Provider value={api}>
      {children}
      <LawDrawer target={target} onClose={() => setTarget(null)} onNavigate={setTarget} />
    </LawContext.Provider>
  );
}

export const useLaw = (): LawApi => useContext(LawContext);

/** Text with every citation in it turned into a link to the gazette's clause. */
export function Cite({ text }: { text: string }) {
  const { openClause } = useLaw();
  const parts = splitCitations(text, DOCUMENTS_BY_NAME);
  return (
    <>
      {parts.map((p, i) =>
        p.cite ? (
          <Typography.Link
            key={i}
            data-testid="citation-link"
            title="查看公报原文"
            onClick={(e) => {
              e.stopPropagation();
              if (p.cite) openClause(p.cite);
            }}
          >
            {p.text}
          </Typography.Link>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}

function LawDrawer({
  target,
  onClose,
  onNavigate,
}: {
  target: Target | null;
  onClose: () => void;
  onNavigate: (t: Target) => void;
}) {
  const [gazette, setGazette] = useState<Gazette | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const highlighted = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    if (!target || gazette) return;
    loadGazette().then(setGazette, (err: unknown) => setFailed(`公报原文无法加载：${String(err)}`));
  }, [target, gazette]);

  // A new clause starts with an empty search; adjusted during render, as React advises, not in an effect.
  const [queryTarget, setQueryTarget] = useState(target);
  if (queryTarget !== target) {
    setQueryTarget(target);
    setQuery('');
  }

  const location = useMemo(
    () => (gazette && target ? (target.location ?? locateClause(gazette, target.document, target.clause)) : null),
    [gazette, target],
  );
  const hits: GazetteHit[] = useMemo(
    () => (gazette && query.trim() ? searchGazette(gazette, query.trim()) : []),
    [gazette, query],
  );

  const scrollToHighlight = useCallback((el: HTMLDivElement | null) => {
    highlighted.current = el;
    el?.scrollIntoView({ block: 'center' });
  }, []);

  const doc = gazette && location ? gazette.documents[location.document] : null;
  const docForTarget = gazette && target ? gazette.documents.find((d) => d.number === target.document) : null;
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={600}
      mask={false}
      title={
        <span data-testid="law-panel-title">
          公报原文{target ? `：${target.document}${target.clause ? ` ${target.clause}` : ''}` : ''}
        </span>
      }
      data-testid="law-panel"
    >
      <Input.Search
        aria-label="按词语查找条款"
        placeholder="按词语查找条款，多个词用空格分开，如：30分钟 书面"
        allowClear
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        style={{ marginBottom: 12 }}
      />
      {failed && <Alert type="error" title={failed} />}
      {!gazette && !failed && <Spin />}
      {gazette && query.trim() && (
        <List
          size="small"
          header={`找到 ${hits.length}${hits.length >= 50 ? '+' : ''} 处`}
          dataSource={hits}
          locale={{ emptyText: '没有同时包含这些词语的条款' }}
          renderItem={(h) => {
            const d = gazette.documents[h.location.document];
            if (!d) return null;
            return (
              <List.Item
                style={{ cursor: 'pointer' }}
                onClick={() => onNavigate({ document: d.number, clause: h.sectionId, location: h.location })}
              >
                <div>
                  <Typography.Text strong>
                    {d.number} {h.sectionId}
                  </Typography.Text>
                  <div>{h.text.length > 120 ? `${h.text.slice(0, 120)}…` : h.text}</div>
                </div>
              </List.Item>
            );
          }}
        />
      )}
      {gazette && !query.trim() && !doc && (
        <Empty
          description={
            docForTarget
              ? `公报中未找到《${docForTarget.title}》的条款 ${target?.clause}，请用上方查找`
              : `公报中没有 ${target?.document ?? ''}`
          }
        />
      )}
      {gazette && !query.trim() && doc && location && (
        <article aria-label={doc.title} style={{ fontSize: 15, lineHeight: 1.8 }}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {doc.title}（{doc.number}）
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            来源：朔州市人民政府公报 2021年第5期。引用处已高亮。
          </Typography.Paragraph>
          {doc.sections.map((s, si) => (
            <section key={si} aria-label={s.id || '正文'}>
              {s.heading && (
                <div
                  ref={si === location.section && location.paragraph === null ? scrollToHighlight : undefined}
                  data-testid={si === location.section && location.paragraph === null ? 'law-highlight' : undefined}
                  style={{
                    fontWeight: 700,
                    marginTop: 12,
                    background: si === location.section ? '#fff1b8' : undefined,
                  }}
                >
                  {s.heading}
                </div>
              )}
              {s.paragraphs.map((p, pi) => {
                const hit = si === location.section && pi === location.paragraph;
                return (
                  <div
                    key={pi}
                    ref={hit ? scrollToHighlight : undefined}
                    data-testid={hit ? 'law-highlight' : undefined}
                    style={{
                      whiteSpace: 'pre-wrap',
                      margin: '4px 0',
                      padding: hit ? '2px 4px' : undefined,
                      background: hit ? '#fff1b8' : undefined,
                      outline: hit ? '2px solid #d48806' : undefined,
                    }}
                  >
                    {p.replace(/<\/?p>/g, '')}
                  </div>
                );
              })}
            </section>
          ))}
        </article>
      )}
    </Drawer>
  );
}
