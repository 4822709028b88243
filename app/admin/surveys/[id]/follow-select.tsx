import type { QuestionDraft } from '@/lib/admin/surveys/form-model';

/** Which question comes next: the next one in order, or any later question (follow-ups only point forward). */
export function FollowSelect({ name, label, from, questions, value }: { name: string; label: string; from: number; questions: QuestionDraft[]; value: string }) {
  return (
    <select name={name} defaultValue={value} aria-label={label}>
      <option value="">Next question in order</option>
      {questions.map((q, j) =>
        j > from ? (
          <option key={j} value={String(j)}>
            {`Question ${j + 1} (${q.alias})`}
          </option>
        ) : null,
      )}
    </select>
  );
}
