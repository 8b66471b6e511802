/**
 * A TLS-terminating reverse proxy for browser tests, standing where a production
 * front (nginx, a CDN) stands: it answers several public host names over HTTPS, with a
 * throw-away self-signed certificate, and passes each request to the local server of
 * its host name, as is (method, path, headers, body; redirects and cookies untouched).
 * Chromium reaches it through `chromiumArgs` (`--host-resolver-rules`), and its
 * contexts need `ignoreHTTPSErrors`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';

export interface TlsFront {
  /** Launch flags that send the browser's requests for the host names here. */
  chromiumArgs: string[];
  close(): Promise<void>;
}

/** Serves `upstreams` (host name → the origin of a local server, asked on each request) on a free local port. */
export async function startTlsFront(upstreams: Record<string, () => string>): Promise<TlsFront> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-tls-front-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  const names = Object.keys(upstreams);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      `/CN=${names[0]}`,
      '-addext',
      `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}`,
    ],
    { stdio: 'ignore' },
  );
  const server = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const upstream = upstreams[host];
    if (!upstream) {
      res.writeHead(421).end(`no upstream for ${host}`);
      return;
    }
    const target = new URL(req.url ?? '/', upstream());
    const forwarded = http.request(
      target,
      {
        method: req.method,
        headers: { ...req.headers, 'x-forwarded-proto': 'https', 'x-forwarded-host': host, 'x-forwarded-for': req.socket.remoteAddress ?? '' },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    chromiumArgs: [`--host-resolver-rules=${names.map((n) => `MAP ${n} 127.0.0.1:${port}`).join(',')}`],
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
