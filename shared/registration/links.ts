/**
 * The short path of a registration confirmation link (QR code on the desktop, opened on a phone):
 * `<public>/c/<22-character token>` stays under 80 characters. Links handed out before read
 * `/registration/confirm-link/<token>`; the renderer serves both.
 */
export const confirmLinkPath = (token: string): string => `/c/${token}`;
