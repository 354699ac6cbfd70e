import { Alert, App as AntApp, Button, ConfigProvider, Layout, Menu, Space, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useState } from 'react';
import type { Officer } from '../../shared/domain/incident';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import type { Settings } from '../../shared/settings';
import { api, call, isWebHost, RECONNECTED } from './api/api';
import { BannerStack } from './components/BannerStack';
import { AlarmBanner } from './features/alarms/AlarmBanner';
import { ConnectionBanner } from './features/connection/ConnectionBanner';
import { StartupGate } from './features/startup/StartupGate';
import { StorageBanner } from './features/startup/StorageBanner';
import { IntegrityBanner } from './features/integrity/IntegrityBanner';
import { AuthGate } from './features/auth/AuthGate';
import { SessionBadge } from './features/auth/SessionBadge';
import { SeatName } from './features/seats/SeatName';
import { DutyScheduleFlag } from './features/duty/DutyScheduleFlag';
import { ActiveWarningsStrip } from './features/warnings/ActiveWarningsStrip';
import { IncidentBoard } from './features/board/IncidentBoard';
import { prefetchBoard } from './features/board/first-load';
import { IncidentDrawer } from './features/incident/IncidentDrawer';
import { RegisterDrawer } from './features/incident/RegisterDrawer';
import { SettingsPage } from './features/settings/SettingsPage';
import { fmtDateTime } from './lib/format';
import { NowProvider, useNow } from './hooks/useNow';
import { EXTRA_PAGES } from './pages';
import { SettingsContext } from './hooks/useSettings';
import { LawProvider } from './features/law/LawPanel';
import { WallDisplay } from './features/wall/WallDisplay';
import { THEME } from './lib/theme';
import { windowKind } from './lib/window-kind';

function WallClock() {
  const now = useNow();
  // Tabular digits keep the header from shifting every second.
  return (
    <Typography.Text style={{ color: '#fff', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      北京时间 {fmtDateTime(new Date(now).toISOString())}
    </Typography.Text>
  );
}

type Page = string;

export function Shell() {
  const [duty, setDuty] = useState<Officer | null>(null);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [registering, setRegistering] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const [page, setPage] = useState<Page>('board');

  useEffect(() => {
    const loadDuty = () => call('duty:get', {}).then(setDuty, () => undefined);
    const loadSettings = () => call('settings:get', {}).then(setSettings, () => undefined);
    void loadDuty();
    void loadSettings();
    // A handover or a new duty registration elsewhere changes who signs every record.
    return api.on('data:changed', (p) => {
      const what = typeof p === 'object' && p !== null && 'what' in p ? p.what : undefined;
      if (what === 'settings' || what === RECONNECTED) void loadSettings();
      if (what === 'duty' || what === RECONNECTED) void loadDuty();
    });
  }, []);

  // F2 opens a new 接报 from any page, in both hosts; under Electron Ctrl+N too (browsers keep it).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const ctrlN = !isWebHost && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'n';
      if (e.key === 'F2' || ctrlN) {
        e.preventDefault();
        setRegistering(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <SettingsContext.Provider value={settings}>
      <Layout style={{ minHeight: '100vh' }}>
        {/* height auto: when the menu wraps, its second row stays inside the header, not under the banners. */}
        {/* The menu keeps its one row; when the header is too narrow, the duty and session items wrap
            to a second row instead of squeezing the menu into a column. */}
        <Layout.Header
          style={{
            display: 'flex',
            flexWrap: 'wrap',
            alignItems: 'center',
            columnGap: 24,
            height: 'auto',
            minHeight: 64,
          }}
        >
          {/* The page's one h1 (WCAG 2.4.6), sized as the header's title. */}
          <Typography.Title level={1} style={{ color: '#fff', margin: 0, fontSize: 20 }}>
            朔州应急值班台
          </Typography.Title>
          <nav aria-label="页面" style={{ flex: '1 0 auto' }}>
            <Menu
              theme="dark"
              mode="horizontal"
              selectedKeys={[page]}
              onClick={(e) => setPage(e.key)}
              // Every page stays one click away; no items folded into an overflow menu.
              disabledOverflow
              items={[
                { key: 'board', label: '事件看板' },
                ...EXTRA_PAGES.map((p) => ({ key: p.key, label: p.label })),
                { key: 'settings', label: '设置' },
              ]}
              style={{ flex: 1 }}
            />
          </nav>
          <Space wrap style={{ marginLeft: 'auto' }}>
            <Button
              size="small"
              type="primary"
              onClick={() => setRegistering(true)}
              data-testid="header-register"
              title="任何页面按 F2 均可新建接报"
            >
              接报 F2
            </Button>
            <WallClock />
            <Typography.Text style={{ color: '#fff' }} data-testid="on-duty">
              带班：{duty?.leader ?? '未登记'}　值班：{duty?.officer ?? '未登记'}
            </Typography.Text>
            <DutyScheduleFlag duty={duty} />
            <SeatName />
            <SessionBadge />
          </Space>
        </Layout.Header>
        <BannerStack>
          <ConnectionBanner />
          <StorageBanner />
          <IntegrityBanner />
          <AlarmBanner />
        </BannerStack>
        {isWebHost && (
          <Alert
            type="info"
            banner
            title="浏览器模式：本机未能获得 Electron 运行环境，值班台以本机网页方式运行（仅监听 127.0.0.1）。桌面通知、托盘闪烁和系统打印对话框仅在桌面版中可用。"
          />
        )}
        <Layout.Content style={{ padding: 16 }}>
          {/* Warnings in force stay in view on every page (预警 page for details). */}
          <div style={{ marginBottom: 8 }}>
            <ActiveWarningsStrip onOpen={() => setPage('warnings')} />
          </div>
          {page === 'board' && <IncidentBoard onOpen={setOpenId} onRegister={() => setRegistering(true)} />}
          {page === 'settings' && <SettingsPage />}
          {EXTRA_PAGES.filter((p) => p.key === page).map((p) => (
            <div key={p.key} data-testid={`page-${p.key}`}>
              {p.render({ openIncident: setOpenId })}
            </div>
          ))}
        </Layout.Content>
        <RegisterDrawer
          open={registering}
          onClose={() => setRegistering(false)}
          onCreated={(id) => {
            setRegistering(false);
            setOpenId(id);
          }}
        />
        <IncidentDrawer id={openId} onClose={() => setOpenId(null)} />
      </Layout>
    </SettingsContext.Provider>
  );
}

/**
 * The main window, (#banner) the always-on-top strip the main process opens for overdue clocks, or
 * (#/wall) the wall display, which has no log-in and no idle lock of its own (features/wall).
 */
export function App() {
  const kind = windowKind();
  return (
    <ConfigProvider locale={zhCN} theme={THEME}>
      {/* Alarm notices fold into 另有N项 themselves (AlarmBanner); antd stacking would hide them. */}
      <AntApp notification={{ stack: false }}>
        <NowProvider>
          {kind === 'banner' ? (
            <AlarmBanner sound={false} />
          ) : kind === 'wall' ? (
            <WallDisplay />
          ) : (
            <StartupGate>
              {/* Going on duty is logging in (issue 18): the console opens for a logged-in account. */}
              {/* The board is where the console opens: its first list is asked for as the seat logs in. */}
              <AuthGate onSignedIn={prefetchBoard}>
                <LawProvider>
                  <Shell />
                </LawProvider>
              </AuthGate>
            </StartupGate>
          )}
        </NowProvider>
      </AntApp>
    </ConfigProvider>
  );
}
