'use client';
import { createContext, useContext } from 'react';

export type Choice = { id: number; name: string; archived?: boolean };

const ChoicesContext = createContext<readonly Choice[]>([]);

/**
 * One list of choices (departments, modules) for every row of a long table: sent to the browser
 * once, instead of once per row, and read by the rows' pickers only when they are opened. A list
 * of hundreds of people, each with a picker of hundreds of departments, would otherwise weigh
 * megabytes.
 */
export function Choices({ value, children }: { value: readonly Choice[]; children: React.ReactNode }) {
  return <ChoicesContext.Provider value={value}>{children}</ChoicesContext.Provider>;
}

export function useChoices(): readonly Choice[] {
  return useContext(ChoicesContext);
}
