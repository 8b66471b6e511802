/**
 * A side panel in the content manager's edit view: this entry's schedules in the
 * language being edited (pending, done, failed, cancelled), with Change and Cancel,
 * and a form to schedule a publish or unpublish, for those who may publish here.
 */
import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { isSchedulable } from '../../lib/scheduling/input';
import { ScheduleForm } from './ScheduleForm';
import { ChangeOrCancel, dueText, StateText } from './ScheduleSummary';
import { useSchedules } from './useSchedules';

function Schedules({ uid, documentId, locale }: { uid: string; documentId: string; locale: string }) {
  const { list, message, create, change, cancel } = useSchedules({ uid, documentId, locale });
  if (!list) return <Typography>Loading…</Typography>;
  const shown = list.schedules.filter((s) => s.state !== 'cancelled').slice(0, 8);
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="entry-schedules">
      {shown.length ? (
        shown.map((s) => (
          <Box key={s.id} data-testid="entry-schedule">
            <Typography tag="p">{dueText(s)}</Typography>
            <StateText schedule={s} />
            <ChangeOrCancel schedule={s} onChange={change} onCancel={cancel} />
          </Box>
        ))
      ) : (
        <Typography>Nothing scheduled in this language.</Typography>
      )}
      {list.canSchedule ? (
        <ScheduleForm submitLabel="Schedule" onSubmit={(action, dueAt) => create({ uid, documentId, locale }, action, dueAt)} />
      ) : (
        <Typography textColor="neutral600">Your role may not publish in this language, so it may not schedule here.</Typography>
      )}
      {message ? (
        <Typography textColor={message.error ? 'danger600' : 'success600'} data-testid="schedule-message">
          {message.text}
        </Typography>
      ) : null}
    </Flex>
  );
}

// The content manager calls panels as description components: return a title and content, or null.
const SchedulePanel = ({ model, documentId, document }: { model: string; documentId?: string; document?: { locale?: string; publishedAt?: unknown } }) => {
  // Taxonomy has no drafts: it is live when saved, so there is nothing to schedule.
  if (!documentId || !document?.locale || !isSchedulable(model)) return null;
  return { title: 'Schedule', content: <Schedules uid={model} documentId={documentId} locale={document.locale} /> };
};

export default SchedulePanel;
