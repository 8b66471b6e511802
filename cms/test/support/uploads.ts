/** Uploading files through the admin's media library routes, as the admin panel does. */
import sharp from 'sharp';
import { cms } from './http.ts';

export interface UploadResult {
  status: number;
  body: any;
}

async function postFiles(path: string, files: { name: string; bytes: Buffer; type?: string }[], jwt: string): Promise<UploadResult> {
  const form = new FormData();
  for (const f of files) form.append('files', new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'application/octet-stream' }), f.name);
  const res = await fetch(`${cms().url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${jwt}` }, body: form });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: res.status, body };
}

/** Uploads files to the media library. */
export const uploadFiles = (files: { name: string; bytes: Buffer; type?: string }[], jwt: string = cms().adminJwt) => postFiles('/upload', files, jwt);

/** Replaces the bytes of media file `id`. */
export const replaceFile = (id: number, file: { name: string; bytes: Buffer; type?: string }, jwt: string = cms().adminJwt) =>
  postFiles(`/upload?id=${id}`, [file], jwt);

/** A small real PNG of one colour. */
export function pngBytes(rgb: [number, number, number] = [20, 120, 60]): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } })
    .png()
    .toBuffer();
}

/** A minimal valid PDF. */
export const pdfBytes = () =>
  Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
