import type { Rule } from '../rule.js';
import type { LanguageDraft } from '../template-schema.js';
import { componentsOfType, defineRule, isAuthentication } from './define.js';

/**
 * Authentication-template specifics. contracts.md does not cover Meta's authentication-templates page,
 * so these rules are marked secondary: they follow that page as remembered, not re-read for the snapshot.
 */
const AUTH_REFERENCE = 'Meta authentication-templates page (not in contracts.md snapshot) [secondary]';

export const authComponents = defineRule<LanguageDraft>(
  {
    id: 'auth.components',
    source: 'secondary',
    reference: AUTH_REFERENCE,
    description:
      'Authentication templates have no header and no body text of their own: Meta writes the body ("<code> is your verification code"), optionally with add_security_recommendation.',
    hint: 'Remove the HEADER and the body text; use add_security_recommendation: true on the BODY.',
  },
  (d, report) => {
    if (!isAuthentication(d)) return;
    for (const { index } of componentsOfType(d, 'HEADER'))
      report(['components', index], 'authentication templates have no header');
    for (const { item, index } of componentsOfType(d, 'BODY'))
      if (item.text !== undefined)
        report(['components', index, 'text'], 'authentication templates take no body text');
    for (const { item, index } of componentsOfType(d, 'FOOTER'))
      if (item.text !== undefined)
        report(['components', index, 'text'], 'use code_expiration_minutes, not footer text');
  },
);

export const authExpiry = defineRule<LanguageDraft>(
  {
    id: 'auth.code-expiration',
    source: 'secondary',
    reference: AUTH_REFERENCE,
    description: 'code_expiration_minutes in an authentication footer is between 1 and 90.',
    hint: 'Set code_expiration_minutes to a whole number from 1 to 90.',
  },
  (d, report) => {
    for (const { item, index } of componentsOfType(d, 'FOOTER')) {
      const m = item.code_expiration_minutes;
      if (m === undefined) continue;
      if (!isAuthentication(d))
        report(
          ['components', index, 'code_expiration_minutes'],
          'only authentication templates expire codes',
        );
      else if (m < 1 || m > 90)
        report(['components', index, 'code_expiration_minutes'], `${m} minutes; allowed 1–90`);
    }
  },
);

export const authOtpButton = defineRule<LanguageDraft>(
  {
    id: 'auth.otp-button',
    source: 'secondary',
    reference: AUTH_REFERENCE,
    description:
      'An authentication template has exactly one OTP button (otp_type COPY_CODE, ONE_TAP or ZERO_TAP; one-tap and zero-tap name the Android app); OTP buttons exist only in authentication templates.',
    hint: 'Use one button {type: OTP, otp_type: COPY_CODE}; for ONE_TAP/ZERO_TAP add package_name and signature_hash.',
  },
  (d, report) => {
    const groups = componentsOfType(d, 'BUTTONS');
    const buttons = groups.flatMap(({ item, index }) =>
      (item.buttons ?? []).map((b, j) => ({
        b,
        path: ['components', index, 'buttons', j] as (string | number)[],
      })),
    );
    if (!isAuthentication(d)) {
      for (const { b, path } of buttons)
        if (b.type === 'OTP') report(path, 'OTP buttons belong to authentication templates');
      return;
    }
    const otp = buttons.filter(({ b }) => b.type === 'OTP');
    if (buttons.length !== 1 || otp.length !== 1)
      report(
        groups[0] ? ['components', groups[0].index, 'buttons'] : ['components'],
        'needs exactly one OTP button',
      );
    for (const { b, path } of otp) {
      if (b.otp_type === undefined) report([...path, 'otp_type'], 'OTP button without otp_type');
      const app = (b.package_name && b.signature_hash) || (b.supported_apps?.length ?? 0) > 0;
      if ((b.otp_type === 'ONE_TAP' || b.otp_type === 'ZERO_TAP') && !app)
        report(path, `${b.otp_type} needs package_name and signature_hash (or supported_apps)`);
    }
  },
);

export const authRules: readonly Rule<LanguageDraft>[] = [authComponents, authExpiry, authOtpButton];
