'use client';
import type { ThreadAnswer, ThreadQuestion } from '@/lib/questions/threads.server';
import { LocalTime } from '@/components/items/item-history';
import { AnswerForm, AskQuestion, ResolveForm } from './question-forms';

export type AskState = { open: boolean; closedMessage: string; canAsk: boolean };

/** Bodies are user text: rendered as text nodes (React escapes), line breaks kept, never as HTML. */
function Body({ text }: { text: string }) {
  return <p className="whitespace-pre-wrap wrap-anywhere text-sm">{text}</p>;
}

function Byline({ entry }: { entry: ThreadAnswer }) {
  return (
    <p className="text-xs text-zinc-600 dark:text-zinc-400">
      <span className="font-medium text-zinc-800 dark:text-zinc-200">{entry.authorName}</span>
      {entry.authorDepartment ? ` · ${entry.authorDepartment}` : ''} · <LocalTime iso={entry.createdAt} />
    </p>
  );
}

function Question({ q, meetingId }: { q: ThreadQuestion; meetingId: number }) {
  return (
    <li className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-2">
        <Byline entry={q} />
        {q.resolved && (
          <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
            Resolved
          </span>
        )}
      </div>
      <Body text={q.body} />
      {q.answers.length > 0 && (
        <ol
          aria-label={`Answers to ${q.authorName}`}
          className="space-y-2 border-l-2 border-zinc-200 pl-3 dark:border-zinc-700"
        >
          {q.answers.map((a) => (
            <li key={a.id} className="space-y-0.5">
              <Byline entry={a} />
              <Body text={a.body} />
            </li>
          ))}
        </ol>
      )}
      {q.canAnswer && <AnswerForm meetingId={meetingId} questionId={q.id} askedBy={q.authorName} />}
      {q.canResolve && <ResolveForm meetingId={meetingId} questionId={q.id} askedBy={q.authorName} />}
    </li>
  );
}

/** An item's questions and answers, then the form to ask (or why asking is closed). */
export function QuestionThread(props: {
  meetingId: number;
  itemId: number;
  title: string;
  questions: ThreadQuestion[];
  ask: AskState;
}) {
  const { questions, ask } = props;
  const headingId = `item-${props.itemId}-questions`;
  return (
    <section aria-labelledby={headingId} className="pr-q">
      <h4 id={headingId}>Questions{questions.length > 0 ? ` (${questions.length})` : ''}</h4>
      {questions.length === 0 ? (
        <p className="pr-muted">No questions yet.</p>
      ) : (
        <ol className="space-y-3">
          {questions.map((q) => (
            <Question key={q.id} q={q} meetingId={props.meetingId} />
          ))}
        </ol>
      )}
      {ask.canAsk &&
        (ask.open ? (
          <AskQuestion meetingId={props.meetingId} itemId={props.itemId} title={props.title} />
        ) : (
          <p className="text-sm text-zinc-700 print:hidden dark:text-zinc-300">{ask.closedMessage}</p>
        ))}
    </section>
  );
}
