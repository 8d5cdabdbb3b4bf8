/**
 * The life of one ECharts canvas, shared by the app's chart wrappers (`Chart`, `PlanChart`,
 * dashboards' `DashChart`): created in its box, sized with the box (ResizeObserver), disposed with
 * the component, and redrawn only when `redrawKey` changes. Each wrapper registers its own chart
 * parts with `echarts.use` in its module (echarts/core keeps one registry), so a page chunk carries
 * only the parts its charts draw.
 */
import { useEffect, useRef, type RefObject } from 'react';
import * as echarts from 'echarts/core';

/** One font stack for every chart, Chinese faces included (the PDF and PNG exports copy the canvases). */
export const CHART_FONT = 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK TC", "Noto Sans CJK SC", "PingFang TC", "Microsoft JhengHei", sans-serif';

export interface EChartSetup {
  /** The chart's option, drawn with `notMerge` (a new option replaces the old one whole). */
  option: object;
  /**
   * Redraw when this changes: parents rebuild their option object on every render, and redrawing
   * an unchanged one would re-animate the chart on unrelated updates (a live refresh, a tooltip).
   */
  redrawKey: string;
  /** Options every drawing of this wrapper starts from (font, animation). */
  base?: object;
  /** Once per canvas, after it is created: listeners (clicks, the end of a drawing). */
  onInit?: (instance: echarts.ECharts, box: HTMLDivElement) => void;
  /** Before each drawing (e.g. marking the box as still rendering for the exports). */
  beforeDraw?: (box: HTMLDivElement) => void;
}

export function useEChart({ option, redrawKey, base, onInit, beforeDraw }: EChartSetup): RefObject<HTMLDivElement | null> {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const last = useRef('');
  const init = useRef(onInit);
  init.current = onInit;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    last.current = ''; // a new canvas (React may mount twice in development) is empty: draw again
    init.current?.(instance, el);
    const ro = new ResizeObserver(() => instance.resize());
    ro.observe(el);
    return () => { ro.disconnect(); instance.dispose(); chart.current = null; };
  }, []);

  useEffect(() => {
    const el = box.current;
    if (!chart.current || !el || redrawKey === last.current) return;
    last.current = redrawKey;
    beforeDraw?.(el);
    chart.current.setOption({ textStyle: { fontFamily: CHART_FONT }, ...base, ...option }, { notMerge: true });
    // Only redrawKey: the option and base are in it by content, not by identity.
  }, [redrawKey]);

  return box;
}
