/** Reading the partner API's query parameters: lists may be repeated or comma-separated. */
import { errors } from '@strapi/utils';

export function list(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.flatMap((v) => (typeof v === 'string' ? v.split(',') : [])).map((v) => v.trim()).filter(Boolean);
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
