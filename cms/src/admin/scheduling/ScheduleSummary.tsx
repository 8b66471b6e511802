/** One schedule in words, with Change and Cancel while it is pending and the user may. */
import * as React from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import type { ScheduleAction, ScheduleView } from '../../lib/scheduling/types';
import { formatInZone } from '../../lib/scheduling/time';
import { ScheduleForm } from './ScheduleForm';

const STATE_TEXT: Record<ScheduleView['state'], string> = {
  pending: 'Pending',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

const STATE_COLOUR: Record<ScheduleView['state'], string> = {
  pending: 'primary600',
  running: 'primary600',
  done: 'success600',
  failed: 'danger600',
  cancelled: 'neutral600',
};

export const actionText = (action: ScheduleAction) => (action === 'publish' ? 'Publish' : 'Unpublish');

export function StateText({ schedule }: { schedule: ScheduleView }) {
  return (
    <Typography textColor={STATE_COLOUR[schedule.state]} data-testid="schedule-state">
      {STATE_TEXT[schedule.state]}
      {schedule.message ? `: ${schedule.message}` : ''}
    </Typography>
  );
}

export function ChangeOrCancel(props: {
  schedule: ScheduleView;
  onChange(id: number, action: ScheduleAction, dueAt: string): Promise<boolean>;
  onCancel(id: number): Promise<boolean>;
}) {
  const [editing, setEditing] = React.useState(false);
  const { schedule } = props;
  if (!schedule.canChange) return null;
  if (editing) {
    return (
      <ScheduleForm
        initial={{ action: schedule.action, dueAt: schedule.dueAt }}
        submitLabel="Save change"
        onSubmit={(action, dueAt) => props.onChange(schedule.id, action, dueAt)}
        onClose={() => setEditing(false)}
      />
    );
  }
  return (
    <Flex gap={2}>
      <Button size="S" variant="secondary" onClick={() => setEditing(true)}>
        Change
      </Button>
      <Button size="S" variant="danger-light" onClick={() => void props.onCancel(schedule.id)}>
        Cancel schedule
      </Button>
    </Flex>
  );
}

/** "Publish on 2 Dec 2026, 09:00:00 Europe/Paris (GMT+1), by Ana" */
export function dueText(schedule: ScheduleView): string {
  return `${actionText(schedule.action)} on ${formatInZone(schedule.dueAt, schedule.timeZone)}, by ${schedule.editor.name}`;
}
