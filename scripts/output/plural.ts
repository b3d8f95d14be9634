/** Count phrases for reports and messages: "1 system", "2 systems". */

/** `n` and the noun, singular when n is 1 (or -1). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${Math.abs(n) === 1 ? one : many}`;
}

/** A change with its sign, "+1 system", "-2 systems", "0 systems". */
export function signedPlural(
  delta: number,
  one: string,
  many = `${one}s`,
): string {
  const sign = delta > 0 ? '+' : '';
  return `${sign}${plural(delta, one, many)}`;
}
