import { type LocalizedText, text } from '../text';

/**
 * Names for the USCC positions 1–2 the domain doc confirms. Other authorities (2–8, A–G) exist in
 * other sources but are not confirmed here, so they get no name rather than a guessed one.
 */
const AUTHORITIES: Record<string, LocalizedText> = {
  '1': text('机构编制', 'Institutional establishment'),
  '5': text('民政', 'Civil affairs'),
  '9': text('市场监督管理', 'Market regulation'),
  Y: text('其他', 'Other'),
};

const TYPES_UNDER_MARKET_REGULATION: Record<string, LocalizedText> = {
  '1': text('企业', 'Enterprise'),
  '2': text('个体工商户', 'Individual business'),
  '3': text('农民专业合作社', "Farmers' specialized cooperative"),
};

export const usccAuthorityLabel = (authority: string): LocalizedText | null => AUTHORITIES[authority] ?? null;

/** Null when the category is not one the doc names (including every category under other authorities). */
export const usccEntityTypeLabel = (authority: string, entityType: string): LocalizedText | null =>
  authority === '9' ? (TYPES_UNDER_MARKET_REGULATION[entityType] ?? null) : null;
