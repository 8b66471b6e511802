/**
 * The certificates' two tables (docs/cloud-school.md, "Data the CMS keeps"): plain
 * tables made with the database connection, never content types, so that nothing in
 * them reaches the content API, the pull or the admin's content manager.
 */
import type { Core } from '@strapi/strapi';

export const CREDENTIALS_TABLE = 'learning_credentials';
export const SIGNING_KEYS_TABLE = 'learning_signing_keys';

export type Db = Core.Strapi['db']['connection'];

export interface CredentialRow {
  id: number;
  credential_id: string;
  learner_id: number | null;
  course_document_id: string;
  locale: string;
  issued_at: Date | string;
  status_index: number;
  revoked_at: Date | string | null;
  credential_json: string;
}

export interface SigningKeyRow {
  id: number;
  key_id: string;
  public_key: string;
  private_key_encrypted: string;
  created_at: Date | string;
  retired_at: Date | string | null;
}

export async function ensureCertificateTables(db: Db): Promise<void> {
  if (!(await db.schema.hasTable(SIGNING_KEYS_TABLE))) {
    await db.schema.createTable(SIGNING_KEYS_TABLE, (t) => {
      t.increments('id');
      t.string('key_id', 64).notNullable().unique();
      t.text('public_key').notNullable();
      t.text('private_key_encrypted').notNullable();
      t.timestamp('created_at').notNullable();
      t.timestamp('retired_at').nullable();
    });
  }
  if (!(await db.schema.hasTable(CREDENTIALS_TABLE))) {
    await db.schema.createTable(CREDENTIALS_TABLE, (t) => {
      t.increments('id');
      t.string('credential_id', 64).notNullable().unique();
      t.integer('learner_id').nullable().index();
      t.string('course_document_id', 64).notNullable().index();
      t.string('locale', 16).notNullable();
      t.timestamp('issued_at').notNullable();
      t.integer('status_index').notNullable().unique();
      t.timestamp('revoked_at').nullable();
      t.text('credential_json').notNullable();
    });
  }
}
