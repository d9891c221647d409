import { INPUT_LABEL, MODELS, type InputKey } from './models';

/** An item.score_input_set event in words: "set the RICE reach to 40 (it was 10)." */
export function scoreInputSentence(data: Record<string, unknown>): { summary: string; details: string[] } {
  const model = MODELS[data.model as keyof typeof MODELS]?.name ?? 'scoring';
  const input = (INPUT_LABEL[data.input as InputKey] ?? String(data.input)).toLowerCase();
  const num = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('en', { maximumFractionDigits: 2 }) : null);
  const [from, to] = [num(data.from), num(data.to)];
  if (to === null) return { summary: `cleared the ${model} ${input}${from ? ` (it was ${from})` : ''}.`, details: [] };
  return { summary: `set the ${model} ${input} to ${to}${from ? ` (it was ${from})` : ''}.`, details: [] };
}
