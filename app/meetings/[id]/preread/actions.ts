'use server';
import { assertQuestionOf } from '@/lib/questions/scope.server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { answerQuestion, askQuestion, resolveQuestion } from '@/lib/questions/questions.server';
import { formId, formText } from '@/lib/validation';

const prereadPage = (input: { meetingId: number }) => `/meetings/${input.meetingId}/preread`;
const QuestionRef = z.object({ meetingId: formId, questionId: formId });

export const askQuestionAction = formAction(
  z.object({ meetingId: formId, itemId: formId, body: formText }),
  (input, user) => askQuestion(user, input.meetingId, input.itemId, input.body),
  { message: 'Your question was posted; the people who answer for this item have been told.', revalidate: prereadPage },
);

export const answerQuestionAction = formAction(
  QuestionRef.extend({ body: formText }),
  async (input, user) => {
    await assertQuestionOf(input.meetingId, input.questionId);
    return answerQuestion(user, input.questionId, input.body);
  },
  { message: 'Your answer was posted.', revalidate: prereadPage },
);

export const resolveQuestionAction = formAction(
  QuestionRef,
  async (input, user) => {
    await assertQuestionOf(input.meetingId, input.questionId);
    return resolveQuestion(user, input.questionId);
  },
  {
    message: 'Marked resolved.',
    revalidate: prereadPage,
  },
);
