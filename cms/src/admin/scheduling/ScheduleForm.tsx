/** Picks an action and a time (in the browser's time zone, which it names) for a schedule. */
import * as React from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import type { ScheduleAction } from '../../lib/scheduling/types';
import { fromDateTimeLocalValue, ownTimeZone, toDateTimeLocalValue } from '../../lib/scheduling/time';

const inputStyle: React.CSSProperties = { padding: '6px 8px', border: '1px solid #dcdce4', borderRadius: 4, font: 'inherit', maxWidth: '100%' };

export function ScheduleForm(props: {
  initial?: { action: ScheduleAction; dueAt: string };
  submitLabel: string;
  onSubmit(action: ScheduleAction, dueAt: string): Promise<boolean>;
  onClose?: () => void;
}) {
  const [action, setAction] = React.useState<ScheduleAction>(props.initial?.action ?? 'publish');
  // A new schedule starts an hour from now, on the minute.
  const [when, setWhen] = React.useState(() =>
    toDateTimeLocalValue(props.initial ? new Date(props.initial.dueAt) : new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 3_600_000)),
  );
  const [problem, setProblem] = React.useState<string | null>(null);
  const submit = async () => {
    const dueAt = fromDateTimeLocalValue(when);
    if (!dueAt) return setProblem('Give a date and time.');
    setProblem(null);
    if ((await props.onSubmit(action, dueAt)) && props.onClose) props.onClose();
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="schedule-form">
      <label>
        <Typography variant="pi" fontWeight="bold">
          Action
        </Typography>
        <br />
        <select aria-label="Scheduled action" value={action} onChange={(e) => setAction(e.target.value as ScheduleAction)} style={inputStyle}>
          <option value="publish">Publish</option>
          <option value="unpublish">Unpublish</option>
        </select>
      </label>
      <label>
        <Typography variant="pi" fontWeight="bold">
          Date and time
        </Typography>
        <br />
        <input aria-label="Scheduled time" type="datetime-local" step={1} value={when} onChange={(e) => setWhen(e.target.value)} style={inputStyle} />
      </label>
      <Typography variant="pi" textColor="neutral600" data-testid="schedule-time-zone">
        Time zone: {ownTimeZone()} (your browser&apos;s)
      </Typography>
      {problem ? <Typography textColor="danger600">{problem}</Typography> : null}
      <Flex gap={2}>
        <Button size="S" onClick={() => void submit()}>
          {props.submitLabel}
        </Button>
        {props.onClose ? (
          <Button size="S" variant="tertiary" onClick={props.onClose}>
            Close
          </Button>
        ) : null}
      </Flex>
    </Flex>
  );
}
