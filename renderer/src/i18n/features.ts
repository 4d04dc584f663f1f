/** Feature namespaces, merged into the translation resources (each feature owns its file). */
export const featureMessages: { zh: Record<string, unknown>; en: Record<string, unknown> } = {
  zh: {},
  en: {},
};
