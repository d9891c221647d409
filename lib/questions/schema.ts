import { z } from 'zod';

/** Questions and answers share one limit; the forms use it for maxLength too. Pure (client-safe). */
export const BODY_MAX = 5_000;

const body = (label: string, empty: string) =>
  z
    .string({ error: empty })
    .trim()
    .min(1, empty)
    .max(BODY_MAX, `${label} must be at most ${BODY_MAX.toLocaleString('en')} characters.`);

export const QuestionSchema = z.object({ body: body('Question', 'Write your question.') });
export const AnswerSchema = z.object({ body: body('Answer', 'Write your answer.') });
