// Builds the console and starts it: as a real Electron app where the Electron binary is available,
// otherwise as the local web host on 127.0.0.1, saying so clearly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('构建失败，值班台未启动。');
  process.exit(build.status ?? 1);
}

let electronPath = null;
let reason = '';
try {
  electronPath = require('electron');
  if (!existsSync(electronPath)) {
    reason = `找不到 Electron 程序文件：${electronPath}`;
    electronPath = null;
  }
} catch (err) {
  reason = err.message;
}

const run = (cmd, cmdArgs) => {
  const child = spawn(cmd, cmdArgs, { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('close', (code) => process.exit(code ?? 1));
};

if (electronPath) {
  run(electronPath, ['.', ...args]);
} else {
  console.warn('');
  console.warn('================================================================');
  console.warn(' 本机无法获得 Electron 运行程序（离线环境无法下载），');
  console.warn(' 值班台改以“浏览器模式”启动：同一套服务仅监听 127.0.0.1，');
  console.warn(' 请用浏览器打开下方地址。桌面通知、托盘闪烁、系统打印对话框仅桌面版可用。');
  console.warn(` 原因：${reason.split('\n')[0]}`);
  console.warn(' 如本机已有 Electron，可设置 ELECTRON_OVERRIDE_DIST_PATH 指向其所在文件夹。');
  console.warn('================================================================');
  console.warn('');
  run('npx', ['tsx', 'electron/web-host/cli.ts', ...args]);
}
