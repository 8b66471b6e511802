/** On-the-fly gzip of text files, kept in memory per file version up to a byte budget. */
import type fs from 'node:fs';
import { readFileSync } from 'node:fs';
import zlib from 'node:zlib';

export class GzipCache {
  readonly #entries = new Map<string, Buffer>();
  readonly #limitBytes: number;
  #bytes = 0;

  constructor(limitBytes = 64 * 1024 * 1024) {
    this.#limitBytes = limitBytes;
  }

  get(file: string, stat: fs.Stats): Buffer {
    const key = `${file}\0${stat.ino}\0${stat.size}\0${stat.mtimeMs}`;
    let body = this.#entries.get(key);
    if (!body) {
      body = zlib.gzipSync(readFileSync(file), { level: 9 });
      if (this.#bytes + body.length > this.#limitBytes) {
        this.#entries.clear();
        this.#bytes = 0;
      }
      this.#entries.set(key, body);
      this.#bytes += body.length;
    }
    return body;
  }
}
