/** Reading the partner API's query parameters: lists may be repeated or comma-separated. */
import { errors } from '@strapi/utils';

/** Most values one filter takes; a longer list is refused rather than turned into a huge query. */
export const MAX_LIST_VALUES = 50;
/** Longest single value of a list filter (slugs, locale codes, type names). */
export const MAX_LIST_VALUE_LENGTH = 100;

export function list(name: string, value: unknown): string[] {
  const raw = Array.isArray(value) ? value : value === undefined ? [] : [value];
  if (raw.some((v) => typeof v !== 'string')) throw new errors.ValidationError(`${name}: give values as text, repeated or comma-separated`);
  const values = (raw as string[])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  if (values.length > MAX_LIST_VALUES) throw new errors.ValidationError(`${name}: at most ${MAX_LIST_VALUES} values (got ${values.length})`);
  const long = values.find((v) => v.length > MAX_LIST_VALUE_LENGTH);
  if (long !== undefined) throw new errors.ValidationError(`${name}: a value is longer than ${MAX_LIST_VALUE_LENGTH} characters`);
  return values;
}

export function single(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new errors.ValidationError(`${name}: give one value`);
  return value;
}

export function positiveInt(name: string, value: unknown, max: number): number | undefined {
  const text = single(name, value);
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new errors.ValidationError(`${name}: an integer from 1 to ${max}`);
  return n;
}

export function oneOf<T extends string>(name: string, values: string[], allowed: readonly T[]): T[] {
  for (const v of values) if (!allowed.includes(v as T)) throw new errors.ValidationError(`${name}: "${v}" is not one of ${allowed.join(', ')}`);
  return values as T[];
}
