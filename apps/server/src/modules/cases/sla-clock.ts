/**
 * A case's SLA clocks, pure: given when it opened, its policy, its team's calendar, the business
 * time it has spent waiting on the customer, and now — when each target (first response,
 * resolution) warns and falls due, what state each is in, and the next instant the clock must look
 * again. Due times are working time after opening plus the paused working time, so waiting on the
 * customer moves them later by exactly the business time spent waiting.
 */
import type { SlaState } from '@touchpoint/shared';
import { addBusinessMs, businessMsBetween, type BusinessCalendar } from './business-hours.js';

export interface SlaTargets { firstResponseMinutes: number; resolutionMinutes: number; warnAtPercent: number }

export interface SlaInput {
  createdAt: number;
  /** Working time (ms) spent waiting on the customer, closed pauses only. */
  pausedMs: number;
  /** Waiting on the customer since (an open pause), or null. */
  waitingSince: number | null;
  firstRespondedAt: number | null;
  /** Resolved or closed at (the resolution clock stops). */
  resolvedAt: number | null;
  /** States already recorded: a breach or a warning is announced once. */
  firstState: SlaState;
  resolutionState: SlaState;
}

export interface SlaPlan {
  firstResponseDueAt: number | null; firstResponseWarnAt: number | null;
  resolutionDueAt: number | null; resolutionWarnAt: number | null;
  firstState: SlaState; resolutionState: SlaState;
  /** The next instant a state can change by the clock alone (null: none, e.g. paused or decided). */
  nextAt: number | null;
  /** The pause, if one is open, counted up to now (for due times shown while waiting). */
  pausedMs: number;
}

const MINUTE = 60_000;

function clock(cal: BusinessCalendar, input: SlaInput, minutes: number, warnPercent: number, doneAt: number | null, recorded: SlaState, now: number) {
  const target = minutes * MINUTE;
  const due = addBusinessMs(cal, input.createdAt, target + input.pausedMs);
  const warnAt = addBusinessMs(cal, input.createdAt, Math.floor((target * warnPercent) / 100) + input.pausedMs);
  let state: SlaState;
  if (doneAt !== null) state = recorded === 'breached' || (due !== null && doneAt > due) ? 'breached' : 'met';
  else if (recorded === 'breached' || (due !== null && now >= due && input.waitingSince === null)) state = 'breached';
  else if (recorded === 'warning' || (warnAt !== null && now >= warnAt && input.waitingSince === null)) state = 'warning';
  else state = 'pending';
  // While waiting on the customer the clock stands still: nothing to look at until it runs again.
  const pending = doneAt === null && input.waitingSince === null;
  const next = !pending ? null : state === 'pending' ? warnAt : state === 'warning' ? due : null;
  return { due, warnAt, state, next };
}

export function planSla(cal: BusinessCalendar, targets: SlaTargets, input: SlaInput, now: number): SlaPlan {
  // An open pause counts up to now, so due times shown while waiting are where they would be if
  // the customer answered this instant.
  const openPause = input.waitingSince !== null ? businessMsBetween(cal, input.waitingSince, now) : 0;
  const effective = { ...input, pausedMs: input.pausedMs + openPause };
  const first = clock(cal, effective, targets.firstResponseMinutes, targets.warnAtPercent, input.firstRespondedAt ?? input.resolvedAt, input.firstState, now);
  const resolution = clock(cal, effective, targets.resolutionMinutes, targets.warnAtPercent, input.resolvedAt, input.resolutionState, now);
  const nexts = [first.next, resolution.next].filter((x): x is number => x !== null);
  return {
    firstResponseDueAt: first.due, firstResponseWarnAt: first.warnAt, resolutionDueAt: resolution.due, resolutionWarnAt: resolution.warnAt,
    firstState: first.state, resolutionState: resolution.state,
    nextAt: nexts.length ? Math.min(...nexts) : null,
    pausedMs: effective.pausedMs,
  };
}

/** The working time of a pause that ends now, to add to the case's paused total. */
export const pauseLength = (cal: BusinessCalendar, waitingSince: number, now: number) => businessMsBetween(cal, waitingSince, now);
