export const notAnIndex = 1;
