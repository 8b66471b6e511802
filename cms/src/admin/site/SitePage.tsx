/**
 * The "Site" page: what is live on the static site, whether a build is running or
 * queued, the last releases and the entries left out of them (each linking to its
 * edit view in that locale). The chief editor can start a rebuild and roll back.
 */
import * as React from 'react';
import { Link } from 'react-router-dom';
import { Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { SiteStatus } from '../../lib/site-admin';
import { AdminPage } from '../components/AdminPage';
import { FailedSchedules } from '../scheduling/FailedSchedules';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '–');

/** Release ids are times (2026-12-01T15-43-35-001Z); shown as local times. */
const releaseTime = (id: string) => {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(id);
  return m ? new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`).toLocaleString() : id;
};

export default function SitePage() {
  const { get, post } = useFetchClient();
  const [status, setStatus] = React.useState<SiteStatus | null>(null);
  const [message, setMessage] = React.useState<string | null>(null);

  const load = React.useCallback(async () => {
    const { data } = await get<SiteStatus>('/ssc-site/status');
    setStatus(data);
  }, [get]);

  React.useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 3000);
    return () => clearInterval(timer);
  }, [load]);

  const act = async (path: string, body: unknown, done: string) => {
    try {
      await post(path, body);
      setMessage(done);
    } catch (error) {
      setMessage(`Refused: ${(error as Error).message}`);
    }
    await load();
  };

  const live = status?.releases.find((r) => r.live);
  const state = !status
    ? 'Loading…'
    : !status.configured
      ? 'No rebuild service is configured (SITE_REBUILD_URL).'
      : !status.reachable
        ? 'The rebuild service does not answer.'
        : status.building
          ? `A build is running${status.queued ? ', and another is queued' : ''}.`
          : status.queued
            ? 'A build is queued.'
            : 'The site is up to date with the last publish.';

  return (
    <AdminPage
      title="Site"
      actions={status?.canManage ? <Button onClick={() => act('/ssc-site/rebuild', {}, 'A rebuild was requested.')}>Rebuild now</Button> : null}
    >
      <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
        <Flex direction="column" alignItems="start" gap={2}>
          <Typography variant="delta" tag="h2">
            Live release
          </Typography>
          <Typography data-testid="site-live">
            {live
              ? `${releaseTime(live.id)} — ${live.pages ?? '?'} pages, built in ${live.seconds?.toFixed(1) ?? '?'} s${live.trigger ? `, after ${live.trigger}` : ''}; content as of ${when(live.snapshotCreatedAt)}`
              : 'No release is live.'}
          </Typography>
          <Typography data-testid="site-state">{state}</Typography>
          {status?.lastFailure ? (
            <Typography textColor="danger600">
              The last build failed ({when(status.lastFailure.at)}): {status.lastFailure.message}. The live site was left as it was.
            </Typography>
          ) : null}
          {message ? <Typography textColor="primary600">{message}</Typography> : null}
        </Flex>
      </Box>
      <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
        <Typography variant="delta" tag="h2">
          Last releases
        </Typography>
        <Table colCount={6} rowCount={(status?.releases.length ?? 0) + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">Release</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">Trigger</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">Pages</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">Duration</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">Left out</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">Action</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {(status?.releases ?? []).map((r) => (
              <Tr key={r.id} data-testid="site-release">
                <Td>
                  <Typography>
                    {releaseTime(r.id)}
                    {r.live ? ' (live)' : ''}
                  </Typography>
                </Td>
                <Td>
                  <Typography>{r.trigger ?? '–'}</Typography>
                </Td>
                <Td>
                  <Typography>{r.pages ?? '–'}</Typography>
                </Td>
                <Td>
                  <Typography>{r.seconds === null ? '–' : `${r.seconds.toFixed(1)} s`}</Typography>
                </Td>
                <Td>
                  <Typography>{r.leftOut.length}</Typography>
                </Td>
                <Td>
                  {status?.canManage && !r.live ? (
                    <Button
                      variant="secondary"
                      size="S"
                      onClick={() => act('/ssc-site/rollback', { release: r.id }, `The live site is back at ${releaseTime(r.id)}.`)}
                    >
                      Roll back to this release
                    </Button>
                  ) : null}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Box>
      <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
        <Flex direction="column" alignItems="start" gap={2}>
          <Typography variant="delta" tag="h2">
            Left out of the live release
          </Typography>
          {live && live.leftOut.length ? (
            live.leftOut.map((e) => (
              <Typography key={`${e.type}:${e.documentId}:${e.locale}:${e.field}`} data-testid="site-left-out">
                {e.editPath ? <Link to={e.editPath}>{`${e.type} ${e.documentId} [${e.locale}]`}</Link> : `${e.type} ${e.documentId} [${e.locale}]`}
                {` — ${e.stage ? `${e.stage}, ` : ''}${e.field}: ${e.message}`}
              </Typography>
            ))
          ) : (
            <Typography>Nothing: every published entry is on the site.</Typography>
          )}
        </Flex>
      </Box>
      <FailedSchedules />
    </AdminPage>
  );
}
