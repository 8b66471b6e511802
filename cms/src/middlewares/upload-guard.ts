/**
 * Checks every uploaded file on every route, after the body is parsed and before
 * any controller sees it (so it covers the admin's upload and replace routes,
 * whatever the path's letter case): the extension must be on the media allow-list
 * and the bytes must match it (lib/media-policy.ts). A refused upload answers 400
 * naming the file and the reason, and its temporary file is removed. Accepted files
 * keep their name as text only: any path in it is dropped.
 */
import fs from 'node:fs/promises';
import { errors } from '@strapi/utils';
import type { Context, Next } from '../lib/koa';
import { displayFileName, judgeMedia } from '../lib/media-policy';

interface UploadedFile {
  filepath?: string;
  originalFilename?: string | null;
  mimetype?: string | null;
}

const HEAD_BYTES = 4100;

async function readHead(file: string): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function sniff(head: Buffer): Promise<string | undefined> {
  const { fileTypeFromBuffer } = await import('file-type');
  return (await fileTypeFromBuffer(new Uint8Array(head)))?.mime;
}

function uploadedFiles(files: unknown): UploadedFile[] {
  if (!files || typeof files !== 'object') return [];
  return Object.values(files as Record<string, UploadedFile | UploadedFile[]>).flat();
}

export default () => {
  return async (ctx: Context, next: Next) => {
    const files = uploadedFiles(ctx.request?.files);
    if (!files.length) return next();
    const refused: string[] = [];
    for (const file of files) {
      const name = displayFileName(file.originalFilename ?? '');
      file.originalFilename = name;
      const head = file.filepath ? await readHead(file.filepath) : Buffer.alloc(0);
      const verdict = judgeMedia(name, head, await sniff(head));
      if (verdict.ok) file.mimetype = verdict.mime!;
      else refused.push(`"${name}": ${verdict.reason}`);
    }
    if (refused.length) {
      await Promise.all(files.map((f) => (f.filepath ? fs.rm(f.filepath, { force: true }) : undefined)));
      throw new errors.ValidationError(`Upload refused: ${refused.join('; ')}`, { files: refused });
    }
    return next();
  };
};
