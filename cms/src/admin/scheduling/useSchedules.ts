/** Loads schedules from the admin API (polled, so states change as jobs run) and makes, changes and cancels them. */
import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ScheduleAction, ScheduleList } from '../../lib/scheduling/types';
import { ownTimeZone } from '../../lib/scheduling/time';

export function useSchedules(filter: Record<string, string>) {
  const { get, post, put } = useFetchClient();
  const [list, setList] = React.useState<ScheduleList | null>(null);
  const [message, setMessage] = React.useState<{ text: string; error: boolean } | null>(null);
  const query = new URLSearchParams(filter).toString();

  const load = React.useCallback(async () => {
    const { data } = await get<ScheduleList>(`/ssc-schedules${query ? `?${query}` : ''}`);
    setList(data);
  }, [get, query]);

  React.useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 3000);
    return () => clearInterval(timer);
  }, [load]);

  /** Runs a request, shows its outcome (the server's reason when refused), reloads; true when it succeeded. */
  const act = async (request: () => Promise<unknown>, done: string): Promise<boolean> => {
    try {
      await request();
      setMessage({ text: done, error: false });
      return true;
    } catch (error) {
      setMessage({ text: `Refused: ${(error as Error).message}`, error: true });
      return false;
    } finally {
      await load();
    }
  };

  return {
    list,
    message,
    create: (entry: { uid: string; documentId: string; locale: string }, action: ScheduleAction, dueAt: string) =>
      act(() => post('/ssc-schedules', { ...entry, action, dueAt, timeZone: ownTimeZone() }), 'Scheduled.'),
    change: (id: number, action: ScheduleAction, dueAt: string) =>
      act(() => put(`/ssc-schedules/${id}`, { action, dueAt, timeZone: ownTimeZone() }), 'Schedule changed.'),
    cancel: (id: number) => act(() => post(`/ssc-schedules/${id}/cancel`, {}), 'Schedule cancelled.'),
  };
}
