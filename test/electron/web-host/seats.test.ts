import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startWebHost } from '../../../electron/web-host/server';
import { useTempDirs } from '../../helpers/temp-dir';
import { makeServices } from '../../helpers/services';
import { seedAccounts } from '../../helpers/web-app';
import { TEST_PASSWORD } from '../../helpers/ui';

interface Answer {
  ok: boolean;
  value?: { seat?: { officer: { name: string } | null } };
  error?: { message: string };
}

function post(port: number, token: string, channel: string, body: unknown, seat?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${channel}`,
        headers: {
          Host: `127.0.0.1:${port}`,
          'Content-Type': 'application/json',
          'X-Duty-Token': token,
          ...(seat ? { 'X-Duty-Seat': seat } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        // the host answers every request with this JSON shape
        res.on('end', () => resolve(JSON.parse(text) as Answer));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('web host: each tab is a seat that logs in on its own', () => {
  const tempDir = useTempDirs();

  it('the token alone opens nothing but the public channels; a logged-in seat works, another seat does not', async () => {
    const services = await makeServices(join(tempDir(), 'data'));
    await seedAccounts(services);
    const host = await startWebHost({ handlers: services.handlers, rendererDir: tempDir() });
    try {
      const seatA = 'A'.repeat(32);
      const seatB = 'B'.repeat(32);
      expect((await post(host.port, host.token, 'app:info', {})).ok).toBe(true);
      const anonymous = await post(host.port, host.token, 'incidents:list', {});
      expect(anonymous.error?.message).toMatch(/请先登录/);
      // A seat id of the wrong shape is no seat: nobody can be logged in at it.
      const short = await post(host.port, host.token, 'auth:login', { name: '赵珺', password: TEST_PASSWORD }, 'x');
      expect(short.ok).toBe(true);
      expect((await post(host.port, host.token, 'incidents:list', {}, 'x')).error?.message).toMatch(/请先登录/);

      const login = await post(host.port, host.token, 'auth:login', { name: '赵珺', password: TEST_PASSWORD }, seatA);
      expect(login.value?.seat?.officer?.name).toBe('赵珺');
      expect((await post(host.port, host.token, 'incidents:list', {}, seatA)).ok).toBe(true);
      expect((await post(host.port, host.token, 'incidents:list', {}, seatB)).error?.message).toMatch(/请先登录/);
      // The 值班员's seat cannot change settings: the refusal names the role.
      const settings = await post(host.port, host.token, 'settings:set', { dueSoonMinutes: 20 }, seatA);
      expect(settings.error?.message).toBe('需要带班领导或管理员权限');
      // Nor rotate the token (the host's own handler is behind the same gate).
      const rotate = await post(host.port, host.token, 'app:rotate-token', {}, seatA);
      expect(rotate.error?.message).toBe('需要带班领导或管理员权限');
    } finally {
      await host.close();
      await services.close();
    }
  });
});
