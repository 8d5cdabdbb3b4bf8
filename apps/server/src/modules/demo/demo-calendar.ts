/**
 * When demo responses arrive: the 365 days before `now`, shaped like a growing APAC shop —
 * weekly rhythm, evening peaks, the 11.11 / 12.12 / 618 sale seasons, a Christmas bump and a
 * quiet week around Lunar New Year. Dashboards then show believable weekly and seasonal curves.
 */
import { WeightedPicker, type Rand } from './demo-random.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** HK, TW, SG, MY and CN all keep UTC+8, so one offset gives local days and hours for everyone. */
const APAC_OFFSET = 8 * HOUR;
export const DEMO_SPAN_DAYS = 365;
export const DEMO_SPAN_MS = DEMO_SPAN_DAYS * DAY;

/** Sunday … Saturday: feedback follows weekday deliveries and support shifts, weekends dip. */
const WEEKDAY_FACTOR = [0.85, 1.12, 1.05, 1.0, 0.96, 0.92, 0.8];

/** Local hour of day 0 … 23: lunch break and the 8–10 pm couch-shopping peak. */
const HOUR_WEIGHTS = [
  0.3, 0.15, 0.08, 0.05, 0.05, 0.08, 0.2, 0.45, 0.7, 0.85, 0.95, 1.0,
  1.15, 1.05, 0.95, 0.9, 0.9, 0.95, 1.05, 1.2, 1.4, 1.45, 1.2, 0.7,
];

interface SeasonEvent {
  month: number; // 1–12
  day: number;
  widthDays: number;
  /** Extra volume at the centre (negative for a holiday lull). */
  volume: number;
  /** How much the event strains logistics and support (0–1), which lowers scores a little. */
  strain: number;
}

// Centres sit a few days after the sale itself: surveys go out once orders are delivered.
// Lunar New Year moves every year; late January / early February is close enough for demo data.
const SEASON_EVENTS: SeasonEvent[] = [
  { month: 11, day: 15, widthDays: 4, volume: 1.3, strain: 1 }, // 11.11 Singles' Day
  { month: 12, day: 14, widthDays: 3, volume: 0.45, strain: 0.5 }, // 12.12
  { month: 12, day: 21, widthDays: 5, volume: 0.35, strain: 0.3 }, // Christmas gifts
  { month: 6, day: 21, widthDays: 3, volume: 0.6, strain: 0.6 }, // 618 mid-year sale
  { month: 1, day: 22, widthDays: 5, volume: 0.3, strain: 0.3 }, // pre-Lunar-New-Year shopping
  { month: 2, day: 3, widthDays: 4, volume: -0.4, strain: 0 }, // Lunar New Year holidays
];

export interface DemoMoment {
  at: Date;
  /** 0 at the start of the year of data, 1 at `now`: drives the improving trend. */
  progress: number;
  /** 0–1, how stretched operations were that day (sale seasons). */
  strain: number;
}

function cyclicDayDistance(a: Date, month: number, day: number): number {
  const y = a.getUTCFullYear();
  const here = Date.UTC(y, a.getUTCMonth(), a.getUTCDate());
  let best = Infinity;
  for (const year of [y - 1, y, y + 1]) best = Math.min(best, Math.abs(here - Date.UTC(year, month - 1, day)) / DAY);
  return best;
}

interface DayInfo {
  midnight: number; // UTC ms of local midnight
  strain: number;
}

export class DemoCalendar {
  private readonly days: DayInfo[] = [];
  private readonly dayPicker: WeightedPicker<number>;
  private readonly hourPicker: WeightedPicker<number>;
  private readonly start: number;
  private readonly end: number;

  constructor(now: Date) {
    this.end = now.getTime();
    this.start = this.end - DEMO_SPAN_MS;
    const todayMidnight = Math.floor((this.end + APAC_OFFSET) / DAY) * DAY - APAC_OFFSET;
    const dayWeights: [number, number][] = [];
    for (let i = 0; i < DEMO_SPAN_DAYS; i++) {
      const midnight = todayMidnight - (DEMO_SPAN_DAYS - 1 - i) * DAY;
      const local = new Date(midnight + APAC_OFFSET);
      const growth = 0.8 + 0.35 * (i / DEMO_SPAN_DAYS); // the shop gains customers over the year
      let season = 1;
      let strain = 0;
      for (const e of SEASON_EVENTS) {
        const d = cyclicDayDistance(local, e.month, e.day);
        const bump = Math.exp(-(d * d) / (2 * e.widthDays * e.widthDays));
        season += e.volume * bump;
        strain = Math.max(strain, e.strain * bump);
      }
      this.days.push({ midnight, strain });
      dayWeights.push([i, WEEKDAY_FACTOR[local.getUTCDay()] * growth * Math.max(0.2, season)]);
    }
    this.dayPicker = new WeightedPicker(dayWeights);
    this.hourPicker = new WeightedPicker(HOUR_WEIGHTS.map((w, h) => [h, w] as const));
  }

  /** A submission time within the 365 days before `now`, never in the future. */
  pick(rand: Rand): DemoMoment {
    const day = this.days[this.dayPicker.pick(rand)];
    const hour = this.hourPicker.pick(rand);
    let at = day.midnight + hour * HOUR + Math.floor(rand() * 3600) * 1000;
    // Today is only partly over: move a "later today" time to the same hour a week earlier,
    // which keeps the weekday pattern. The oldest day still starts after now − 365 days.
    if (at > this.end) at -= 7 * DAY;
    return { at: new Date(at), progress: (at - this.start) / DEMO_SPAN_MS, strain: day.strain };
  }
}
