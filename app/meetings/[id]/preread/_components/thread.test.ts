import { describe, expect, it, vi } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { QuestionThread } from '@/app/meetings/[id]/preread/_components/thread';
import type { ThreadQuestion } from '@/lib/questions/threads.server';

// The real actions pull in next-auth; rendering the markup needs only their identity.
vi.mock('@/app/meetings/[id]/preread/actions', () => ({
  askQuestionAction: async () => ({ ok: true }),
  answerQuestionAction: async () => ({ ok: true }),
  resolveQuestionAction: async () => ({ ok: true }),
}));

const question = (over: Partial<ThreadQuestion> = {}): ThreadQuestion => ({
  id: 1,
  authorName: 'Liam',
  authorDepartment: 'Sales',
  createdAt: '2030-03-02T09:00:00Z',
  body: '<script>alert("x")</script>',
  resolved: false,
  resolvedAt: null,
  answers: [
    {
      id: 2,
      authorName: 'Sara',
      authorDepartment: 'Eng',
      createdAt: '2030-03-02T10:00:00Z',
      body: '<img src=x onerror=alert(1)>',
    },
  ],
  canAnswer: false,
  canResolve: false,
  ...over,
});

const render = (
  questions: ThreadQuestion[],
  ask = { open: true, closedMessage: 'Questions closed on …', canAsk: true },
) => renderToStaticMarkup(createElement(QuestionThread, { meetingId: 3, itemId: 7, title: 'SSO', questions, ask }));

describe('QuestionThread markup', () => {
  it('shows questions and answers as text, never as HTML', () => {
    const html = render([question()]);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<img|<script>alert/);
  });

  it('offers answer and resolve forms only when allowed, and the reason instead of the ask form once closed', () => {
    expect(render([question()])).not.toMatch(/Your answer|Mark resolved/);
    const allowed = render([question({ canAnswer: true, canResolve: true })]);
    expect(allowed).toContain('aria-label="Answer the question from Liam"');
    expect(allowed).toContain('Mark resolved');
    expect(allowed).toMatch(/<button[^>]*>Ask a question<\/button>/);
    const closed = render([], {
      open: false,
      closedMessage:
        'Questions closed on 1 Mar 2030, 09:00 UTC: the meeting is close; raise it in the meeting instead.',
      canAsk: true,
    });
    expect(closed).toContain('Questions closed on 1 Mar 2030');
    expect(closed).not.toContain('Ask a question<');
  });
});
