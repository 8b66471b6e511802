export * from './locales.ts';
export * from './fields.ts';
export * from './model.ts';
export * from './snapshot.ts';
export * from './strapi-schema.ts';
export * from './snapshot-files.ts';
export * from './static-api.ts';
