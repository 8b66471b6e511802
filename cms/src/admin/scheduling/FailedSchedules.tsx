/** A section of the Site page: the schedules that failed, with why, each linking to its entry. */
import * as React from 'react';
import { Link } from 'react-router-dom';
import { Box, Flex, Typography } from '@strapi/design-system';
import { dueText } from './ScheduleSummary';
import { useSchedules } from './useSchedules';

const SHOWN = 10;

export function FailedSchedules() {
  const { list } = useSchedules({ state: 'failed' });
  const failed = list?.schedules ?? [];
  return (
    <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
      <Flex direction="column" alignItems="start" gap={2}>
        <Typography variant="delta" tag="h2">
          Failed schedules
        </Typography>
        {failed.length ? (
          failed.slice(0, SHOWN).map((s) => (
            <Typography key={s.id} data-testid="site-failed-schedule">
              <Link to={s.editPath}>{`${s.type}: ${s.title ?? s.documentId} [${s.locale}]`}</Link>
              {` — ${dueText(s)}: ${s.message ?? 'failed'}`}
            </Typography>
          ))
        ) : (
          <Typography>None: every due schedule ran.</Typography>
        )}
        {failed.length > SHOWN ? <Link to="/ssc-scheduled">{`All ${failed.length} on the Scheduled page`}</Link> : null}
      </Flex>
    </Box>
  );
}
