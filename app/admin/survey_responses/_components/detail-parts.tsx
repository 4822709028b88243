import Link from 'next/link';
import { responsesHref, type ResponseFilters } from '@/lib/admin/survey-responses/filters';
import type { AdminResponseDetail, AnswerView } from '@/lib/admin/survey-responses/detail';
import { ratingText } from '@/lib/admin/survey-info';

/** One answer on the response page: the rating with its label, the chosen options, the comment, or why there is none. */
export function Answer({ answer }: { answer: AnswerView }) {
  switch (answer.kind) {
    case 'rating':
      return <p>{`${ratingText(answer.rating)} — ${answer.category}`}</p>;
    case 'options':
      return <p>{answer.labels.join('; ') || 'No option chosen'}</p>;
    case 'comment':
      return <p>{answer.text || <span className="admin-muted">Empty comment</span>}</p>;
    default:
      return <p className="admin-muted">{answer.kind === 'skipped' ? 'Skipped' : 'Not answered'}</p>;
  }
}

/** Who answered, with a link to the list filtered by them (an anonymous id has its own filter: it may be all digits). */
export function ResponderText({ who }: { who: AdminResponseDetail['responder'] }) {
  const filter = who.id !== null ? { responder: String(who.id) } : who.anonymousId !== null ? { anonymous: who.anonymousId } : undefined;
  const text = who.id !== null ? `${who.name ?? ''} ${who.email ? `<${who.email}> ` : ''}(id ${who.id})` : who.anonymousId ? `anonymous ${who.anonymousId}` : 'none';
  return (
    <>
      {text}
      {filter && (
        <>
          {' · '}
          <Link href={responsesHref(filter)} prefetch={false}>
            their responses
          </Link>
        </>
      )}
    </>
  );
}

/** The subjects, each linking to the list filtered by it. */
export function SubjectLinks({ zrns }: { zrns: string[] }) {
  return zrns.map((zrn, i) => (
    <span key={zrn}>
      {i > 0 && ', '}
      <Link href={responsesHref({ subject: zrn })} prefetch={false}>
        {zrn}
      </Link>
    </span>
  ));
}

/** Assignee, group, brand and tags, each linking to the list filtered by it; null when none was recorded. */
export function AttributionLinks({ attribution: a }: { attribution: AdminResponseDetail['attribution'] }) {
  const links: [string, string, ResponseFilters][] = [
    ...(a.assignee !== null ? [[`assignee ${a.assignee}`, 'assignee', { assignee: a.assignee }] as [string, string, ResponseFilters]] : []),
    ...(a.group !== null ? [[`group ${a.group}`, 'group', { group: a.group }] as [string, string, ResponseFilters]] : []),
    ...(a.brand !== null ? [[`brand ${a.brand}`, 'brand', { brand: a.brand }] as [string, string, ResponseFilters]] : []),
    ...a.tags.map((tag) => [tag, `tag-${tag}`, { tag }] as [string, string, ResponseFilters]),
  ];
  if (links.length === 0) return <span className="admin-muted">none</span>;
  return links.map(([text, key, filters]) => (
    <div key={key}>
      <Link href={responsesHref(filters)} prefetch={false}>
        {text}
      </Link>
    </div>
  ));
}
