/**
 * Materials given the very same file (same SHA-256): usually a slip (the application form chosen
 * twice), so the applicant is told before submitting. Each group lists the material keys.
 */
export const sameFileGroups = (uploads: readonly { materialKey: string; sha256: string }[]): string[][] => {
  const byHash = new Map<string, string[]>();
  for (const u of uploads) byHash.set(u.sha256, [...(byHash.get(u.sha256) ?? []), u.materialKey]);
  return [...byHash.values()].filter((keys) => keys.length > 1);
};
