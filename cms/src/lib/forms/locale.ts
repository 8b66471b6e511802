import { model } from '../model';

/** The model's locale for `value`, else the default locale. */
export function pickLocale(value: unknown): string {
  return typeof value === 'string' && model.locales.some((l) => l.code === value) ? value : model.defaultLocale;
}
