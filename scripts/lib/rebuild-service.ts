/**
 * The rebuild service: a small HTTP endpoint that the CMS's "Site rebuild" webhook
 * calls on publish, unpublish, delete and save. Calls are authenticated with a shared
 * secret; those that cannot change the site (a draft saved: rebuild-events.ts) are
 * answered without a rebuild. The others are
 * gathered for a short quiet period, and run one rebuild at a time: calls
 * that arrive during a rebuild lead to exactly one more rebuild after it, so the
 * last change always reaches the live site and two builds never race.
 *
 * With the same secret, the CMS's "Site" page reads `GET /status` (whether a build
 * is running or queued, the last failure, and what the `status` option reports:
 * the releases) and asks for `POST /rollback` with `{ "release": "<id>" }`.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RebuildStatus } from '@ssc/content-schemas';
import { changesTheSite } from './rebuild-events.ts';

export interface RebuildServiceOptions {
  host?: string;
  port: number;
  /** Callers must send `Authorization: Bearer <secret>`. */
  secret: string;
  /** Runs one rebuild; `events` are the calls it answers (e.g. "entry.publish api::news.news [ar]"). */
  rebuild: (events: string[]) => Promise<void>;
  /** What `GET /status` adds to the service's own state (e.g. the releases); none when absent. */
  status?: () => Promise<Record<string, unknown>>;
  /** Switches the live site to release `id` (`POST /rollback`); refused when absent. */
  rollback?: (id: string) => Promise<void>;
  /** How long to wait for more calls before rebuilding (ms). */
  quietMs?: number;
  log?: (line: string) => void;
}

/** The service's own state, as `GET /status` reports it. */
export interface RebuildState extends Pick<RebuildStatus, 'building' | 'queued' | 'lastFailure'> {
  finished: number;
}

export interface RebuildService {
  /** The URL to call (POST). */
  url: string;
  /** Resolves when no rebuild is queued or running. */
  idle(): Promise<void>;
  /** How many rebuilds have finished (successfully or not). */
  readonly finished: number;
  close(): Promise<void>;
}

function authorized(header: string | undefined, secret: string): boolean {
  const given = Buffer.from(header ?? '');
  const expected = Buffer.from(`Bearer ${secret}`);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

export async function startRebuildService(options: RebuildServiceOptions): Promise<RebuildService> {
  const log = options.log ?? (() => {});
  const quietMs = options.quietMs ?? 200;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let events: string[] = [];
  let finished = 0;
  let lastFailure: RebuildState['lastFailure'] = null;
  let waiters: (() => void)[] = [];

  const settleIfIdle = () => {
    if (timer || running) return;
    for (const resolve of waiters) resolve();
    waiters = [];
  };

  const runOnce = () => {
    timer = undefined;
    if (running) {
      again = true;
      return;
    }
    const answered = events;
    events = [];
    running = options
      .rebuild(answered)
      .then(() => {
        lastFailure = null;
      })
      .catch((error: Error) => {
        lastFailure = { at: new Date().toISOString(), message: error.message };
        log(`[rebuild] failed: ${error.message}`);
      })
      .finally(() => {
        running = undefined;
        finished += 1;
        if (again) {
          again = false;
          runOnce();
        } else settleIfIdle();
      });
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(runOnce, quietMs);
  };

  const state = (): RebuildState => ({ building: !!running, queued: !!timer || again, lastFailure, finished });

  const json = (res: http.ServerResponse, status: number, value: unknown) =>
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(value));

  const readBody = (req: http.IncomingMessage): Promise<string> =>
    new Promise((resolve) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        if (body.length < 4096) body += chunk;
      });
      req.on('end', () => resolve(body));
    });

  const server = http.createServer((req, res) => {
    const route = `${req.method} ${new URL(req.url ?? '/', 'http://x').pathname}`;
    if (!['POST /rebuild', 'GET /status', 'POST /rollback'].includes(route)) {
      res.writeHead(404).end();
      return;
    }
    if (!authorized(req.headers.authorization, options.secret)) {
      res.writeHead(401).end();
      return;
    }
    if (route === 'GET /status') {
      (options.status ?? (async () => ({})))()
        .then((extra) => json(res, 200, { ...state(), ...extra }))
        .catch((error: Error) => json(res, 500, { error: error.message }));
      return;
    }
    if (route === 'POST /rollback') {
      void readBody(req).then(async (body) => {
        let id: unknown;
        try {
          id = (JSON.parse(body) as { release?: unknown }).release;
        } catch {
          // answered below
        }
        if (typeof id !== 'string' || !id) return json(res, 400, { error: 'give the release to go back to: {"release": "<id>"}' });
        if (!options.rollback) return json(res, 501, { error: 'this rebuild service cannot roll back' });
        if (running) return json(res, 409, { error: 'a build is running; roll back when it has finished' });
        try {
          await options.rollback(id);
          log(`[rebuild] rolled the live site back to release ${id}`);
          json(res, 200, { live: id });
        } catch (error) {
          json(res, 400, { error: (error as Error).message });
        }
      });
      return;
    }
    void readBody(req).then((body) => {
      let event = 'a call';
      try {
        const payload = JSON.parse(body) as { event?: string; model?: string; entry?: { locale?: string } };
        // A saved draft, a learner's progress: nothing the site shows changed.
        if (!changesTheSite(payload)) {
          json(res, 200, { accepted: false, reason: 'this change does not reach the site until it is published' });
          return;
        }
        if (payload.event) event = `${payload.event} ${payload.model ?? ''}${payload.entry?.locale ? ` [${payload.entry.locale}]` : ''}`.trim();
      } catch {
        // a bare call (e.g. "Trigger" in the admin): rebuild all the same
      }
      log(`[rebuild] ${event}: rebuilding the site`);
      if (events.length < 20) events.push(event);
      schedule();
      res.writeHead(202, { 'Content-Type': 'application/json' }).end('{"accepted":true}');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/rebuild`,
    get finished() {
      return finished;
    },
    idle: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        settleIfIdle();
      }),
    close: async () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
