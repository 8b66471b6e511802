/**
 * Which files may enter the media library, judged by their bytes as well as their
 * name. One table: each allowed extension, the type it is stored and served as, and
 * how its content is checked. SVG is refused (it can carry script, and sanitizing
 * it is a promise we would have to keep for every renderer); so is anything not in
 * the table, and anything whose content says it is something else (an HTML page
 * named `innocent.png` is refused because no PNG signature is found).
 */
export type ContentCheck =
  /** A binary format: the sniffed type (file-type) must be one of these. */
  | { kind: 'signature'; detected: readonly string[] }
  /**
   * A text format: UTF-8, no NUL, no markup document; `firstLine` when the format
   * has a magic first line; `detected`, what a sniffer may call it (text is
   * usually not recognised at all).
   */
  | { kind: 'text'; firstLine?: RegExp; detected?: readonly string[] };

export interface AllowedType {
  mime: string;
  check: ContentCheck;
  /** Served inline (a browser shows it and runs nothing); everything else is sent as a download. */
  inline: boolean;
}

const image = (mime: string): AllowedType => ({ mime, check: { kind: 'signature', detected: [mime] }, inline: true });
const OOXML = 'application/vnd.openxmlformats-officedocument';
const ODF = 'application/vnd.oasis.opendocument';
const office = (mime: string, detected: string[]): AllowedType => ({ mime, check: { kind: 'signature', detected }, inline: false });

/** Allowed extensions (lower case, with the dot). */
export const ALLOWED_MEDIA: Readonly<Record<string, AllowedType>> = {
  '.jpg': image('image/jpeg'),
  '.jpeg': image('image/jpeg'),
  '.png': image('image/png'),
  '.webp': image('image/webp'),
  '.avif': image('image/avif'),
  '.gif': image('image/gif'),
  '.pdf': { mime: 'application/pdf', check: { kind: 'signature', detected: ['application/pdf'] }, inline: false },
  // Word, Excel and PowerPoint files are ZIP (OOXML) or OLE compound (97–2003) containers.
  '.docx': office(`${OOXML}.wordprocessingml.document`, [`${OOXML}.wordprocessingml.document`, 'application/zip']),
  '.xlsx': office(`${OOXML}.spreadsheetml.sheet`, [`${OOXML}.spreadsheetml.sheet`, 'application/zip']),
  '.pptx': office(`${OOXML}.presentationml.presentation`, [`${OOXML}.presentationml.presentation`, 'application/zip']),
  '.doc': office('application/msword', ['application/x-cfb']),
  '.xls': office('application/vnd.ms-excel', ['application/x-cfb']),
  '.ppt': office('application/vnd.ms-powerpoint', ['application/x-cfb']),
  '.odt': office(`${ODF}.text`, [`${ODF}.text`, 'application/zip']),
  '.ods': office(`${ODF}.spreadsheet`, [`${ODF}.spreadsheet`, 'application/zip']),
  '.odp': office(`${ODF}.presentation`, [`${ODF}.presentation`, 'application/zip']),
  '.csv': { mime: 'text/csv', check: { kind: 'text' }, inline: false },
  '.mp4': { mime: 'video/mp4', check: { kind: 'signature', detected: ['video/mp4', 'video/x-m4v'] }, inline: true },
  '.webm': { mime: 'video/webm', check: { kind: 'signature', detected: ['video/webm'] }, inline: true },
  '.vtt': { mime: 'text/vtt', check: { kind: 'text', firstLine: /^WEBVTT(?:[ \t].*)?$/, detected: ['text/vtt'] }, inline: true },
  '.txt': { mime: 'text/plain', check: { kind: 'text' }, inline: true },
  '.srt': { mime: 'text/plain', check: { kind: 'text' }, inline: true },
};

export const allowedExtensions = Object.keys(ALLOWED_MEDIA);

/** The extension of a file name, lower case with its dot ('' when it has none). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/**
 * A file name as text only: the last path segment, without control characters.
 * Media are stored under a generated name; this is what editors see.
 */
export function displayFileName(fileName: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const base = (fileName.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base || 'file';
}

/** Markup at the start of a text file, or a script element anywhere in its head. */
const MARKUP = /^\s*<|<\s*(script|svg|iframe|object|embed)\b/i;

function checkText(head: Buffer, firstLine?: RegExp): string | null {
  if (head.includes(0)) return 'it contains binary data';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head);
  } catch {
    // A multi-byte character may be cut at the end of the head; retry without its last 3 bytes.
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 3)));
    } catch {
      return 'it is not UTF-8 text';
    }
  }
  text = text.replace(/^\uFEFF/, '');
  if (MARKUP.test(text)) return 'it contains HTML or XML markup';
  if (firstLine && !firstLine.test(text.split(/\r?\n/, 1)[0] ?? '')) return 'it does not start the way this format must';
  return null;
}

export interface MediaVerdict {
  ok: boolean;
  /** Why it was refused, in words for an editor. */
  reason?: string;
  /** The type it is stored as, when accepted. */
  mime?: string;
}

/**
 * Judges one file: its name's extension must be allowed and its content must match.
 * `detected` is what a content sniffer (file-type) found in the first bytes, if anything.
 */
export function judgeMedia(fileName: string, head: Buffer, detected: string | undefined): MediaVerdict {
  const ext = extensionOf(fileName);
  const allowed = ALLOWED_MEDIA[ext];
  if (!allowed) {
    const shown = ext || 'no extension';
    return { ok: false, reason: `files of type "${shown}" are not accepted (allowed: ${allowedExtensions.join(' ')})` };
  }
  if (allowed.check.kind === 'signature') {
    if (!detected || !allowed.check.detected.includes(detected)) {
      return { ok: false, reason: `its name says ${ext} but its content is ${detected ? `"${detected}"` : 'not that format'}` };
    }
    return { ok: true, mime: allowed.mime };
  }
  if (detected && !allowed.check.detected?.includes(detected)) return { ok: false, reason: `its name says ${ext} but its content is "${detected}"` };
  const problem = checkText(head, allowed.check.firstLine);
  return problem ? { ok: false, reason: `its name says ${ext} but ${problem}` } : { ok: true, mime: allowed.mime };
}

/** How a stored file is served: inline for what a browser shows without running anything, else as a download. */
export function isInlineMedia(fileName: string): boolean {
  return ALLOWED_MEDIA[extensionOf(fileName)]?.inline ?? false;
}
