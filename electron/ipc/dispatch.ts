/**
 * The single entry for every IPC call, shared by the Electron registration and the web host:
 * validate the input against the contract, run the handler, return a Result. Nothing reaches a
 * handler unvalidated, and no exception crosses the boundary.
 */
import { channels } from '../../shared/ipc/contract';
import type { Channel, ChannelArgs, ChannelOutput } from '../../shared/ipc/contract';
import { DomainError, fail, ok } from '../../shared/ipc/result';
import type { Result } from '../../shared/ipc/result';

export type Handlers = { [C in Channel]: (args: ChannelArgs<C>) => Promise<ChannelOutput<C>> };

export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);

export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  input: unknown,
  log: (msg: string, err: unknown) => void = (m, e) => console.error(m, e),
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return fail({ code: 'invalid_input', message: `未知的调用：${String(channel).slice(0, 60)}` });
  }
  const parsed = channels[channel].safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = issues[0];
    return fail({
      code: 'invalid_input',
      message: first ? `输入有误：${first.path ? `${first.path}：` : ''}${first.message}` : '输入有误',
      issues,
    });
  }
  try {
    const handler = handlers[channel] as (args: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (err) {
    if (err instanceof DomainError) return fail({ code: err.code, message: err.message, issues: err.issues });
    log(`[ipc] ${channel} failed`, err);
    return fail({ code: 'internal', message: `操作失败：${(err as Error)?.message ?? String(err)}` });
  }
}
