/** 朔州市全面加强森林草原防火专业队伍建设实施方案 (朔政办发〔2021〕44号) 三、（一）1: brigade assembly. */
import type { ClockSpec } from './clock-builder';
import { monitored } from './owners';

export function forestFireClockSpecs(): ClockSpec[] {
  return [
    {
      id: 'forest.brigade-assembly',
      title: '接到扑火指令后集结（出勤率不低于90%）',
      from: '森林草原防火专业队伍',
      to: '下达扑火指令的森林草原防灭火指挥机构',
      minutes: 10,
      window: '10分钟内',
      clause: '三、（一）1',
      anchor: 'ordered',
      channel: 'any',
      owner: monitored('森林草原防火专业队伍'),
    },
  ];
}
