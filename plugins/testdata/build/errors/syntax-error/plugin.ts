export function add(x: number): number {
  const y = x +;
  return y;
}
