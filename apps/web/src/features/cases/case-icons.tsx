/** The case timeline's 16 px line icons, drawn like ui/icons.tsx (stroke follows currentColor). */
const paths = {
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
  up: 'M8 12.5v-9M4.5 7 8 3.5 11.5 7',
  check: 'M3 8.5l3 3 7-7',
  survey: 'M4 2.5h8a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1zM5.5 6h5M5.5 8.5h5M5.5 11h3',
  reopen: 'M13 8a5 5 0 1 1-1.5-3.6M13 2.5v2.5h-2.5',
  bell: 'M4 11.5V7.5a4 4 0 0 1 8 0v4l1.5 1.5h-11zM6.5 13.5a1.5 1.5 0 0 0 3 0',
  keyboard: 'M1.5 4h13v8h-13zM4 6.5h.01M6.5 6.5h.01M9 6.5h.01M11.5 6.5h.01M5 9.5h6',
} as const;

export type CaseIconName = keyof typeof paths;

export function CaseIcon({ name, size = 16 }: { name: CaseIconName; size?: number }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={paths[name]} />
    </svg>
  );
}
