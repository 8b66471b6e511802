import { describe, expect, it } from 'vitest';
import { displayFileName, extensionOf, isInlineMedia, judgeMedia } from './media-policy';

const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('media policy', () => {
  it('accepts an image whose content is that image', () => {
    expect(judgeMedia('photo.PNG', PNG_HEAD, 'image/png')).toEqual({ ok: true, mime: 'image/png' });
  });

  it('refuses an image name whose content is not recognised as that image (an HTML page named .png)', () => {
    const verdict = judgeMedia('innocent.png', Buffer.from('<html><script>alert(1)</script>'), undefined);
    expect(verdict.ok).toBe(false);
    expect(verdict.reason).toMatch(/\.png.*not that format/);
  });

  it('refuses SVG, HTML and unknown types by name, whatever their content', () => {
    for (const name of ['logo.svg', 'page.html', 'page.htm', 'script.js', 'tool.exe', 'data.xml', 'noext']) {
      expect(judgeMedia(name, Buffer.from('x'), undefined).ok, name).toBe(false);
    }
  });

  it('accepts WebVTT that starts with WEBVTT, with or without a byte order mark', () => {
    expect(judgeMedia('c.vtt', Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\n<i>Hi</i>'), undefined).ok).toBe(true);
    expect(judgeMedia('c.vtt', Buffer.from('\uFEFFWEBVTT - title\n'), 'text/vtt').ok).toBe(true);
    expect(judgeMedia('c.vtt', Buffer.from('1\n00:00:00,000 --> 00:00:01,000\nHi'), undefined).ok).toBe(false);
  });

  it('refuses text files that are markup documents, binary, or not UTF-8', () => {
    expect(judgeMedia('notes.txt', Buffer.from('  <!doctype html><p>x'), undefined).reason).toMatch(/markup/);
    expect(judgeMedia('notes.txt', Buffer.from('hello <script>x</script>'), undefined).reason).toMatch(/markup/);
    expect(judgeMedia('notes.txt', Buffer.from([0x68, 0x00, 0x69]), undefined).reason).toMatch(/binary/);
    expect(judgeMedia('notes.txt', Buffer.from([0xff, 0xfe, 0x41, 0x42, 0x43, 0x44]), undefined).reason).toMatch(/UTF-8/);
    expect(judgeMedia('notes.txt', Buffer.from('Plain captions, 中文, العربية'), undefined).ok).toBe(true);
  });

  it('accepts office documents detected as their container', () => {
    expect(judgeMedia('brief.docx', Buffer.alloc(4), 'application/zip').ok).toBe(true);
    expect(judgeMedia('brief.doc', Buffer.alloc(4), 'application/x-cfb').ok).toBe(true);
    expect(judgeMedia('brief.docx', Buffer.alloc(4), 'application/pdf').ok).toBe(false);
  });

  it('keeps only the last segment of a file name, without control characters', () => {
    expect(displayFileName('../../etc/passwd.png')).toBe('passwd.png');
    expect(displayFileName('C:\\\\Users\\\\x\\\\photo.jpg')).toBe('photo.jpg');
    expect(displayFileName('a\u0000b\nc.png')).toBe('abc.png');
    expect(displayFileName('')).toBe('file');
    expect(extensionOf('archive.tar.GZ')).toBe('.gz');
    expect(extensionOf('.hidden')).toBe('');
  });

  it('serves images, video and captions inline and everything else as a download', () => {
    expect(isInlineMedia('/uploads/a_1.webp')).toBe(true);
    expect(isInlineMedia('/uploads/a_1.mp4')).toBe(true);
    expect(isInlineMedia('/uploads/a_1.pdf')).toBe(false);
    expect(isInlineMedia('/uploads/a_1.svg')).toBe(false);
    expect(isInlineMedia('/uploads/a_1.html')).toBe(false);
  });
});
