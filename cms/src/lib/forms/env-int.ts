/** An integer setting from the environment: `fallback` when unset, an error naming it when not an integer ≥ `min`. */
export const envInt = (name: string, value: string | undefined, fallback: number, min: number): number => {
  const n = value === undefined || value === '' ? fallback : Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name}="${value}" must be an integer ≥ ${min}`);
  return n;
};
