/** "1 item", "3 items"; `many` for words whose plural is not `one` + "s" ("1 person", "2 people"). */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
