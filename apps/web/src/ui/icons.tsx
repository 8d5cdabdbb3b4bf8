/** A handful of 16 px line icons, inline so they follow currentColor. */
const paths = {
  home: 'M2.5 7.5 8 3l5.5 4.5V13a.5.5 0 0 1-.5.5H10V10H6v3.5H3a.5.5 0 0 1-.5-.5z',
  dashboards: 'M2.5 13.5h11M4 11V8M7 11V4.5M10 11V6.5M13 11V3',
  surveys: 'M4 2.5h8a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1zM5.5 6h5M5.5 8.5h5M5.5 11h3',
  settings: 'M8 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5zM8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4',
  alerts: 'M4 11.5V7.5a4 4 0 0 1 8 0v4l1.5 1.5h-11zM6.5 13.5a1.5 1.5 0 0 0 3 0',
  texts: 'M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2zM5 6h6M5 8h4',
  customers: 'M8 2.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5zM3 13.5c0-2.5 2.2-4.5 5-4.5s5 2 5 4.5',
  cases: 'M2.5 4.5h11v8a1 1 0 0 1-1 1h-9a1 1 0 0 1-1-1zM2.5 4.5l1.5-2h8l1.5 2M2.5 8.5h3.5l1 1.5h2l1-1.5h3.5',
  // Compete (competitors, gap analyses) and Plan (initiatives, goals, target market).
  compete: 'M2.5 13.5V8.5h3v5M6.5 13.5v-8h3v8M10.5 13.5V3h3v10.5M1.5 13.5h13',
  plan: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM8 4.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7zM8 7.5a.5.5 0 1 0 0 1 .5.5 0 0 0 0-1z',
  identify: 'M2.5 4h11v8h-11zM5.5 6.5a1 1 0 1 0 0 2 1 1 0 0 0 0-2zM4 10.5c.3-.8.9-1.2 1.5-1.2s1.2.4 1.5 1.2M9 6.5h3M9 8.5h2',
  track: 'M1.5 8.5h3l1.5-4 3 8 1.5-4h4',
  page: 'M4 1.5h5l3 3v10H4zM9 1.5v3h3M6 8h4M6 10.5h4',
  order: 'M3 5h10l-.8 8.5H3.8zM5.5 5V4a2.5 2.5 0 0 1 5 0v1',
  merge: 'M4 2.5v3c0 2 4 2.5 4 5v3M12 2.5v3c0 2-4 2.5-4 5M6 11.5l2 2 2-2',
  chevron: 'M4.5 6.5 8 10l3.5-3.5',
  globe: 'M8 1.75a6.25 6.25 0 1 0 0 12.5 6.25 6.25 0 0 0 0-12.5zM1.75 8h12.5M8 1.75c1.7 1.8 2.5 3.9 2.5 6.25S9.7 12.45 8 14.25C6.3 12.45 5.5 10.35 5.5 8S6.3 3.55 8 1.75z',
  plus: 'M8 3v10M3 8h10',
  up: 'M8 12.5v-9M4.5 7 8 3.5 11.5 7',
  down: 'M8 3.5v9M4.5 9 8 12.5 11.5 9',
  trash: 'M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5',
  external: 'M9.5 2.5h4v4M13.5 2.5 7.5 8.5M12 9.5v3a1 1 0 0 1-1 1H3.5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3',
  download: 'M8 2.5v8M4.5 7 8 10.5 11.5 7M3 13.5h10',
  upload: 'M8 10.5v-8M4.5 6 8 2.5 11.5 6M3 13.5h10',
  // The case timeline's events.
  spark: 'M8 1.5v3M8 11.5v3M1.5 8h3M11.5 8h3M3.6 3.6l2 2M10.4 10.4l2 2M3.6 12.4l2-2M10.4 5.6l2-2',
  link: 'M6.5 9.5l3-3M7 4.5l1-1a2.5 2.5 0 0 1 3.5 3.5l-1 1M9 11.5l-1 1A2.5 2.5 0 0 1 4.5 9l1-1',
  person: 'M8 2.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5zM3 13.5c0-2.5 2.2-4.5 5-4.5s5 2 5 4.5',
  flow: 'M2.5 5h8M8 2.5 10.5 5 8 7.5M13.5 11h-8M8 8.5 5.5 11 8 13.5',
  flag: 'M3.5 14V2.5M3.5 3h8l-1.5 3 1.5 3h-8',
  team: 'M6 3a2 2 0 1 0 0 4 2 2 0 0 0 0-4zM11 4a1.6 1.6 0 1 0 0 3.2A1.6 1.6 0 0 0 11 4zM2 13c0-2.2 1.8-4 4-4s4 1.8 4 4M10.5 9.2c2 0 3.5 1.5 3.5 3.3',
  tag: 'M2.5 2.5h5l6 6-5 5-6-6zM5.5 5.5h.01',
  edit: 'M10.5 2.5l3 3-8 8h-3v-3zM9 4l3 3',
  note: 'M3.5 2.5h9v8l-3 3h-6zM9.5 13.5v-3h3M5.5 5.5h5M5.5 8h3',
  mailOut: 'M2 4h9v7.5H2zM2 4l4.5 4L11 4M11.5 8H15M13.5 6l1.5 2-1.5 2',
  mailIn: 'M5 4h9v7.5H5zM5 4l4.5 4L14 4M1 8h3.5M2.5 6 4.5 8l-2 2',
  clock: 'M8 1.75a6.25 6.25 0 1 0 0 12.5 6.25 6.25 0 0 0 0-12.5zM8 4.5V8l2.5 1.5',
  check: 'M3 8.5l3 3 7-7',
  survey: 'M4 2.5h8a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1zM5.5 6h5M5.5 8.5h5M5.5 11h3',
  reopen: 'M13 8a5 5 0 1 1-1.5-3.6M13 2.5v2.5h-2.5',
  bell: 'M4 11.5V7.5a4 4 0 0 1 8 0v4l1.5 1.5h-11zM6.5 13.5a1.5 1.5 0 0 0 3 0',
  keyboard: 'M1.5 4h13v8h-13zM4 6.5h.01M6.5 6.5h.01M9 6.5h.01M11.5 6.5h.01M5 9.5h6',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={paths[name]} />
    </svg>
  );
}
