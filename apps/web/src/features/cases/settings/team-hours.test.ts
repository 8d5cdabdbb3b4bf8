// @vitest-environment node
/** The weekly hours editor ↔ the contract's Sunday-first spans, and the team form around it. */
import { describe, expect, it } from 'vitest';
import { TeamInput, type Team } from '@touchpoint/shared';
import { checkTeam, emptyTeam, teamDraft } from './team-draft';
import {
  addHoliday, copyMondayToWeekdays, hoursSummary, normaliseTime, officeWeek, weekDraft, weekToHours, weekdayName, weeklyMinutes, type WeekDraft,
} from './team-hours';

const closed = (): WeekDraft => Array.from({ length: 7 }, () => []);

describe('weekly hours', () => {
  it('reads times as people type them', () => {
    expect(['9', '09', '9:30', '0930', '9.30', ' 18:00 ', '24', '24:00', '0:00', '9：15'].map(normaliseTime))
      .toEqual(['09:00', '09:00', '09:30', '09:30', '09:30', '18:00', '24:00', '24:00', '00:00', '09:15']);
    expect(['', '25', '24:30', '9:60', 'nine', '9:5', '1:2:3'].map(normaliseTime)).toEqual([null, null, null, null, null, null, null]);
  });

  it('gives the contract seven Sunday-first days of sorted spans, which the server schema accepts', () => {
    const week = closed();
    week[1] = [{ from: '13', to: '18' }, { from: '9', to: '1200' }];
    week[6] = [{ from: '10:00', to: '24:00' }];
    const { hours, errors } = weekToHours(week);
    expect(errors).toEqual({});
    expect(hours).toEqual([[], [{ from: '09:00', to: '12:00' }, { from: '13:00', to: '18:00' }], [], [], [], [], [{ from: '10:00', to: '24:00' }]]);
    expect(TeamInput.safeParse({ name: 'Care', timeZone: 'Asia/Taipei', hours }).success).toBe(true);
    expect(weeklyMinutes(hours!)).toBe(8 * 60 + 14 * 60);
  });

  it('round-trips stored hours through the editor unchanged', () => {
    const stored = weekToHours(officeWeek()).hours!;
    expect(weekToHours(weekDraft(stored)).hours).toEqual(stored);
    expect(stored[0]).toEqual([]);
    expect(stored[1]).toEqual([{ from: '09:00', to: '18:00' }]);
    expect(weeklyMinutes(stored)).toBe(5 * 9 * 60);
  });

  it('names bad spans at the server’s paths: unreadable, backwards, overlapping', () => {
    const week = closed();
    week[2] = [{ from: '9', to: 'x' }, { from: '18', to: '17' }];
    week[3] = [{ from: '09:00', to: '13:00' }, { from: '12:00', to: '18:00' }];
    week[4] = [{ from: '24:00', to: '24:00' }];
    const { hours, errors } = weekToHours(week);
    expect(hours).toBeNull();
    expect(errors).toEqual({
      'hours[2][0].to': 'HH:MM', 'hours[2][1].to': 'from before to', 'hours[3][1].from': 'overlaps another span',
      'hours[4][0].from': 'HH:MM', 'hours[4][0].to': 'from before to',
    });
  });

  it('copies Monday to Tuesday–Friday and leaves the weekend alone', () => {
    const week = closed();
    week[1] = [{ from: '08:00', to: '12:00' }, { from: '13:00', to: '17:00' }];
    week[3] = [{ from: '10:00', to: '11:00' }];
    week[6] = [{ from: '10:00', to: '14:00' }];
    const copied = copyMondayToWeekdays(week);
    for (const d of [1, 2, 3, 4, 5]) expect(copied[d]).toEqual(week[1]);
    expect(copied[0]).toEqual([]);
    expect(copied[6]).toEqual([{ from: '10:00', to: '14:00' }]);
    copied[2][0].from = '07:00';
    expect(week[1][0].from).toBe('08:00'); // copies, not shared rows
  });

  it('summarises a week in one line, Monday first', () => {
    const day = (d: number) => weekdayName('en', d, 'short');
    const hours = weekToHours(officeWeek()).hours!;
    expect(hoursSummary(hours, day)).toBe('Mon–Fri 09:00–18:00');
    hours[6] = [{ from: '10:00', to: '14:00' }];
    hours[0] = [{ from: '10:00', to: '14:00' }];
    hours[3] = [{ from: '09:00', to: '12:00' }, { from: '13:00', to: '18:00' }];
    expect(hoursSummary(hours, day)).toBe('Mon–Tue 09:00–18:00 · Wed 09:00–12:00, 13:00–18:00 · Thu–Fri 09:00–18:00 · Sat–Sun 10:00–14:00');
    expect(hoursSummary(closed() as never, day)).toBe('');
    expect(weekdayName('zh-TW', 0)).toBe('星期日');
  });

  it('keeps holidays sorted and unique', () => {
    expect(addHoliday(addHoliday(['2026-12-25'], '2026-01-01'), '2026-12-25')).toEqual(['2026-01-01', '2026-12-25']);
    expect(addHoliday(['2026-01-01'], '')).toEqual(['2026-01-01']);
  });
});

describe('team form', () => {
  it('makes the body the server takes, and reads a team back', () => {
    const d = { ...emptyTeam('Asia/Taipei'), name: 'Care', holidays: ['2026-02-16'], assignment: 'skill' as const, leadUserId: 'u1' };
    const { body, errors } = checkTeam(d);
    expect(errors).toEqual({});
    expect(body).toMatchObject({ name: 'Care', timeZone: 'Asia/Taipei', holidays: ['2026-02-16'], assignment: 'skill', leadUserId: 'u1' });
    expect(body!.hours[5]).toEqual([{ from: '09:00', to: '18:00' }]);
    const team = { ...body!, id: 't1', createdAt: '', updatedAt: '' } as Team;
    expect(teamDraft(team)).toEqual(d);
    expect(checkTeam({ ...d, leadUserId: '' }).body!.leadUserId).toBeNull();
  });

  it('reports the name and a bad hour together', () => {
    const d = emptyTeam('UTC');
    d.week[1] = [{ from: '9', to: '8' }];
    expect(Object.keys(checkTeam(d).errors).sort()).toEqual(['hours[1][0].to', 'name']);
  });
});
