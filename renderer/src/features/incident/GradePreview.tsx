import { Alert, List } from 'antd';
import { gradeIncident } from '../../../../shared/rules';
import { gradingPlanOf } from '../../../../shared/plans';
import { LevelTag } from '../../components/LevelTag';
import { cleanFacts } from './form-values';
import { messageOf } from '../../../../shared/errors';

/** Shows, while the officer types, the level the facts give and every clause that matched. */
export function GradePreview({ category, facts }: { category: string; facts: Record<string, unknown> | undefined }) {
  const plan = gradingPlanOf(category);
  if (!plan) return null;
  let result;
  try {
    result = gradeIncident({ plan, facts: cleanFacts(facts) });
  } catch (err) {
    return <Alert type="error" title={messageOf(err)} />;
  }
  return (
    <Alert
      type={result.level ? 'info' : 'warning'}
      data-testid="grade-preview"
      title={
        <span>
          按预案判定：
          <LevelTag level={result.level} /> {result.response ? `响应级别：${result.response}` : '响应级别待定'}
        </span>
      }
      description={
        result.reasons.length + result.responseReasons.length + result.notices.length ? (
          <List
            size="small"
            dataSource={[
              ...result.reasons.map((r) => `${r.level}：${r.text}（${r.clause}）`),
              ...result.responseReasons.map((r) => `${r.response}响应：${r.text}（${r.clause}）`),
              ...result.notices.map((n) => `${n.text}（${n.clause}）`),
            ]}
            renderItem={(t) => <List.Item>{t}</List.Item>}
          />
        ) : (
          '现有要素不足以定级'
        )
      }
    />
  );
}
