/**
 * Themes: a workspace taxonomy (keywords and examples in English, 繁體 or 简体), tagging texts
 * with themes, spans and confidence, and suggesting new themes from frequent key phrases the
 * taxonomy does not cover. Pure functions.
 */
export { compileTaxonomy, keywordPattern, KEYWORD_WEIGHT, EXAMPLE_WEIGHT, type ThemeDef, type CompiledTaxonomy, type CompiledKeyword, type CompileOptions } from './taxonomy.js';
export { tagThemes, type TaggedTheme, type TagOptions, type ThemeMatch } from './tag.js';
export { discoverThemes, type DiscoverOptions, type DiscoveredTheme } from './discover.js';
export { DEFAULT_TAXONOMY, type LocalisedThemeDef } from './default-taxonomy.js';
export { fold, toSimplified, toTraditional } from './fold.js';
