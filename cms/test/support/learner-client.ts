/**
 * A browser-like client of the learning API for tests: plain form posts (urlencoded)
 * or JSON, its own cookie jar, no redirect following, and its own source address on
 * the loopback network (127.0.0.x), so that the per-IP rate limits of one test do
 * not reach the others.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import { cms } from './http.ts';

export interface LearnerResponse {
  status: number;
  location: string | null;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: any;
}

let nextHost = 2 + crypto.randomInt(0, 200);

/** A fresh loopback source address for each client. */
const freshAddress = () => `127.0.${crypto.randomInt(1, 250)}.${(nextHost++ % 250) + 2}`;

export const uniqueEmail = (prefix = 'learner') => `${prefix}-${crypto.randomBytes(5).toString('hex')}@learners.example.org`;
export const STRONG_PASSWORD = 'Rice-paddies-in-Kenya-2026';

export class LearnerClient {
  readonly cookies = new Map<string, string>();
  readonly address = freshAddress();

  readonly base: string;

  /** `base`: another CMS than the project's (a test that boots its own). */
  constructor(base: string = cms().url) {
    this.base = base;
  }

  request(
    method: string,
    path: string,
    options: { form?: Record<string, string> | [string, string][]; json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<LearnerResponse> {
    const url = new URL(path, this.base);
    let body: string | undefined;
    const headers: Record<string, string> = { ...options.headers };
    if (options.form) {
      body = new URLSearchParams(options.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers.accept ??= 'text/html';
    } else if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
      headers.accept ??= 'application/json';
    }
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return new Promise((resolve, reject) => {
      const req = http.request(url, { method, headers, localAddress: this.address }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          for (const line of res.headers['set-cookie'] ?? []) {
            const [pair] = line.split(';');
            const eq = pair.indexOf('=');
            const name = pair.slice(0, eq).trim();
            const value = pair.slice(eq + 1).trim();
            if (value && !/expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.set(name, value);
            else this.cookies.delete(name);
          }
          const text = Buffer.concat(chunks).toString('utf8');
          let json: any = null;
          try {
            json = JSON.parse(text);
          } catch {
            // Not JSON: a page or a redirect.
          }
          resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null, headers: res.headers, text, json });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  post = (path: string, form: Record<string, string>) => this.request('POST', `/api/learning/${path}`, { form });
  postJson = (path: string, json: unknown) => this.request('POST', `/api/learning/${path}`, { json });
  get = (path: string) => this.request('GET', `/api/learning/${path}`);

  /** Registers (no SMTP in the tests, so no confirmation) and is signed in. */
  async register(email = uniqueEmail(), password = STRONG_PASSWORD, locale = 'en'): Promise<{ email: string; password: string }> {
    const res = await this.post('register', { email, password, locale });
    if (res.status !== 303 || !res.location?.includes('status=welcome')) throw new Error(`register ${email}: ${res.status} ${res.location} ${res.text}`);
    return { email, password };
  }
}
