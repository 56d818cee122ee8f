export const label = (s: string) => `[${s}]`;
