/**
 * The "Scheduled" page: every schedule of every language (language editors see them
 * all), pending ones first, with their state and result; Change and Cancel where the
 * user may publish in that language.
 */
import * as React from 'react';
import { Link } from 'react-router-dom';
import { Box, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { AdminPage } from '../components/AdminPage';
import { HeadRow } from '../components/HeadRow';
import type { ScheduleState } from '../../lib/scheduling/types';
import { formatInZone } from '../../lib/scheduling/time';
import { actionText, ChangeOrCancel, StateText } from './ScheduleSummary';
import { useSchedules } from './useSchedules';

const FILTERS: { value: ScheduleState | ''; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'pending', label: 'Pending' },
  { value: 'done', label: 'Done' },
  { value: 'failed', label: 'Failed' },
  { value: 'cancelled', label: 'Cancelled' },
];

const COLUMNS = ['Due', 'Entry', 'Language', 'Action', 'By', 'State', ''];

export default function ScheduledPage() {
  const [state, setState] = React.useState<ScheduleState | ''>('');
  const { list, message, change, cancel } = useSchedules(state ? { state } : {});
  const rows = list?.schedules ?? [];
  return (
    <AdminPage
      title="Scheduled"
      actions={
        <label>
          <Typography variant="pi">Show </Typography>
          <select aria-label="Show schedules" value={state} onChange={(e) => setState(e.target.value as ScheduleState | '')}>
            {FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
      }
    >
      <Typography textColor="neutral600">
        Publish or unpublish an entry at a set time from the Schedule panel of its edit view. Each time is shown in the time zone it was set in.
      </Typography>
      {message ? <Typography textColor={message.error ? 'danger600' : 'success600'}>{message.text}</Typography> : null}
      <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
        {!list ? (
          <Typography>Loading…</Typography>
        ) : rows.length === 0 ? (
          <Typography>Nothing is scheduled.</Typography>
        ) : (
          <Table colCount={COLUMNS.length} rowCount={rows.length + 1}>
            <HeadRow labels={COLUMNS} />
            <Tbody>
              {rows.map((s) => (
                <Tr key={s.id} data-testid="scheduled-row">
                  <Td>
                    <Typography>{formatInZone(s.dueAt, s.timeZone)}</Typography>
                  </Td>
                  <Td>
                    <Typography>
                      <Link to={s.editPath}>{`${s.type}: ${s.title ?? s.documentId}`}</Link>
                    </Typography>
                  </Td>
                  <Td>
                    <Typography>{s.locale}</Typography>
                  </Td>
                  <Td>
                    <Typography>{actionText(s.action)}</Typography>
                  </Td>
                  <Td>
                    <Typography>{s.editor.name}</Typography>
                  </Td>
                  <Td style={{ whiteSpace: 'normal', maxWidth: 360 }}>
                    <StateText schedule={s} />
                  </Td>
                  <Td>
                    <ChangeOrCancel schedule={s} onChange={change} onCancel={cancel} />
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Box>
    </AdminPage>
  );
}
