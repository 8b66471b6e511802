/** Listens where the test CMS asks for site rebuilds (SITE_REBUILD_URL) and records each request's JSON body. */
import http from 'node:http';
import { cms } from './http.ts';

export interface RebuildRecorder {
  calls: { event: string }[];
  close(): Promise<void>;
}

export async function recordRebuildRequests(): Promise<RebuildRecorder> {
  const calls: { event: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req
      .on('data', (d) => (body += d))
      .on('end', () => {
        try {
          calls.push(JSON.parse(body));
        } catch {
          // not a rebuild request
        }
        res.writeHead(202).end();
      });
  });
  await new Promise<void>((resolve) => server.listen(cms().rebuild.port, '127.0.0.1', resolve));
  return { calls, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
