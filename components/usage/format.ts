// Counts as the usage screens write them: 12,345.
const number = new Intl.NumberFormat("en-US");

export const formatCount = (n: number) => number.format(n);
