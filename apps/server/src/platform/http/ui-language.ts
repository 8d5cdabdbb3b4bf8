/**
 * The UI language a request prefers, from its Accept-Language header (RFC 9110 weights), among
 * the three the product speaks. Chinese tags are mapped by script, then by region: zh-Hant,
 * zh-TW, zh-HK and zh-MO are Traditional; zh-Hans, zh-CN, zh-SG and bare zh are Simplified.
 * null when nothing the header names is one of them (callers then use their default).
 */
import type { UiLanguage } from '@touchpoint/shared';

function tagLanguage(tag: string): UiLanguage | null {
  const parts = tag.toLowerCase().split('-');
  if (parts[0] === 'en') return 'en';
  if (parts[0] !== 'zh') return null;
  if (parts.includes('hant') || parts.some((p) => p === 'tw' || p === 'hk' || p === 'mo')) return 'zh-Hant';
  return 'zh-Hans';
}

export function preferredUiLanguage(header: string | string[] | undefined): UiLanguage | null {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return null;
  const ranked = value.split(',').map((part, i) => {
    const [tag, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/i.exec(p)?.[1]).find((x) => x !== undefined);
    return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), i };
  }).filter((x) => x.tag && x.q > 0 && Number.isFinite(x.q)).sort((a, b) => b.q - a.q || a.i - b.i);
  for (const r of ranked) {
    const lang = tagLanguage(r.tag);
    if (lang) return lang;
  }
  return null;
}
